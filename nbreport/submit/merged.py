"""Read a sheet's merged ranges, which openpyxl's read-only mode does not expose."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl.utils.cell import range_boundaries
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse  # defused when defusedxml is installed, as openpyxl reads

MAX_RANGES = 10_000
Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row

_MERGE_CELL = f"{{{SHEET_MAIN_NS}}}mergeCell"
_SHEET_DATA = f"{{{SHEET_MAIN_NS}}}sheetData"
_ROW = f"{{{SHEET_MAIN_NS}}}row"


def merged_ranges(file: Path, sheet_path: str | None) -> list[Range]:
    """Return the merged ranges of the sheet stored at ``sheet_path`` in ``file``; [] when unknown."""
    if not sheet_path:
        return []
    ranges: list[Range] = []
    with zipfile.ZipFile(file) as archive:
        try:
            source = archive.open(sheet_path.lstrip("/"))
        except KeyError:
            return []
        with source:
            rows_parent = None
            for event, element in iterparse(source, events=("start", "end")):
                if event == "start":
                    rows_parent = element if element.tag == _SHEET_DATA else rows_parent
                elif element.tag == _ROW and rows_parent is not None:
                    rows_parent.clear()  # drop finished rows: memory stays flat while streaming
                elif element.tag == _MERGE_CELL:
                    try:
                        bounds = range_boundaries(element.get("ref", ""))
                    except (ValueError, TypeError):
                        continue  # a broken ref merges nothing
                    if all(isinstance(bound, int) for bound in bounds):  # "A:A" or "1:1" are not cell ranges
                        ranges.append(bounds)
                    if len(ranges) >= MAX_RANGES:
                        break  # a real sheet has a few dozen; stop a crafted one from filling memory
    return ranges
