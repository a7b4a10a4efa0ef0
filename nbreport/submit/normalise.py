"""Turn raw Excel cell values into the values the dataset holds, the way a clerk would mean them.

Full-width digits and punctuation (１２３, ％, ／) are normalised only where a number
or a date is expected; text keeps its characters.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.utils.datetime import from_excel, to_excel
from pydantic_core import PydanticCustomError

from ..text import parse_int
from ..schema.chronology import EventDate


class CellProblem(Exception):
    """Say why a cell cannot be read as its column's type: a finding code and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def narrow(text: str) -> str:
    """Return ``text`` with full-width digits, letters and punctuation made ASCII (NFKC), stripped."""
    return unicodedata.normalize("NFKC", text).strip()


def shown(value: Any) -> str:
    """Return a raw value as the clerk sees it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def to_text(value: Any) -> str:
    """Return one line of text: lines typed with Alt+Enter are joined, as a Markdown paragraph is."""
    return "".join(line.strip() for line in shown(value).splitlines())


def to_paragraphs(value: Any) -> list[str]:
    """Return the paragraphs of a cell: each non-blank line is one."""
    return [line.strip() for line in shown(value).splitlines() if line.strip()]


def to_list(value: Any) -> list[str]:
    """Return the items of a list cell, split on 、 (full-width ， ； and line breaks are taken as 、)."""
    return [item.strip() for item in re.split(r"[、，；;\n]", shown(value)) if item.strip()]


def to_int(value: Any) -> int:
    """Return a whole number from a number or number-as-text cell; raise CellProblem otherwise."""
    if isinstance(value, bool):
        raise CellProblem("E-CELL-TYPE", expected="整数", value=shown(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if (number := parse_int(narrow(str(value)))) is not None:
        return number
    raise CellProblem("E-CELL-TYPE", expected="整数", value=shown(value))


def to_year(value: Any) -> int:
    """Return a four-digit year; ``2024年`` is accepted."""
    year = to_int(narrow(value).removesuffix("年") if isinstance(value, str) else value)
    if not 1949 <= year <= 2100:
        raise CellProblem("E-CELL-TYPE", expected="四位年份", value=shown(value))
    return year


def to_number(value: Any) -> tuple[Decimal, bool]:
    """Return (value, written as a percentage) from a number cell or text like ``1,234.5`` or ``１２％``."""
    if isinstance(value, bool) or isinstance(value, dt.datetime):
        raise CellProblem("E-CELL-TYPE", expected="数字", value=shown(value))
    if isinstance(value, int):
        return Decimal(value), False
    if isinstance(value, float):
        return Decimal(repr(value)), False  # repr is the shortest text that reads back as the same float
    text = narrow(str(value)).replace(",", "")
    percent = text.endswith("%")
    try:
        number = Decimal(text.removesuffix("%").strip())
    except InvalidOperation:
        raise CellProblem("E-CELL-TYPE", expected="数字", value=shown(value)) from None
    if not number.is_finite():
        raise CellProblem("E-CELL-TYPE", expected="数字", value=shown(value))
    return number, percent


def to_choice(value: Any, choices: tuple[str, ...], column: str, strict: bool = True) -> str:
    """Return the choice a cell names (spaces inside ignored); raise CellProblem with a suggestion if unknown."""
    text = "".join(shown(value).split())
    if text in choices or not strict:
        return text
    close = difflib.get_close_matches(text, choices, n=1, cutoff=0.5)
    suggestion = f"，是否应为“{close[0]}”？" if close else ""
    listed = "、".join(choices) if len(choices) <= 12 else "、".join(choices[:12]) + "……"
    raise CellProblem("E-CELL-CHOICE", value=text, column=column, suggestion=suggestion, choices=listed)


_YMD = re.compile(r"^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$")
# Excel serial numbers of 1949-01-01 and 2100-12-31: a smaller number in a date cell is a typo, not 1900.
_SERIAL = (to_excel(dt.datetime(1949, 1, 1)), to_excel(dt.datetime(2100, 12, 31)))


def to_date(value: Any, year: int | None) -> EventDate:
    """Return the 大事记 date of a cell: a datetime, an Excel serial, 2023年5月17日, 2023/5/17 or 5月17日.

    The year is dropped when it is the report's; another year raises CellProblem E-CHRONO-YEAR.
    """
    if isinstance(value, (dt.datetime, dt.date)):
        date = EventDate(year=value.year, month=value.month, day=value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and _SERIAL[0] <= value <= _SERIAL[1]:
        moment = from_excel(value)
        date = EventDate(year=moment.year, month=moment.month, day=moment.day)
    else:
        date = _parse_date(narrow(shown(value)))
    if date.year is not None and year is not None and date.year != year:
        raise CellProblem("E-CHRONO-YEAR", date=date.label, year=year)
    return date.model_copy(update={"year": None}) if year is not None or date.year is None else date


def _parse_date(text: str) -> EventDate:
    ymd = _YMD.match(text)
    if ymd:
        text = f"{ymd[1]}年{int(ymd[2])}月{int(ymd[3])}日"
    try:
        return EventDate.parse(text)
    except PydanticCustomError as error:
        raise CellProblem("E-CHRONO-DATE", detail=error.message()) from None
    except ValueError:  # a month or day out of range fails the model itself
        raise CellProblem("E-CHRONO-DATE", detail=f"日期“{text}”不存在") from None
