"""Rules for the 大事记: dates inside the year, sorted, filed under their own month."""

from __future__ import annotations

from collections.abc import Iterator

from .. import codes
from ..findings import Finding
from ..schema.report import Report
from .context import CheckContext


def check_chronology(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for events outside the year, out of order, or under another month."""
    if not report.chronology:
        return
    year = report.meta.year
    previous = None
    for index, event in enumerate(report.chronology.events):
        where = ctx.at(("chronology", "events", index, "date"))
        date = event.date
        if date.year is not None and date.year != year:
            yield codes.make("E-CHRONO-YEAR", where, date=date.label, year=year)
        if event.filed_month is not None and event.filed_month != date.month:
            yield codes.make("E-CHRONO-MONTH", ctx.at(("chronology", "events", index, "filed_month")),
                             date=date.label, month=date.month, filed=event.filed_month)
        if previous is not None and date.sort_key(year) < previous.sort_key(year):
            yield codes.make("E-CHRONO-ORDER", where, date=date.label, previous=previous.label)
        previous = date
