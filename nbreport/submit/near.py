"""Tell when two 大事记 events are probably one event typed twice: the same date and nearly the same text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import EventDate
from ..text import text_key

DayKey = tuple[int, int, int | None, int | None, str | None]


def day_key(date: EventDate, report_year: int) -> DayKey:
    """Return what makes two dates the same: year, month, day, end day and part of month."""
    return (date.year or report_year, date.month, date.day, date.day_end, date.part)


def nearly_same(one: str, other: str) -> bool:
    """Return True if one text's key (text_key, as the dataset's checks compare) starts the other's."""
    a, b = text_key(one), text_key(other)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


@dataclass(slots=True)
class EventIndex:
    """Hold the events seen so far per date, each with the place it came from."""

    by_day: dict[DayKey, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, day: DayKey, text: str, place: str) -> str | None:
        """Record the event; return the place of an earlier event of the same day it nearly repeats, if any."""
        earlier = self.by_day.setdefault(day, [])
        match = next((where for seen, where in earlier if nearly_same(seen, text)), None)
        earlier.append((text, place))
        return match
