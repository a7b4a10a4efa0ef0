"""Specify how a chart that names an indicator takes its categories, series, unit and source note from the panel."""

from __future__ import annotations

from pathlib import Path

from builders import write_dataset
from nbreport.api import check_dataset
from nbreport.checks.images import iter_figures
from nbreport.schema.blocks import ChartSpec

PANEL = "指标,年份,数值,单位,限定词,来源,别名\n" \
        "高新技术企业数,2017,1479,家,,seeds/000,\n" \
        "高新技术企业数,2022,5300,家,突破,seeds/001,\n" \
        "高新技术企业数,2023,7014,家,突破,seeds/002,高企数\n"


def chart_of(root: Path, chart: str, source: str = "") -> tuple[ChartSpec | None, str | None, list[str]]:
    """Validate a dataset whose chapter holds one figure with ``chart``; return its chart, source and error codes."""
    body = f"---\ntitle: 章\n---\n\n## 节\n\n```figure\ncaption: 图\nchart: {chart}\n{source}```\n"
    write_dataset(root, "chapters: [ch.md]\nindicators: i.csv\n", **{"ch.md": body, "i.csv": PANEL})
    report, result = check_dataset(root)
    errors = [finding.code for finding in result.findings if finding.severity == "error"]
    assert report is not None
    ((_, figure),) = iter_figures(report)
    return figure.chart, figure.source, errors


def test_a_chart_naming_an_indicator_shows_every_year_the_panel_holds(tmp_path):
    chart, source, errors = chart_of(tmp_path, "{indicator: 高新技术企业数}")
    assert errors == []
    assert chart is not None and chart.indicator is None
    assert chart.categories == ["2017年", "2022年", "2023年"]
    assert chart.series == {"高新技术企业数": [1479.0, 5300.0, 7014.0]}
    assert chart.units == {"高新技术企业数": "家"}
    assert source is None  # the panel's 来源 column is provenance for the audit, not a printed note


def test_a_chart_may_choose_years_kind_and_name_the_indicator_by_alias(tmp_path):
    chart, _, errors = chart_of(tmp_path, "{indicator: 高企数, years: [2023, 2022], type: line}")
    assert errors == []
    assert chart is not None and chart.type == "line"
    assert chart.categories == ["2023年", "2022年"]
    assert chart.series == {"高新技术企业数": [7014.0, 5300.0]}


def test_a_figure_keeps_its_own_source_note(tmp_path):
    _, source, _ = chart_of(tmp_path, "{indicator: 高新技术企业数}", source="source: 来源：市科技局\n")
    assert source == "来源：市科技局"


def test_a_year_the_panel_lacks_is_a_finding_and_the_chart_stays_unresolved(tmp_path):
    chart, _, errors = chart_of(tmp_path, "{indicator: 高新技术企业数, years: [2019]}")
    assert errors == ["E-TEMPLATE-YEAR"]
    assert chart is not None and chart.indicator == "高新技术企业数" and chart.series == {}
