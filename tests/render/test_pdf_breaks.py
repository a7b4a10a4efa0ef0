"""Page breaks in tables and case boxes: no sliver of a table or box is left on either side of a break."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from nbreport.compose import nodes as dn
from nbreport.compose import policy
from nbreport.render.fonts import FontSet, load_fonts
from nbreport.render.pdf_flow import Box, KeepWithNext, Stack
from nbreport.render.pdf_styles import StyleMap, hex_color
from nbreport.render.pdf_table import GridFlowable, GridModel, TableLook
from nbreport.render.pdf_text import CJKParagraph
from nbreport.schema.theme import Theme

MARGIN = 40.0
FRAME_HEIGHT = A5[1] - 2 * MARGIN - 12  # SimpleDocTemplate's frame pads 6 pt on each side


@pytest.fixture(scope="module")
def styles() -> StyleMap:
    theme = Theme()
    return StyleMap(theme, load_fonts(theme))


def grid_table(styles: StyleMap, rows: int) -> GridFlowable:
    """Return a two-column table of ``rows`` one-line rows."""
    columns = (dn.GridColumn("序号", 0.2, "center"), dn.GridColumn("名称", 0.8))
    body = tuple((dn.GridCell(str(i + 1)), dn.GridCell(f"单位{i + 1}")) for i in range(rows))
    grid = dn.TableGrid(columns=columns, rows=body, continued_caption="续表", continued_suffix="（续）")
    block = dn.TableBlock(caption="表 名单", grid=grid, record="t.csv")
    fonts: FontSet = styles.fonts
    return GridFlowable(GridModel(block, styles, fonts), TableLook.of(styles))


def lay_out(tmp_path: Path, story: list[Flowable], seen: Callable[[Flowable, int], None]) -> int:
    """Build ``story`` on A5 pages, calling ``seen`` with each placed flowable and its page; return the pages."""
    doc = SimpleDocTemplate(str(tmp_path / "breaks.pdf"), pagesize=A5, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN)
    doc.afterFlowable = lambda flowable: seen(flowable, doc.page)  # type: ignore[method-assign]
    doc.build(story)
    return doc.page


def table_pieces(tmp_path: Path, story: list[Flowable]) -> list[tuple[int, int]]:
    """Return (page, body rows) of each table piece printed."""
    pieces: list[tuple[int, int]] = []

    def seen(flowable: Flowable, page: int) -> None:
        if isinstance(flowable, GridFlowable):  # the rest of a table, drawn whole
            pieces.append((page, len(flowable.model.grid.rows) - flowable.start))
        for item in _leaves(flowable):
            if isinstance(item, Table):
                pieces.append((page, len(item._cellvalues) - 1))

    lay_out(tmp_path, story, seen)
    return pieces


def _leaves(flowable: Flowable) -> list[Flowable]:
    if isinstance(flowable, Stack):
        return [leaf for item in flowable.items for leaf in _leaves(item)]
    return [flowable]


def row_height(styles: StyleMap, tmp_path: Path) -> float:
    """Return the height of one body row, measured from two tables that differ by one row."""
    one, two = grid_table(styles, 1), grid_table(styles, 2)
    return two.wrap(300, 1e6)[1] - one.wrap(300, 1e6)[1]


def above(styles: StyleMap, tmp_path: Path, table: GridFlowable, rows_left: float) -> Spacer:
    """Return a spacer that leaves room for the caption, header and ``rows_left`` rows at the page foot."""
    head = grid_table(styles, 0).wrap(A5[0] - 2 * MARGIN - 12, 1e6)[1]
    room = head + rows_left * row_height(styles, tmp_path)
    return Spacer(1, FRAME_HEIGHT - room)


def test_policy_asks_three_rows_each_side_of_a_break():
    grid = dn.TableGrid(columns=(), rows=(), continued_caption="续表", continued_suffix="（续）")
    assert grid.keep_first_rows == policy.KEEP_FIRST_ROWS == 3
    assert grid.keep_last_rows == policy.KEEP_LAST_ROWS == 3


def test_a_table_that_fits_on_a_page_moves_whole_instead_of_splitting(styles, tmp_path):
    table = grid_table(styles, 10)
    pieces = table_pieces(tmp_path, [above(styles, tmp_path, table, 6.5), table])
    assert pieces == [(2, 10)]


@pytest.mark.parametrize("rows_left", [1.5, 2.5])
def test_a_piece_of_fewer_than_three_rows_at_a_page_foot_moves_on(styles, tmp_path, rows_left):
    table = grid_table(styles, 80)
    pieces = table_pieces(tmp_path, [above(styles, tmp_path, table, rows_left), table])
    assert pieces[0][0] == 2
    assert sum(rows for _, rows in pieces) == 80


@pytest.mark.parametrize("extra", [1, 2])
def test_a_continuation_carries_at_least_three_rows(styles, tmp_path, extra):
    full_pages = table_pieces(tmp_path, [grid_table(styles, 200)])
    per_page = full_pages[1][1]  # rows on a continued page
    rows = full_pages[0][1] + per_page + extra  # the last page would hold ``extra`` rows
    pieces = table_pieces(tmp_path, [grid_table(styles, rows)])
    assert sum(count for _, count in pieces) == rows
    assert all(count >= 3 for _, count in pieces), pieces


def test_a_heading_kept_with_a_table_does_not_leave_a_sliver(styles, tmp_path):
    table = grid_table(styles, 80)
    heading = CJKParagraph("标题", styles.para("section.title"))
    pieces = table_pieces(tmp_path, [above(styles, tmp_path, table, 4.0), KeepWithNext(heading, table)])
    assert all(count >= 3 for _, count in pieces), pieces
    assert sum(count for _, count in pieces) == 80


# ---------------------------------------------------------------- boxes


def case_box(styles: StyleMap, body_lines: int) -> Box:
    """Return a case box: title, one paragraph of about ``body_lines`` lines, a one-line signature."""
    title = CJKParagraph("案例标题", styles.para("case.title"))
    body = CJKParagraph("科技创新驱动发展。" * 4 * body_lines, styles.para("case.body"))
    signature = CJKParagraph("某某技术创新中心有限公司", styles.para("case.body"))
    title.keep_with_next = True  # type: ignore[attr-defined]
    return Box([KeepWithNext(title, body), signature], hex_color("F2F2F2"), hex_color("C55A11"), 8.0)


def box_lines(tmp_path: Path, story: list[Flowable]) -> list[tuple[int, int]]:
    """Return (page, lines) of each box piece printed."""
    pieces: list[tuple[int, int]] = []

    def seen(flowable: Flowable, page: int) -> None:
        if isinstance(flowable, Box):
            count = sum(len(leaf.blPara.lines) for child in flowable.children for leaf in _leaves(child)
                        if isinstance(leaf, CJKParagraph))
            pieces.append((page, count))

    lay_out(tmp_path, story, seen)
    return pieces


@pytest.mark.parametrize("shift", range(0, 60, 6))
def test_a_split_box_keeps_two_lines_on_each_side(styles, tmp_path, shift):
    box = case_box(styles, 8)
    _, height = box.wrap(A5[0] - 2 * MARGIN - 12, 1e6)
    filler = Spacer(1, FRAME_HEIGHT - height + 4 + shift)  # the signature line (or more) falls over the foot
    pieces = box_lines(tmp_path, [filler, box])
    assert all(lines >= 2 for _, lines in pieces), pieces
    if len(pieces) == 2:
        assert [page for page, _ in pieces] == [1, 2]


def test_a_box_too_tall_for_a_page_still_prints_every_line(styles, tmp_path):
    whole = case_box(styles, 60)
    _, height = whole.wrap(A5[0] - 2 * MARGIN - 12, 1e6)
    expected = sum(len(leaf.blPara.lines) for child in whole.children for leaf in _leaves(child)
                   if isinstance(leaf, CJKParagraph))
    pieces = box_lines(tmp_path, [case_box(styles, 60)])
    assert height > FRAME_HEIGHT
    assert sum(lines for _, lines in pieces) == expected
    assert all(lines >= 2 for _, lines in pieces), pieces
