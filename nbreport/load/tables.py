"""Read table files (CSV, XLSX) into schema table data, keeping each row's position."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .. import codes
from ..finding_cap import FindingList
from ..findings import Finding, Location
from ..text import parse_int, shorten
from .encoding import DecodeFailure, decode
from .numbers import number_problem
from .raw import RawTable, TableReadError
from .safe_cells import unescape_csv_text
from ..schema.tables import AWARD_COLUMNS, PEOPLE_COLUMNS

MAX_ROWS = 200_000
TABLE_KINDS = ("plain", "ranked", "award", "people", "institution")
_REQUIRED = {"award": AWARD_COLUMNS, "people": PEOPLE_COLUMNS}
_DEFAULT_MERGE = {"award": ("奖励类别",)}
_DEFAULT_LISTS = {"award": ("主要完成单位", "主要完成人员")}
TABLE_SPEC_KEYS = {"caption", "file", "kind", "layout", "merge", "lists", "note", "sheet"}


def read_table_file(file: Path, shown: str, sheet: str | None = None) -> RawTable:
    """Read a CSV or XLSX file; raise TableReadError with findings when it cannot be read."""
    if file.suffix.lower() in (".xlsx", ".xlsm"):
        from .xlsx import read_xlsx

        return read_xlsx(file, shown, sheet)
    return read_csv(file, shown)


def read_csv(file: Path, shown: str) -> RawTable:
    """Read a UTF-8 CSV (BOM allowed, any line endings) keeping line numbers.

    A cell written as ``'`` + formula-like text (see :mod:`nbreport.load.safe_cells`) reads as that text.
    """
    text = decode(file.read_bytes())
    if isinstance(text, DecodeFailure):
        where = Location(file=shown, line=text.line)
        raise TableReadError([codes.make("E-FILE-ENCODING", where, detail=text.detail)])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    places: list[Location] = []
    try:
        header = [unescape_csv_text(name).strip() for name in next(reader, [])]
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            places.append(Location(file=shown, line=reader.line_num))
            rows.append([unescape_csv_text(cell) for cell in record])  # the apostrophe nbreport's writers add
            if len(rows) > MAX_ROWS:
                raise TableReadError([codes.make("E-CSV-SYNTAX", places[-1], detail=codes.detail("csv.rows", limit=MAX_ROWS))])
    except csv.Error as error:
        where = Location(file=shown, line=reader.line_num)
        raise TableReadError([codes.make("E-CSV-SYNTAX", where, detail=str(error))]) from None
    findings = [
        codes.make("E-CSV-SYNTAX", place, detail=codes.detail("csv.width", cells=len(row), header=len(header)))
        for row, place in zip(rows, places) if len(row) != len(header)
    ]
    if not header:
        findings.append(codes.make("E-CSV-SYNTAX", Location(file=shown, line=1), detail=codes.detail("csv.empty")))
    if findings:
        raise TableReadError(findings)
    return RawTable(header=header, rows=rows, places=places, findings=_number_findings(rows, places))


def _number_findings(rows: list[list[str]], places: list[Location]) -> list[Finding]:
    """Return an error for each cell spelling a number too long or too large (``1e99999999``)."""
    findings = FindingList()
    for row, place in zip(rows, places):
        for index, text in enumerate(row):
            problem = number_problem(text)
            if problem:
                value = text.strip() if len(text.strip()) <= 30 else text.strip()[:27] + "…"
                findings.append(codes.make("E-NUMBER-RANGE", cell_location(place, index), value=value, detail=problem))
    return findings


def table_from_spec(spec: dict[str, Any], raw: RawTable, where: Location,
                    spec_at: Location | None = None) -> tuple[dict[str, Any], list[Finding]]:
    """Return schema data for a table from its spec and rows, with findings about columns and cells.

    ``where`` is the table file's header; ``spec_at`` where the spec was written (None: the header too).
    """
    kind = spec.get("kind", "plain")
    findings = _check_columns(kind, raw.header, where)
    merge = _column_names(spec, "merge", _DEFAULT_MERGE.get(kind, ()), raw.header, spec_at or where, findings)
    lists = _column_names(spec, "lists", _DEFAULT_LISTS.get(kind, ()), raw.header, spec_at or where, findings)
    columns = [
        {"name": name, "type": "int" if name == "序号" else ("list" if name in lists else "text"), "merge": name in merge}
        for name in raw.header
    ]
    rows = []
    for record, place in zip(raw.rows, raw.places):
        row, row_findings = _convert_row(record, columns, place)
        rows.append(row)
        findings.extend(row_findings)
    data = {
        "kind": "table", "caption": spec.get("caption"), "table_kind": kind,
        "layout": spec.get("layout", "single"), "columns": columns, "rows": rows,
        "note": spec.get("note"), "source": where.file,
    }
    return data, findings


def _column_names(spec: dict[str, Any], key: str, default: tuple[str, ...], header: list[str],
                  where: Location, findings: list[Finding]) -> set[str]:
    """Return the columns a spec's ``merge:`` or ``lists:`` names; a finding for anything but a list of its columns."""
    value = spec.get(key)
    if value is None:
        return set(default)
    names = value if isinstance(value, list) and all(isinstance(name, str) for name in value) else None
    unknown = [name for name in names or () if name not in header]
    if names is None or unknown:
        findings.append(codes.make("E-MD-FENCE", where, kind="table", detail=codes.detail(
            "spec.columns", key=key, value=shorten(str(unknown[0] if unknown else value)), columns="、".join(header))))
        return set(default)
    return set(names)


def _check_columns(kind: str, header: list[str], where: Location) -> list[Finding]:
    required = _REQUIRED.get(kind)
    if not required:
        return []
    expected = "、".join(required)
    findings = [codes.make("E-TABLE-COLUMN-MISSING", where, column=name, expected=expected)
                for name in required if name not in header]
    for name in header:
        if name not in required:
            close = _closest(name, required)
            suggestion = codes.detail("column.suggest", name=close) if close else ""
            findings.append(codes.make("E-TABLE-COLUMN-UNKNOWN", where, column=name, suggestion=suggestion, expected=expected))
    return findings


def _closest(name: str, options: tuple[str, ...]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, options, n=1, cutoff=0.5)
    return found[0] if found else None


def _convert_row(record: list[str], columns: list[dict[str, Any]], place: Location) -> tuple[list[Any], list[Finding]]:
    row: list[Any] = []
    findings: list[Finding] = []
    for index, (value, column) in enumerate(zip(record, columns)):
        text = value.strip()
        if column["type"] == "int":
            if (number := parse_int(text)) is not None:
                row.append(number)
                continue
            where = cell_location(place, index)
            findings.append(codes.make("E-CELL-TYPE", where, column=column["name"], expected=codes.detail("type.int"), value=text,
                                       example=codes.detail("example.seq")))
            row.append(None)
        elif column["type"] == "list":
            row.append([part.strip() for part in text.split("、") if part.strip()] if text else [])
        else:
            row.append(text)
    return row, findings


def cell_location(place: Location, index: int) -> Location:
    """Return the location of cell ``index`` of the row at ``place``."""
    from dataclasses import replace

    if place.sheet:
        from openpyxl.utils import get_column_letter

        row = int("".join(ch for ch in place.cell or "" if ch.isdigit()) or 0)
        return replace(place, cell=f"{get_column_letter(index + 1)}{row}")
    return replace(place, column=index + 1)
