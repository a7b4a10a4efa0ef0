"""Rules for the 大事记: dates inside the year, sorted, filed under their own month, no repeats."""

from __future__ import annotations

from collections.abc import Iterator

from .. import codes
from ..findings import Finding, Location
from ..schema.chronology import ChronologyEvent, EventDate
from ..schema.report import Report
from ..text import shorten, text_key
from .context import CheckContext



def in_report_period(date: EventDate, year: int) -> bool:
    """Return whether ``date`` belongs to the 大事记 of ``year``: that year, or January of the next.

    A report is compiled early the next year, so the guide lets it record events of that
    January (written with their year, ``2024年1月3日``); anything later waits for next year's report.
    """
    return date.year is None or date.year == year or (date.year == year + 1 and date.month == 1)


def check_chronology(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for events outside the year, on impossible days, out of order, under another month or repeated."""
    if not report.chronology:
        return
    year = report.meta.year
    previous = None
    for index, event in enumerate(report.chronology.events):
        where = ctx.at(("chronology", "events", index, "date"))
        date = event.date
        if not in_report_period(date, year):
            yield codes.make("E-CHRONO-YEAR", where, date=date.label, year=year, next=year + 1)
        if not date.exists_in(year):
            yield codes.make("E-CHRONO-DATE", where, detail=codes.detail("chrono.leap", text=date.label, year=date.year or year))
        if event.filed_month is not None and event.filed_month != date.month:
            yield codes.make("E-CHRONO-MONTH", ctx.at(("chronology", "events", index, "filed_month")),
                             date=date.label, month=date.month, filed=event.filed_month)
        if previous is not None and date.sort_key(year) < previous.sort_key(year):
            yield codes.make("E-CHRONO-ORDER", where, date=date.label, previous=previous.label)
        previous = date
    yield from check_repeats(report.chronology.events, ctx)


def check_repeats(events: list[ChronologyEvent], ctx: CheckContext) -> Iterator[Finding]:
    """Yield an error for an event typed twice and a warning when one event's text starts another's, same date."""
    by_date: dict[str, list[tuple[str, int]]] = {}
    for index, event in enumerate(events):
        by_date.setdefault(event.date.label, []).append((text_key(event.text), index))
    for group in by_date.values():
        # Sorted, a text that is a prefix of another sits right before one that starts with it,
        # so neighbours suffice: no quadratic pass over a date with thousands of events.
        ordered = sorted(group)
        for (first, first_at), (second, second_at) in zip(ordered, ordered[1:]):
            if not second.startswith(first):
                continue
            earlier, later = sorted((first_at, second_at))
            code = "E-CHRONO-DUPLICATE" if first == second else "W-CHRONO-NEAR-DUPLICATE"
            yield codes.make(code, _text_at(ctx, later), date=events[later].date.label,
                             text=shorten(events[later].text), other=str(_text_at(ctx, earlier)))


def _text_at(ctx: CheckContext, index: int) -> Location:
    return ctx.at(("chronology", "events", index, "text"))
