"""The shipped reference DOCX holds the default theme's styles; a build from it is the build without it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from builders import paragraph, small_report
from nbreport.compose import compose
from nbreport.render import docx_reference
from nbreport.render.docx import render_docx
from nbreport.render.docx_reference import REFERENCE, make_reference, styled_base, styles_xml
from nbreport.render.docx_styles import style_name
from nbreport.schema import Theme

THEME = Theme()
OTHER = Theme.model_validate({"styles": {"body": {"line_spacing": 2.0}}})


@pytest.fixture(scope="module")
def document():
    chapter = {"kind": "chapter", "title": "章", "intro": [paragraph("导语。")],
               "sections": [{"title": "节", "blocks": [paragraph("正文内容。", "加粗。")]}]}
    return compose(small_report(chapters=[chapter]), THEME)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_the_shipped_reference_has_the_styles_the_script_makes_from_the_default_theme():
    assert REFERENCE.is_file(), "run scripts/make_reference_docx.py"
    assert styles_xml(REFERENCE.read_bytes()) == styles_xml(make_reference(Theme()))


def test_the_packaged_reference_is_the_one_in_templates():
    shipped = Path(__file__).resolve().parents[2] / "templates" / "reference.docx"
    assert REFERENCE.resolve() == shipped.resolve()


def test_making_the_reference_twice_gives_the_same_bytes():
    assert make_reference(THEME) == make_reference(THEME)


def test_the_reference_is_used_only_for_the_theme_it_was_made_from():
    assert styled_base(THEME) is not None
    assert styled_base(OTHER) is None


def test_a_missing_or_broken_reference_is_ignored(tmp_path):
    broken = tmp_path / "reference.docx"
    broken.write_bytes(b"not a zip")
    assert styled_base(THEME, tmp_path / "absent.docx") is None
    assert styled_base(THEME, broken) is None


def test_a_build_from_the_reference_is_byte_identical_to_one_without(document, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with_reference = render_docx(document, THEME, tmp_path / "a.docx").read_bytes()
    monkeypatch.setattr(docx_reference, "REFERENCE", tmp_path / "absent.docx")
    assert styled_base(THEME) is None
    without = render_docx(document, THEME, tmp_path / "b.docx").read_bytes()
    assert with_reference == without


def test_the_theme_fingerprint_does_not_travel_into_the_output(document, tmp_path):
    settings = parts(render_docx(document, THEME, tmp_path / "a.docx"))["word/settings.xml"]
    assert b"docVar" not in settings
    assert b"docVar" in parts(REFERENCE)["word/settings.xml"]


def test_another_theme_still_gets_its_own_styles(document, tmp_path):
    word = docx.Document(str(render_docx(document, OTHER, tmp_path / "t.docx")))
    spacing = word.styles[style_name("body")].paragraph_format.line_spacing
    assert spacing.pt == pytest.approx(OTHER.style("body").size * 2)


def test_a_reference_restyled_in_word_prints_in_its_styles(document, tmp_path, monkeypatch):
    restyled = docx.Document(str(REFERENCE))
    restyled.styles[style_name("body")].font.size = Pt(17)
    restyled.add_paragraph("样张文字")  # text typed into the reference does not travel into reports
    target = tmp_path / "reference.docx"
    restyled.save(target)
    monkeypatch.setattr(docx_reference, "REFERENCE", target)
    word = docx.Document(str(render_docx(document, THEME, tmp_path / "t.docx")))
    body = [p for p in word.paragraphs if p.text.endswith("正文内容。")]
    assert [p.style.name for p in body] == [style_name("body")]
    assert word.styles[style_name("body")].font.size == Pt(17)
    assert "样张文字" not in [p.text for p in word.paragraphs]


def test_the_reference_has_no_body_text():
    assert [p.text for p in docx.Document(io.BytesIO(REFERENCE.read_bytes())).paragraphs] == []


def test_the_script_writes_the_reference(tmp_path, monkeypatch):
    import runpy
    import sys

    target = tmp_path / "ref.docx"
    monkeypatch.setattr(sys, "argv", ["make_reference_docx.py", "--out", str(target)])
    runpy.run_path(str(Path(__file__).resolve().parents[2] / "scripts" / "make_reference_docx.py"), run_name="__main__")
    assert target.read_bytes() == make_reference(THEME)
