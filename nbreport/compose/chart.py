"""Resolve a schema ChartSpec into the Chart node both renderers draw: marks, labels, colours."""

from __future__ import annotations

from ..schema.blocks import ChartSpec
from . import nodes as dn
from .policy import CHART_HEIGHT_RATIO, CHART_PALETTE


def resolve_chart(spec: ChartSpec, accent: str) -> dn.Chart:
    """Return the chart with each series' mark, legend label (name and unit) and colour decided."""
    names = list(spec.series)
    bars = names if spec.type == "bar" else names[:1] if spec.type == "bar+line" else []
    palette = (accent, *CHART_PALETTE)
    series = tuple(
        dn.ChartSeries(
            label=f"{name}（{spec.units[name]}）" if name in spec.units else name,
            values=tuple(spec.series[name]),
            color=palette[index % len(palette)],
            mark="bar" if name in bars else "line",
            value_labels=tuple(value_label(value) for value in spec.series[name]),
        )
        for index, name in enumerate(names)
    )
    return dn.Chart(categories=tuple(spec.categories), series=series, height_ratio=CHART_HEIGHT_RATIO)


def value_label(value: float) -> str:
    """Return ``value`` as printed in a data table: no trailing .0, at most four decimals."""
    return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
