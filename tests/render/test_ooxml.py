"""The direct paragraph and run markup is what python-docx's proxies write, without their cost."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from nbreport.render import ooxml

DOC = docx.Document()


def python_docx_paragraph(style_name: str) -> bytes:
    p = Paragraph(OxmlElement("w:p"), DOC.part)
    p.style = DOC.styles[style_name]
    return etree.tostring(p._p)


@pytest.mark.parametrize(("name", "style_id"), [("Normal", None), ("Heading 1", "Heading1"), ("Caption", "Caption")])
def test_a_new_paragraph_carries_its_style_as_python_docx_writes_it(name, style_id):
    assert etree.tostring(ooxml.new_paragraph(style_id)) == python_docx_paragraph(name)


def test_restyling_a_paragraph_replaces_its_style():
    p = ooxml.new_paragraph("Heading1")
    ooxml.set_paragraph_style(p, "Caption")
    assert etree.tostring(p) == python_docx_paragraph("Caption")
    ooxml.set_paragraph_style(p, None)
    assert etree.tostring(p) == python_docx_paragraph("Normal")


@given(st.text(alphabet=st.sampled_from("甲a &<\r\n\t \u3000"), max_size=10), st.booleans())
def test_a_text_run_is_what_python_docx_add_run_writes(text, bold):
    ours = OxmlElement("w:p")
    ooxml.add_text_run(ours, text, bold)
    theirs = Paragraph(OxmlElement("w:p"), DOC.part)
    run = theirs.add_run(text)
    if bold:
        run.bold = True
    assert etree.tostring(ours) == etree.tostring(theirs._p)
