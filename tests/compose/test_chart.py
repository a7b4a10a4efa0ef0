"""A chart is resolved once: marks, legend labels with units, colours from the theme's accent."""

from __future__ import annotations

import pytest

from nbreport.compose.chart import resolve_chart
from nbreport.compose.policy import CHART_PALETTE
from nbreport.schema.blocks import ChartSpec


@pytest.mark.parametrize(("kind", "marks"), [
    ("bar", ["bar", "bar"]), ("line", ["line", "line"]), ("bar+line", ["bar", "line"]),
])
def test_marks_follow_the_chart_type(kind, marks):
    spec = ChartSpec(type=kind, categories=["2022", "2023"], series={"投入": [1, 2], "占比": [0.5, 0.25]})
    assert [s.mark for s in resolve_chart(spec, "123456").series] == marks


def test_labels_carry_units_and_colours_start_from_the_accent():
    spec = ChartSpec(categories=["a"], series={"投入": [1.5], "数量": [3.0]}, units={"投入": "亿元"})
    chart = resolve_chart(spec, "123456")
    assert [(s.label, s.color, s.value_labels) for s in chart.series] == [
        ("投入（亿元）", "123456", ("1.5",)), ("数量", CHART_PALETTE[0], ("3",)),
    ]
