"""Make and open the shipped reference DOCX: python-docx's template with the default theme's styles defined.

Defining two dozen styles through python-docx costs more than the rest of a small report,
so ``templates/reference.docx`` (made by scripts/make_reference_docx.py) holds them already.
It carries the fingerprint of the theme it was made from in a document variable; the
renderer starts from it only when the fingerprint is that of the theme it renders with
(any other theme gets its styles defined as before), and removes the variable so the
output is the same file either way. A bureau may restyle the file in Word: Word keeps the
variable, and the renderer then prints in the restyled styles.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ..schema.theme import Theme
from . import ooxml
from .docx_package import empty_reference, package_bytes, page_setup
from .docx_styles import StyleMap

REFERENCE = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
THEME_VARIABLE = "nbreport.theme"
MADE_AT = 1_700_000_000  # the zip entries' time: the file is the same whenever it is made


def theme_fingerprint(theme: Theme) -> str:
    """Return a digest of every setting of ``theme`` (two themes that differ anywhere differ here)."""
    settings = json.dumps(theme.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(settings.encode("utf-8")).hexdigest()


def make_reference(theme: Theme) -> bytes:
    """Return the reference DOCX of ``theme``: page setup and every role's style, no body text."""
    base = docx.Document()
    page_setup(base.sections[0], theme)
    StyleMap(base, theme)
    ooxml.set_document_variable(_settings(base), THEME_VARIABLE, theme_fingerprint(theme))
    return package_bytes(base, epoch=MADE_AT)


def styled_base(theme: Theme, path: Path | None = None) -> DocxDocument | None:
    """Return the reference at ``path`` (default REFERENCE) opened, when made for ``theme``; None when absent or made for another."""
    try:
        base = docx.Document(str(path or REFERENCE))
    except (OSError, PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    made_for = ooxml.pop_document_variable(_settings(base), THEME_VARIABLE)
    if made_for != theme_fingerprint(theme):
        return None
    empty_reference(base, (path or REFERENCE).name, theme)  # a bureau may have typed in it, or linked out
    return base


def styles_xml(package: bytes) -> bytes:
    """Return the styles part of a DOCX, canonicalised (C14N) so equal styles compare equal."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        root = etree.fromstring(source.read("word/styles.xml"))
    return etree.tostring(root, method="c14n")


def _settings(base: DocxDocument) -> etree._Element:
    return base.part.part_related_by(RT.SETTINGS).element  # type: ignore[attr-defined]
