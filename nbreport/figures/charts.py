"""Draw a chart spec (bar, line, bar + line on a second axis) with matplotlib: PNG (300 dpi), PDF or SVG bytes.

matplotlib is imported on first use and runs on the Agg backend; text uses the theme's
TrueType CJK font, found the way the PDF renderer finds it (render/fonts.py). The lead wires
these pictures into both renderers: vector (PDF/SVG) for the PDF, PNG for the DOCX. Compose
decides marks, colours and labels (compose/chart.py, the Chart node); this module only draws.
"""

from __future__ import annotations

import io
import math
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import codes
from ..compose import nodes as dn
from ..findings import Finding, Location
from ..schema.blocks import ChartSpec
from ..schema.theme import Theme
from .panel import Panel
from .values import FigureError

if TYPE_CHECKING:
    from ..schema.report import Report

Format = Literal["png", "pdf", "svg"]
DPI = 300


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
    resolved = report.model_copy(deep=True)
    resolved._sources, resolved._root = report._sources, report._root
    resolved._figures = getattr(report, "_figures", [])
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


# The DOCX and the PDF of one build draw the same charts: each picture is drawn once (a few, bounded).
_DRAWN: OrderedDict[tuple[str, str, str, str | None, float], bytes] = OrderedDict()
_DRAWN_KEPT = 16


def draw_resolved(chart: dn.Chart, theme: Theme, fmt: Format = "png", source: str | None = None,
                  width_mm: float = 150.0) -> bytes:
    """Return the composed ``chart`` (marks, colours, labels decided by compose) as ``fmt`` bytes."""
    key = (repr(chart), theme.model_dump_json(), fmt, source, width_mm)
    if key not in _DRAWN:
        _DRAWN[key] = _draw(chart, theme, fmt, source, width_mm)
        while len(_DRAWN) > _DRAWN_KEPT:
            _DRAWN.popitem(last=False)
    _DRAWN.move_to_end(key)
    return _DRAWN[key]


def _draw(chart: dn.Chart, theme: Theme, fmt: Format, source: str | None, width_mm: float) -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    font = _font(theme)
    figure = Figure(figsize=(width_mm / 25.4, width_mm / 25.4 * chart.height_ratio * 1.2), dpi=DPI)
    _plot(figure.add_subplot(), chart, font)
    if source:
        figure.text(0.01, 0.01, f"资料来源：{source}", fontproperties=font, fontsize=7, color="#595959")
    figure.tight_layout(rect=(0, 0.05 if source else 0, 1, 1))
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"png": {"Software": None}, "pdf": {"CreationDate": None, "Producer": None},
                                "svg": {"Date": None}}[fmt]
    with matplotlib.rc_context({"pdf.fonttype": 42, "svg.fonttype": "path", "svg.hashsalt": "nbreport"}):
        figure.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def _plot(axis: Any, chart: dn.Chart, font: Any) -> None:
    """Draw bars and/or lines with data labels; bars with lines put the lines on a second axis."""
    positions = list(range(len(chart.categories)))
    bars = [series for series in chart.series if series.mark == "bar"]
    lines = [series for series in chart.series if series.mark == "line"]
    width = 0.8 / max(len(bars), 1)
    for index, series in enumerate(bars):
        shifted = [x + (index - (len(bars) - 1) / 2) * width for x in positions]
        drawn = axis.bar(shifted, series.values, width=width, color=f"#{series.color}", label=series.label)
        axis.bar_label(drawn, labels=list(_labels(series)), fontproperties=font, fontsize=7)
    line_axis = axis.twinx() if bars and lines else axis
    for series in lines:
        line_axis.plot(positions, series.values, marker="o", color=f"#{series.color}", label=series.label)
        for x, value, label in zip(positions, series.values, _labels(series)):
            line_axis.annotate(label, (x, value), textcoords="offset points", xytext=(0, 5),
                               ha="center", fontproperties=font, fontsize=7)
    axis.set_xticks(positions, list(chart.categories), fontproperties=font, fontsize=8)
    if bars:
        axis.set_ylabel(_unit(bars[0].label), fontproperties=font, fontsize=8, rotation=0, labelpad=10)  # CJK reads upright
    if lines:
        line_axis.set_ylabel(_unit(lines[0].label), fontproperties=font, fontsize=8, rotation=0, labelpad=10)
    handles = [*axis.get_legend_handles_labels()[0], *(line_axis.get_legend_handles_labels()[0] if line_axis is not axis else [])]
    axis.legend(handles=handles, prop=font, loc="upper left", frameon=False)
    for side in ("top", "right") if line_axis is axis else ("top",):
        axis.spines[side].set_visible(False)
    for drawn in {id(axis): axis, id(line_axis): line_axis}.values():
        drawn.tick_params(labelsize=7)
        drawn.margins(y=0.18)  # headroom for the data labels and the legend


def _labels(series: dn.ChartSeries) -> tuple[str, ...]:
    if len(series.value_labels) == len(series.values):
        return series.value_labels
    return tuple(_number(value) for value in series.values)


def _unit(label: str) -> str:
    """Return the unit in a legend label 名称（单位）, or "" if it has none."""
    return label[label.rindex("（") + 1:-1] if label.endswith("）") and "（" in label else ""


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _font(theme: Theme) -> Any:
    """Return FontProperties of the theme's first TrueType sans (else serif) CJK font, or matplotlib's default."""
    from matplotlib.font_manager import FontProperties

    path = font_file(theme)
    return FontProperties(fname=str(path), size=8) if path else FontProperties(size=8)


def font_file(theme: Theme) -> Path | None:
    """Return the TrueType CJK font file the chart uses (sans first), or None if the machine has none."""
    from ..render.fonts import candidate_paths, outline_kind

    for family in (theme.sans, theme.serif):
        for path in candidate_paths(family.files, family.names):
            try:
                if outline_kind(path) == "truetype":
                    return path
            except OSError:
                continue
    return None
