"""Open the base .docx (python-docx's template or a reference) and save the package reproducibly."""

from __future__ import annotations

import datetime as dt
import io
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm
from lxml import etree

from ..schema.theme import Theme
from .docx_rows import DeferredRows, is_document_part
from .epoch import ZIP_EPOCH, source_date_epoch
from .errors import RenderError

MAX_REFERENCE_BYTES = 50 * 2**20
_CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class TemplateWarning(UserWarning):
    """Say what was removed from a reference document so the output stays self-contained."""


PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210, 297), "B5": (176, 250), "Letter": (215.9, 279.4)}


def open_base(reference: Path | None, theme: Theme) -> tuple[DocxDocument, bool]:
    """Return the base document and whether it came from ``reference`` (its body emptied).

    ``reference`` may be a .docx or a .dotx (its main part is read as a document's); links
    it holds to anything outside the package are dropped with a TemplateWarning.
    """
    if reference is None:
        base = docx.Document()
        page_setup(base.sections[0], theme)
        return base, False
    try:
        if reference.stat().st_size > MAX_REFERENCE_BYTES:
            raise ValueError(f"文件超过 {MAX_REFERENCE_BYTES // 2**20} MB")
        base = docx.Document(io.BytesIO(as_document_package(reference.read_bytes())))
    except (OSError, PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise RenderError(str(reference), "reference", f"无法打开参考文档：{exc}") from None
    empty_reference(base, reference.name, theme)
    return base, True


def empty_reference(base: DocxDocument, name: str, theme: Theme) -> None:
    """Empty the body of a reference and drop its links to outside the package (a TemplateWarning names them)."""
    dropped = drop_external_links(base)
    if dropped:
        warnings.warn(
            f"参考文档 {name} 含有指向外部的链接（{'、'.join(dropped)}），已从输出中删除",
            TemplateWarning, stacklevel=4,
        )
    body = base.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:
        body.get_or_add_sectPr()
        page_setup(base.sections[0], theme)


def as_document_package(data: bytes) -> bytes:
    """Return the package with a template's (.dotx) main part typed as a document's; others unchanged."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = etree.fromstring(source.read(_CONTENT_TYPES))
        overrides = [o for o in types.iter(f"{{{_CT_NS}}}Override") if o.get("ContentType") == _TEMPLATE_MAIN]
        if not overrides:
            return data
        for override in overrides:
            override.set("ContentType", _DOCUMENT_MAIN)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True) \
                    if info.filename == _CONTENT_TYPES else source.read(info.filename)
                target.writestr(info.filename, content)
    return out.getvalue()


def drop_external_links(doc: DocxDocument) -> list[str]:
    """Remove every relationship to outside the package and what refers to it; return their targets.

    An attached template on a server, a linked picture or a hyperlink in the header of a
    reference would otherwise travel into every report (and make Word fetch it on open).
    Hyperlinks keep their text; other referring elements (w:attachedTemplate...) go.
    """
    dropped: list[str] = []
    for part in doc.part.package.iter_parts():
        external = {rid: rel for rid, rel in part.rels.items() if rel.is_external}
        if not external:
            continue
        element = getattr(part, "element", None)
        if element is not None:
            _drop_references(element, set(external))
        elif part.content_type.endswith("xml"):  # a part python-docx keeps as bytes
            root = etree.fromstring(part.blob)
            _drop_references(root, set(external))
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        for rid, rel in external.items():
            dropped.append(rel.target_ref)
            del part.rels[rid]
    return dropped


def _drop_references(root: etree._Element, ids: set[str]) -> None:
    """Unwrap hyperlinks and remove other elements whose r: attribute names one of ``ids``."""
    for element in list(root.iter()):
        if not any(key.startswith(f"{{{_R_NS}}}") and value in ids for key, value in element.attrib.items()):
            continue
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag == qn("w:hyperlink"):
            for child in list(element):
                element.addprevious(child)
        parent.remove(element)


def page_setup(section: Section, theme: Theme) -> None:
    """Set the theme's page size (portrait) and margins on ``section``."""
    width, height = PAGE_SIZES_MM[theme.page_size]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin = Mm(theme.margin_top_mm)
    section.bottom_margin = Mm(theme.margin_bottom_mm)
    section.left_margin = Mm(theme.margin_left_mm)
    section.right_margin = Mm(theme.margin_right_mm)


def package_bytes(doc: DocxDocument, deferred: DeferredRows | None = None, epoch: int | None = None) -> bytes:
    """Return the saved package, the rows of ``deferred`` tables streamed into its document part.

    With ``epoch`` (default SOURCE_DATE_EPOCH) the entries are in a fixed order, all dated
    then. Each part is compressed once, as it is written here (python-docx's own save
    would deflate them all before this could reorder them).
    """
    epoch = source_date_epoch() if epoch is None else epoch
    entries = _entries(doc)
    stamp = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH), dt.timezone.utc).timetuple()[:6] if epoch is not None else None
    if stamp is not None:
        entries.sort(key=lambda entry: (entry[0] != _CONTENT_TYPES, entry[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in entries:
            if stamp is None:  # as python-docx writes an entry
                info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
                info.external_attr = 0o600 << 16
            else:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.create_system = 0
                info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            if deferred and is_document_part(name):
                deferred.write_document(blob, target, info)
            else:
                target.writestr(info, blob)
    return out.getvalue()


# The steps of python-docx's PackageWriter.write (1.1, 1.2), each handed the writer and the parts.
_WRITER_STEPS = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")


class _Entries:
    """Collect the package's entries in python-docx's order, uncompressed (its PhysPkgWriter's interface)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.items.append((pack_uri.membername, blob))


def _entries(doc: DocxDocument) -> list[tuple[str, bytes]]:
    """Return the (name, bytes) of every entry of the package, as python-docx's save would write them."""
    package = doc.part.package
    try:
        steps: list[Callable[..., None]] = [getattr(PackageWriter, name) for name in _WRITER_STEPS]
    except AttributeError:  # another python-docx: save through it and read the entries back
        buffer = io.BytesIO()
        doc.save(buffer)
        with zipfile.ZipFile(buffer) as saved:
            return [(name, saved.read(name)) for name in saved.namelist()]
    for part in package.parts:
        part.before_marshal()
    entries = _Entries()
    steps[0](entries, package.parts)
    steps[1](entries, package.rels)
    steps[2](entries, package.parts)
    return entries.items
