"""Specify the DOCX built while the PDF is drawn: its 目录 numbers come at the end, and the file is the in-turn one."""

from __future__ import annotations

import zipfile

import pytest

from nbreport.compose import compose
from nbreport.render.docx import render_docx
from nbreport.render.pdf import render_pdf
from nbreport.schema.theme import Theme
from tests.render.test_docx import sample_report

THEME = Theme()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Return the document, the PDF's heading pages and the DOCX rendered after the PDF (the in-turn build)."""
    folder = tmp_path_factory.mktemp("pages")
    image = folder / "photo.png"
    from PIL import Image

    Image.new("RGB", (400, 300), (90, 120, 160)).save(image)
    document = compose(sample_report(image), THEME)
    pages: dict[str, int] = {}
    render_pdf(document, THEME, folder / "r.pdf", pages)
    in_turn = render_docx(document, THEME, folder / "in-turn.docx", pdf_pages=pages).read_bytes()
    return document, pages, in_turn


def test_pages_given_at_the_end_make_the_file_the_in_turn_build_makes(built, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document, pages, _ = built
    in_turn = render_docx(document, THEME, tmp_path / "a.docx", pdf_pages=pages).read_bytes()
    asked = []
    later = render_docx(document, THEME, tmp_path / "b.docx", pdf_pages_later=lambda: asked.append(1) or pages)
    assert later.read_bytes() == in_turn and asked == [1]
    with zipfile.ZipFile(later) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "\ue000" not in body and "PAGEREF" in body
    assert all(f">{page}</w:t>" in body for page in pages.values())


def test_a_heading_the_pdf_gave_no_page_is_built_as_the_in_turn_build_builds_it(built, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document, pages, _ = built
    fewer = dict(list(pages.items())[1:])
    in_turn = render_docx(document, THEME, tmp_path / "a.docx", pdf_pages=fewer).read_bytes()
    assert render_docx(document, THEME, tmp_path / "b.docx", pdf_pages_later=lambda: fewer).read_bytes() == in_turn


def test_an_error_while_waiting_for_the_pages_writes_no_docx(built, tmp_path):
    document, _, _ = built

    def failed() -> dict[str, int]:
        raise RuntimeError("the PDF failed")

    with pytest.raises(RuntimeError):
        render_docx(document, THEME, tmp_path / "b.docx", pdf_pages_later=failed)
    assert list(tmp_path.iterdir()) == []
