"""The PDF renderer: every node kind handled, text and numbers read back from the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.render.errors import RenderError
from nbreport.render.fonts import load_fonts
from nbreport.render.pdf import PdfWalker, render_pdf
from nbreport.render.pdf_page import PageGeometry
from nbreport.render.pdf_styles import StyleMap
from nbreport.render.pdf_text import CANNOT_END, CANNOT_START, CJKParagraph
from nbreport.render.pdf_toc import PageLedger
from nbreport.schema import Report
from nbreport.schema.theme import Theme

INFO = dn.DocumentInfo(title="测试报告", author="编者", subject="test", keywords=("k",), language="zh-CN", running_title="测试报告")
HOSTILE = '<img src="/etc/passwd"/> & <link href="http://x">x</link> <font size=40>'


# ---------------------------------------------------------------- builders


def para(text: str, lead: str | None = None) -> dict:
    """Return a schema paragraph, with a bold lead-in when ``lead`` is given."""
    return {"kind": "paragraph", "runs": ([{"text": lead, "strong": True}] if lead else []) + [{"text": text}]}


def sample_report() -> Report:
    """Return a small report touching every node kind."""
    award = {
        "kind": "table", "caption": "获奖项目表", "table_kind": "award", "note": "注：按奖励类别排列。",
        "columns": [{"name": "奖励类别", "merge": True}, {"name": "项目名称"}],
        "rows": [["一等奖", "高性能磁性材料"], ["一等奖", "海洋防腐涂层"], ["二等奖", "智能制造系统"]],
    }
    wide = {
        "columns": [{"name": "奖励类别", "merge": True}, {"name": "项目名称"}, {"name": "主要完成单位"}, {"name": "主要完成人员"}],
        "rows": [["省科技进步一等奖", "稀土永磁材料", "宁波大学", ["张三", "李四"]]],
    }
    return Report.model_validate({
        "meta": {"year": 2023, "region": "宁波市", "title": "宁波市科技进步报告", "editor": "宁波市科学技术局",
                 "title_en": "REPORT ON NINGBO SCIENCE AND TECHNOLOGY"},
        "overview": {"intro": [para("全市科技创新综述正文。")],
                     "sections": [{"title": "区域创新争先进位", "blocks": [
                         para("研发投入持续增长。", "加大基础研究投入。"),
                         {"kind": "bullets", "items": [para("第一条要点"), para("第二条要点")]}]}]},
        "chapters": [
            {"kind": "chapter", "title": "培育战略科技力量", "sections": [{"title": "甬江科创区建设", "blocks": [
                {"kind": "case", "title": "案例：石墨烯创新中心", "blocks": [para("案例正文第一段。"), {"kind": "figure", "caption": "创新中心揭牌仪式"}]},
                award,
                {"kind": "figure", "caption": "高新技术产业增加值", "chart": {"categories": ["2022", "2023"], "series": {"增加值": [1.0, 2.0]}}},
            ]}]},
            {"kind": "districts", "districts": [
                {"name": "海曙区", "intro": [para("海曙区综述。")], "items": [para("推进重点项目。", "持续推进创新。")]},
                {"name": "江北区", "intro": [para("江北区综述。")], "items": [para("建设创新平台。", "强化平台支撑。")]}]},
        ],
        "conclusion": {"blocks": [para("展望未来，继续奋斗。")]},
        "chronology": {"events": [{"date": "5月22—24日", "text": "举办科技活动周"}, {"date": "4月1日", "text": "召开科技大会"}]},
        "appendices": [
            {"title": "省级科学技术奖项目汇总表", "table": wide, "landscape": True},
            {"title": "青年科技创新奖名单", "table": {"columns": [{"name": "姓名"}, {"name": "工作单位"}], "rows": [["王五", "宁波工程学院"]]}},
        ],
    })


def award_document(rows: int, merged: int) -> dn.Document:
    """Return a heading and an award table whose first category is merged over ``merged`` rows."""
    columns = (dn.GridColumn("奖励类别", 0.16, "center"), dn.GridColumn("项目名称", 0.44), dn.GridColumn("主要完成单位", 0.4))
    body = []
    for index in range(rows):
        level, first, span = ("一等奖", 0, merged) if index < merged else ("二等奖", merged, rows - merged)
        cell = dn.GridCell(level, span if index == first else 0, f"{level}（续）")
        body.append((cell, dn.GridCell(f"项目{index + 1}号"), dn.GridCell("宁波大学、宁波工程学院")))
    grid = dn.TableGrid(columns=columns, rows=tuple(body), continued_caption="续表", continued_suffix="（续）")
    table = dn.TableBlock(caption="获奖项目", grid=grid, note="注：示例", record="tables/awards.csv")
    return dn.Document(info=INFO, nodes=[dn.Heading(1, "附录", "p1", "chapter.title"), table])


def squash(text: str) -> str:
    """Return ``text`` without whitespace: PDF extraction breaks lines where it likes."""
    return "".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    """Return each page's extracted text, squashed."""
    return [squash(page.extract_text()) for page in reader.pages]


def document_strings(document: dn.Document) -> list[str]:
    """Return every string the document prints, walking the tree."""
    found: list[str] = []

    def walk(node: dn.Node) -> None:
        match node:
            case dn.Cover():
                found.extend([node.year_line, node.title, node.title_en or "", node.editor_line or ""])
            case dn.Toc():
                found.append(node.title)
            case dn.Heading():
                found.append(node.label)
            case dn.Paragraph():
                found.append(node.text)
            case dn.BulletList():
                found.extend(item.text for item in node.items)
            case dn.Figure():
                found.append(node.caption)
            case dn.TableBlock():
                found.extend([node.caption or "", node.note or "", *(c.name for c in node.grid.columns)])
                found.extend(cell.text for row in node.grid.rows for cell in row if cell.span)
            case dn.CaseBox():
                found.append(node.title)
                for child in node.children:
                    walk(child)
            case dn.DistrictEntry():
                found.append(node.heading.label)
                found.extend(p.text for p in (*node.intro, *node.items))
            case dn.Chronology():
                for month in node.months:
                    found.append(month.heading.label)
                    found.extend(f"{e.date}{e.text}" for e in month.events)

    for node in document.nodes:
        walk(node)
    return [text for text in found if text]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[dn.Document, PdfReader, Path]:
    document = compose(sample_report())
    path = render_pdf(document, Theme(), tmp_path_factory.mktemp("pdf") / "sample.pdf")
    return document, PdfReader(path), path


# ---------------------------------------------------------------- dispatch


def test_unknown_node_kind_raises_render_error():
    styles = StyleMap(Theme(), load_fonts(Theme()))
    walker = PdfWalker(styles, PageLedger(), PageGeometry.of(Theme()))
    with pytest.raises(RenderError, match="str"):
        walker.node("not a node", "nodes[0]")  # type: ignore[arg-type]


# ---------------------------------------------------------------- content read back


def test_every_string_of_the_document_is_in_the_pdf(sample):
    document, reader, _ = sample
    text = "".join(page_texts(reader))
    missing = [s for s in document_strings(document) if squash(s) not in text]
    assert missing == []


def test_outline_lists_level1_headings_with_their_sections(sample):
    document, reader, _ = sample
    top = [item for item in reader.outline if not isinstance(item, list)]
    level1 = [h.label for h in document.headings() if h.level == 1]
    assert [item.title for item in top] == level1
    level2 = {h.label for h in document.headings() if h.level == 2 and h.in_toc}
    nested = {item.title for group in reader.outline if isinstance(group, list) for item in group}
    assert nested == level2  # districts included; chronology months, out of the 目录, out of the outline too


def test_toc_numbers_are_the_pages_of_the_headings(sample):
    document, reader, _ = sample
    texts = page_texts(reader)
    toc = next(node for node in document.nodes if isinstance(node, dn.Toc))
    toc_page = next(i for i, text in enumerate(texts) if text.startswith(squash(toc.title)) or squash(toc.title) in text[:20])
    outline_pages = _outline_pages(reader)
    printed = _toc_numbers(reader.pages[toc_page].extract_text(), toc.title)
    assert set(printed) == {squash(entry.label) for entry in toc.entries}
    for entry in toc.entries:
        label = squash(entry.label)
        found = next(i for i, text in enumerate(texts) if i > toc_page and label in text)
        assert int(printed[label]) == found + 1, entry.label
        assert outline_pages[entry.label] == found + 1


def _toc_numbers(text: str, title: str) -> dict[str, int]:
    """Return label → printed number from a 目录 page read as label / leader dots / number lines."""
    printed: dict[str, int] = {}
    label = ""
    lines = iter(text.splitlines())
    for line in lines:
        if set(squash(line)) == {"."}:
            printed[label] = int(next(lines).strip())
            label = ""
        elif squash(line) != squash(title):
            label += squash(line)
    return printed


def _outline_pages(reader: PdfReader) -> dict[str, int]:
    pages: dict[str, int] = {}

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[item.title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return pages


def test_toc_entries_link_to_their_headings(sample):
    _, reader, _ = sample
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert links and all(link["/Subtype"] == "/Link" and "/Dest" in link for link in links)


def test_landscape_appendix_pages_are_wide_and_portrait_returns(sample):
    document, reader, _ = sample
    pages = _outline_pages(reader)
    wide = next(page for label, page in pages.items() if label.startswith("附录1"))
    after = next(page for label, page in pages.items() if label.startswith("附录2"))
    box = reader.pages[wide - 1].mediabox
    assert box.width > box.height
    box = reader.pages[after - 1].mediabox
    assert box.width < box.height


def test_no_blank_pages(sample):
    _, reader, _ = sample
    assert all(text for text in page_texts(reader))


def test_document_properties(sample):
    document, reader, _ = sample
    meta = reader.metadata
    assert meta.title == document.info.title
    assert meta.author == document.info.author
    assert meta.subject == document.info.subject
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_cover_page_has_no_header_or_page_number(sample):
    _, reader, _ = sample
    geometry = PageGeometry.of(Theme())
    height = float(reader.pages[0].mediabox.height)
    for number in (0, 2):
        spots: list[float] = []
        reader.pages[number].extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and spots.append(tm[5] * cm[3] + cm[5]))
        in_margins = [y for y in spots if y > height - geometry.top or y < geometry.bottom]
        assert bool(in_margins) == (number > 0)  # body pages have both, the cover neither


# ---------------------------------------------------------------- tables


@pytest.fixture(scope="module")
def award_pdf(tmp_path_factory) -> PdfReader:
    path = render_pdf(award_document(300, 200), Theme(), tmp_path_factory.mktemp("award") / "award.pdf")
    return PdfReader(path)


def test_long_table_repeats_header_and_marks_continuations(award_pdf):
    texts = page_texts(award_pdf)
    assert len(texts) > 3
    for number, text in enumerate(texts):
        rows = [int(n) for n in re.findall(r"项目(\d+)号", text)]
        assert rows, f"page {number + 1} holds no rows"
        assert "奖励类别项目名称主要完成单位" in text
        assert ("续表" in text) == (number > 0)
        first = min(rows)
        if number > 0 and first not in (1, 201):
            label = "一等奖（续）" if first <= 200 else "二等奖（续）"
            assert label in text, f"page {number + 1} starts inside a merge without its label"


def test_long_table_keeps_every_row_once(award_pdf):
    rows = [int(n) for text in page_texts(award_pdf) for n in re.findall(r"项目(\d+)号", text)]
    assert sorted(rows) == list(range(1, 301))
    assert "注：示例" in page_texts(award_pdf)[-1]


def test_merged_category_taller_than_rows_still_fits(tmp_path):
    document = award_document(3, 2)
    table = document.nodes[1]
    long_level = "省科学技术进步奖一等奖（含青年科技奖及国际合作奖）" * 3
    rows = tuple((dn.GridCell(long_level, row[0].span, long_level + "（续）"), *row[1:]) for row in table.grid.rows)
    grid = dn.TableGrid(table.grid.columns, rows, "续表", "（续）")
    document.nodes[1] = dn.TableBlock("表", grid, record="t")
    reader = PdfReader(render_pdf(document, Theme(), tmp_path / "tall.pdf"))
    assert squash(long_level) in "".join(page_texts(reader))


# ---------------------------------------------------------------- escaping and bad text


def test_markup_in_text_prints_literally_and_loads_nothing(tmp_path):
    grid = dn.TableGrid((dn.GridColumn("名称", 1.0),), ((dn.GridCell(HOSTILE),),), "续表", "（续）")
    document = dn.Document(info=INFO, nodes=[
        dn.Heading(1, HOSTILE, "p1", "chapter.title"),
        dn.Paragraph(runs=(dn.Run(text=HOSTILE),)),
        dn.Paragraph(runs=(dn.Run(text=HOSTILE, strong=True),)),
        dn.TableBlock(HOSTILE, grid, record="t"),
    ])
    reader = PdfReader(render_pdf(document, Theme(), tmp_path / "hostile.pdf"))
    text = page_texts(reader)[0]
    assert text.count(squash(HOSTILE)) >= 5  # heading, two paragraphs, caption, cell (+ running header)
    page = reader.pages[0]
    assert all("/URI" not in str(a.get_object()) for a in page.get("/Annots", []))
    assert "/XObject" not in page["/Resources"]


@pytest.mark.parametrize("node, record", [
    (dn.Paragraph(runs=(dn.Run(text="正文\x07"),)), "p1"),
    (dn.Heading(2, "标题\x00", "s9", "section.title"), "s9"),
    (dn.TableBlock("表", dn.TableGrid((dn.GridColumn("名称", 1.0),), ((dn.GridCell("单元\x1b"),),), "续表", "（续）"), record="tables/x.csv"), "tables/x.csv"),
])
def test_control_character_raises_render_error_and_writes_nothing(tmp_path, node, record):
    document = dn.Document(info=INFO, nodes=[dn.Heading(1, "章", "p1", "chapter.title"), node])
    target = tmp_path / "out.pdf"
    with pytest.raises(RenderError) as raised:
        render_pdf(document, Theme(), target)
    assert raised.value.record == record
    assert "U+00" in raised.value.message
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- layout rules


def test_heading_is_never_the_last_thing_on_a_page(tmp_path):
    nodes: list[dn.Node] = [dn.Heading(1, "章标题", "p1", "chapter.title")]
    for index in range(30):
        nodes.append(dn.Heading(2, f"标题{index}号", f"s{index}", "section.title"))
        nodes.extend(dn.Paragraph(runs=(dn.Run(text=f"正文{index}号" + "内容" * (20 + 17 * k)),)) for k in range(index % 3 + 1))
    reader = PdfReader(render_pdf(dn.Document(info=INFO, nodes=nodes), Theme(), tmp_path / "keep.pdf"))
    for number, page in enumerate(reader.pages):
        spots: list[tuple[float, str]] = []
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: spots.append((tm[5] * cm[3] + cm[5], text)))
        headings = [y for y, text in spots if text.startswith("标题")]
        body = [y for y, text in spots if text.startswith(("正文", "内容"))]
        if headings:
            assert body and min(body) < min(headings), f"page {number + 1} ends with a heading"


def test_long_case_box_splits_across_pages(tmp_path):
    children = tuple(dn.Paragraph(runs=(dn.Run(text=f"案例段落{i}号" + "内容" * 60),), role="case.body") for i in range(25))
    document = dn.Document(info=INFO, nodes=[dn.Heading(1, "章", "p1", "chapter.title"), dn.CaseBox("案例标题", children)])
    reader = PdfReader(render_pdf(document, Theme(), tmp_path / "case.pdf"))
    text = "".join(page_texts(reader))
    assert len(reader.pages) > 1
    assert all(f"案例段落{i}号" in text for i in range(25))


def test_render_is_byte_identical_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document = compose(sample_report())
    first = render_pdf(document, Theme(), tmp_path / "a.pdf").read_bytes()
    second = render_pdf(document, Theme(), tmp_path / "b.pdf").read_bytes()
    assert first == second
    assert b"D:20231114" in first


# ---------------------------------------------------------------- Chinese line breaking

_CJK = st.sampled_from("科技创新发展宁波城市研究中心项目")
_WORD = st.tuples(st.sampled_from(["", "（", "“", "《"]), st.text(_CJK, min_size=1, max_size=6), st.sampled_from(["", "，", "。", "）", "”", "》", "、", "；", "）。", "”，"]))


@settings(max_examples=60, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=30), chars=st.integers(min_value=6, max_value=30))
def test_no_line_starts_with_closing_or_ends_with_opening_mark(words, chars):
    styles = StyleMap(Theme(), load_fonts(Theme()))
    style = styles.aligned("table.cell", "left")
    text = "".join("".join(word) for word in words)
    paragraph = CJKParagraph(text, style)
    paragraph.wrap(chars * style.fontSize + 0.5, 1e6)
    lines = ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]
    assert "".join(lines) == text
    assert all(line[0] not in CANNOT_START for line in lines[1:])
    assert all(line[-1] not in CANNOT_END for line in lines[:-1])


# ---------------------------------------------------------------- figures


def _png(path: Path, width: int = 4, height: int = 2) -> Path:
    """Write a small grey PNG without an imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def test_figure_image_is_scaled_to_the_frame_with_its_caption(tmp_path):
    image = _png(tmp_path / "photo.png")
    figure = dn.Figure(caption="揭牌仪式现场", image=str(image))
    reader = PdfReader(render_pdf(dn.Document(info=INFO, nodes=[figure]), Theme(), tmp_path / "fig.pdf"))
    page = reader.pages[0]
    assert "揭牌仪式现场" in squash(page.extract_text())
    (picture,) = page.images
    width, _ = PageGeometry.of(Theme()).text_size()
    drawn = re.search(rb"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\s*/\S+ Do", page.get_contents().get_data())
    assert drawn and abs(float(drawn.group(1)) - width) < 1  # as wide as the text frame


def test_missing_image_file_is_a_render_error(tmp_path):
    figure = dn.Figure(caption="图", image=str(tmp_path / "absent.png"))
    with pytest.raises(RenderError, match="absent.png"):
        render_pdf(dn.Document(info=INFO, nodes=[figure]), Theme(), tmp_path / "fig.pdf")


def test_caption_only_figure_prints_exactly_the_caption(tmp_path):
    reader = PdfReader(render_pdf(dn.Document(info=INFO, nodes=[dn.Figure(caption="会议现场")]), Theme(), tmp_path / "c.pdf"))
    lines = [squash(line) for line in reader.pages[0].extract_text().splitlines()]
    assert "会议现场" in lines


@pytest.mark.parametrize("rows", [34, 35, 36, 72, 109])
def test_last_row_of_a_long_table_never_stands_alone(tmp_path, rows):
    table = {"kind": "table", "caption": "名单", "columns": [{"name": "序号", "type": "int"}, {"name": "名称"}],
             "rows": [[i, f"第{i}号单位"] for i in range(1, rows + 1)]}
    report = Report.model_validate({"meta": {"year": 2023, "region": "宁波市", "title": "报告"},
                                    "conclusion": {"blocks": [table]}})
    path = render_pdf(compose(report), Theme(), tmp_path / "t.pdf")
    last = PdfReader(str(path)).pages[-1].extract_text()
    assert len(re.findall(r"第\d+号单位", last)) >= 2


def test_a_photo_frame_is_a_dashed_rectangle_of_its_size_above_the_caption(tmp_path):
    import pymupdf

    figure = dn.Figure(caption="会议现场", frame=dn.PhotoFrame(width_mm=80, height_mm=60))
    path = render_pdf(dn.Document(info=INFO, nodes=[figure]), Theme(), tmp_path / "f.pdf")
    with pymupdf.open(str(path)) as pdf:
        page = pdf[0]
        (frame,) = [d for d in page.get_drawings() if d.get("dashes") not in (None, "[] 0")]
        caption = page.search_for("会议现场")[0]
    mm_pt = 72 / 25.4
    assert abs(frame["rect"].width - 80 * mm_pt) < 1 and abs(frame["rect"].height - 60 * mm_pt) < 1
    assert abs((frame["rect"].x0 + frame["rect"].x1) / 2 - (caption.x0 + caption.x1) / 2) < 2  # centred on the caption
    assert 0 < caption.y0 - frame["rect"].y1 < 20  # the caption sits right under the frame


def test_a_heading_prints_on_the_lines_compose_broke_it_into(tmp_path):
    import pymupdf

    heading = dn.Heading(level=1, text="提升企业创新能力 塑造高质量发展动能", anchor="p1", role="chapter.title", number="第三章",
                         lines=("第三章\u3000提升企业创新能力", "塑造高质量发展动能"))
    path = render_pdf(dn.Document(info=INFO, nodes=[heading]), Theme(), tmp_path / "h.pdf")
    with pymupdf.open(str(path)) as pdf:
        lines = [squash("".join(span["text"] for span in line["spans"]))
                 for block in pdf[0].get_text("dict")["blocks"] for line in block.get("lines", ())]
    assert "第三章提升企业创新能力" in lines and "塑造高质量发展动能" in lines


def test_toc_numbers_share_one_style_and_leaders_end_in_line(tmp_path):
    import pymupdf

    nodes = [dn.Toc(title="目录", entries=(dn.TocEntry(1, "第一章\u3000甲", "p1"), dn.TocEntry(2, "第一节\u3000乙", "s1"))),
             dn.PageBreak(), dn.Heading(level=1, text="甲", anchor="p1", role="chapter.title", number="第一章"),
             dn.Heading(level=2, text="乙", anchor="s1", role="section.title", number="第一节")]
    path = render_pdf(dn.Document(info=INFO, nodes=nodes), Theme(), tmp_path / "t.pdf")
    with pymupdf.open(str(path)) as pdf:
        spans = [span for block in pdf[0].get_text("dict")["blocks"] for line in block.get("lines", ())
                 for span in line["spans"]]
    numbers = [span for span in spans if span["text"].strip().isdigit() and span["bbox"][1] < 700]  # not the folio
    leaders = [span for span in spans if set(span["text"].strip()) == {".", " "} and span["text"].strip()]
    assert len(numbers) == 2 and len({(span["font"], round(span["size"], 1)) for span in numbers}) == 1
    assert abs(numbers[0]["bbox"][2] - numbers[1]["bbox"][2]) < 0.5  # right-aligned at one edge
    assert len(leaders) == 2 and abs(leaders[0]["bbox"][2] - leaders[1]["bbox"][2]) < 0.5
