"""Read a submitted workbook into raw rows per sheet, each cell with its sheet and cell, safely and boundedly.

openpyxl reads in read-only mode (rows are streamed), with cached values only
(``data_only``: no formula is ever evaluated) and without external links.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from .. import codes
from ..findings import Finding, Location
from .header import header_key, match_header
from .merged import Range, merged_ranges
from .parts import OWN_SHEETS, PARTS, Part, SheetSpec, read_stamp
from .sniff import Unreadable, sniff

ROW_LIMIT = 20_000  # rows scanned per sheet, blank ones included; a submission never needs more
MAX_COLUMNS = 40
HEADER_SCAN = 5
MERGE_BUDGET = 1_000_000


@dataclass(slots=True)
class RawRow:
    """Hold one non-blank row: its sheet row number, and per column the raw value and its cell."""

    number: int
    values: dict[str, Any]
    places: dict[str, Location]


@dataclass(slots=True)
class RawSheet:
    """Hold one sheet as read: its spec, real title, header row, column positions and rows."""

    spec: SheetSpec
    title: str
    header_row: int
    columns: dict[str, int]
    rows: list[RawRow]


@dataclass(slots=True)
class RawSubmission:
    """Hold a workbook as read: which part, the year its template was made for, sheets and findings."""

    file: str
    part: Part
    year: int | None
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def read_submission(path: Path, part: str | None = None, shown: str | None = None) -> RawSubmission:
    """Read ``path`` as a submission of ``part`` (None: as its template recorded); raise Unreadable if it cannot be."""
    shown = shown or path.name
    if not path.is_file():
        raise Unreadable([codes.make("E-PATH-NOT-FOUND", Location(file=shown), path=str(path))])
    sniff(path, shown)
    from openpyxl import load_workbook

    with path.open("rb") as handle:  # a file object: openpyxl then trusts the content, not the extension
        try:
            book = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
        except Exception as error:  # openpyxl raises many types for damaged files
            raise Unreadable([_damaged(shown, error)]) from None
        try:
            return _read_book(book, path, shown, part)
        except Unreadable:
            raise
        except Exception as error:  # a damaged sheet part surfaces only while streaming
            raise Unreadable([_damaged(shown, error)]) from None
        finally:
            book.close()


def _damaged(shown: str, error: Exception) -> Finding:
    return codes.make("E-XLSX-NOT-EXCEL", Location(file=shown), detail=f"（文件已损坏：{type(error).__name__}: {error}）")


def _read_book(book: Any, path: Path, shown: str, wanted: str | None) -> RawSubmission:
    stamped_part, year = read_stamp(getattr(book.properties, "keywords", None))
    titles = [ws.title for ws in book.worksheets]
    part = _part(wanted or stamped_part, titles, shown)
    result = RawSubmission(file=shown, part=part, year=year)
    found = _match_sheets(part, titles, shown, result.findings)
    for spec in part.sheets:
        title = found.get(spec.name)
        if title is not None:
            ws = book[title]
            result.sheets[spec.name] = _read_sheet(ws, spec, path, shown, result.findings)
    return result


def _part(name: str | None, titles: list[str], shown: str) -> Part:
    if name in PARTS:
        return PARTS[name]
    if name is not None:
        detail = f"：未知的类型“{name}”"
        raise Unreadable([codes.make("E-XLSX-PART", Location(file=shown), detail=detail)])
    scores = {part.name: sum(spec.name in titles for spec in part.sheets) for part in PARTS.values()}
    best = max(scores.values())
    winners = [name for name, score in scores.items() if score == best]
    if best == 0 or len(winners) > 1:
        detail = f"（工作表：{'、'.join(titles)}）"
        raise Unreadable([codes.make("E-XLSX-PART", Location(file=shown), detail=detail)])
    return PARTS[winners[0]]


def _match_sheets(part: Part, titles: list[str], shown: str, findings: list[Finding]) -> dict[str, str]:
    """Return spec name → workbook sheet title; renamed sheets are found by spelling or as the only candidate."""
    found: dict[str, str] = {}
    by_key = {header_key(title): title for title in titles}
    for spec in part.sheets:
        title = spec.name if spec.name in titles else by_key.get(header_key(spec.name))
        if title is not None:
            found[spec.name] = title
    spare = [t for t in titles if t not in found.values() and t not in OWN_SHEETS]
    missing = [spec for spec in part.sheets if spec.name not in found]
    for spec in missing:
        close = difflib.get_close_matches(spec.name, spare, n=1, cutoff=0.5)
        only = spare if len(missing) == 1 and len(spare) == 1 else []
        candidates = close or only
        if not candidates:
            suggestion = f"（现有工作表：{'、'.join(titles)}）" if titles else ""
            findings.append(codes.make("E-XLSX-SHEET-MISSING", Location(file=shown), sheet=spec.name, suggestion=suggestion))
            continue
        title = candidates[0]
        found[spec.name] = title
        spare.remove(title)
        findings.append(codes.make("W-XLSX-SHEET-RENAMED", Location(file=shown, sheet=title), sheet=spec.name, found=title))
    for title in spare:
        findings.append(codes.make("W-XLSX-EXTRA-SHEET", Location(file=shown, sheet=title), sheet=title))
    return found


def _read_sheet(ws: Any, spec: SheetSpec, path: Path, shown: str, findings: list[Finding]) -> RawSheet:
    def at(column: int | None, row: int | None = None) -> Location:
        cell = f"{get_column_letter(column)}{row}" if column and row else None
        return Location(file=shown, sheet=ws.title, cell=cell, line=row)

    ws.reset_dimensions()  # a stated dimension may hide rows past it, or lie about the size
    stream = enumerate(ws.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1)
    head = [values for _, (_, values) in zip(range(HEADER_SCAN), stream)]
    scores = [match_header(spec, values, lambda c: at(c)).score for values in head]
    header_row = 1 + (scores.index(max(scores)) if scores and max(scores) > 0 else 0)
    header = match_header(spec, head[header_row - 1] if head else (), lambda c: at(c, header_row if c else None))
    findings.extend(header.findings)
    rows: list[RawRow] = []
    for number, values in itertools.chain([*enumerate(head, start=1)][header_row:], stream):
        if number > ROW_LIMIT:
            raise Unreadable([codes.make("E-XLSX-ROWS", at(None), sheet=ws.title, limit=ROW_LIMIT)])
        row = RawRow(number, {}, {})
        for name, column in header.columns.items():
            row.values[name] = _clean(values[column - 1])
            row.places[name] = at(column, number)
        if any(value is not None for value in row.values.values()):
            rows.append(row)
    _fill_merged(rows, header.columns, merged_ranges(path, getattr(ws, "_worksheet_path", None)))
    return RawSheet(spec, ws.title, header_row, header.columns, rows)


def _clean(value: Any) -> Any:
    """Return a cell value with surrounding spaces stripped; blank text becomes None."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _fill_merged(rows: list[RawRow], columns: dict[str, int], ranges: list[Range]) -> None:
    """Give every cell of a merged range the value of its top-left cell (for the rows and columns read).

    Work is bounded by MERGE_BUDGET cell visits: a crafted file may declare huge or overlapping ranges.
    """
    numbers = [row.number for row in rows]  # ascending, as read
    by_column = {column: name for name, column in columns.items()}
    budget = MERGE_BUDGET
    for min_col, min_row, max_col, max_row in ranges:
        start = bisect.bisect_left(numbers, min_row)
        if start == len(numbers) or numbers[start] != min_row or min_col not in by_column:
            continue
        value = rows[start].values[by_column[min_col]]
        targets = [name for column, name in by_column.items() if min_col <= column <= max_col]
        for row in rows[start:bisect.bisect_right(numbers, max_row)]:
            budget -= len(targets)
            if budget < 0:
                return
            for name in targets:
                if row.values.get(name) is None:
                    row.values[name] = value
