"""Bad inputs for one area of the code; the shape of a case is in cases_base."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from bad_inputs.cases_base import AWARD_HEAD, AWARDS, CHAPTER, Case, table_chapter

IND = "indicators: i.csv\n"
IND_HEAD = "指标,年份,数值,单位,限定词,来源\n"


def xlsx(rows: list[list[Any]], edit: Callable[[Any], None] | None = None) -> bytes:
    """Return the bytes of a one-sheet workbook holding ``rows`` (the first the header), changed by ``edit``."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    if edit is not None:
        edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _set(cell: str, value: object) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        book.active[cell] = value
    return edit


def _hide_row(row: int) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        book.active.row_dimensions[row].hidden = True
    return edit


def _hide_column(letter: str) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        book.active.column_dimensions[letter].hidden = True
    return edit


def _hide_sheet(state: str) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        book.create_sheet("可见")
        book.active.sheet_state = state
    return edit


def table(name: str, content: str | bytes) -> dict[str, str | bytes]:
    return table_chapter(f"file: {name}", name, content)


ROWS = [["名称", "数量"], ["甲", 1], ["乙", 2]]

CASES: list[Case] = [
    # numbers too long or too large for a report figure (CSV and XLSX)
    Case("csv-indicator-huge-exponent", [("E-NUMBER-RANGE", "i.csv:2:3")], report=IND,
         files={"i.csv": IND_HEAD + "研发投入,2023,1e99999999,亿元,,\n"}),
    Case("csv-indicator-too-many-digits", [("E-NUMBER-RANGE", "i.csv:2:3")], report=IND,
         files={"i.csv": IND_HEAD + "研发投入,2023,123456789.123456789,亿元,,\n"}),
    Case("csv-table-tiny-exponent", [("E-NUMBER-RANGE", "t.csv:3:2")], report=CHAPTER,
         files=table("t.csv", "名称,数量\n甲,1\n乙,-2.5E-400\n")),
    Case("csv-award-full-width-exponent", [("E-NUMBER-RANGE", "a.csv:2:2")], report=AWARDS,
         files={"a.csv": AWARD_HEAD + "省科技进步一等奖,１Ｅ９９９,单位,张三\n"}),
    Case("xlsx-cell-huge-float", [("E-NUMBER-RANGE", "t.xlsx 'Sheet'!B3")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("B3", 1e300)))),
    Case("xlsx-cell-exponent-text", [("E-NUMBER-RANGE", "t.xlsx 'Sheet'!B2")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("B2", "9e999999")))),
    # a formula saved without its result is not an empty cell
    Case("xlsx-formula-without-result", [("E-XLSX-FORMULA", "t.xlsx 'Sheet'!B2")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("B2", "=1+1")))),
    Case("xlsx-formula-text-without-result", [("E-XLSX-FORMULA", "t.xlsx 'Sheet'!A3")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("A3", '=CONCAT("a","b")')))),
    Case("xlsx-formula-in-header", [("E-XLSX-FORMULA", "t.xlsx 'Sheet'!A1")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("A1", "=UPPER(\"x\")")))),
    # data a person reading the sheet does not see
    Case("xlsx-hidden-row-with-data", [("W-XLSX-HIDDEN", "t.xlsx 'Sheet'!A3")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _hide_row(3)))),
    Case("xlsx-hidden-column-with-data", [("W-XLSX-HIDDEN", "t.xlsx 'Sheet'!B1")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _hide_column("B")))),
    Case("xlsx-hidden-sheet-read", [("W-XLSX-HIDDEN", "t.xlsx 'Sheet'!A1")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _hide_sheet("hidden")))),
    Case("xlsx-very-hidden-sheet-read", [("W-XLSX-HIDDEN", "t.xlsx 'Sheet'!A1")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _hide_sheet("veryHidden")))),
    # a used range far beyond the data: bounded by the cells, stopped with a finding
    Case("xlsx-cell-at-the-last-row-and-column", [("E-XLSX-ROWS", "t.xlsx 'Sheet'")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("XFD1048576", "x")))),
    Case("xlsx-cell-far-down", [("E-XLSX-ROWS", "t.xlsx 'Sheet'")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("A900000", "x")))),
    Case("xlsx-cell-one-row-past-the-limit", [("E-XLSX-ROWS", "t.xlsx 'Sheet'")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("A20001", "x")))),
    # data right of the columns read is named, not silently dropped
    Case("xlsx-cell-far-right", [("W-XLSX-FAR-CELLS", "t.xlsx 'Sheet'!XFD2")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("XFD2", "x")))),
    Case("xlsx-cell-column-41", [("W-XLSX-FAR-CELLS", "t.xlsx 'Sheet'!AO3")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("AO3", 5)))),
    Case("xlsx-header-far-right", [("W-XLSX-FAR-CELLS", "t.xlsx 'Sheet'!ZZ1")], report=CHAPTER,
         files=table("t.xlsx", xlsx(ROWS, _set("ZZ1", "备注")))),
]
