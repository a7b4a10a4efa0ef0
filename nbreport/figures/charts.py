"""Make chart specs from the indicator panel, find what keeps a spec from being drawn, and draw it.

Charts that name an indicator take their series from the panel (nothing typed by hand);
the drawing itself is chart_draw.py's (matplotlib, imported on first use).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from .. import codes
from ..compose import nodes as dn
from ..findings import Finding, Location
from ..schema.blocks import ChartSpec
from ..schema.theme import Theme
from .panel import Panel
from .chart_draw import Format, draw_resolved, font_file
from .copying import copy_parts
from .values import FigureError

if TYPE_CHECKING:
    from ..schema.report import Report

__all__ = ["draw_chart", "draw_resolved", "drawn_width_mm", "font_file", "problems", "resolve_references", "spec_from_panel"]


@dataclass(frozen=True)
class ChartUse:
    """Record a chart drawn from the panel: where (report path), which indicator and the years it shows."""

    path: tuple[str | int, ...]
    indicator: str
    years: tuple[int, ...]


def spec_from_panel(panel: Panel, names: Sequence[str], years: Sequence[int] | None = None,
                    kind: Literal["bar", "line", "bar+line"] = "bar") -> ChartSpec:
    """Return a chart of indicators over years, values taken from the panel (nothing invented).

    Years default to those the first indicator has; raises FigureError for an unknown
    indicator, a year without a value, or a year whose statements disagree.
    """
    resolved = []
    for name in names:
        found = panel.resolve(name)
        if found is None:
            raise FigureError("E-TEMPLATE-INDICATOR", name=name)
        resolved.append(found)
    chosen = list(years) if years is not None else panel.years(resolved[0])
    series: dict[str, list[float]] = {}
    for name in resolved:
        values = []
        for year in chosen:
            value = panel.value(name, year)
            if value is None:
                code = "E-TEMPLATE-AMBIGUOUS" if panel.rows(name, year) else "E-TEMPLATE-YEAR"
                raise FigureError(code, name=name, year=year, values="")
            values.append(float(value))
        series[name] = values
    units = {name: panel.unit(name) or "" for name in resolved}
    return ChartSpec(type=kind, categories=[f"{year}年" for year in chosen], series=series, units=units)


def resolve_references(report: Report) -> tuple[Report, list[Finding]]:
    """Return ``report`` with every chart that names an ``indicator`` filled from the panel, and the findings.

    The series, units and years come from indicators.csv, never from the text; a figure without
    its own ``source`` cites the rows' sources. A report with no such chart is returned as it is.
    """
    from ..checks.images import iter_figures

    wanted = [path for path, figure in iter_figures(report) if figure.chart and figure.chart.indicator]
    if not wanted:
        return report, []
    resolved = copy_parts(report, wanted)
    resolved._figures = list(getattr(report, "_figures", []))
    panel, findings = Panel(report.indicators), []
    figures = dict(iter_figures(resolved))
    for path in wanted:
        figure = figures[path]
        chart = figure.chart
        assert chart is not None and chart.indicator is not None
        try:
            spec = spec_from_panel(panel, [chart.indicator], chart.years, chart.type)
        except FigureError as error:
            findings.append(codes.make(error.code, _where(report, path), **error.params))
            continue
        # The panel's 来源 column is provenance (build --audit lists it), not a printed note: a
        # chart prints the source its figure block states, as any figure does.
        figure.chart = spec
        name = panel.resolve(chart.indicator) or chart.indicator
        resolved._figures.append(ChartUse(path, name, tuple(chart.years if chart.years is not None else panel.years(name))))
    return resolved, findings


def _where(report: Report, path: tuple[str | int, ...]) -> Location:
    from ..load.sources import SourceMap, path_text

    sources = report._sources
    return sources.locate(path) if isinstance(sources, SourceMap) else Location(path=path_text(path))


def problems(spec: ChartSpec) -> list[str]:
    """Return why ``spec`` cannot be drawn (empty, unequal, NaN or infinite values); empty when it can."""
    found = []
    for name, values in spec.series.items():
        if len(values) != len(spec.categories):
            found.append(f"系列“{name}”有 {len(values)} 个数值，类别有 {len(spec.categories)} 个")
        if any(not math.isfinite(value) for value in values):
            found.append(f"系列“{name}”含有 NaN 或无穷大")
    if spec.type == "bar+line" and len(spec.series) < 2:
        found.append("柱线组合图需要至少两个系列")
    return found


def draw_chart(spec: ChartSpec, theme: Theme, fmt: Format = "png", source: str | None = None,
               width_mm: float = 150.0) -> bytes:
    """Return the chart of ``spec`` as ``fmt`` bytes; raise ValueError when ``problems(spec)`` finds any."""
    found = problems(spec)
    if found:
        raise ValueError("；".join(found))
    from ..compose.chart import resolve_chart

    return draw_resolved(resolve_chart(spec, theme.accent_color), theme, fmt, source, width_mm)


def drawn_width_mm(text_width_mm: float, chart: dn.Chart) -> int:
    """Return the width to draw ``chart`` at: its share of the text width, in whole millimetres.

    Both renderers measure the text width in their own units (points, twips); whole
    millimetres make them draw the one same picture.
    """
    return max(1, round(text_width_mm * chart.width))
