"""Open the base .docx (python-docx's template or a reference) and save the package reproducibly."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm

from ..schema.theme import Theme
from .errors import RenderError

PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210, 297), "B5": (176, 250), "Letter": (215.9, 279.4)}
_ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold
_ZIP_LAST = 4354819198  # 2107-12-31 23:59:58, the latest


def open_base(reference: Path | None, theme: Theme) -> tuple[DocxDocument, bool]:
    """Return the base document and whether it came from ``reference`` (its body emptied)."""
    if reference is None:
        base = docx.Document()
        _page_setup(base.sections[0], theme)
        return base, False
    try:
        base = docx.Document(str(reference))
    except (OSError, PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise RenderError(str(reference), "reference", f"无法打开参考文档：{exc}") from None
    body = base.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:
        body.get_or_add_sectPr()
        _page_setup(base.sections[0], theme)
    return base, True


def _page_setup(section: Section, theme: Theme) -> None:
    """Set the theme's page size (portrait) and margins on ``section``."""
    width, height = PAGE_SIZES_MM[theme.page_size]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin = Mm(theme.margin_top_mm)
    section.bottom_margin = Mm(theme.margin_bottom_mm)
    section.left_margin = Mm(theme.margin_left_mm)
    section.right_margin = Mm(theme.margin_right_mm)


def _source_date_epoch() -> int | None:
    """Return SOURCE_DATE_EPOCH as seconds within what a zip entry can hold, or None when unset or not a number.

    A huge or negative value is clamped to 1980-01-01 … 2107-12-31 rather than crash the build.
    """
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "").strip())
    except ValueError:
        return None
    return min(max(epoch, _ZIP_EPOCH), _ZIP_LAST)


@contextmanager
def sane_source_date_epoch() -> Iterator[int | None]:
    """Within the block, SOURCE_DATE_EPOCH is the clamped value or unset (reportlab reads it itself)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = _source_date_epoch()
    if epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield epoch
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build_time() -> dt.datetime:
    """Return the creation time to record: SOURCE_DATE_EPOCH when set, else now (UTC, whole seconds)."""
    epoch = _source_date_epoch()
    if epoch is None:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)


def package_bytes(doc: DocxDocument) -> bytes:
    """Return the saved package; with SOURCE_DATE_EPOCH, entries in a fixed order and time."""
    buffer = io.BytesIO()
    doc.save(buffer)
    epoch = _source_date_epoch()
    if epoch is None:
        return buffer.getvalue()
    stamp = dt.datetime.fromtimestamp(max(epoch, _ZIP_EPOCH), dt.timezone.utc).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
