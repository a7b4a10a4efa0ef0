"""A merge crossing a page break of the office layout restarts there with the grid's continuation label."""

from __future__ import annotations

import pytest

from nbreport.compose import nodes as dn
from nbreport.render.docx_table import cell_on_page, split_widths

ROWS = tuple((dn.GridCell("一等奖", span, "一等奖（续）"), dn.GridCell(f"项目{i}")) for i, span in enumerate([3, 0, 0]))
GRID = dn.TableGrid((dn.GridColumn("奖励类别", 0.5), dn.GridColumn("项目名称", 0.5)), ROWS, "续表", "（续）", top_align_span=1)


@pytest.mark.parametrize(("pages", "expected"), [
    ((), [("一等奖", "restart", True), ("", "continue", False), ("", "continue", False)]),  # no layout known
    ((1, 1, 1, 1), [("一等奖", "restart", True), ("", "continue", False), ("", "continue", False)]),
    ((1, 1, 2, 2), [("一等奖", "restart", True), ("一等奖（续）", "restart", True), ("", "continue", False)]),
    ((1, 1, 1, 2), [("一等奖", "restart", True), ("", "continue", False), ("一等奖（续）", "restart", False)]),
    ((1, 1, 1), [("一等奖", "restart", True), ("", "continue", False), ("", "continue", False)]),  # stale layout
])
def test_merges_restart_on_the_row_a_page_begins_with(pages, expected):
    assert [cell_on_page(GRID, r, 0, pages) for r in range(3)] == expected


def test_unmerged_cells_print_their_text():
    assert cell_on_page(GRID, 1, 1, (1, 1, 2, 2)) == ("项目1", None, False)


def test_widths_follow_the_shares_and_fill_the_total():
    assert split_widths(1000, [1, 1, 2]) == [250, 250, 500]
    assert sum(split_widths(999, [1, 1, 1])) == 999
