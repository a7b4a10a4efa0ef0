"""Lay a table grid out as Word rows: column widths, and merges split where an office layout breaks pages."""

from __future__ import annotations

from collections.abc import Sequence

from ..compose import nodes as dn


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
