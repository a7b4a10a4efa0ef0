"""Builders for submission workbooks, so a test fills a template in a line or two."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook

from nbreport.submit import write_template

Row = Sequence[object]


class Typed(str):
    """Mark text a clerk typed as text (Excel: a leading apostrophe): stored as a string even if it starts with =."""


def template(folder: Path, part: str, year: int = 2023, name: str | None = None) -> Path:
    """Write the template of ``part`` for ``year`` into ``folder`` and return its path."""
    return write_template(part, year, folder / (name or f"{part}.xlsx"))


def fill(path: Path, sheets: dict[str, Sequence[Row]], start: int = 2) -> Path:
    """Type ``rows`` into each named sheet of the workbook at ``path`` from row ``start`` on, as a clerk would."""
    book = load_workbook(path)
    for sheet, rows in sheets.items():
        for offset, row in enumerate(rows):
            for column, value in enumerate(row, start=1):
                cell = book[sheet].cell(row=start + offset, column=column, value=value)
                if isinstance(value, Typed):
                    cell.data_type = "s"
    book.save(path)
    return path


def filled(folder: Path, part: str, sheets: dict[str, Sequence[Row]], year: int = 2023, name: str | None = None) -> Path:
    """Write the template of ``part`` and fill it: the usual first two lines of a test in one."""
    return fill(template(folder, part, year, name), sheets)


def plain(path: Path, sheets: dict[str, Sequence[Row]]) -> Path:
    """Write a workbook of our own making (no template): sheet name → rows, the first row the header."""
    book = Workbook()
    book.remove(book.active)
    for sheet, rows in sheets.items():
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(list(row))
    book.save(path)
    return path


def district(name: str = "鄞州区", intro: str = "2023年，鄞州区深入实施创新驱动发展战略。",
             items: Sequence[tuple[str, str]] = (("加快创新平台建设。", "新增省级重点实验室2家。"),)) -> dict[str, list[Row]]:
    """Return the rows of a district submission: one 区县 row and numbered 工作亮点 rows."""
    return {"区县": [(name, intro)], "工作亮点": [(index, lead, text) for index, (lead, text) in enumerate(items, start=1)]}
