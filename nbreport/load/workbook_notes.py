"""Turn what a sheet scan found into values and findings: merged cells filled, hidden data, uncached formulas, numbers.

Shared by the dataset reader (load/xlsx.py) and the submission reader (submit/read.py), so a
workbook reads the same way whichever door it comes through.
"""

from __future__ import annotations

import bisect
from typing import Any

from openpyxl.utils import get_column_letter

from .. import codes
from ..findings import Finding, Location
from .numbers import number_problem
from .sheet_scan import MAX_COLUMNS, Range, SheetScan

MERGE_BUDGET = 1_000_000  # cell visits when filling merged ranges: a crafted file may declare huge ones
_OWN_HIDDEN = ("选项",)  # the template's own hidden list sheet


def fill_merged(numbers: list[int], grid: list[list[Any]], ranges: list[Range]) -> None:
    """Give every blank cell of a merged range the value of its top-left cell (rows read, columns held).

    ``numbers`` are the sheet row numbers of ``grid``'s rows (ascending); column n is grid index n-1.
    """
    budget = MERGE_BUDGET
    for min_col, min_row, max_col, max_row in ranges:
        start = bisect.bisect_left(numbers, min_row)
        if start == len(numbers) or numbers[start] != min_row or min_col > len(grid[start]):
            continue
        value = grid[start][min_col - 1]
        for row in grid[start:bisect.bisect_right(numbers, max_row)]:
            columns = range(min_col - 1, min(max_col, len(row)))
            budget -= len(columns)
            if budget < 0:
                return
            for index in columns:
                if row[index] is None:
                    row[index] = value


def hidden_findings(ws: Any, scan: SheetScan, shown: str) -> list[Finding]:
    """Return warnings for data the clerk may not see: a hidden sheet, hidden rows or columns holding values."""
    findings = []
    state = getattr(ws, "sheet_state", "visible")
    if state in ("hidden", "veryHidden") and scan.first_data and ws.title not in _OWN_HIDDEN:
        findings.append(codes.make("W-XLSX-HIDDEN", Location(file=shown, sheet=ws.title, cell=scan.first_data),
                                   what=codes.detail("sheet.very_hidden" if state == "veryHidden" else "sheet.hidden", sheet=ws.title)))
    for ref in scan.hidden_data[:1]:  # one warning per sheet: the first cell shows where to look
        findings.append(codes.make("W-XLSX-HIDDEN", Location(file=shown, sheet=ws.title, cell=ref),
                                   what=codes.detail("sheet.hidden_cells_many", count=len(scan.hidden_data))
                                   if len(scan.hidden_data) > 1 else codes.detail("sheet.hidden_cells")))
    return findings


def far_findings(title: str, scan: SheetScan, shown: str) -> list[Finding]:
    """Return a warning when a cell right of the columns read holds a value: it is not read."""
    if scan.far_data is None:
        return []
    where = Location(file=shown, sheet=title, cell=scan.far_data)
    return [codes.make("W-XLSX-FAR-CELLS", where, cell=scan.far_data, limit=MAX_COLUMNS)]


def uncached_findings(title: str, scan: SheetScan, shown: str) -> list[Finding]:
    """Return an error for every formula the file holds without its result (read as blank otherwise)."""
    return [codes.make("E-XLSX-FORMULA", Location(file=shown, sheet=title, cell=ref)) for ref in scan.uncached]


def number_findings(title: str, numbers: list[int], grid: list[list[Any]], shown: str) -> list[Finding]:
    """Return an error for every cell holding a number too long or too large to be a report figure."""
    findings = []
    for number, row in zip(numbers, grid):
        for index, value in enumerate(row):
            problem = number_problem(value)
            if problem:
                where = Location(file=shown, sheet=title, cell=f"{get_column_letter(index + 1)}{number}")
                findings.append(codes.make("E-NUMBER-RANGE", where, value=_shown(value), detail=problem))
    return findings


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:27] + "…"
