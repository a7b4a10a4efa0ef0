"""Build the key-figures page (数说) from the panel: each headline figure with its change on the year before.

Nothing on the page is typed: the printed value (qualifier kept, 突破7014家) and the change
are the panel's, for the report's year; the chart is the panel's rows over the years.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import codes
from ..findings import Finding, Location
from .panel import Panel
from .values import FigureError

if TYPE_CHECKING:
    from ..schema.blocks import Figure
    from ..schema.report import Report


@dataclass(frozen=True)
class KeyFigure:
    """Hold one headline figure as printed: the indicator, its value's text, and the change ("" if none)."""

    name: str
    text: str
    change: str
    index: int = 0  # its place in the page's list of indicators (report.yaml)


def check_key_figures(report: Report) -> list[Finding]:
    """Return a finding for each indicator of the 数说 page the panel cannot print for the report's year."""
    page = report.key_figures
    if page is None:
        return []
    if not report.indicators:  # a skeleton for the next year: the page waits for its figures
        return [codes.make("W-KEYFIG-NO-PANEL", _where(report, ("key_figures",)))]
    panel, year, findings = Panel(report.indicators), report.meta.year, []
    for index, name in enumerate(page.indicators):
        code = _problem(panel, name, year)
        if code:
            findings.append(codes.make(code, _where(report, ("key_figures", "indicators", index)), name=name, year=year,
                                       values="、".join(item.quantity.text for item in panel.distinct(name, year))))
    if page.chart is not None:
        from .charts import spec_from_panel

        try:
            spec_from_panel(panel, [page.chart])
        except FigureError as error:
            findings.append(codes.make(error.code, _where(report, ("key_figures", "chart")), **error.params))
    return findings


def key_chart(report: Report) -> Figure | None:
    """Return the page's chart as a figure (bars over the years the panel holds), or None if it has none or cannot."""
    from ..schema.blocks import Figure
    from .charts import spec_from_panel

    page = report.key_figures
    if page is None or page.chart is None:
        return None
    panel = Panel(report.indicators)
    try:
        spec = spec_from_panel(panel, [page.chart])
    except FigureError:
        return None  # check_key_figures reports it
    name = panel.resolve(page.chart) or page.chart
    return Figure(caption=name, chart=spec)


def key_figures(report: Report) -> list[KeyFigure]:
    """Return the page's figures the panel can print (check_key_figures reports the others)."""
    page = report.key_figures
    if page is None:
        return []
    panel, year = Panel(report.indicators), report.meta.year
    shown = []
    for index, name in enumerate(page.indicators):
        if _problem(panel, name, year) is None:
            resolved = panel.resolve(name) or name
            shown.append(KeyFigure(resolved, panel.distinct(resolved, year)[0].quantity.text,
                                   _change(panel.exact_yoy(resolved, year)), index))
    return shown


def _problem(panel: Panel, name: str, year: int) -> str | None:
    if panel.resolve(name) is None:
        return "E-TEMPLATE-INDICATOR"
    if not panel.rows(name, year):
        return "E-TEMPLATE-YEAR"
    return "E-TEMPLATE-AMBIGUOUS" if len(panel.distinct(name, year)) > 1 else None


def _change(change: Decimal | None) -> str:
    """Return the change on the year before in words, one decimal; "" when the panel cannot compute it."""
    if change is None:
        return ""
    rounded = round(float(change), 1)
    if rounded == 0:
        return "与上年持平"
    return f"比上年{'增长' if rounded > 0 else '下降'}{abs(rounded):.1f}%"


def _where(report: Report, path: tuple[str | int, ...]) -> Location:
    from ..load.sources import SourceMap, path_text

    sources = report._sources
    return sources.locate(path) if isinstance(sources, SourceMap) else Location(path=path_text(path))
