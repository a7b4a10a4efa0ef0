"""The DOCX renderer prints every node of the Document in Word's own structures, and only those."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from builders import paragraph, small_report
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.render.docx import render_docx
from nbreport.render.docx_table import split_widths as _split
from nbreport.render.errors import RenderError
from nbreport.schema import Theme
from nbreport.schema.inline import Run

THEME = Theme()
BUILTIN_HEADING = {"chapter.title": 1, "section.title": 2, "subheading": 3, "minorheading": 4}
AWARD_ROWS = [["一等奖", "甲项目"], ["一等奖", "乙项目"], ["一等奖", "丙项目"], ["二等奖", "丁项目"], ["三等奖", "戊项目"], ["三等奖", "己项目"]]


def sample_report(image: Path):
    award = {"kind": "table", "caption": "获奖项目", "table_kind": "award",
             "columns": [{"name": "奖励类别", "merge": True}, {"name": "项目名称"}], "rows": AWARD_ROWS}
    case = {"kind": "case", "title": "甬江实验室", "blocks": [paragraph("案例正文。"), {"kind": "figure", "caption": "实验室外景"}]}
    figure = {"kind": "figure", "caption": "大会现场", "image": str(image)}
    bullets = {"kind": "bullets", "items": [paragraph("要点一。", "加强统筹。"), paragraph("要点二。")]}
    chapter = {"kind": "chapter", "title": "培育战略科技力量", "intro": [paragraph("本章导语。")],
               "sections": [{"title": "甬江科创区建设", "blocks": [
                   paragraph("正文内容。", "加大基础研究投入。"), {"kind": "subheading", "text": "小标题"},
                   bullets, case, figure, award]}]}
    districts = {"kind": "districts", "title": "区（县、市）科技创新工作",
                 "districts": [{"name": "海曙区", "intro": [paragraph("海曙区概况。")], "items": [paragraph("推进项目。", "创新平台。")]}]}
    people = {"title": "青年科技奖获奖人员名单", "landscape": True,
              "table": {"columns": [{"name": "姓名"}, {"name": "工作单位"}, {"name": "提名单位"}], "rows": [["李 晔", "宁波大学", "市教育局"]]}}
    return small_report(
        overview={"intro": [paragraph("2023年以来，全市科技系统……")], "sections": [{"title": "区域创新争先进位", "blocks": [paragraph("综述正文。")]}]},
        chapters=[chapter, districts],
        conclusion={"blocks": [paragraph("结语正文。")]},
        chronology={"events": [{"date": "5月22—24日", "text": "举办活动。"}, {"date": "4月1日", "text": "召开会议。"}]},
        appendices=[people],
    )


@pytest.fixture(scope="module")
def image(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("img") / "photo.png"
    Image.new("RGB", (1600, 900), (90, 120, 160)).save(path)
    return path


@pytest.fixture(scope="module")
def document(image) -> dn.Document:
    return compose(sample_report(image), THEME)


@pytest.fixture(scope="module")
def rendered(document, tmp_path_factory) -> Path:
    return render_docx(document, THEME, tmp_path_factory.mktemp("docx") / "report.docx")


@pytest.fixture(scope="module")
def word(rendered):
    return docx.Document(str(rendered))


def all_paragraphs(word) -> list:
    """Return every paragraph of the body, including those inside tables, in order."""
    return [docx.text.paragraph.Paragraph(p, word) for p in word.element.body.iter(qn("w:p"))]


def body_tables(word) -> list:
    return [docx.table.Table(t, word) for t in word.element.body.iter(qn("w:tbl"))]


def expected_strings(nodes) -> list[str]:
    """Return the text of every printed paragraph the nodes call for (tables apart)."""
    found: list[str] = []
    for node in nodes:
        match node:
            case dn.Cover():
                found += [t for t in (node.year_line, node.title, node.title_en, node.editor_line) if t]
            case dn.Toc():
                found += [node.title, *(e.label for e in node.entries)]
            case dn.Heading():
                found.append(node.label)
            case dn.Paragraph():
                found.append(node.text)
            case dn.BulletList():
                found += [item.text for item in node.items]
            case dn.Figure():
                found.append(node.caption)
            case dn.TableBlock():
                found += [t for t in (node.caption, node.note) if t]
            case dn.CaseBox():
                found += [node.title, *expected_strings(node.children)]
            case dn.DistrictEntry():
                found += [node.heading.label, *(p.text for p in node.intro), *(p.text for p in node.items)]
            case dn.Chronology():
                for month in node.months:
                    found.append(month.heading.label)
                    found += [f"{e.date}\u3000{e.text}" for e in month.events]
    return found


def test_every_paragraph_text_is_printed_in_order(document, word):
    printed = [p.text.rstrip("\t") for p in all_paragraphs(word) if p.text]
    expected = expected_strings(document.nodes)
    position = 0
    for text in expected:
        matches = [i for i in range(position, len(printed)) if printed[i].endswith(text)]
        assert matches, f"not printed after paragraph {position}: {text!r}"
        position = matches[0] + 1


def test_headings_use_word_heading_styles_and_carry_their_anchor(document, word):
    by_text = {p.text: p for p in word.paragraphs}
    for heading in document.headings():
        p = by_text[heading.label]
        style = p.style
        if heading.role in BUILTIN_HEADING:
            assert style.name == f"Heading {BUILTIN_HEADING[heading.role]}"
        else:
            assert style.base_style.name == f"Heading {heading.level}"
        names = [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))]
        assert names == [heading.anchor]
        assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(heading.level - 1)
        own_level = p._p.pPr.find(qn("w:outlineLvl"))
        # out of the 目录 means out of the navigation pane, as out of the PDF outline
        assert (own_level is not None and own_level.get(qn("w:val")) == "9") == (not heading.in_toc)


def test_chapter_and_section_titles_are_heading_1_and_2(word):
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles["第一章\u3000培育战略科技力量"] == "Heading 1"
    assert styles["第一节\u3000甬江科创区建设"] == "Heading 2"
    assert styles["小标题"] == "Heading 3"


def test_bold_lead_in_is_a_bold_run_in_the_same_paragraph(word):
    p = next(p for p in word.paragraphs if p.text == "加大基础研究投入。正文内容。")
    assert [(r.text, bool(r.bold)) for r in p.runs] == [("加大基础研究投入。", True), ("正文内容。", False)]


def test_bullets_print_marker_then_item(word):
    texts = [p.text for p in word.paragraphs if p.style.name == "nb.bullet"]
    assert texts == ["•\t加强统筹。要点一。", "•\t要点二。", "▶\t创新平台。推进项目。"]


def grid_texts(grid: dn.TableGrid) -> list[list[str]]:
    header = [c.name for c in grid.columns]
    return [header] + [[cell.text if cell.span else "" for cell in row] for row in grid.rows]


def test_every_table_cell_is_printed(document, word):
    tables = [n for n in document.nodes if isinstance(n, dn.TableBlock)]
    tables += [c for n in document.nodes if isinstance(n, dn.CaseBox) for c in n.children if isinstance(c, dn.TableBlock)]
    data_tables = [t for t in body_tables(word) if t._tbl.find(qn("w:tr")).find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert len(data_tables) == len(tables)
    for node, table in zip(tables, data_tables):
        printed = [[tc.text for tc in row.iter(qn("w:tc")) for tc in [docx.table._Cell(tc, table)]] for row in table._tbl.tr_lst]
        assert printed == grid_texts(node.grid)


def test_table_header_repeats_rows_do_not_split_and_merges_are_vertical(word):
    table = next(t for t in body_tables(word) if t._tbl.tr_lst[0].xpath("string(.)") == "奖励类别项目名称")
    rows = table._tbl.tr_lst
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for row in rows[1:])
    assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
    merges = [row.tc_lst[0].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for row in rows[1:]]
    states = [None if m is None else m.get(qn("w:val"), "continue") for m in merges]
    assert states == ["restart", "continue", "continue", None, "restart", "continue"]
    assert [row.tc_lst[0].xpath("string(.)") for row in rows[1:]] == ["一等奖", "", "", "二等奖", "三等奖", ""]


def test_table_columns_fill_the_text_width_with_fixed_layout(word):
    table = next(t for t in body_tables(word) if t._tbl.tr_lst[0].xpath("string(.)") == "奖励类别项目名称")
    section = word.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(grid) == text_width
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    cell_widths = [int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) for tc in table._tbl.tr_lst[1].tc_lst]
    assert cell_widths == grid


def test_case_box_is_a_shaded_box_whose_title_row_keeps_with_its_body(word):
    box = next(t for t in body_tables(word) if t._tbl.xpath("string(.)").startswith("甬江实验室"))
    rows = box._tbl.tr_lst
    assert [len(row.tc_lst) for row in rows] == [1, 1]
    fills = {row.tc_lst[0].find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) for row in rows}
    assert fills == {THEME.case_fill}
    borders = box._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:color")) == THEME.accent_color
    assert borders.find(qn("w:insideH")).get(qn("w:val")) == "nil"
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    title = box.cell(0, 0).paragraphs
    assert [p.text for p in title] == ["甬江实验室"] and title[0].style.name == "nb.case.title"
    assert title[0].style.paragraph_format.keep_with_next
    paragraphs = box.cell(1, 0).paragraphs
    assert [p.text for p in paragraphs] == ["案例正文。", "", "实验室外景"]  # the photo still to come: its frame
    assert paragraphs[1]._p.xpath(".//w:drawing")


def test_figure_image_fits_the_text_width_and_caption_follows(word):
    shapes = word.inline_shapes
    assert len(shapes) == 2  # the photo, and the frame of the figure in the case box that has none yet
    section = word.sections[0]
    assert all(shape.width <= section.page_width - section.left_margin - section.right_margin for shape in shapes)
    paragraphs = word.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p._p.xpath(".//w:drawing"))
    assert paragraphs[index].paragraph_format.keep_with_next
    assert paragraphs[index + 1].text == "大会现场"


def test_chronology_event_starts_with_bold_date(word):
    p = next(p for p in word.paragraphs if p.text.startswith("5月22—24日"))
    assert p.runs[0].text == "5月22—24日" and p.runs[0].bold
    months = [p.text for p in word.paragraphs if p.style.name == "nb.chronology.month"]
    assert months == ["4月", "5月"]


def test_toc_is_a_prefilled_field_and_word_updates_fields_on_open(document, word):
    body = word.element.body
    instructions = [t.text for t in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith('TOC \\o "1-2" \\h \\z \\u') for i in instructions)
    toc = next(n for n in document.nodes if isinstance(n, dn.Toc))
    entries = [p.text.rstrip("\t") for p in word.paragraphs if p.style.name.startswith("toc ")]
    assert entries == [e.label for e in toc.entries]
    links = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert links == [e.anchor for e in toc.entries]
    kinds = [f.get(qn("w:fldCharType")) for f in body.iter(qn("w:fldChar"))]
    assert kinds.count("begin") == kinds.count("end") == 1 + len(toc.entries)
    update = word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_chinese_fonts_are_set_through_east_asia(word):
    def fonts(style_name):
        rfonts = word.styles[style_name].element.rPr.rFonts
        return rfonts.get(qn("w:eastAsia")), rfonts.get(qn("w:ascii"))

    assert fonts("nb.body") == (THEME.serif.cjk, THEME.serif.latin)
    assert fonts("Heading 1") == (THEME.sans.cjk, THEME.sans.latin)
    assert word.styles["Heading 1"].font.size == Pt(THEME.style("chapter.title").size)
    assert word.styles["nb.body"].element.pPr.ind.get(qn("w:firstLineChars")) == "200"


def test_document_properties_and_language(document, word):
    props = word.core_properties
    assert (props.title, props.author) == (document.info.title, document.info.author)
    assert props.subject == document.info.subject
    lang = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def header_fields(section) -> list[str]:
    return [t.text.strip() for t in section.header._element.iter(qn("w:instrText"))]


def test_cover_is_bare_and_the_other_pages_carry_header_and_page_number(word):
    sections = word.sections
    cover, toc_section, first_body = sections[0], sections[1], sections[2]
    assert cover.header.is_linked_to_previous and cover.footer.is_linked_to_previous
    assert not toc_section.header.is_linked_to_previous and not toc_section.footer.is_linked_to_previous
    assert toc_section.header.paragraphs[0].text == "2023年度宁波市科技进步报告"
    assert header_fields(toc_section) == []
    assert not first_body.header.is_linked_to_previous
    assert header_fields(first_body) == []  # literal text: LibreOffice and WPS leave STYLEREF empty
    assert all(s.footer.is_linked_to_previous for s in sections[2:])
    assert [t.text.strip() for t in toc_section.footer._element.iter(qn("w:instrText"))] == ["PAGE"]
    assert not list(word.element.body.iter(qn("w:pgNumType")))  # numbered on from the cover, as the PDF


def test_each_page_run_prints_its_chapter_title_in_the_header(document, word):
    runs = [node for node in document.nodes if isinstance(node, dn.PageBreak)]
    assert len(word.sections) == len(runs) + 1  # the cover, then one section per page run
    for section, run in zip(word.sections[1:], runs):
        header = section.header.paragraphs[0].text
        assert header == (f"{document.info.running_title}\t{run.header}" if run.header else document.info.running_title)
    assert any(run.header for run in runs)


def test_appendix_is_landscape_with_a_header_as_wide_as_its_text(word):
    sections = word.sections
    last = sections[-1]
    assert last.page_width > last.page_height
    assert all(s.page_width < s.page_height for s in sections[:-1])
    assert not last.header.is_linked_to_previous
    tab = last.header._element.find(f".//{qn('w:tab')}[@{qn('w:val')}='right']")
    assert int(tab.get(qn("w:pos"))) == (last.page_width - last.left_margin - last.right_margin) // 635


def test_consecutive_page_breaks_make_one_section(tmp_path):
    info = dn.DocumentInfo("t", "a", "s", (), "zh-CN", "t")
    nodes = [dn.Heading(1, "甲", "p1", "chapter.title"), dn.PageBreak(), dn.PageBreak("landscape"),
             dn.Heading(1, "乙", "p2", "chapter.title")]
    path = render_docx(dn.Document(info, nodes), THEME, tmp_path / "a.docx")
    sections = docx.Document(str(path)).sections
    assert len(sections) == 2
    assert sections[1].page_width > sections[1].page_height


def bad_document(where: str) -> dn.Document:
    info = dn.DocumentInfo("t", "a", "s", (), "zh-CN", "t")
    text = "含有\x07响铃"
    grid = dn.TableGrid((dn.GridColumn("名称", 1.0),), ((dn.GridCell("好"),), (dn.GridCell(text if where == "cell" else "好"),)), "续表", "（续）")
    nodes = [
        dn.Heading(1, "第一章", "p7", "chapter.title"),
        dn.Paragraph((Run(text="正常"), Run(text=text if where == "paragraph" else "正常"))),
        dn.TableBlock("表", grid, record="tables/awards.csv"),
    ]
    return dn.Document(info, nodes)


@pytest.mark.parametrize(("where", "record", "field"), [
    ("paragraph", "p7", "nodes[1].runs[1]"),
    ("cell", "tables/awards.csv", "rows[1][0]"),
])
def test_control_characters_raise_and_leave_no_file(tmp_path, where, record, field):
    target = tmp_path / "report.docx"
    with pytest.raises(RenderError) as error:
        render_docx(bad_document(where), THEME, target)
    assert (error.value.record, error.value.field) == (record, field)
    assert "U+0007" in error.value.message
    assert list(tmp_path.iterdir()) == []


def test_same_source_date_epoch_gives_identical_bytes(document, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render_docx(document, THEME, tmp_path / "a.docx").read_bytes()
    second = render_docx(document, THEME, tmp_path / "b.docx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert package.namelist()[0] == "[Content_Types].xml"
    created = docx.Document(str(tmp_path / "a.docx")).core_properties.created
    assert created.timestamp() == 1700000000


def test_reference_document_styles_win(document, tmp_path):
    reference = docx.Document()
    reference.styles["Heading 1"].font.size = Pt(31)
    reference.styles["Normal"].font.size = Pt(13)
    reference.add_paragraph("参考文档里的正文，不应出现在输出中")
    reference.sections[0].left_margin = docx.shared.Mm(40)
    reference.save(tmp_path / "reference.docx")
    out = docx.Document(str(render_docx(document, THEME, tmp_path / "out.docx", reference=tmp_path / "reference.docx")))
    assert out.styles["Heading 1"].font.size == Pt(31)
    assert abs(out.sections[0].left_margin - docx.shared.Mm(40)) < docx.shared.Mm(0.1)
    assert "参考文档里的正文，不应出现在输出中" not in [p.text for p in out.paragraphs]
    assert "nb.body" not in [style.name for style in out.styles]  # body text is the reference's own Normal
    body = [p for p in out.paragraphs if p.text == "正文内容。" or p.text.endswith("正文内容。")]
    assert body and all(p.style.name == "Normal" for p in body)
    assert out.styles["Normal"].font.size == Pt(13)


def test_unreadable_reference_is_a_render_error(document, tmp_path):
    (tmp_path / "bad.docx").write_text("not a zip")
    with pytest.raises(RenderError) as error:
        render_docx(document, THEME, tmp_path / "out.docx", reference=tmp_path / "bad.docx")
    assert error.value.field == "reference"
    assert not (tmp_path / "out.docx").exists()


@given(st.integers(min_value=100, max_value=20000), st.lists(st.floats(min_value=0.01, max_value=1.0), min_size=1, max_size=12))
def test_column_widths_add_up_to_the_text_width(total, fractions):
    widths = _split(total, fractions)
    assert sum(widths) == total and len(widths) == len(fractions) and min(widths) >= 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_docx_to_a_pdf_with_the_headings(rendered, tmp_path):
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(rendered)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert "培育战略科技力量" in text and "甬江实验室" in text


def test_the_2023_report_prints_every_heading_and_table_row(tmp_path):
    from conftest import DATA
    from nbreport.load import load_report

    document = compose(load_report(DATA / "2023"), THEME)
    word = docx.Document(str(render_docx(document, THEME, tmp_path / "2023.docx")))
    heading_texts = {p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "nb.district", "nb.chronology.month"))}
    assert {"\n".join(h.lines) if h.lines else h.label for h in document.headings()} <= heading_texts
    tables = [n for n in document.nodes if isinstance(n, dn.TableBlock)]
    data_tables = [t for t in word.tables if t._tbl.tr_lst[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert [len(t._tbl.tr_lst) for t in data_tables] == [len(n.grid.rows) + 1 for n in tables]


def test_no_section_break_sits_inside_a_field(word):
    """LibreOffice drops every footer when a section ends inside the TOC field."""
    carriers = [p for p in word.element.body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    assert carriers
    assert all(next(p.iter(qn("w:fldChar")), None) is None for p in carriers)


def one_section(*nodes) -> dn.Document:
    return dn.Document(dn.DocumentInfo("t", "a", "s", (), "zh-CN", "t"), [dn.Heading(1, "章", "p1", "chapter.title"), *nodes])


def test_chart_is_a_png_picture_above_the_caption_as_wide_as_the_chart_frame(tmp_path):
    from nbreport.compose.chart import resolve_chart
    from nbreport.schema.blocks import ChartSpec

    spec = ChartSpec(type="bar+line", categories=["2022", "2023"], series={"R&D投入": [1.0, 2.5], "占比": [3, 4]},
                     units={"R&D投入": "亿元"})
    chart = resolve_chart(spec, THEME.accent_color)
    path = render_docx(one_section(dn.Figure("图1　研发投入", chart=chart)), THEME, tmp_path / "c.docx")
    word = docx.Document(str(path))
    assert [p.text for p in word.paragraphs][-1] == "图1　研发投入"
    assert word.tables == []
    (shape,) = word.inline_shapes
    section = word.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(shape.width - text_width * chart.width) < text_width * 0.01
    with zipfile.ZipFile(path) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        assert len(media) == 1 and package.read(media[0]).startswith(b"\x89PNG")


def test_missing_image_is_a_render_error_naming_the_figure(tmp_path):
    with pytest.raises(RenderError) as error:
        render_docx(one_section(dn.Figure("图", image=str(tmp_path / "absent.png"))), THEME, tmp_path / "f.docx")
    assert (error.value.record, error.value.field) == ("p1", "figure.image")
    assert not (tmp_path / "f.docx").exists()


def test_text_is_printed_literally_never_interpreted(tmp_path):
    texts = ["{{ meta.title }}", "<w:b/>", "**不加粗**", "a & b < c", "  前后空格  "]
    nodes = [dn.Paragraph((Run(text=t),)) for t in texts]
    word = docx.Document(str(render_docx(one_section(*nodes), THEME, tmp_path / "l.docx")))
    assert [p.text for p in word.paragraphs][1:] == texts
    assert not any(r.bold for p in word.paragraphs[1:] for r in p.runs)


def test_the_first_and_last_table_rows_are_kept_together(tmp_path):
    rows = [[i, f"第{i}号单位"] for i in range(1, 9)]
    table = {"kind": "table", "columns": [{"name": "序号", "type": "int"}, {"name": "名称"}], "rows": rows}
    report = small_report(conclusion={"blocks": [table]})
    word = docx.Document(str(render_docx(compose(report), Theme(), tmp_path / "t.docx")))
    keeps = [bool(row._tr.findall(".//" + qn("w:keepNext"))) for row in word.tables[0].rows]
    # header + the first three rows start a page together; the last three rows end one together
    assert keeps == [True, True, True, False, False, False, True, True, False]



def test_a_photo_frame_is_a_picture_of_its_size_kept_with_its_caption(tmp_path):
    frame = dn.PhotoFrame(width_mm=80, height_mm=60)
    path = render_docx(one_section(dn.Figure("会议现场", frame=frame)), THEME, tmp_path / "f.docx")
    word = docx.Document(str(path))
    assert word.tables == []
    (shape,) = word.inline_shapes
    assert (shape.width, shape.height) == (80 * 36_000, 60 * 36_000)
    holder = next(p for p in word.paragraphs if p._p.xpath(".//pic:pic"))
    assert holder.paragraph_format.keep_with_next and holder.text == ""
    assert word.paragraphs[-1].text == "会议现场"


def test_the_frame_picture_is_a_dashed_grey_ring_and_white_inside():
    import io

    from PIL import Image

    from nbreport.render.docx_frame import DPI, frame_png

    image = Image.open(io.BytesIO(frame_png(80, 60, "A6A6A6", 0.5)))
    assert image.size == (round(80 * DPI / 25.4), round(60 * DPI / 25.4)) and image.mode == "L"
    width, height = image.size
    top = [image.getpixel((x, 0)) for x in range(width)]
    assert min(top) < 200 and max(top) == 255  # dashes: ink and gaps along the edge
    assert image.getpixel((width // 2, height // 2)) == 255
    assert frame_png(80, 60, "A6A6A6", 0.5) == frame_png(80, 60, "A6A6A6", 0.5)


def test_a_heading_and_a_toc_entry_break_where_compose_broke_them(tmp_path):
    heading = dn.Heading(level=1, text="甲乙 丙丁", anchor="p1", role="chapter.title", number="第一章",
                         lines=("第一章\u3000甲乙", "丙丁"))
    toc = dn.Toc(title="目录", entries=(dn.TocEntry(1, heading.label, "p1", lines=heading.lines),))
    path = render_docx(dn.Document(dn.DocumentInfo("t", "a", "s", (), "zh-CN", "t"), [toc, heading]), THEME, tmp_path / "h.docx")
    word = docx.Document(str(path))
    printed = [p for p in word.paragraphs if "丙丁" in p.text]
    assert len(printed) == 2 and all(p._p.xpath(".//w:br") for p in printed)
    assert all(p.text.startswith("第一章\u3000甲乙\n丙丁") for p in printed)
