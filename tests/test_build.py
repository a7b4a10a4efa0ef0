"""End to end: the 2023 dataset builds into a DOCX and a PDF that say everything the tree says."""

import re
import shutil
import subprocess

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from builders import write_dataset
from conftest import DATA
from nbreport import build, compose, load
from nbreport.cli import main
from nbreport.compose import nodes as dn
from nbreport.schema import Theme

MM = 72 / 25.4


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_text(page) -> str:
    """Return a PDF page's text without the running header and footer (outside the margins)."""
    theme = Theme()
    height = float(page.mediabox.height)
    top, bottom = height - theme.margin_top_mm * MM, theme.margin_bottom_mm * MM
    parts: list[str] = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5] if cm[3] else tm[5]
        if bottom <= y <= top:
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return squash("".join(parts))


@pytest.fixture(scope="module")
def report():
    return load(DATA / "2023")


@pytest.fixture(scope="module")
def document(report):
    return compose(report)


@pytest.fixture(scope="module")
def outputs(report, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docx_path, pdf_path = build(report, out)
    return docx_path, pdf_path


def strings(document):
    """Yield every printed string of the tree: headings, paragraphs, captions, cells, events."""
    def walk(nodes):
        for node in nodes:
            match node:
                case dn.Heading():
                    yield node.label
                case dn.Paragraph():
                    yield node.text
                case dn.Figure():
                    yield node.caption
                case dn.CaseBox():
                    yield node.title
                    yield from walk(node.children)
                case dn.BulletList():
                    yield from walk(node.items)
                case dn.DistrictEntry():
                    yield node.heading.label
                    yield from walk(node.intro + node.items)
                case dn.Chronology():
                    for month in node.months:
                        yield month.heading.label
                        for event in month.events:
                            yield event.date
                            yield event.text
                case dn.TableBlock():
                    if node.caption:
                        yield node.caption
                    for row in node.grid.rows:
                        yield from (cell.text for cell in row if cell.text and cell.span)
    yield from walk(document.nodes[3:])


def test_outputs_are_named_after_the_report(outputs):
    assert [p.name for p in outputs] == ["2023年度宁波市科技进步报告.docx", "2023年度宁波市科技进步报告.pdf"]


def test_docx_holds_every_string_of_the_tree(outputs, document):
    word = WordDocument(str(outputs[0]))
    texts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    texts.extend(p.text for r in inner.rows for c in r.cells for p in c.paragraphs)
    printed = squash("\n".join(texts))
    missing = [s for s in strings(document) if squash(s) not in printed]
    assert missing == []


def test_docx_headings_use_word_heading_styles(outputs, document):
    word = WordDocument(str(outputs[0]))
    level1 = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    expected = ["\n".join(h.lines) if h.lines else h.label for h in document.headings() if h.level == 1]  # as compose broke them
    assert level1 == expected


def test_pdf_holds_every_string_of_the_tree(outputs, document):
    text = "".join(body_text(page) for page in PdfReader(str(outputs[1])).pages)
    missing = [s for s in strings(document) if squash(s) not in text]
    assert missing == []


def test_pdf_outline_has_every_chapter_and_appendix(outputs, document):
    reader = PdfReader(str(outputs[1]))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [h.label for h in document.headings() if h.level == 1]


def test_pdf_toc_numbers_are_the_pages_of_the_headings(outputs, document):
    reader = PdfReader(str(outputs[1]))
    pages = [body_text(page) for page in reader.pages]
    toc_text = pages[1] + pages[2]
    for heading in [h for h in document.headings() if h.level == 1]:
        match = re.search(re.escape(squash(heading.label)) + r"[.…·]*(\d+)", toc_text)
        assert match, heading.label
        page = int(match.group(1))
        assert squash(heading.label) in pages[page - 1], (heading.label, page)


def test_pdf_embeds_its_cjk_fonts(outputs):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    listing = subprocess.run(["pdffonts", str(outputs[1])], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" for row in rows)  # every font embedded
    assert any("UMing" in row[0] for row in rows) and any("ZenHei" in row[0] for row in rows)


def test_builds_are_reproducible_with_source_date_epoch(report, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build(report, tmp_path / "a")
    second = build(report, tmp_path / "b")
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_libreoffice_opens_the_docx(outputs, tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(outputs[0])],
                   check=True, capture_output=True, timeout=300)
    converted = tmp_path / outputs[0].with_suffix(".pdf").name
    reader = PdfReader(str(converted))
    assert len(reader.pages) > 40
    assert "科技进步综述" in "".join(page.extract_text() for page in reader.pages[:6])


def test_cli_build_writes_both_formats_and_reports_sizes(tmp_path, capsys):
    code = main(["build", str(DATA / "2023"), "--out", str(tmp_path), "--format", "pdf"])
    out = capsys.readouterr().out
    assert code == 0 and "KB" in out
    assert [p.suffix for p in tmp_path.iterdir()] == [".pdf"]


def test_a_failed_render_leaves_earlier_outputs_untouched(report, tmp_path):
    from nbreport.render.errors import RenderError

    first = build(report, tmp_path, formats=("docx",))
    before = first[0].read_bytes()
    broken = report.model_copy(deep=True)
    broken.appendices[0].table.rows[0][1] = "坏\x01字符"
    with pytest.raises(Exception):
        build(broken, tmp_path, formats=("docx", "pdf"))
    assert first[0].read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [first[0].name]


@pytest.mark.parametrize("epoch", ["99999999999999", "-5", "yesterday", "9" * 5000, ""])
def test_any_source_date_epoch_builds_both_formats(report, tmp_path, monkeypatch, epoch):
    from zipfile import ZipFile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    docx_path, pdf_path = build(report, tmp_path, formats="docx pdf".split())
    years = {info.date_time[0] for info in ZipFile(docx_path).infolist()}
    assert all(1980 <= year <= 2107 for year in years) and pdf_path.read_bytes().startswith(b"%PDF")
    assert __import__("os").environ["SOURCE_DATE_EPOCH"] == epoch  # restored after the build


def test_build_takes_one_format_as_a_string_and_refuses_unknown_ones(report, tmp_path):
    assert [p.suffix for p in build(report, tmp_path, formats="docx")] == [".docx"]
    for formats in ("p", ("docx", "html"), ()):
        with pytest.raises(ValueError):
            build(report, tmp_path / "x", formats=formats)
    assert not (tmp_path / "x").exists()


def test_both_formats_print_the_page_number_between_the_theme_texts(tmp_path):
    from zipfile import ZipFile

    from builders import award_dataset

    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    theme = Theme(page_number_format="第{n}页")
    docx_path, pdf_path = build(root, tmp_path / "out", theme=theme)
    with ZipFile(docx_path) as package:
        footers = [package.read(name).decode() for name in package.namelist() if name.startswith("word/footer")]
    assert any(re.search(r"第</w:t>.*PAGE.*<w:t[^>]*>页", footer, flags=re.S) for footer in footers)
    pages = [squash(page.extract_text()) for page in PdfReader(str(pdf_path)).pages]
    assert any(f"第{number}页" in text for number, text in enumerate(pages, start=1))


def test_the_theme_of_the_build_is_the_one_validate_checks_sizes_with(tmp_path):
    from nbreport import Theme, validate
    from nbreport.api import DatasetError

    columns = ",".join(f"列{i}" for i in range(12))
    row = ",".join("很长的单元格文字" for _ in range(12))
    root = write_dataset(tmp_path / "ds", "chapters: [ch.md]\n",
                         **{"ch.md": "---\ntitle: 章\n---\n\n## 节\n\n```table\nfile: t.csv\n```\n", "t.csv": f"{columns}\n{row}\n"})
    large = Theme.model_validate({"styles": {"table.cell": {"size": 30}}})
    assert validate(root).ok
    assert "E-TABLE-TOO-WIDE" in validate(root, theme=large).codes()
    with pytest.raises(DatasetError):
        build(root, tmp_path / "out", formats="pdf", theme=large)
    assert not (tmp_path / "out").exists()
