"""Read the first (or a named) sheet of an XLSX file as a dataset table, through the one bounded workbook reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import codes
from ..findings import Finding, Location
from .sheet_scan import scan_sheet
from .raw import RawTable, TableReadError
from .workbook import WorkbookUnreadable, as_text, open_book, stream_rows
from .workbook_notes import far_findings, fill_merged, hidden_findings, number_findings, uncached_findings


def read_xlsx(file: Path, shown: str, sheet: str | None = None) -> RawTable:
    """Read cached values (never formulas) of one sheet; refuse non-XLSX, encrypted or oversized files."""
    try:
        with open_book(file, shown) as book:
            if sheet is not None and sheet not in book.sheetnames:
                detail = f"没有名为“{sheet}”的工作表（现有：{'、'.join(book.sheetnames)}）"
                raise TableReadError([codes.make("E-FILE-READ", Location(file=shown), detail=detail)])
            ws = book[sheet] if sheet else book.worksheets[0]
            return _read_sheet(ws, file, shown)
    except WorkbookUnreadable as error:
        raise TableReadError(error.findings) from None


def _read_sheet(ws: Any, file: Path, shown: str) -> RawTable:
    scan = scan_sheet(file, getattr(ws, "_worksheet_path", None))
    findings: list[Finding] = [*hidden_findings(ws, scan, shown), *uncached_findings(ws.title, scan, shown),
                               *far_findings(ws.title, scan, shown)]
    stream = stream_rows(ws, shown)
    _, header_row = next(stream, (1, ()))
    header = [as_text(value) for value in header_row]
    while header and not header[-1]:
        header.pop()
    numbers: list[int] = []
    grid: list[list[Any]] = []
    for number, values in stream:
        cells = list(values[: len(header)]) + [None] * (len(header) - len(values))
        if any(value is not None for value in cells):
            numbers.append(number)
            grid.append(cells)
    fill_merged(numbers, grid, scan.merged)
    findings += number_findings(ws.title, numbers, grid, shown)
    places = [Location(file=shown, sheet=ws.title, cell=f"A{number}") for number in numbers]
    return RawTable(header=header, rows=[[as_text(v) for v in row] for row in grid], places=places, findings=findings)
