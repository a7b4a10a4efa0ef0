"""An office layout fills the 目录 page numbers and splits merges where pages break; failures fall back cleanly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from builders import FakeOffice
from nbreport.compose import nodes as dn
from nbreport.render.docx import render_docx
from nbreport.render.docx_layout import LayoutWarning, Office, PageLayout, find_office, package_digest, with_office_layout
from nbreport.schema import Theme

THEME = Theme()


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Give each test a cache of its own: a layout measured or settled by one test is not another's."""
    monkeypatch.setenv("NBREPORT_CACHE_DIR", str(tmp_path / "cache"))


CATEGORIES = ["一等奖", "一等奖", "一等奖", "一等奖", "二等奖"]


def award_document() -> dn.Document:
    info = dn.DocumentInfo("t", "a", "s", (), "zh-CN", "t")
    spans = [4, 0, 0, 0, 1]
    rows = tuple(
        (dn.GridCell(text, span, text + "（续）"), dn.GridCell(f"项目{i}"))
        for i, (text, span) in enumerate(zip(CATEGORIES, spans))
    )
    grid = dn.TableGrid((dn.GridColumn("奖励类别", 0.3), dn.GridColumn("项目名称", 0.7)), rows, "续表", "（续）")
    heading = dn.Heading(1, "获奖项目", "p1", "chapter.title", number="附录1")
    toc = dn.Toc("目录", (dn.TocEntry(1, heading.label, "p1"),))
    return dn.Document(info, [toc, dn.PageBreak(run="appendix", header=heading.label), heading, dn.TableBlock(None, grid)])


class FixedOffice(FakeOffice):
    """Report one fixed layout: the heading on page 3, rows 0-1 on page 3 and rows 2-4 on page 4."""

    def measure(self, docx: bytes) -> PageLayout:
        self.calls.append(docx)
        return PageLayout(pages={"p1": 3}, rows={"tbl1": (3, 3, 3, 4, 4, 4)})

    @property
    def calls(self) -> list[bytes]:
        return self.__dict__.setdefault("_calls", [])


def cell_texts(path: Path) -> list[tuple[str, str | None]]:
    table = docx.Document(str(path)).tables[0]
    found = []
    for tr in table._tbl.tr_lst[1:]:
        tc = tr.tc_lst[0]
        merge = tc.tcPr.find(qn("w:vMerge"))
        found.append(("".join(t.text for t in tc.iter(qn("w:t"))), None if merge is None else merge.get(qn("w:val"))))
    return found


def test_a_merge_restarts_with_the_continuation_label_where_the_layout_breaks_the_page(tmp_path):
    office = FixedOffice("soffice", "python3")
    path = render_docx(award_document(), THEME, tmp_path / "a.docx", office=office)
    assert cell_texts(path) == [("一等奖", "restart"), ("", None), ("一等奖（续）", "restart"), ("", None), ("二等奖", None)]
    assert len(office.calls) == 2  # the second measurement found the pages unchanged


def test_toc_page_numbers_are_filled_and_word_is_not_asked_to_update(tmp_path):
    path = render_docx(award_document(), THEME, tmp_path / "a.docx", office=FixedOffice("soffice", "python3"))
    body = docx.Document(str(path)).element.body
    instr = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert "PAGEREF p1 \\h" in instr
    texts = [t.text for t in body.iter(qn("w:t"))]
    assert "3" in texts
    with zipfile.ZipFile(path) as package:
        assert b"updateFields" not in package.read("word/settings.xml")


def test_without_an_office_word_is_asked_to_update_the_fields(tmp_path, monkeypatch):
    monkeypatch.setenv("NBREPORT_OFFICE", "off")
    assert find_office() is None
    path = render_docx(award_document(), THEME, tmp_path / "a.docx")
    with zipfile.ZipFile(path) as package:
        assert b"updateFields" in package.read("word/settings.xml")
    assert cell_texts(path)[2] == ("", None)  # still covered by the first merge


def script(tmp_path: Path, body: str) -> str:
    path = tmp_path / "fake-python"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return str(path)


@pytest.mark.parametrize("body", [
    "exit 3",  # the script failed (no python3-uno, soffice crashed)
    "echo 'not json'",  # the output is not a layout
    "echo '{\"bookmarks\": {\"p1\": \"x\"}, \"rows\": {}}'",  # a layout of the wrong shape
    "exec sleep 30",  # the office hangs: the timeout ends it
])
def test_a_failing_office_gives_a_warning_and_the_word_rendering(tmp_path, body):
    office = Office("soffice", script(tmp_path, body), timeout=0.5)
    renders: list[PageLayout | None] = []

    def render(layout: PageLayout | None) -> bytes:
        renders.append(layout)
        return b"docx"

    with pytest.warns(LayoutWarning):
        assert with_office_layout(render, office) == b"docx"
    assert renders == [None]


def test_without_an_office_the_pdf_pages_fill_the_toc_and_word_still_refreshes(tmp_path, monkeypatch):
    from pypdf import PdfReader

    from nbreport import api

    monkeypatch.setenv("NBREPORT_OFFICE", "off")
    from builders import small_report

    chapters = [{"kind": "chapter", "title": title, "sections": [{"title": f"{title}之节", "blocks": []}]}
                for title in ("培育战略科技力量", "推进核心技术攻关")]
    docx_path, pdf_path = api.build(small_report(chapters=chapters), tmp_path)
    body = docx.Document(str(docx_path)).element.body
    results = {}
    for p in body.iter(qn("w:hyperlink")):
        texts = [t.text for t in p.iter(qn("w:t"))]
        results[texts[0].rstrip("\t")] = texts[-1]
    reader = PdfReader(pdf_path)
    for label, page in results.items():
        assert page.isdigit(), label
        assert label.replace("\u3000", "") in reader.pages[int(page) - 1].extract_text().replace("\u3000", "").replace(" ", "")
    assert len(results) >= 4
    with zipfile.ZipFile(docx_path) as package:
        assert b"updateFields" in package.read("word/settings.xml")  # the PDF's numbers, not Word's


def test_an_office_without_python3_uno_counts_as_none(tmp_path, monkeypatch):
    monkeypatch.delenv("NBREPORT_OFFICE")
    monkeypatch.setenv("NBREPORT_OFFICE_PYTHON", script(tmp_path, "exit 1"))  # `import uno` fails
    assert find_office() is None


def package(document_xml: str, saved: str = "2026-01-01T00:00:00Z", when: tuple = (2026, 1, 1, 0, 0, 0)) -> bytes:
    """Return a small zip package with a document part and core properties saved at ``saved``."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(zipfile.ZipInfo("word/document.xml", when), document_xml)
        target.writestr(zipfile.ZipInfo("docProps/core.xml", when), f"<modified>{saved}</modified>")
    return out.getvalue()


def test_the_package_digest_ignores_when_it_was_saved_but_not_what_it_lays_out():
    first = package_digest(package("<body>一</body>"))
    assert package_digest(package("<body>一</body>", "2027-05-05T10:00:00Z", (2027, 5, 5, 10, 0, 0))) == first
    assert package_digest(package("<body>二</body>")) != first


SERVER = """
echo started >> {log}
while read path; do
  echo "measure $path" >> {log}
  {answer}
done
"""
LAYOUT_ANSWER = """echo '{"bookmarks": {"p1": 3}, "rows": {"tbl1": [3, 4]}}'"""


def serving_office(tmp_path: Path, answer: str = LAYOUT_ANSWER) -> tuple[Office, Path]:
    """Return an office whose "Python" is a shell server that logs each start and request to a file."""
    log = tmp_path / "office.log"
    return Office("soffice", script(tmp_path, SERVER.format(log=log, answer=answer)), timeout=20), log


def changing_render(calls: list[PageLayout | None]):
    def render(layout: PageLayout | None) -> bytes:
        calls.append(layout)
        return package(f"<body>{len(calls)}</body>")  # each rendering a different package
    return render


def test_one_office_measures_every_pass_of_a_build(tmp_path, monkeypatch):
    monkeypatch.setenv("NBREPORT_CACHE_DIR", str(tmp_path / "cache"))
    office, log = serving_office(tmp_path)
    calls: list[PageLayout | None] = []
    with_office_layout(changing_render(calls), office)
    lines = log.read_text().splitlines()
    assert lines.count("started") == 1
    assert sum(line.startswith("measure ") for line in lines) == 2  # the second pass found the pages unchanged
    assert calls[1:] == [PageLayout(pages={"p1": 3}, rows={"tbl1": (3, 4)})]


def test_a_package_measured_before_is_taken_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NBREPORT_CACHE_DIR", str(tmp_path / "cache"))
    office, log = serving_office(tmp_path)
    first: list[PageLayout | None] = []
    expected = with_office_layout(changing_render(first), office)
    log.unlink()
    again: list[PageLayout | None] = []
    assert with_office_layout(changing_render(again), office) == expected
    assert again == first
    requests = [line for line in log.read_text().splitlines() if line.startswith("measure ")] if log.exists() else []
    assert requests == []


def test_a_damaged_cached_layout_is_measured_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NBREPORT_CACHE_DIR", str(tmp_path / "cache"))
    office, log = serving_office(tmp_path)
    with_office_layout(changing_render([]), office)
    for entry in (tmp_path / "cache" / "layouts").iterdir():
        entry.write_bytes(entry.read_bytes()[:-3] + b"!!!")
    log.unlink()
    with_office_layout(changing_render([]), office)
    assert sum(line.startswith("measure ") for line in log.read_text().splitlines()) == 2


def test_an_office_that_dies_after_its_first_answer_gives_a_warning_with_its_message(tmp_path, monkeypatch):
    monkeypatch.setenv("NBREPORT_CACHE_DIR", "off")
    answer = LAYOUT_ANSWER + "; echo 'soffice crashed' >&2; exit 5"
    office, _ = serving_office(tmp_path, answer)
    calls: list[PageLayout | None] = []
    with pytest.warns(LayoutWarning, match="soffice crashed"):
        data = with_office_layout(changing_render(calls), office)
    assert data == package("<body>2</body>")  # the rendering from the one layout it gave
    assert len(calls) == 2


def test_an_office_that_exits_silently_is_reported_with_its_exit_code(tmp_path, monkeypatch):
    monkeypatch.setenv("NBREPORT_CACHE_DIR", "off")
    office = Office("soffice", script(tmp_path, "read line; exec 1>&-; sleep 0.3; exit 7"), timeout=20)  # EOF, then exits
    with pytest.warns(LayoutWarning, match="排版失败：7；"):
        with_office_layout(changing_render([]), office)


def layout_render(calls: list[PageLayout | None]):
    def render(layout: PageLayout | None) -> bytes:
        calls.append(layout)
        return package(f"<body>{layout}</body>")  # the same layout, the same package
    return render


HINT = "ab" * 32


def test_an_unchanged_document_is_rendered_once_from_its_settled_layout_without_starting_the_office(tmp_path):
    office, log = serving_office(tmp_path)
    first: list[PageLayout | None] = []
    expected = with_office_layout(layout_render(first), office, hint=HINT)
    assert first[0] is None and len(first) == 2
    log.unlink()
    again: list[PageLayout | None] = []
    assert with_office_layout(layout_render(again), office, hint=HINT) == expected
    assert again == [first[-1]]  # one rendering, with the settled layout
    assert not log.exists()  # the office was not even started


def test_a_hint_that_no_longer_holds_is_dropped_and_the_layout_found_from_scratch(tmp_path):
    from nbreport import cache

    office, _ = serving_office(tmp_path)
    cache.store("layout_hints", HINT, b'{"bookmarks": {"p1": 9}, "rows": {}}')
    calls: list[PageLayout | None] = []
    data = with_office_layout(layout_render(calls), office, hint=HINT)
    assert calls[0] == PageLayout(pages={"p1": 9}, rows={})  # the hint was tried,
    assert calls[1] is None  # then the layout was found as without one
    assert data == with_office_layout(layout_render([]), office)


def test_without_an_office_no_layout_hint_is_made(tmp_path, monkeypatch):
    # The hint digests the whole document: for a 50,000-row appendix 60 MB and a third of a second.
    from nbreport.render import docx as docx_module

    monkeypatch.setenv("NBREPORT_OFFICE", "off")
    monkeypatch.setattr(docx_module, "_layout_hint", lambda *args: pytest.fail("hint made without an office"))
    render_docx(award_document(), THEME, tmp_path / "n.docx")
