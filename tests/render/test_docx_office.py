"""Opened in LibreOffice, the DOCX of data/2023 is complete: 目录 page numbers, chapter headers, award categories.

The DOCX is built with the LibreOffice layout pass, converted by ``soffice --convert-to pdf``
and read back with PyMuPDF, the way a user of LibreOffice (or WPS) sees it.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

from conftest import DATA
from nbreport import load
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.render.docx import render_docx
from nbreport.render.docx_layout import find_office
from nbreport.schema import Theme

THEME = Theme()
HEADER_BOTTOM = THEME.margin_top_mm * 72 / 25.4  # the running header sits in the top margin
TOC_LINE = re.compile(r"^(?P<label>.+?)\.{3,}\s*(?P<page>\d+)$")


@dataclass(frozen=True)
class PageText:
    """Hold one converted page's header text and body text (newlines dropped: cells wrap)."""

    header: str
    body: str
    lines: tuple[str, ...]


def _pages(pdf: Path) -> list[PageText]:
    pages = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            header, body, lines = [], [], []
            for x0, y0, x1, y1, text, *_ in page.get_text("blocks"):
                (header if y1 <= HEADER_BOTTOM else body).append(text.replace("\n", ""))
                if y1 > HEADER_BOTTOM:
                    lines.extend(line.strip() for line in text.splitlines())
            pages.append(PageText("".join(header), "".join(body), tuple(lines)))
    return pages


@pytest.fixture(scope="module")
def converted(tmp_path_factory, monkeypatch_module) -> tuple[dn.Document, list[PageText]]:
    monkeypatch_module.delenv("NBREPORT_OFFICE")
    office = find_office()
    assert office is not None, "LibreOffice (soffice) and python3-uno are installed by `make test`"
    out = tmp_path_factory.mktemp("office")
    document = compose(load(DATA / "2023"), THEME)
    docx = render_docx(document, THEME, out / "report.docx", office=office)
    subprocess.run(
        [office.soffice, "--headless", "--norestore", f"-env:UserInstallation={(out / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True, capture_output=True, timeout=300,
    )
    return document, _pages(out / "report.pdf")


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _toc_numbers(document: dn.Document, pages: list[PageText]) -> dict[str, int]:
    """Return the page number the 目录 prints after each entry (entries may wrap over lines)."""
    toc = next(node for node in document.nodes if isinstance(node, dn.Toc))
    lines = [_squash(line) for p in pages if sum(bool(TOC_LINE.match(x)) for x in p.lines) >= 3 for line in p.lines]
    text = "\n".join(lines)
    numbers: dict[str, int] = {}
    for entry in toc.entries:
        label = "\n?".join(map(re.escape, _squash(entry.label)))
        match = re.search(label + r"\n?\.{3,}(\d+)$", text, re.MULTILINE)
        if match:
            numbers[_squash(entry.label)] = int(match[1])
    return numbers


def _headings_before(document: dn.Document) -> dict[int, str]:
    """Map each table (by id) to the label of the last heading before it: rows are looked for from there."""
    found, last = {}, ""
    for node in document.nodes:
        if isinstance(node, dn.Heading):
            last = node.label
        elif isinstance(node, dn.TableBlock):
            found[id(node)] = last
    return found


def _appendix_tables(document: dn.Document) -> list[dn.TableBlock]:
    tables, appendix = [], False
    for node in document.nodes:
        if isinstance(node, dn.PageBreak):
            appendix = node.run == "appendix"
        if appendix and isinstance(node, dn.TableBlock) and any(c.span > 1 for row in node.grid.rows for c in row):
            tables.append(node)
    return tables


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_toc_entry_has_the_page_libreoffice_puts_its_heading_on(converted):
    document, pages = converted
    toc = next(node for node in document.nodes if isinstance(node, dn.Toc))
    numbers = _toc_numbers(document, pages)
    assert len(toc.entries) >= 46
    for entry in toc.entries:
        page = numbers.get(_squash(entry.label))
        assert page is not None, f"目录 has no page number for {entry.label}"
        assert _squash(entry.label) in _squash(pages[page - 1].body), f"{entry.label} is not on page {page}"
        if page > 1:
            before = pages[page - 2]
            assert not (entry.level == 1 and _squash(entry.label) in _squash(before.body + before.header))


def test_the_header_of_every_body_page_names_its_chapter(converted):
    document, pages = converted
    numbers = _toc_numbers(document, pages)
    chapters = sorted(
        (numbers[_squash(h.label)], h.label) for h in document.headings() if h.level == 1 and _squash(h.label) in numbers
    )
    first = chapters[0][0]
    named = 0
    for number in range(first, len(pages) + 1):
        chapter = [label for start, label in chapters if start <= number][-1]
        named += _squash(chapter) in _squash(pages[number - 1].header)
    assert named / (len(pages) - first + 1) >= 0.9


def test_every_page_with_award_rows_shows_their_award_category(converted):
    document, pages = converted
    tables = _appendix_tables(document)
    assert tables
    table_heading = _headings_before(document)
    numbers = _toc_numbers(document, pages)
    checked = 0
    for table in tables:
        merged = [c for c in range(len(table.grid.columns)) if any(row[c].span != 1 for row in table.grid.rows)]
        name = next(c for c in range(len(table.grid.columns)) if c not in merged)
        category = merged[0]
        texts = [_squash(page.body) for page in pages]
        at = numbers[_squash(table_heading[id(table)])] - 1  # rows are looked for from their heading's page on
        for row in table.grid.rows:
            at = next((i for i in range(at, len(texts)) if _squash(row[name].text) in texts[i]), -1)
            assert at >= 0, f"row {row[name].text} is not printed"
            assert _squash(row[category].text) in texts[at], f"page {at + 1} lacks {row[category].text}"
            checked += 1
    assert checked > 40
