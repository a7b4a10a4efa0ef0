"""Plain and strong text skip the markup parser: the frags, and so the PDF, are the parser's."""

from __future__ import annotations

import gc

import pytest
from reportlab.platypus.paraparser import ParaParser

from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.render import pdf as pdf_module
from nbreport.render.fonts import load_fonts
from nbreport.render.pdf import render_pdf
from nbreport.render import pdf_frags
from nbreport.render.pdf_frags import plain_frags, run_frags
from nbreport.render.pdf_styles import StyleMap
from nbreport.render.pdf_text import parts_markup, text_markup
from nbreport.schema.inline import Run
from nbreport.schema.theme import Theme

from .test_pdf import INFO, award_document, sample_report

TEXTS = [
    "宁波大学", "高性能稀土永磁材料关键技术研究及产业化（3期）", "2023年RD投入", "张三、李四、王五",
    "Ningbo University", "300.82亿元，增长18%", "▶ 重点项目", "• 第一条", "甬江实验室（一期）建设",
]


@pytest.fixture(scope="module")
def styles() -> StyleMap:
    theme = Theme()
    return StyleMap(theme, load_fonts(theme))


def _parsed(text: str, styles: StyleMap, role: str, align: str) -> list[dict]:
    face, style = styles.face(role), styles.aligned(role, align)
    parsed_style, frags, _ = ParaParser().parse(text_markup(text, face, styles.fonts, "r", "f"), style)
    assert parsed_style is style
    return [frag.__dict__ for frag in frags]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("role,align", [("table.cell", "left"), ("table.cell", "center"), ("table.header", "center")])
def test_plain_frags_equal_the_parsers(styles, text, role, align):
    frags = plain_frags(text, styles.face(role), styles.fonts, styles.aligned(role, align))
    assert frags is not None
    assert [frag.__dict__ for frag in frags] == _parsed(text, styles, role, align)


@pytest.mark.parametrize("text", ["", "A & B", "<b>x</b>", "a  b", " 前导空格", "尾随空格 ", "两行\n文本"])
def test_text_the_parser_would_change_is_left_to_the_parser(styles, text):
    assert plain_frags(text, styles.face("table.cell"), styles.fonts, styles.aligned("table.cell", "left")) is None


# (text, strong) runs: lead-ins, Latin companions inside bold, adjacent strong runs, spaces at run edges.
RUNS = [
    [("加大基础研究投入。", True), ("研发投入增长18.2%。", False)],
    [("2023年", True), ("R&D", False)],
    [("第一", True), ("第二", True), ("", False), ("第三", False)],
    [("Ningbo ", True), ("University", False)],
    [("甬江实验室", False), (" (一期)", True)],
    [("▶ 重点", True), ("项目 • 第一条", False)],
    [("不换行\xa0空格", False), ("\xa0续", True)],  # the parser's clean-up keeps no-break spaces
]


def _parts(runs, styles: StyleMap, role: str) -> list:
    face = styles.face(role)
    bold = styles.fonts.face("sans", bold=True)
    return [(text, bold if strong else face, strong) for text, strong in runs]


@pytest.mark.parametrize("runs", RUNS)
@pytest.mark.parametrize("role", ["body", "case.body", "chronology.event", "chapter.title"])
def test_run_frags_equal_the_parsers(styles, runs, role):
    parts, style = _parts(runs, styles, role), styles.para(role)
    frags = run_frags(parts, styles.fonts, style)
    parsed_style, parsed, _ = ParaParser().parse(parts_markup(parts, styles.fonts), style)
    if frags is None:  # the parser changes the text (an entity): it keeps it
        assert any("&" in text for text, _ in runs)
        return
    assert parsed_style is style
    assert [frag.__dict__ for frag in frags] == [frag.__dict__ for frag in parsed]


@pytest.mark.parametrize("runs", [[("全角\u3000空格", False)], [("a", True), ("  b", False)], [("x", False), ("\n", True)],
                                  [("首 ", True), ("", False)], [("", True)]])
def test_runs_the_parser_would_change_are_left_to_it(styles, runs):
    assert run_frags(_parts(runs, styles, "body"), styles.fonts, styles.para("body")) is None


def _tricky_document() -> dn.Document:
    body = [("加大基础研究投入。", True), ("全市R&D经费支出300.82亿元，增长18%。", False)]
    nodes: list[dn.Node] = [dn.Heading(1, "第一章 R&D投入", "c1", "chapter.title"),
                            dn.Heading(2, "第一节 2023年", "c1s1", "section.title")]
    for runs in [*RUNS, body, [("全角\u3000空格、 双  空格", False)], [("<b>不是标签</b>", True)]]:
        nodes.append(dn.Paragraph(tuple(Run(text=text, strong=strong) for text, strong in runs if text) or (Run(text="空"),)))
    nodes.append(dn.BulletList((dn.Paragraph((Run(text="要点", strong=True), Run(text="：内容2023"))),), "•"))
    return dn.Document(info=INFO, nodes=nodes)


@pytest.mark.parametrize("build", [lambda: compose(sample_report()), _tricky_document], ids=["sample", "tricky"])
def test_frags_made_without_the_parser_give_the_parsers_file(tmp_path, monkeypatch, build):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document, theme = build(), Theme()
    direct = render_pdf(document, theme, tmp_path / "direct.pdf").read_bytes()
    monkeypatch.setattr(pdf_frags, "_PARSED", __import__("re").compile("."))  # every text looks like markup
    parsed = render_pdf(document, theme, tmp_path / "parsed.pdf").read_bytes()
    assert direct == parsed


def test_render_leaves_the_collector_as_it_found_it(tmp_path, monkeypatch):
    frozen = []
    original = pdf_module._render
    monkeypatch.setattr(pdf_module, "_render", lambda *args: (frozen.append(gc.get_freeze_count()), original(*args)))
    assert gc.get_freeze_count() == 0
    before = 0
    render_pdf(award_document(20, 5), Theme(), tmp_path / "g.pdf")
    assert frozen and frozen[0] > before  # the objects alive before the render were frozen during it
    assert gc.get_freeze_count() == before


def test_render_keeps_a_callers_own_freeze(tmp_path):
    keep = [object() for _ in range(10)]
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        render_pdf(award_document(20, 5), Theme(), tmp_path / "f.pdf")
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()
    assert keep
