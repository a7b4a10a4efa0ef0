"""Tell what a submitted file really is before openpyxl opens it: xlsx, old .xls, encrypted, too large."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import codes
from ..findings import Finding, Location

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An xlsx with an open password is an OLE2 container holding this stream (MS-OFFCRYPTO).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAX_FILE_BYTES = 64 * 2**20
# zipfile never inflates a member past its declared size, so the declared sum bounds memory.
MAX_UNCOMPRESSED = 64 * 2**20
_CHUNK = 2**20


class Unreadable(Exception):
    """Carry the findings that stop a submission from being read at all (exit code 2)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message if findings else "unreadable")
        self.findings = findings


def sniff(file: Path, shown: str) -> None:
    """Raise Unreadable unless ``file`` is a zip holding an Excel workbook of a sane unpacked size."""
    where = Location(file=shown)
    try:
        size = file.stat().st_size
        with file.open("rb") as handle:
            start = handle.read(8)
    except OSError as error:
        raise Unreadable([codes.make("E-FILE-READ", where, detail=error.strerror or str(error))]) from None
    if size > MAX_FILE_BYTES:
        raise Unreadable([_too_large(where, size)])
    if start == OLE2_MAGIC:
        code = "E-XLSX-ENCRYPTED" if _holds_encrypted_package(file) else "E-XLSX-XLS"
        raise Unreadable([codes.make(code, where)])
    if not zipfile.is_zipfile(file):
        raise Unreadable([codes.make("E-XLSX-NOT-EXCEL", where, detail=_looks_like(start, file))])
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Unreadable([codes.make("E-XLSX-NOT-EXCEL", where, detail=f"（压缩包已损坏：{error}）")]) from None
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNCOMPRESSED:
        raise Unreadable([_too_large(where, unpacked)])
    names = {info.filename for info in members}
    if "xl/workbook.xml" not in names:
        detail = "（看起来是 Word 文档）" if "word/document.xml" in names else "（是压缩包，但不是 Excel 工作簿）"
        raise Unreadable([codes.make("E-XLSX-NOT-EXCEL", where, detail=detail)])


def _too_large(where: Location, size: int) -> Finding:
    return codes.make("E-XLSX-TOO-LARGE", where, size=max(1, size // 2**20), limit=MAX_UNCOMPRESSED // 2**20)


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
        return "（看起来是 PDF 文件）"
    with file.open("rb") as handle:
        head = handle.read(512).lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table")):
        return "（看起来是网页 HTML，常见于系统导出的“Excel”）"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # a character cut at the end of the sample is still text
            return ""
    return "（看起来是文本或 CSV 文件）"
