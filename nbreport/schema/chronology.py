"""大事记: events with partial dates; the month of an event comes from its date."""

from __future__ import annotations

import re
from typing import Literal, cast

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from ..text import ascii_digits, parse_int, shorten
from .base import Model

MonthPart = Literal["上旬", "中旬", "下旬"]

_DATE = re.compile(
    r"^(?:(?P<year>[0-9]{4})年)?(?P<month>[0-9]{1,2})月"
    r"(?:(?P<day>[0-9]{1,2})(?:[—–\-～~至](?P<end>[0-9]{1,2}))?日|(?P<part>上旬|中旬|下旬))?$"
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_PART_ORDER = {"上旬": 5, "中旬": 15, "下旬": 25}
MAX_DATE_LENGTH = 40  # the longest real date, 2024年12月22—24日, has 15 characters


def is_leap(year: int) -> bool:
    """Return whether ``year`` has a 29 February."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# Why a date is refused, as the Chinese message and the key of its sub-message (codes.DETAILS "chrono.<why>").
_WHY = {"format": "无法识别", "month": "的月份不存在", "day": "不存在", "reversed": "的起止日颠倒"}


def _invalid(kind: str, text: str, why: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "日期“{text}”" + _WHY[why], {"text": shorten(text), "why": why})


class EventDate(Model):
    """Hold a partial date: a month, optionally a day, a day range or a part of the month."""

    year: int | None = Field(default=None, description="None means the report's year")
    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    day_end: int | None = Field(default=None, ge=1, le=31)
    part: MonthPart | None = None

    @classmethod
    def parse(cls, text: str) -> EventDate:
        """Parse ``5月22—24日``, ``11月下旬``, ``12月`` or ``2024年1月3日``; raise ValueError if malformed.

        Full-width digits (５月) read as ASCII ones; other digit-like characters (①, ²)
        and over-long text are reported, never converted.
        """
        compact = ascii_digits(re.sub(r"[ \u3000]", "", text.strip()))
        match = _DATE.match(compact) if len(compact) <= MAX_DATE_LENGTH else None
        if not match:
            raise _invalid("chrono_date_format", text, "format")
        found = match.groupdict()
        year, month = (int(found["year"]) if found["year"] else None), int(found["month"])
        day, end = (int(found["day"]) if found["day"] else None), (int(found["end"]) if found["end"] else None)
        _check_calendar(text, year, month, day, end)
        return cls(year=year, month=month, day=day, day_end=end, part=cast("MonthPart | None", found["part"]))

    def check_calendar(self, text: str) -> None:
        """Raise if the day does not exist in its month or the range runs backwards."""
        _check_calendar(text, self.year, self.month, self.day, self.day_end)

    def exists_in(self, year: int) -> bool:
        """Return False for 2月29日 in a year that is not a leap year (the date's own year first)."""
        leap_day = self.month == 2 and 29 in (self.day, self.day_end)
        return not leap_day or is_leap(self.year or year)

    @property
    def label(self) -> str:
        """Return the date as printed: ``5月22—24日``, ``11月下旬``, ``12月``."""
        prefix = f"{self.year}年" if self.year else ""
        if self.day and self.day_end:
            return f"{prefix}{self.month}月{self.day}—{self.day_end}日"
        if self.day:
            return f"{prefix}{self.month}月{self.day}日"
        return f"{prefix}{self.month}月{self.part or ''}"

    def sort_key(self, report_year: int) -> tuple[int, int, int]:
        """Return a key that orders dates; a month alone sorts after its days."""
        within = self.day or _PART_ORDER.get(self.part or "", 32)
        return (self.year or report_year, self.month, within)


def _check_calendar(text: str, year: int | None, month: int, day: int | None, end: int | None) -> None:
    # Checked before the model is built, so the user reads this message, not pydantic's range error.
    if not 1 <= month <= 12:
        raise _invalid("chrono_date_invalid", text, "month")
    last = _DAYS[month - 1] if month != 2 or year is None or is_leap(year) else 28
    if any(value is not None and not 1 <= value <= last for value in (day, end)):
        raise _invalid("chrono_date_invalid", text, "day")
    if day and end and end <= day:
        raise _invalid("chrono_date_invalid", text, "reversed")


class ChronologyEvent(Model):
    """Record one 大事记 event: its date and what happened."""

    date: EventDate
    text: str = Field(min_length=1)
    filed_month: int | None = Field(default=None, ge=1, le=12, description="the month heading it was typed under, if any")

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        return EventDate.parse(value) if isinstance(value, str) else value

    @field_validator("filed_month", mode="before")
    @classmethod
    def _check_month(cls, value: object) -> object:
        # Answered in Chinese like a date: the 月份 column is typed by the same editors.
        number = parse_int(value) if isinstance(value, str) else value
        if number is None and value is not None or isinstance(number, int) and not 1 <= number <= 12:
            raise PydanticCustomError("chrono_date_invalid", "月份“{text}”应为 1 到 12 的数字",
                                      {"text": shorten(str(value)), "why": "filed_month"})
        return number


class Chronology(Model):
    """Hold the 大事记 events in date order."""

    title: str = "大事记"
    events: list[ChronologyEvent] = Field(default_factory=list)
