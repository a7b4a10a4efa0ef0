"""ChartSpec takes only what the renderers can draw; everything it takes, they draw."""

import math

import pytest
from pydantic import ValidationError

from builders import small_report
from nbreport import build
from nbreport.schema.blocks import MAX_CATEGORIES, ChartSpec


def chart(**fields):
    return ChartSpec.model_validate({"categories": ["2022", "2023"], "series": {"投入": [1.0, 2.0]}, **fields})


@pytest.mark.parametrize(("fields", "words"), [
    ({"series": {"投入": []}}, "有 0 个数值"),
    ({"series": {"投入": [1.0]}}, "有 1 个数值"),
    ({"series": {"投入": [1.0, 2.0, 3.0]}}, "有 3 个数值"),
    ({"series": {"投入": [1.0, math.nan]}}, "第 2 个数值"),
    ({"series": {"投入": [math.inf, 1.0]}}, "第 1 个数值"),
    ({"series": {"投入": [-math.inf, 1.0]}}, "不是有效的数字"),
    ({"series": {"投入": [1e300, 1.0]}}, "不是有效的数字"),
    ({"categories": [str(i) for i in range(MAX_CATEGORIES + 1)], "series": {"a": [1.0] * (MAX_CATEGORIES + 1)}}, "类别有"),
    ({"series": {str(i): [1.0, 2.0] for i in range(9)}}, "数据系列有 9 个"),
    ({"units": {"产出": "亿元"}}, "units"),
])
def test_undrawable_charts_are_refused_in_chinese(fields, words):
    with pytest.raises(ValidationError) as raised:
        chart(**fields)
    error = raised.value.errors()[0]
    assert error["type"] == "chart_data" and words in error["msg"]


EDGE_CHARTS = [
    {"type": "bar", "categories": ["2022", "2023"], "series": {"增速": [-3.5, 2.0]}},
    {"type": "bar", "categories": ["2023"], "series": {"投入": [0.0]}},
    {"type": "line", "categories": ["2022", "2023"], "series": {"占比": [0.0, 0.0]}},
    {"type": "bar+line", "categories": ["2022", "2023"], "series": {"投入": [-1.0, -2.0]}},
    {"type": "bar+line", "categories": ["a", "b"], "series": {"投入": [1.0, 2.0], "占比": [-5.0, 5.0]}, "units": {"占比": "%"}},
]


@pytest.mark.parametrize("spec", EDGE_CHARTS, ids=lambda spec: spec["type"] + str(list(spec["series"].values())))
def test_charts_that_pass_validation_are_drawn(spec, tmp_path):
    figure = {"kind": "figure", "caption": "图", "chart": spec}
    report = small_report(conclusion={"blocks": [figure]})
    written = build(report, tmp_path, formats=["pdf", "docx"])
    assert all(path.stat().st_size > 0 for path in written)
