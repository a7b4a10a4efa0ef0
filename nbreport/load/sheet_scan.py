"""Stream a sheet's XML once for what openpyxl's read-only mode does not expose.

Merged ranges, formulas without a cached value, data in hidden rows or columns, and the
number of cells. Memory stays flat (finished rows are dropped) and work is bounded by the
sheet's size, never by the used range it declares.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse  # defused when defusedxml is installed, as openpyxl reads

MAX_RANGES = 10_000
MAX_COLUMNS = 40  # columns read per row (load/workbook.py streams no further)
MAX_NOTED = 100  # cells noted per kind (formulas, hidden data); enough to point at the problem
Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row

_NS = f"{{{SHEET_MAIN_NS}}}"


@dataclass(slots=True)
class SheetScan:
    """Hold what one pass over a sheet found: merged ranges, uncached formulas, hidden data, cell count."""

    merged: list[Range] = field(default_factory=list)
    uncached: list[str] = field(default_factory=list)
    hidden_data: list[str] = field(default_factory=list)
    cells: int = 0
    first_data: str | None = None  # the first cell holding a value
    far_data: str | None = None  # the first cell holding a value right of MAX_COLUMNS (never read)
    merged_cells: int = 0  # cells on the edges of merged ranges: what a full openpyxl load creates
    merge_count: int = 0  # merged ranges declared, also past MAX_RANGES

    def uncached_at(self, row: int, column: int) -> bool:
        """Return True if the cell is a formula with no cached value."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(column)}{row}" in self.uncached


def scan_sheet(file: Path, sheet_path: str | None) -> SheetScan:
    """Return what the sheet stored at ``sheet_path`` in ``file`` holds; empty when unknown."""
    scan = SheetScan()
    if not sheet_path:
        return scan
    with zipfile.ZipFile(file) as archive:
        try:
            source = archive.open(sheet_path.lstrip("/"))
        except KeyError:
            return scan
        with source:
            _Walker(scan).walk(source)
    return scan


def scan_book(file: Path) -> list[SheetScan]:
    """Return the scan of every worksheet part in ``file`` (used or not)."""
    with zipfile.ZipFile(file) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    return [scan_sheet(file, name) for name in names]


class _Walker:
    """Walk one sheet's XML events into a SheetScan."""

    def __init__(self, scan: SheetScan) -> None:
        self.scan = scan
        self.hidden_columns: list[tuple[int, int]] = []
        self.rows_parent: Any = None

    def walk(self, source: IO[bytes]) -> None:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == f"{_NS}sheetData":
                    self.rows_parent = element
                continue
            if tag == f"{_NS}col" and element.get("hidden") in ("1", "true"):
                self._hidden_columns(element)
            elif tag == f"{_NS}c":
                self._cell(element)
            elif tag == f"{_NS}row":
                self._row(element)
            elif tag == f"{_NS}mergeCell":
                self.scan.merge_count += 1
                if len(self.scan.merged) < MAX_RANGES:  # a real sheet has a few dozen; a crafted one stops here
                    self._merge(element.get("ref", ""))

    def _hidden_columns(self, element: Any) -> None:
        try:
            self.hidden_columns.append((int(element.get("min", "0")), int(element.get("max", "0"))))
        except ValueError:
            pass

    def _cell(self, element: Any) -> None:
        self.scan.cells += 1
        formula = element.find(f"{_NS}f")
        value = element.find(f"{_NS}v")
        has_value = (value is not None and (value.text or "") != "") or element.find(f"{_NS}is") is not None
        ref = element.get("r") or ""
        if has_value and self.scan.first_data is None:
            self.scan.first_data = ref
        if has_value and self.scan.far_data is None and _column(ref) > MAX_COLUMNS:
            self.scan.far_data = ref
        if formula is not None and not has_value and len(self.scan.uncached) < MAX_NOTED:
            self.scan.uncached.append(ref)
        if has_value and self.hidden_columns and len(self.scan.hidden_data) < MAX_NOTED:
            column = _column(ref)
            if any(low <= column <= high for low, high in self.hidden_columns):
                self.scan.hidden_data.append(ref)

    def _row(self, element: Any) -> None:
        if element.get("hidden") in ("1", "true") and len(self.scan.hidden_data) < MAX_NOTED:
            for cell in element.iter(f"{_NS}c"):
                value = cell.find(f"{_NS}v")
                if (value is not None and value.text) or cell.find(f"{_NS}is") is not None:
                    ref = cell.get("r") or ""
                    if ref not in self.scan.hidden_data:
                        self.scan.hidden_data.append(ref)
                    break
        if self.rows_parent is not None:
            self.rows_parent.clear()  # drop finished rows: memory stays flat

    def _merge(self, ref: str) -> None:
        try:
            bounds = range_boundaries(ref)
        except (ValueError, TypeError):
            return  # a broken ref merges nothing
        min_col, min_row, max_col, max_row = bounds
        if min_col is not None and min_row is not None and max_col is not None and max_row is not None:  # not "A:A"
            self.scan.merged.append((min_col, min_row, max_col, max_row))
            width, height = max_col - min_col + 1, max_row - min_row + 1
            self.scan.merged_cells += min(width * height, 2 * (width + height))


def _column(ref: str) -> int:
    try:
        return column_index_from_string(coordinate_from_string(ref)[0])
    except ValueError:
        return 0
