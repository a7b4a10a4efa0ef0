"""大事记: events with partial dates; the month of an event comes from its date."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from .base import Model

MonthPart = Literal["上旬", "中旬", "下旬"]

_DATE = re.compile(
    r"^(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月"
    r"(?:(?P<day>\d{1,2})(?:[—–\-～~至](?P<end>\d{1,2}))?日|(?P<part>上旬|中旬|下旬))?$"
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_PART_ORDER = {"上旬": 5, "中旬": 15, "下旬": 25}


class EventDate(Model):
    """Hold a partial date: a month, optionally a day, a day range or a part of the month."""

    year: int | None = Field(default=None, description="None means the report's year")
    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    day_end: int | None = Field(default=None, ge=1, le=31)
    part: MonthPart | None = None

    @classmethod
    def parse(cls, text: str) -> EventDate:
        """Parse ``5月22—24日``, ``11月下旬``, ``12月`` or ``2024年1月3日``; raise ValueError if malformed."""
        match = _DATE.match(text.strip().replace(" ", ""))
        if not match:
            raise PydanticCustomError("chrono_date_format", "日期“{text}”无法识别", {"text": text, "why": "format"})
        found = match.groupdict()
        date = cls(
            year=int(found["year"]) if found["year"] else None,
            month=int(found["month"]),
            day=int(found["day"]) if found["day"] else None,
            day_end=int(found["end"]) if found["end"] else None,
            part=found["part"],
        )
        date.check_calendar(text)
        return date

    def check_calendar(self, text: str) -> None:
        """Raise if the day does not exist in its month or the range runs backwards."""
        if not 1 <= self.month <= 12:
            raise PydanticCustomError("chrono_date_invalid", "日期“{text}”的月份不存在", {"text": text, "why": "month"})
        last = _DAYS[self.month - 1]
        for day in (self.day, self.day_end):
            if day is not None and day > last:
                raise PydanticCustomError("chrono_date_invalid", "日期“{text}”不存在", {"text": text, "why": "day"})
        if self.day and self.day_end and self.day_end <= self.day:
            raise PydanticCustomError("chrono_date_invalid", "日期“{text}”的起止日颠倒", {"text": text, "why": "reversed"})

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


class ChronologyEvent(Model):
    """Record one 大事记 event: its date and what happened."""

    date: EventDate
    text: str = Field(min_length=1)
    filed_month: int | None = Field(default=None, ge=1, le=12, description="the month heading it was typed under, if any")

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        return EventDate.parse(value) if isinstance(value, str) else value


class Chronology(Model):
    """Hold the 大事记 events in date order."""

    title: str = "大事记"
    events: list[ChronologyEvent] = Field(default_factory=list)
