"""Draw a Figure's ChartSpec as a small reportlab chart: bars, lines, or bars with a line."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from ..schema.blocks import ChartSpec
from .pdf_styles import hex_color

_HEIGHT_RATIO = 0.45  # chart height as a share of the frame width: small, like the report's
_PALETTE = ("1F4E79", "C55A11", "7F7F7F", "2E75B6", "A9D18E")


def chart_drawing(chart: ChartSpec, width: float, font: str, size: float, accent: str) -> Drawing:
    """Return a Drawing ``width`` wide with the chart, a legend and labels in ``font``."""
    height = width * _HEIGHT_RATIO
    drawing = Drawing(width, height)
    names = list(chart.series)
    palette = [hex_color(accent), *(hex_color(c) for c in _PALETTE[1:])]
    plot = dict(x=size * 3.5, y=size * 4.5, width=width - size * 5, height=height - size * 6)
    bars = names if chart.type == "bar" else names[:1] if chart.type == "bar+line" else []
    lines = [name for name in names if name not in bars]
    if bars:
        drawing.add(_bars(chart, bars, plot, font, size, palette))
    if lines:
        drawing.add(_lines(chart, lines, plot, font, size, palette[len(bars):], axes=not bars))
    drawing.add(_legend(chart, names, palette, width, font, size))
    drawing.hAlign = "CENTER"
    return drawing


def _bars(chart: ChartSpec, names: list[str], plot: dict, font: str, size: float, palette) -> VerticalBarChart:
    bars = VerticalBarChart()
    _place(bars, plot)
    bars.data = [tuple(chart.series[name]) for name in names]
    bars.categoryAxis.categoryNames = list(chart.categories)
    bars.valueAxis.valueMin = min(0.0, *(min(values) for values in bars.data))
    bars.barSpacing = 1
    for index in range(len(names)):
        bars.bars[index].fillColor = palette[index % len(palette)]
        bars.bars[index].strokeColor = None
    _label_axes(bars, font, size)
    return bars


def _lines(chart: ChartSpec, names: list[str], plot: dict, font: str, size: float, palette, axes: bool) -> HorizontalLineChart:
    lines = HorizontalLineChart()
    _place(lines, plot)
    lines.data = [tuple(chart.series[name]) for name in names]
    lines.categoryAxis.categoryNames = list(chart.categories)
    lines.joinedLines = 1
    for index in range(len(names)):
        lines.lines[index].strokeColor = palette[index % len(palette)]
        lines.lines[index].strokeWidth = 1.5
    if not axes:
        # Over bars the line has its own scale (often a share in %): keep its axis on the right.
        lines.valueAxis.joinAxisMode = "right"
        lines.categoryAxis.visible = False
    _label_axes(lines, font, size)
    return lines


def _place(chart, plot: dict) -> None:
    chart.x, chart.y, chart.width, chart.height = plot["x"], plot["y"], plot["width"], plot["height"]


def _label_axes(chart, font: str, size: float) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = size * 0.85
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.strokeColor = colors.grey


def _legend(chart: ChartSpec, names: list[str], palette, width: float, font: str, size: float) -> Legend:
    legend = Legend()
    legend.fontName, legend.fontSize = font, size * 0.85
    legend.x, legend.y = width / 2 - size * 3 * len(names), size * 0.4
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "sw"
    legend.deltax = size * 8
    legend.colorNamePairs = [
        (palette[i % len(palette)], f"{name}（{chart.units[name]}）" if name in chart.units else name)
        for i, name in enumerate(names)
    ]
    return legend
