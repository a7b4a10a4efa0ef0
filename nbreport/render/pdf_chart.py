"""Draw a Figure's resolved Chart node as a small reportlab chart: bars, lines, or bars with a line."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from ..compose import nodes as dn
from .pdf_styles import hex_color


def chart_drawing(chart: dn.Chart, width: float, font: str, size: float) -> Drawing:
    """Return a Drawing ``width`` wide with the chart, a legend and labels in ``font``."""
    height = width * chart.height_ratio
    drawing = Drawing(width, height)
    plot = dict(x=size * 3.5, y=size * 4.5, width=width - size * 5, height=height - size * 6)
    bars = [series for series in chart.series if series.mark == "bar"]
    lines = [series for series in chart.series if series.mark == "line"]
    if bars:
        drawing.add(_bars(chart, bars, plot, font, size))
    if lines:
        drawing.add(_lines(chart, lines, plot, font, size, axes=not bars))
    drawing.add(_legend(chart, width, font, size))
    drawing.hAlign = "CENTER"
    return drawing


def _bars(chart: dn.Chart, series: list[dn.ChartSeries], plot: dict, font: str, size: float) -> VerticalBarChart:
    bars = VerticalBarChart()
    _place(bars, plot)
    bars.data = [s.values for s in series]
    bars.categoryAxis.categoryNames = list(chart.categories)
    bars.valueAxis.valueMin = min(0.0, *(min(values) for values in bars.data))
    bars.barSpacing = 1
    for index, one in enumerate(series):
        bars.bars[index].fillColor = hex_color(one.color)
        bars.bars[index].strokeColor = None
    _label_axes(bars, font, size)
    return bars


def _lines(chart: dn.Chart, series: list[dn.ChartSeries], plot: dict, font: str, size: float, axes: bool) -> HorizontalLineChart:
    lines = HorizontalLineChart()
    _place(lines, plot)
    lines.data = [s.values for s in series]
    lines.categoryAxis.categoryNames = list(chart.categories)
    lines.joinedLines = 1
    for index, one in enumerate(series):
        lines.lines[index].strokeColor = hex_color(one.color)
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


def _legend(chart: dn.Chart, width: float, font: str, size: float) -> Legend:
    legend = Legend()
    legend.fontName, legend.fontSize = font, size * 0.85
    legend.x, legend.y = width / 2 - size * 3 * len(chart.series), size * 0.4
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "sw"
    legend.deltax = size * 8
    legend.colorNamePairs = [(hex_color(series.color), series.label) for series in chart.series]
    return legend
