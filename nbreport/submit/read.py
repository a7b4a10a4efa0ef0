"""Read a submitted workbook into raw rows per sheet, each cell with its sheet and cell, through the one bounded reader.

Limits, the container check, the row stream and what the sheet XML adds (merged cells,
formulas without results, hidden data, numbers out of range) are those of load/workbook.py.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from .. import codes
from ..finding_cap import FindingList
from ..findings import Finding, Location
from ..load.sheet_scan import scan_sheet
from ..load.workbook import open_book, stream_rows
from ..load.workbook_notes import far_findings, fill_merged, hidden_findings, number_findings, uncached_findings
from .header import header_key, match_header
from .parts import OWN_SHEETS, PARTS, Part, SheetSpec, read_stamp
from .sniff import Unreadable

HEADER_SCAN = 5


class Uncached:
    """Stand for a formula cell saved without its result: not blank, not a value (E-XLSX-FORMULA says so)."""

    def __repr__(self) -> str:
        return "Uncached()"


UNCACHED = Uncached()


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
    findings: list[Finding] = field(default_factory=FindingList)


def read_submission(path: Path, part: str | None = None, shown: str | None = None) -> RawSubmission:
    """Read ``path`` as a submission of ``part`` (None: as its template recorded); raise Unreadable if it cannot be."""
    shown = shown or path.name
    if not path.is_file():
        raise Unreadable([codes.make("E-PATH-NOT-FOUND", Location(file=shown), path=str(path))])
    with open_book(path, shown) as book:
        return _read_book(book, path, shown, part)


def _read_book(book: Any, path: Path, shown: str, wanted: str | None) -> RawSubmission:
    stamped_part, year = read_stamp(getattr(book.properties, "keywords", None))
    titles = [ws.title for ws in book.worksheets]
    part = _part(wanted or stamped_part, titles, shown)
    result = RawSubmission(file=shown, part=part, year=year)
    found = _match_sheets(part, titles, shown, result.findings)
    result.findings += _hidden_sheets(book, path, shown, found)
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


def _hidden_sheets(book: Any, path: Path, shown: str, found: dict[str, str]) -> list[Finding]:
    """Return warnings for hidden sheets that hold data and are not nbreport's own (read ones warn when read)."""
    findings = []
    for ws in book.worksheets:
        if ws.title in found.values() or ws.title in OWN_SHEETS or getattr(ws, "sheet_state", "visible") == "visible":
            continue
        findings += hidden_findings(ws, scan_sheet(path, getattr(ws, "_worksheet_path", None)), shown)
    return findings


def _read_sheet(ws: Any, spec: SheetSpec, path: Path, shown: str, findings: list[Finding]) -> RawSheet:
    def at(column: int | None, row: int | None = None) -> Location:
        cell = f"{get_column_letter(column)}{row}" if column and row else None
        return Location(file=shown, sheet=ws.title, cell=cell, line=row)

    scan = scan_sheet(path, getattr(ws, "_worksheet_path", None))
    findings += hidden_findings(ws, scan, shown) + uncached_findings(ws.title, scan, shown) + far_findings(ws.title, scan, shown)
    stream = stream_rows(ws, shown)
    head = [values for _, (_, values) in zip(range(HEADER_SCAN), stream)]
    scores = [match_header(spec, values, lambda c: at(c)).score for values in head]
    header_row = 1 + (scores.index(max(scores)) if scores and max(scores) > 0 else 0)
    header = match_header(spec, head[header_row - 1] if head else (), lambda c: at(c, header_row if c else None))
    findings.extend(header.findings)
    numbers: list[int] = []
    grid: list[list[Any]] = []
    for number, values in itertools.chain([*enumerate(head, start=1)][header_row:], stream):
        if any(values[column - 1] is not None for column in header.columns.values() if column <= len(values)):
            numbers.append(number)
            grid.append(list(values))
    fill_merged(numbers, grid, scan.merged)
    findings += number_findings(ws.title, numbers, _only(grid, header.columns.values()), shown)
    rows = [_row(number, values, header.columns, scan, at) for number, values in zip(numbers, grid)]
    return RawSheet(spec, ws.title, header_row, header.columns, rows)


def _only(grid: list[list[Any]], columns: Any) -> list[list[Any]]:
    """Return the grid with only the header's columns kept (others blank): numbers are checked where they are read."""
    keep = set(columns)
    return [[value if index + 1 in keep else None for index, value in enumerate(row)] for row in grid]


def _row(number: int, values: list[Any], columns: dict[str, int], scan: Any, at: Any) -> RawRow:
    row = RawRow(number, {}, {})
    for name, column in columns.items():
        value = values[column - 1] if column <= len(values) else None
        row.values[name] = UNCACHED if value is None and scan.uncached_at(number, column) else value
        row.places[name] = at(column, number)
    return row
