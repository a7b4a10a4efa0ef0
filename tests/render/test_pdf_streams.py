"""Page streams: compressed as each page ends, the same file as compressed at save, let go once written."""

from __future__ import annotations

import pymupdf
import pytest

from nbreport.compose import compose
from nbreport.render.pdf import render_pdf
from nbreport.render.pdf_page import ReportDocTemplate
from nbreport.render.pdf_streams import PageStream, compress_finished_page
from nbreport.schema.theme import Theme

from .test_pdf import award_document, sample_report


@pytest.fixture
def pages(monkeypatch) -> list[tuple[object, object, object]]:
    """Collect every page as it ends, with its text and stream content just after the hand-over."""
    seen: list[tuple[object, object, object]] = []
    original = ReportDocTemplate._compress_page

    def spy(self, number):
        original(self, number)
        page = self.canv._doc.Pages.pages[-1]
        seen.append((page, page.stream, page.Contents.content))

    monkeypatch.setattr(ReportDocTemplate, "_compress_page", spy)
    return seen


def test_pages_compressed_as_they_end_give_the_file_compressed_at_save(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document, theme = compose(sample_report()), Theme()
    early = render_pdf(document, theme, tmp_path / "early.pdf").read_bytes()
    monkeypatch.setattr(ReportDocTemplate, "_compress_page", lambda self, page: None)
    at_save = render_pdf(document, theme, tmp_path / "late.pdf").read_bytes()
    assert early == at_save


def test_long_table_pages_hold_compressed_streams_while_the_build_runs(tmp_path, pages):
    render_pdf(award_document(300, 40), Theme(), tmp_path / "t.pdf")
    assert len(pages) > 3
    assert all(text is None and isinstance(content, bytes) for _, text, content in pages)


def test_saved_pages_let_their_streams_go_once_written(tmp_path, pages):
    path = render_pdf(award_document(300, 40), Theme(), tmp_path / "t.pdf")
    assert all(page.Contents.content is None for page, _, _ in pages)
    document = pymupdf.open(path)
    assert document.page_count == len(pages)  # every page was written before its stream went
    assert "项目300号" in document[-1].get_text()
    with pytest.raises(ValueError, match="stream content not set"):
        pages[0][0].Contents.format(None)  # formatted twice would write an empty page: refused instead


def test_pages_reportlab_made_a_stream_for_are_left_alone():
    class Page:
        Contents, stream, compression = PageStream(), "BT ET", 1

    page = Page()
    kept = page.Contents
    compress_finished_page(page)
    assert page.Contents is kept and page.stream == "BT ET"
    page.Contents, page.compression = None, 0  # uncompressed pages (an option reportlab has) stay text
    compress_finished_page(page)
    assert page.Contents is None and page.stream == "BT ET"
