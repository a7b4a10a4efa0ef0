"""Read the first (or a named) sheet of an XLSX file as a table, safely."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import codes
from ..findings import Location
from .tables import MAX_ROWS, RawTable, TableReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024


def read_xlsx(file: Path, shown: str, sheet: str | None = None) -> RawTable:
    """Read values (never formulas) of one sheet; refuse non-XLSX, encrypted or oversized files."""
    _check_container(file, shown)
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise TableReadError([codes.make("E-FILE-READ", Location(file=shown), detail=f"{type(error).__name__}: {error}")]) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            detail = f"没有名为“{sheet}”的工作表（现有：{'、'.join(book.sheetnames)}）"
            raise TableReadError([codes.make("E-FILE-READ", Location(file=shown), detail=detail)])
        ws = book[sheet] if sheet else book.worksheets[0]
        return _read_sheet(ws, shown)
    finally:
        book.close()


def _check_container(file: Path, shown: str) -> None:
    where = Location(file=shown)
    if not zipfile.is_zipfile(file):
        detail = "不是 XLSX 文件（可能已加密，或是旧版 .xls）"
        raise TableReadError([codes.make("E-FILE-READ", where, detail=detail)])
    with zipfile.ZipFile(file) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNCOMPRESSED:
        raise TableReadError([codes.make("E-FILE-READ", where, detail=f"解压后过大（{total // 2**20} MB）")])


def _read_sheet(ws, shown: str) -> RawTable:
    rows_iter = ws.iter_rows(values_only=True)
    header_row = next(rows_iter, None) or ()
    header = [_text(value).strip() for value in header_row]
    while header and not header[-1]:
        header.pop()
    rows: list[list[str]] = []
    places: list[Location] = []
    for number, values in enumerate(rows_iter, start=2):
        cells = [_text(value) for value in values[: len(header)]]
        cells += [""] * (len(header) - len(cells))
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise TableReadError([codes.make("E-FILE-READ", Location(file=shown, sheet=ws.title), detail=f"超过 {MAX_ROWS} 行")])
        rows.append(cells)
        places.append(Location(file=shown, sheet=ws.title, cell=f"A{number}"))
    return RawTable(header=header, rows=rows, places=places)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
