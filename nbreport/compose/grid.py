"""Normalise a schema Table into the one grid both renderers print."""

from __future__ import annotations

import math
from typing import Literal

from ..schema.tables import Table, cell_text
from ..schema.theme import Theme
from .nodes import GridCell, GridColumn, TableGrid

_NARROW_NAMES = {"序号", "排名", "年份"}
_LONG_TEXT_CAP = 28.0
_LANDSCAPE_WEIGHT = 64.0


def text_width(text: str) -> float:
    """Return the printed width of text in em: CJK characters 1, ASCII 0.55."""
    return sum(0.55 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def build_grid(table: Table, theme: Theme, landscape: bool | None = None) -> TableGrid:
    """Return the table as a grid: two-up folded, merges resolved, widths chosen."""
    header = [column.name for column in table.columns]
    texts = [[cell_text(cell) for cell in row] for row in table.rows]
    merge = [column.merge for column in table.columns]
    if table.layout == "two-up":
        header, texts, merge = _fold_two_up(header, texts, merge)
    weights = [_column_weight(name, [row[i] for row in texts]) for i, name in enumerate(header)]
    total = sum(weights) or 1.0
    columns = tuple(
        GridColumn(name=name, width=weight / total, align=_align(name, [row[i] for row in texts]))
        for i, (name, weight) in enumerate(zip(header, weights))
    )
    if landscape is None:
        landscape = sum(weights) > _LANDSCAPE_WEIGHT
    return TableGrid(
        columns=columns,
        rows=_merge_runs(texts, merge, theme.continued_suffix),
        continued_caption=theme.continued_caption,
        continued_suffix=theme.continued_suffix,
        landscape=landscape,
    )


def _fold_two_up(
    header: list[str], rows: list[list[str]], merge: list[bool]
) -> tuple[list[str], list[list[str]], list[bool]]:
    half = math.ceil(len(rows) / 2)
    blank = [""] * len(header)
    folded = [rows[i] + (rows[half + i] if half + i < len(rows) else blank) for i in range(half)]
    return header + header, folded, merge + merge


def _column_weight(name: str, cells: list[str]) -> float:
    if name in _NARROW_NAMES:
        return max(2.6, text_width(name) + 0.8)
    widths = sorted(text_width(text) for text in cells) or [0.0]
    typical = widths[int(0.9 * (len(widths) - 1))]
    return max(text_width(name) + 1.0, min(typical + 1.0, _LONG_TEXT_CAP))


def _align(name: str, cells: list[str]) -> Literal["left", "center"]:
    if name in _NARROW_NAMES:
        return "center"
    longest = max((text_width(text) for text in cells), default=0.0)
    return "center" if longest <= 8 else "left"


def _merge_runs(texts: list[list[str]], merge: list[bool], suffix: str) -> tuple[tuple[GridCell, ...], ...]:
    spans = [[1] * len(merge) for _ in texts]
    for col, merged in enumerate(merge):
        if not merged:
            continue
        start = 0
        for row in range(1, len(texts) + 1):
            if row < len(texts) and texts[row][col] == texts[start][col] and texts[row][col]:
                spans[row][col] = 0
                continue
            spans[start][col] = row - start
            start = row
    return tuple(
        tuple(
            GridCell(text=text, span=spans[r][c], merge_label=text + suffix if merge[c] else None)
            for c, text in enumerate(row)
        )
        for r, row in enumerate(texts)
    )
