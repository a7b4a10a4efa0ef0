"""Both renderers handle every node kind and print every string ``iter_text`` lists: DOCX and PDF agree."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pymupdf
import pytest
from lxml import etree
from PIL import Image

from builders import paragraph, small_report
from conftest import DATA
from nbreport import load
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.compose.walk import iter_text
from nbreport.render import RENDERERS, RenderOptions
from nbreport.render.docx import _DocxWriter
from nbreport.render.docx_package import open_base
from nbreport.render.fonts import load_fonts
from nbreport.render.pdf import PdfWalker
from nbreport.render.pdf_page import PageGeometry
from nbreport.render.pdf_styles import StyleMap
from nbreport.render.pdf_toc import PageLedger
from nbreport.schema import Theme

THEME = Theme()
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def every_kind_report(image: Path):
    """Return a small report whose Document holds every node kind, a chart and a merged table among them."""
    chart = {"kind": "figure", "caption": "研发投入走势", "chart": {
        "type": "bar+line", "categories": ["2022年", "2023年"], "series": {"研发投入": [1.0, 2.0], "占比": [2.5, 3.0]},
        "units": {"研发投入": "亿元"}}}
    award = {"kind": "table", "caption": "获奖项目", "table_kind": "award", "note": "注：按奖励类别排列。",
             "columns": [{"name": "奖励类别", "merge": True}, {"name": "项目名称"}],
             "rows": [["一等奖", "甲项目"], ["一等奖", "乙项目"], ["二等奖", "丙项目"]]}
    case = {"kind": "case", "title": "甬江实验室", "blocks": [paragraph("案例正文。"), {"kind": "figure", "caption": "实验室外景"}]}
    blocks = [paragraph("正文内容。", "加大基础研究投入。"), {"kind": "subheading", "text": "小标题"},
              {"kind": "bullets", "items": [paragraph("要点一。", "加强统筹。")]}, case,
              {"kind": "figure", "caption": "大会现场", "image": str(image), "source": "来源：市科技局"}, chart, award]
    chapters = [
        {"kind": "chapter", "title": "培育战略科技力量", "intro": [paragraph("本章导语。")],
         "sections": [{"title": "甬江科创区建设", "blocks": blocks}]},
        {"kind": "districts", "title": "区（县、市）科技创新工作",
         "districts": [{"name": "海曙区", "intro": [paragraph("海曙区导语。")], "items": [paragraph("事项内容。", "建设平台。")]}]},
    ]
    chronology = {"events": [{"date": "5月22—24日", "text": "举办科技活动周。"}, {"date": "4月1日", "text": "召开大会。"}]}
    appendix = {"title": "青年科技奖", "table": {"columns": [{"name": "姓名"}, {"name": "工作单位"}], "rows": [["张三", "宁波大学"]]}}
    return small_report(chapters=chapters, chronology=chronology, appendices=[appendix])


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory) -> dn.Document:
    folder = tmp_path_factory.mktemp("kinds")
    Image.new("RGB", (40, 30), "white").save(folder / "photo.png")
    document = compose(every_kind_report(folder / "photo.png"), THEME)
    assert {type(node) for node in _walk(document.nodes)} == set(dn.NODE_KINDS)
    return document


def _walk(nodes) -> list[dn.Node]:
    found = []
    for node in nodes:
        found.append(node)
        if isinstance(node, dn.CaseBox):
            found += _walk(node.children)
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_text(path: Path) -> str:
    """Return all text of the package's body, headers and footers, squashed."""
    with zipfile.ZipFile(path) as package:
        parts = [name for name in package.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)]
        texts = [t.text or "" for name in sorted(parts) for t in etree.fromstring(package.read(name)).iter(W_T)]
    return _squash("".join(texts))


def pdf_text(path: Path) -> str:
    """Return the text of the pages' bodies, squashed, header and footer left out so split paragraphs join."""
    top = THEME.margin_top_mm * 72 / 25.4
    bottom = THEME.margin_bottom_mm * 72 / 25.4
    body, furniture = [], []
    with pymupdf.open(path) as doc:
        for page in doc:
            for x0, y0, x1, y1, text, *_ in page.get_text("blocks"):
                inside = y1 > top and y0 < page.rect.height - bottom
                (body if inside else furniture).append(text)
    return _squash("".join(body)) + "|" + _squash("".join(furniture))


def test_every_node_kind_has_a_handler_in_every_renderer(every_kind):
    styles = StyleMap(THEME, load_fonts(THEME))
    pdf = PdfWalker(styles, PageLedger(), PageGeometry.of(THEME))
    base, _ = open_base(None, THEME)
    word = _DocxWriter(base, THEME, every_kind.info, keep_existing_styles=False)
    seen = set()
    for index, node in enumerate(_walk(every_kind.nodes)):
        if type(node) in seen:
            continue
        seen.add(type(node))
        before = len(base.element.body)
        word.dispatch(node)
        assert pdf.node(node, f"nodes[{index}]") or isinstance(node, dn.PageBreak)
        assert len(base.element.body) > before or isinstance(node, dn.PageBreak | dn.CaseBox)
    assert seen == set(dn.NODE_KINDS)


@pytest.fixture(scope="module")
def renderings(every_kind, tmp_path_factory) -> dict[str, dict[str, str]]:
    out = tmp_path_factory.mktemp("both")
    data = compose(load(DATA / "2023"), THEME)
    texts: dict[str, dict[str, str]] = {}
    for name, document in (("kinds", every_kind), ("2023", data)):
        docx = RENDERERS["docx"](document, THEME, out / f"{name}.docx", RenderOptions())
        pdf = RENDERERS["pdf"](document, THEME, out / f"{name}.pdf", RenderOptions())
        texts[name] = {"docx": docx_text(docx), "pdf": pdf_text(pdf)}
    return texts


@pytest.mark.parametrize("name", ["kinds", "2023"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_string_iter_text_lists_is_printed(every_kind, renderings, name, fmt):
    document = every_kind if name == "kinds" else compose(load(DATA / "2023"), THEME)
    printed = renderings[name][fmt]
    kinds = set()
    for piece in iter_text(document):
        if piece.always and piece.text.strip():
            assert _squash(piece.text) in printed, f"{fmt} lacks {piece.kind} {piece.field}: {piece.text!r}"
            kinds.add(piece.kind)
    expected = {"info", "cover", "toc", "heading", "paragraph", "table", "page_break"}
    if name == "kinds":
        expected |= {"bullet_list", "figure", "case_box", "district", "chronology"}
    assert expected <= kinds
