"""Limits on sizes the renderers cannot lay out: table width and row height, titles, headings, text.

Each limit is found at validate time, so build never meets content it cannot place.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from .. import codes
from ..compose.grid import build_grid, text_width
from ..compose.nodes import TableGrid
from ..findings import Finding
from ..schema.report import Report
from ..schema.tables import Table, cell_text
from ..schema.theme import Theme
from .context import CheckContext, PathKey

# Portrait page sizes in millimetres, as reportlab's A4, B5 and LETTER.
PAGE_MM = {"A4": (210.0, 297.0), "B5": (176.0, 250.0), "Letter": (215.9, 279.4)}
PT_PER_MM = 72 / 25.4
CELL_PADDING_EM = 0.35  # each side, as render/pdf_table.py pads cells

ROW_SHARE_OF_PAGE = 0.8  # of the frame height a row may fill, leaving room for caption and header
MAX_TITLE = 60  # characters: a cover line, a running header and a file name (255 bytes)
MAX_TITLE_EN = 200  # characters of the English cover line
MAX_HEADING = 100  # characters of a heading, district name, case title or column name
MAX_CAPTION = 200  # characters of a figure or table caption
MAX_TEXT = 20_000  # characters in one paragraph or cell; W-TEXT-LONG warns far earlier


def frame_width_mm(theme: Theme, landscape: bool) -> float:
    """Return the width of the text frame inside the margins, in millimetres."""
    width, height = PAGE_MM[theme.page_size]
    return (height if landscape else width) - theme.margin_left_mm - theme.margin_right_mm


def frame_height_mm(theme: Theme, landscape: bool) -> float:
    """Return the height of the text frame inside the margins, in millimetres."""
    width, height = PAGE_MM[theme.page_size]
    return (width if landscape else height) - theme.margin_top_mm - theme.margin_bottom_mm


def check_table_fits(table: Table, path: PathKey, ctx: CheckContext, landscape: bool | None,
                      theme: Theme | None = None) -> Iterator[Finding]:
    """Yield an error when the table's narrowest column cannot hold one character of its font.

    The PDF gives each column its share of the frame width (compose/grid.py) and breaks
    text between characters; a column narrower than one character plus padding has
    no line break that fits, and reportlab stops with "too large on page".
    """
    theme = theme or Theme()
    grid = build_grid(table, theme, landscape)
    frame = frame_width_mm(theme, grid.landscape)
    size_mm = max(theme.style("table.cell").size, theme.style("table.header").size) / PT_PER_MM
    need = size_mm * (1 + 2 * CELL_PADDING_EM)
    narrowest = min(grid.columns, key=lambda column: column.width)
    if frame * narrowest.width < need:
        yield codes.make("E-TABLE-TOO-WIDE", ctx.at(path), columns=len(grid.columns), column=narrowest.name,
                         width=f"{frame * narrowest.width:.1f}", need=f"{need:.1f}",
                         page="横向" if grid.landscape else "纵向")
        return
    yield from _tall_rows(table, path, ctx, theme, grid)


def _tall_rows(table: Table, path: PathKey, ctx: CheckContext, theme: Theme, grid: TableGrid) -> Iterator[Finding]:
    # The PDF splits a table between rows, never inside one: a row taller than the page
    # cannot be placed. Estimate each cell's lines from its printed width in its column.
    style = theme.style("table.cell")
    size_mm = style.size / PT_PER_MM
    width, height = frame_width_mm(theme, grid.landscape), frame_height_mm(theme, grid.landscape)
    room = ROW_SHARE_OF_PAGE * height
    if table.layout == "two-up" or len(grid.columns) != len(table.columns):
        return  # folded rows: the grid's cells no longer match the table's
    for row_index, row in enumerate(table.rows):
        for column_index, (cell, column) in enumerate(zip(row, grid.columns)):
            inner = width * column.width - 2 * CELL_PADDING_EM * size_mm
            per_line = max(1, int(inner / size_mm))
            lines = math.ceil(text_width(cell_text(cell)) / per_line)
            if lines * size_mm * style.line_spacing > room:
                yield codes.make("E-TABLE-ROW-TALL", ctx.cell(path, row_index, column_index),
                                 column=column.name, length=len(cell_text(cell)))
                break


def check_titles(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield an error for a title too long for the cover, the running header and the file name.

    The outputs are named after the title; most file systems allow 255 bytes (UTF-8: 85
    Chinese characters), less the year line, the extension and the temporary name.
    """
    for field, limit in (("title", MAX_TITLE), ("title_en", MAX_TITLE_EN)):
        value = getattr(report.meta, field) or ""
        if len(value) > limit:
            yield codes.make("E-TITLE-LONG", ctx.at(("meta", field)), field=field, length=len(value), limit=limit)


def check_headings(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield an error for a heading or caption too long to keep with its text on one page.

    A heading is kept with the next paragraph and repeated in the 目录; one of a thousand
    characters is taller than a page and stops the PDF ("Splitting error").
    """
    data = report.model_dump(mode="python", exclude={"meta", "indicators"})
    for path, field, text in _heading_texts(data, ()):
        limit = MAX_CAPTION if field == "caption" else MAX_HEADING
        if len(text) > limit:
            yield codes.make("E-HEADING-LONG", ctx.at(path), length=len(text), limit=limit)


def _heading_texts(data: object, path: PathKey) -> Iterator[tuple[PathKey, str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            heading = key in ("title", "name", "caption") or (key == "text" and data.get("kind") == "subheading")
            if heading and isinstance(value, str):
                yield path + (key,), key, value
            else:
                yield from _heading_texts(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _heading_texts(value, path + (index,))
