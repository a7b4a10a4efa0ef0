"""Write the clerk's copy of a submission: bad cells filled and commented, and a 问题汇总 sheet first."""

from __future__ import annotations

import os
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .. import codes
from ..findings import Finding, Location, ValidationReport
from ..load.safe_cells import set_text
from ..load.sheet_scan import MAX_RANGES, scan_book
from ..render.atomic import atomic_path
from .parts import SUMMARY_SHEET
from .printing import fit_to_page, wrapped_height

AUTHOR = "nbreport"
MAX_CELLS = 500_000  # cells a full openpyxl load may create (≈ 250 MB); a real submission has a few thousand
FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}  # Excel's own light red and light yellow
_SUMMARY_COLUMNS = (("序号", 6), ("代码", 22), ("级别", 6), ("位置", 18), ("问题", 60), ("如何修改", 60))


class AnnotateError(Exception):
    """Say why the clerk's copy of a workbook could not be written (``finding`` set when it is one)."""

    def __init__(self, message: str, finding: Finding | None = None) -> None:
        super().__init__(message)
        self.finding = finding


def report_path_finding(inputs: Sequence[str | Path], target: str | Path) -> Finding | None:
    """Return E-REPORT-PATH if ``target`` is one of ``inputs`` (also by symlink or hard link) or lies in a dataset.

    A dataset is a folder holding report.yaml, the target's own folder or any above it: the report
    must never overwrite what a clerk submitted nor drop a workbook among an editor's files.
    """
    out = Path(target)
    resolved = out.resolve()
    for source in inputs:
        if resolved == Path(source).resolve() or _same_file(out, Path(source)):
            return codes.make("E-REPORT-PATH", Location(file=str(target)), path=str(target),
                              detail=f"这是要校验的报送表 {source} 本身")
    for folder in resolved.parents:
        if (folder / "report.yaml").is_file():
            return codes.make("E-REPORT-PATH", Location(file=str(target)), path=str(target),
                              detail=f"它在数据集目录 {folder} 之内")
    return None


def _too_many_cells(source: Path) -> Finding | None:
    """Return E-XLSX-CELLS if a full load of ``source`` would create more than MAX_CELLS cells (all sheets, used or not).

    Counted by streaming the sheet XML, before openpyxl builds anything: a 3 KB file may declare
    a cell at XFD1048576 or a merged range the size of a sheet.
    """
    try:
        scans = scan_book(source)
    except (OSError, zipfile.BadZipFile, SyntaxError, ValueError) as error:  # iterparse raises SyntaxError subclasses
        raise AnnotateError(f"{type(error).__name__}: {error}") from None
    count = sum(scan.cells + scan.merged_cells for scan in scans)
    if count > MAX_CELLS or any(scan.merge_count > MAX_RANGES for scan in scans):
        return codes.make("E-XLSX-CELLS", Location(file=source.name), count=count, limit=MAX_CELLS)
    return None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # the target does not exist yet, or cannot be looked at: not the same file
        return False


def write_annotated(source: str | Path, report: ValidationReport, target: str | Path) -> Path:
    """Copy workbook ``source`` to ``target`` with each finding's cell filled and commented, plus 问题汇总.

    Call only for a workbook that could be read (its size and rows are then bounded).
    Marks left by an earlier run (comments by "nbreport" and their fills) are removed first.
    """
    from openpyxl import load_workbook

    refused = report_path_finding([source], target) or _too_many_cells(Path(source))
    if refused is not None:
        raise AnnotateError(f"{refused.message}。{refused.hint}", refused)
    try:
        # Formulas stay as typed (data_only=False); nothing is evaluated, external links are dropped.
        book = load_workbook(Path(source), keep_links=False)
    except Exception as error:  # openpyxl raises many types for files it cannot fully load
        raise AnnotateError(f"{type(error).__name__}: {error}") from None
    if SUMMARY_SHEET in book.sheetnames:
        del book[SUMMARY_SHEET]
    for ws in book.worksheets:
        _clear_marks(ws)
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        sheet, cell = finding.where.sheet, finding.where.cell
        if sheet and cell and sheet in book.sheetnames and isinstance(book[sheet], Worksheet):
            by_cell[(sheet, _anchor(book[sheet], cell))].append(finding)
    for (sheet, cell), findings in by_cell.items():
        _mark(book[sheet][cell], list({(f.code, f.message): f for f in findings}.values()))
    _summary(book.create_sheet(SUMMARY_SHEET, 0), report)
    for ws in book.worksheets[1:]:
        widths = sum(d.width or 9 for d in ws.column_dimensions.values())  # only the columns the file sizes
        fit_to_page(ws, landscape=widths > 100)
    book.active = 0
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws.title == SUMMARY_SHEET
    target = Path(target)
    with atomic_path(target) as temporary:
        try:
            book.save(temporary)
        except OSError:
            raise
        except Exception as error:  # e.g. a control character openpyxl refuses to write back
            raise AnnotateError(f"{type(error).__name__}: {error}") from None
    return target


def _anchor(ws: Worksheet, coordinate: str) -> str:
    """Return the cell that carries the fill and comment: the top-left one when ``coordinate`` is merged."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return str(merged.start_cell.coordinate)
    return coordinate


def _clear_marks(ws: Worksheet) -> None:
    # Only cells that exist: iter_rows() would walk the whole used range, A1 to XFD1048576 in a crafted file.
    ours = {f"00{c}" for c in FILLS.values()} | set(FILLS.values())
    for cell in list(ws._cells.values()):
        if cell.comment is not None and cell.comment.author == AUTHOR:
            cell.comment = None
            if cell.fill.fgColor.rgb in ours:
                cell.fill = PatternFill(fill_type=None)


def _mark(cell: object, findings: list[Finding]) -> None:
    severity = "error" if any(f.severity == "error" for f in findings) else "warning"
    cell.fill = PatternFill("solid", fgColor=FILLS[severity])  # type: ignore[attr-defined]
    text = "\n\n".join(f"【{'错误' if f.severity == 'error' else '提醒'}】{f.message}\n修改：{f.hint}" for f in findings)
    lines = text.count("\n") + len(text) // 24 + 2
    cell.comment = Comment(text, AUTHOR, height=min(600, 20 * lines), width=320)  # type: ignore[attr-defined]


def _summary(ws: Worksheet, report: ValidationReport) -> None:
    for column, (title, width) in enumerate(_SUMMARY_COLUMNS, start=1):
        set_text(ws.cell(row=1, column=column), title).font = Font(bold=True)
        ws.column_dimensions[chr(64 + column)].width = width
    ws.freeze_panes = "A2"
    fit_to_page(ws, landscape=True)  # six columns, two of them 60 wide
    if not report.findings:
        set_text(ws.cell(row=2, column=1), "未发现问题，可以提交。")
        return
    for row, finding in enumerate(report.findings, start=2):
        where = finding.where
        place = f"{where.sheet}!{where.cell}" if where.sheet and where.cell else (where.sheet or "整个文件")
        level = "错误" if finding.severity == "error" else "提醒"
        values = (row - 1, finding.code, level, place, finding.message, finding.hint)
        for column, value in enumerate(values, start=1):
            cell = set_text(ws.cell(row=row, column=column), value)  # a sheet named "=1+1" stays text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if where.sheet and where.cell:
            link = ws.cell(row=row, column=4)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{where.sheet}'!{where.cell}", display=place)
            link.font = Font(color="0563C1", underline="single")
        ws.cell(row=row, column=3).fill = PatternFill("solid", fgColor=FILLS[finding.severity])
        ws.row_dimensions[row].height = wrapped_height([(finding.message, 60), (finding.hint, 60), (place, 18)])
