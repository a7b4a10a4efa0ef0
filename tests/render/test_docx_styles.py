"""Word styles set Chinese lines as the PDF does: line rules, justification, keeps and the same line pitch."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from builders import small_report
from nbreport.compose import compose
from nbreport.render.docx import render_docx
from nbreport.render.docx_styles import MULTIPLE_PITCH, style_name
from nbreport.render.pdf_styles import StyleMap as PdfStyles
from nbreport.render.fonts import load_fonts
from nbreport.schema import Theme

THEME = Theme()


@pytest.fixture(scope="module")
def word(tmp_path_factory) -> docx.document.Document:
    path = render_docx(compose(small_report()), THEME, tmp_path_factory.mktemp("styles") / "s.docx")
    return docx.Document(str(path))


def _switch(style, tag: str) -> str | None:
    found = style.element.find(f"{qn('w:pPr')}/{qn(tag)}")
    return None if found is None else found.get(qn("w:val"))


@pytest.mark.parametrize("role", ["body", "case.body", "table.cell", "chapter.title", "caption"])
def test_every_style_breaks_lines_by_the_kinsoku_rules_and_hangs_no_mark(word, role):
    style = word.styles[style_name(role)]
    assert _switch(style, "w:kinsoku") == "1"
    assert _switch(style, "w:overflowPunct") == "0"  # the PDF compresses marks, nothing past the measure
    assert (_switch(style, "w:autoSpaceDE"), _switch(style, "w:autoSpaceDN")) == ("1", "1")
    assert _switch(style, "w:snapToGrid") == "0"


def test_the_line_rules_come_in_schema_order(word):
    ppr = word.styles[style_name("body")].element.find(qn("w:pPr"))
    names = [child.tag.split("}")[1] for child in ppr]
    order = ["keepNext", "widowControl", "kinsoku", "overflowPunct", "autoSpaceDE", "autoSpaceDN", "snapToGrid",
             "spacing", "ind", "jc"]
    assert [name for name in order if name in names] == [name for name in names if name in order]


@pytest.mark.parametrize("role", ["body", "case.body", "table.cell", "table.note", "section.title", "toc.level1"])
def test_the_line_pitch_is_the_pdfs(word, role):
    fmt = word.styles[style_name(role)].paragraph_format
    pdf = PdfStyles(THEME, load_fonts(THEME)).para(role)
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert abs(fmt.line_spacing.pt - pdf.leading) < 0.05  # twips round to 1/20 pt


def test_the_caption_that_holds_a_picture_keeps_a_multiple_pitch(word):
    fmt = word.styles[style_name("caption")].paragraph_format
    assert "caption" in MULTIPLE_PITCH
    assert fmt.line_spacing_rule != WD_LINE_SPACING.EXACTLY
    assert fmt.line_spacing == THEME.style("caption").line_spacing


def test_body_text_is_justified_with_widow_control_and_headings_keep_with_next(word):
    body = word.styles[style_name("body")].paragraph_format
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and body.widow_control
    for role in ("chapter.title", "section.title", "table.caption", "case.title"):
        assert word.styles[style_name(role)].paragraph_format.keep_with_next, role
    assert not body.keep_with_next
    assert Pt(THEME.style("body").size) == word.styles[style_name("body")].font.size


def test_a_changed_theme_pitch_reaches_word(tmp_path: Path):
    theme = Theme.model_validate({"styles": {"body": {"line_spacing": 2.0}}})
    word = docx.Document(str(render_docx(compose(small_report()), theme, tmp_path / "t.docx")))
    assert word.styles[style_name("body")].paragraph_format.line_spacing.pt == pytest.approx(theme.style("body").size * 2)
