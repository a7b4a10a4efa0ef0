"""Read XLSX workbooks boundedly, for dataset tables and submissions alike: one set of limits, one row stream.

openpyxl reads in read-only mode (rows are streamed, never the declared used range),
with cached values only (``data_only``: no formula is ever evaluated) and without
external links. What read-only mode does not expose (merged ranges, formulas without a
cached value, hidden rows and columns) comes from one streaming pass over the sheet XML
(:mod:`nbreport.load.sheet_scan`).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .. import codes
from ..findings import Finding, Location
from . import sheet_scan

MAX_FILE_BYTES = 64 * 2**20
# zipfile never inflates a member past its declared size, so the declared sum bounds memory.
MAX_UNCOMPRESSED = 64 * 2**20
ROW_LIMIT = 20_000  # rows scanned per sheet, blank ones included; no table or submission needs more
MAX_COLUMNS = sheet_scan.MAX_COLUMNS  # columns read per row; cells further right are never materialised
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An xlsx with an open password is an OLE2 container holding this stream (MS-OFFCRYPTO).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_CHUNK = 2**20
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # OOXML's escape of characters XML cannot hold


class WorkbookUnreadable(Exception):
    """Carry the findings that stop a workbook from being read at all."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message if findings else "unreadable")
        self.findings = findings


def check_container(file: Path, shown: str) -> None:
    """Raise WorkbookUnreadable unless ``file`` is a zip holding an Excel workbook of a sane unpacked size."""
    where = Location(file=shown)
    try:
        size = file.stat().st_size
        with file.open("rb") as handle:
            start = handle.read(8)
    except OSError as error:
        raise WorkbookUnreadable([codes.make("E-FILE-READ", where, detail=error.strerror or str(error))]) from None
    if size > MAX_FILE_BYTES:
        raise WorkbookUnreadable([too_large(where, size)])
    if start == OLE2_MAGIC:
        code = "E-XLSX-ENCRYPTED" if _holds_encrypted_package(file) else "E-XLSX-XLS"
        raise WorkbookUnreadable([codes.make(code, where)])
    if not zipfile.is_zipfile(file):
        raise WorkbookUnreadable([codes.make("E-XLSX-NOT-EXCEL", where, detail=_looks_like(start, file))])
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise WorkbookUnreadable([codes.make("E-XLSX-NOT-EXCEL", where, detail=f"（压缩包已损坏：{error}）")]) from None
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNCOMPRESSED:
        raise WorkbookUnreadable([too_large(where, unpacked)])
    names = {info.filename for info in members}
    if "xl/workbook.xml" not in names:
        detail = "（看起来是 Word 文档）" if "word/document.xml" in names else "（是压缩包，但不是 Excel 工作簿）"
        raise WorkbookUnreadable([codes.make("E-XLSX-NOT-EXCEL", where, detail=detail)])


def too_large(where: Location, size: int) -> Finding:
    """Return E-XLSX-TOO-LARGE for a file of ``size`` bytes (packed or unpacked)."""
    return codes.make("E-XLSX-TOO-LARGE", where, size=max(1, size // 2**20), limit=MAX_UNCOMPRESSED // 2**20)


@contextmanager
def open_book(file: Path, shown: str) -> Iterator[Any]:
    """Check the container, then yield the workbook opened read-only with cached values; close it after."""
    check_container(file, shown)
    with file.open("rb") as handle:  # a file object: openpyxl then trusts the content, not the extension
        book = _load(handle, shown)
        try:
            yield book
        except WorkbookUnreadable:
            raise
        except Exception as error:  # a damaged sheet part surfaces only while streaming
            raise WorkbookUnreadable([damaged(shown, error)]) from None
        finally:
            book.close()


def _load(handle: IO[bytes], shown: str) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise WorkbookUnreadable([damaged(shown, error)]) from None


def damaged(shown: str, error: Exception) -> Finding:
    """Return the finding for a workbook openpyxl could not read."""
    return codes.make("E-XLSX-NOT-EXCEL", Location(file=shown), detail=f"（文件已损坏：{type(error).__name__}: {error}）")


def stream_rows(ws: Any, shown: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Yield (row number, the first MAX_COLUMNS cleaned values) of every row; stop with E-XLSX-ROWS past ROW_LIMIT.

    The sheet's stated dimension is ignored: it may hide rows past it, or claim a million.
    """
    ws.reset_dimensions()
    for number, values in enumerate(ws.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1):
        if number > ROW_LIMIT:
            where = Location(file=shown, sheet=ws.title)
            raise WorkbookUnreadable([codes.make("E-XLSX-ROWS", where, sheet=ws.title, limit=ROW_LIMIT)])
        yield number, tuple(clean(value) for value in values)


def clean(value: Any) -> Any:
    """Return a cell value as nbreport reads it: OOXML escapes undone, line ends as \\n, spaces stripped, blank as None."""
    if isinstance(value, str):
        text = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None
    return value


def as_text(value: Any) -> str:
    """Return a cleaned value as dataset text: whole floats without .0, dates as 2023年5月17日, None as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def _holds_encrypted_package(file: Path) -> bool:
    """Return True when an OLE2 file names an EncryptedPackage stream (scan bounded by MAX_FILE_BYTES)."""
    tail = b""
    with file.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if _ENCRYPTED_STREAM in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED_STREAM):]
    return False


def _looks_like(start: bytes, file: Path) -> str:
    if start.startswith(b"%PDF"):
        return codes.detail("file.looks_pdf")
    with file.open("rb") as handle:
        head = handle.read(512).lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table")):
        return codes.detail("file.looks_html")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # a character cut at the end of the sample is still text
            return ""
    return codes.detail("file.looks_text")
