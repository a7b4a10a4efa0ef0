"""Big tables are written row by row at save: same bytes as rows held in the tree, read back whole."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from nbreport.compose import nodes as dn
from nbreport.render import docx as docx_module
from nbreport.render import docx_rows, ooxml
from nbreport.render.docx import _DocxWriter, render_docx
from builders import FakeOffice
from nbreport.render.docx_layout import PageLayout
from nbreport.render.docx_package import open_base
from nbreport.render.docx_rows import STREAM_ROWS, run_markup
from nbreport.schema import Theme

THEME = Theme()
RUN = 7  # rows per category: every run is one vertical merge
ROWS = STREAM_ROWS * 2 + 3


def big_document(rows: int = ROWS) -> dn.Document:
    info = dn.DocumentInfo("t", "a", "s", (), "zh-CN", "t")
    cells = []
    for i in range(rows):
        category = f"类别{i // RUN}"
        span = min(RUN, rows - i) if i % RUN == 0 else 0
        cells.append((dn.GridCell(category, span, category + "（续）"), dn.GridCell(f"项目{i} & <甲>"),
                      dn.GridCell(f"单位{i}\n单位{i + 1}")))
    columns = (dn.GridColumn("奖励类别", 0.2), dn.GridColumn("项目名称", 0.5), dn.GridColumn("完成单位", 0.3))
    grid = dn.TableGrid(columns, tuple(cells), "续表", "（续）")
    heading = dn.Heading(1, "获奖项目", "p1", "chapter.title", number="附录1")
    return dn.Document(info, [heading, dn.TableBlock("获奖项目名单", grid, note="注：合成数据。")])


@pytest.fixture(scope="module")
def streamed(tmp_path_factory) -> Path:
    return render_docx(big_document(), THEME, tmp_path_factory.mktemp("big") / "big.docx")


def test_a_streamed_table_reads_back_with_every_row(streamed):
    table = docx.Document(str(streamed)).tables[0]
    assert len(table.rows) == ROWS + 1
    assert [c.text for c in table.rows[0].cells] == ["奖励类别", "项目名称", "完成单位"]
    assert table.rows[ROWS].cells[1].text == f"项目{ROWS - 1} & <甲>"
    assert table.rows[ROWS].cells[2].text == f"单位{ROWS - 1}\n单位{ROWS}"


def test_the_header_row_repeats_and_only_it(streamed):
    rows = docx.Document(str(streamed)).tables[0]._tbl.tr_lst
    assert [r.trPr.find(qn("w:tblHeader")) is not None for r in rows] == [True] + [False] * ROWS
    assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)


def test_merges_survive_streaming(streamed):
    rows = docx.Document(str(streamed)).tables[0]._tbl.tr_lst[1:]
    states = [None if (m := r.tc_lst[0].tcPr.find(qn("w:vMerge"))) is None else m.get(qn("w:val"), "continue")
              for r in rows]
    assert states == [("restart" if i % RUN == 0 else "continue") if min(RUN, ROWS - i // RUN * RUN) > 1 else None
                      for i in range(ROWS)]


def test_streamed_and_held_rows_give_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    streamed = render_docx(big_document(), THEME, tmp_path / "s.docx").read_bytes()
    monkeypatch.setattr(docx_module, "STREAM_ROWS", 10 * ROWS)
    held = render_docx(big_document(), THEME, tmp_path / "h.docx").read_bytes()
    assert streamed == held


def test_without_source_date_epoch_a_streamed_package_is_complete(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = render_docx(big_document(), THEME, tmp_path / "s.docx")
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        assert package.namelist()[0] == "[Content_Types].xml"
        assert b"nbreport-rows" not in package.read("word/document.xml")
    assert len(docx.Document(str(path)).tables[0].rows) == ROWS + 1


def test_a_big_table_is_not_held_in_the_tree():
    base, _ = open_base(None, THEME)
    writer = _DocxWriter(base, THEME, big_document().info, keep_existing_styles=False)
    writer.write(big_document().nodes)
    (tbl,) = base.element.body.iter(qn("w:tbl"))
    assert len(tbl.findall(qn("w:tr"))) == 1  # the header; the body rows come at save
    assert writer.deferred


def test_a_small_table_is_held_in_the_tree():
    base, _ = open_base(None, THEME)
    writer = _DocxWriter(base, THEME, big_document().info, keep_existing_styles=False)
    writer.write(big_document(rows=9).nodes)
    (tbl,) = base.element.body.iter(qn("w:tbl"))
    assert len(tbl.findall(qn("w:tr"))) == 10
    assert not writer.deferred


class BreakingOffice(FakeOffice):
    """Report every row on page 1 up to row STREAM_ROWS + 2, the rest on page 2."""

    def measure(self, docx: bytes) -> PageLayout:
        pages = tuple(1 if r <= STREAM_ROWS + 2 else 2 for r in range(ROWS + 1))
        return PageLayout(pages={"p1": 1}, rows={"tbl1": pages})


def test_a_streamed_merge_restarts_with_its_label_where_the_office_breaks_the_page(tmp_path):
    path = render_docx(big_document(), THEME, tmp_path / "o.docx", office=BreakingOffice("soffice", "python3"))
    rows = docx.Document(str(path)).tables[0]._tbl.tr_lst[1:]
    first = rows[STREAM_ROWS + 2].tc_lst[0]  # the first row on page 2, inside a category run
    category = f"类别{(STREAM_ROWS + 2) // RUN}"
    assert "".join(t.text for t in first.iter(qn("w:t"))) == category + "（续）"
    assert first.tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"


@pytest.mark.parametrize("rows", [1, 2, 3, 4, 5, 9])
def test_each_row_keeps_with_the_next_at_most_once(tmp_path, rows):
    path = render_docx(big_document(rows), THEME, tmp_path / "k.docx")
    table = docx.Document(str(path)).tables[0]._tbl
    kept = [len(tr.tc_lst[0].find(qn("w:p")).pPr.findall(qn("w:keepNext"))) for tr in table.tr_lst]
    assert set(kept) <= {0, 1}
    assert kept[0] == 1  # the header starts a page with the first rows
    assert kept[-1] == 0  # the last row keeps with nothing


@given(st.text(alphabet=st.sampled_from("甲a &<>\r\n\t\"' \u3000"), max_size=12))
def test_run_markup_is_what_lxml_writes_for_add_run(text):
    p = OxmlElement("w:p")
    ooxml.add_run(p, text)
    expected = etree.tostring(p[0], encoding="unicode").replace(docx_rows._W_DECL, "", 1)
    assert run_markup(text) == expected
