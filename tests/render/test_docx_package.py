"""A reference document (--docx-template) may be a .docx or .dotx; nothing outside the package travels with it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from builders import paragraph, small_report
from nbreport.compose import compose
from nbreport.render.docx import render_docx
from nbreport.render.docx_package import TemplateWarning
from nbreport.schema import Theme

THEME = Theme()
ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.fixture(scope="module")
def document():
    chapter = {"kind": "chapter", "title": "章", "sections": [{"title": "节", "blocks": [paragraph("正文内容。")]}]}
    return compose(small_report(chapters=[chapter]), THEME)


def reference(tmp_path: Path, name: str = "ref.docx", links: bool = False) -> Path:
    ref = docx.Document()
    ref.styles["Normal"].font.size = docx.shared.Pt(15)
    if links:
        settings_part = ref.part.part_related_by(RT.SETTINGS)
        settings = settings_part.element
        rid = settings_part.relate_to("https://example.invalid/evil.dotm", ATTACHED_TEMPLATE, is_external=True)
        attached = OxmlElement("w:attachedTemplate", {qn("r:id"): rid})
        settings.insert(0, attached)
        header = ref.sections[0].header
        p = header.paragraphs[0]
        hid = header.part.relate_to("file:///etc/passwd", RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink", {qn("r:id"): hid})
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "页眉链接"
        run.append(text)
        link.append(run)
        p._p.append(link)
    path = tmp_path / name
    ref.save(path)
    return path


def as_dotx(path: Path) -> Path:
    target = path.with_suffix(".dotx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_MAIN.encode(), TEMPLATE_MAIN.encode())
            out.writestr(info.filename, data)
    return target


def package_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())


def test_body_text_takes_the_references_body_style(document, tmp_path):
    out = docx.Document(str(render_docx(document, THEME, tmp_path / "o.docx", reference(tmp_path))))
    body = [p for p in out.paragraphs if p.text == "正文内容。"]
    assert [p.style.name for p in body] == ["Normal"]
    assert out.styles["Normal"].font.size == docx.shared.Pt(15)


def test_a_dotx_reference_is_accepted_and_the_output_is_a_document(document, tmp_path):
    path = render_docx(document, THEME, tmp_path / "o.docx", as_dotx(reference(tmp_path)))
    with zipfile.ZipFile(path) as package:
        types = package.read("[Content_Types].xml").decode()
    assert DOCUMENT_MAIN in types and TEMPLATE_MAIN not in types
    assert "正文内容。" in [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize("dotx", [False, True])
def test_links_outside_the_package_are_dropped_with_a_warning(document, tmp_path, dotx):
    ref = reference(tmp_path, links=True)
    ref = as_dotx(ref) if dotx else ref
    with pytest.warns(TemplateWarning, match="example.invalid"):
        path = render_docx(document, THEME, tmp_path / "o.docx", ref)
    text = package_text(path)
    assert "TargetMode=\"External\"" not in text
    assert "example.invalid" not in text and "file:///etc/passwd" not in text
    assert "attachedTemplate" not in text
    docx.Document(str(path))  # still a valid package: no dangling relationship ids


def test_a_reference_without_links_gives_no_warning(document, tmp_path, recwarn):
    render_docx(document, THEME, tmp_path / "o.docx", reference(tmp_path))
    assert not [w for w in recwarn if issubclass(w.category, TemplateWarning)]


def saved_entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(name, package.read(name)) for name in package.namelist()]


@pytest.mark.parametrize("python_docx_writer", ["internal", "missing"])
def test_the_package_holds_what_python_docx_would_save(monkeypatch, python_docx_writer):
    from nbreport.render import docx_package

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if python_docx_writer == "missing":  # another python-docx: the package is saved through it
        monkeypatch.setattr(docx_package, "_WRITER_STEPS", ("_write_content_types_stream", "_no_such_step"))
    doc = docx.Document()
    doc.add_paragraph("正文")
    buffer = io.BytesIO()
    doc.save(buffer)
    assert saved_entries(docx_package.package_bytes(doc)) == saved_entries(buffer.getvalue())
