"""Lay a table grid out as Word rows: column widths, and merges split where an office layout breaks pages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..compose import nodes as dn
from .docx_rows import Row, RowMarkup
from .ooxml import CellFormat


def grid_rows(grid: dn.TableGrid, pages: Sequence[int], markup: RowMarkup, cell_style: str) -> Iterator[str]:
    """Yield the markup of the grid's body rows; the first and last rows keep with the next (no widow row).

    ``pages`` is the office layout's page of the header and of each row (empty when unknown).
    """
    kinds: dict[tuple[int, str | None, str], CellFormat] = {}
    count = len(grid.rows)
    first_kept = min(grid.keep_first_rows - 1, count - 1)  # with the header, they start a page together
    last_kept = range(count - grid.keep_last_rows, count - 1) if count > grid.keep_last_rows else range(0)
    for r, row in enumerate(grid.rows):
        formats, texts = [], []
        for c, cell in enumerate(row):
            text, state, top = cell_on_page(grid, r, c, pages)
            key = (c, state, "top" if top else "center")
            fmt = kinds.get(key)
            if fmt is None:
                fmt = kinds[key] = CellFormat(cell_style, grid.columns[c].align, key[1], valign=key[2])
            formats.append(fmt)
            texts.append(text)
        yield markup.row(Row(texts, formats, keep=r < first_kept or r in last_kept))


def cell_on_page(grid: dn.TableGrid, r: int, c: int, pages: Sequence[int]) -> tuple[str, str | None, bool]:
    """Return a cell's text, vertical-merge state and whether it sits at the top.

    ``pages`` holds the page of the header row and of every grid row, as the office layout
    put them; a merge that crosses a page break restarts there with the grid's continuation
    label, so every page shows the category of its rows.
    """
    cell = grid.rows[r][c]
    if cell.span == 0:
        if len(pages) == len(grid.rows) + 1 and pages[r + 1] != pages[r]:
            return cell.merge_label or cell.text, "restart", run_length(grid, r, c) > grid.top_align_span
        return "", "continue", False
    return cell.text, "restart" if cell.span > 1 else None, cell.span > grid.top_align_span


def run_length(grid: dn.TableGrid, r: int, c: int) -> int:
    """Return how many rows from ``r`` on are covered by the same merge."""
    end = r
    while end + 1 < len(grid.rows) and grid.rows[end + 1][c].span == 0:
        end += 1
    return end - r + 1


def split_widths(total: int, fractions: Sequence[float]) -> list[int]:
    """Return column widths in twips that follow ``fractions`` and add up to ``total``."""
    whole = sum(fractions) or 1.0
    widths = [int(total * fraction / whole) for fraction in fractions]
    if widths:
        widths[-1] += total - sum(widths)
    return widths
