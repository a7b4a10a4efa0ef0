"""Specify the 数说 page: headline figures as the panel states them, their change on the year before, the chart."""

from __future__ import annotations

from pathlib import Path

from builders import write_dataset
from nbreport.api import check_dataset
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.figures.key_figures import key_chart, key_figures

PANEL = "指标,年份,数值,单位,限定词,来源,别名\n" \
        "高新技术企业数,2022,5300,家,突破,seeds/001,\n" \
        "高新技术企业数,2023,7014,家,突破,seeds/002,高企数\n" \
        "技术交易额,2023,888.04,亿元,,seeds/002,\n" \
        "专利数,2022,200,件,,seeds/001,\n" \
        "专利数,2023,150,件,,seeds/002,\n" \
        "平台数,2022,12,个,,seeds/001,\n" \
        "平台数,2023,12,个,,seeds/002,\n"


def page_report(root: Path, page: str):
    """Validate a dataset whose report.yaml holds the 数说 ``page``; return the report and its error codes."""
    write_dataset(root, "indicators: i.csv\nkey_figures:\n" + page, **{"i.csv": PANEL})
    report, result = check_dataset(root)
    assert report is not None
    return report, [finding.code for finding in result.findings if finding.severity == "error"]


def test_each_figure_prints_as_stated_with_its_change_derived_from_the_panel(tmp_path):
    report, errors = page_report(tmp_path, "  indicators: [高企数, 技术交易额, 专利数, 平台数]\n")
    assert errors == []
    shown = [(figure.name, figure.text, figure.change) for figure in key_figures(report)]
    assert shown == [
        ("高新技术企业数", "突破7014家", ""),  # 突破5300 → 突破7014: bounds, so no change is a fact
        ("技术交易额", "888.04亿元", ""),  # no 2022 value: no change printed
        ("专利数", "150件", "比上年下降25.0%"),
        ("平台数", "12个", "与上年持平"),
    ]


def test_the_page_comes_first_with_a_paragraph_per_figure_then_its_chart(tmp_path):
    report, _ = page_report(tmp_path, "  title: 数说2023\n  indicators: [高新技术企业数]\n  chart: 高新技术企业数\n")
    nodes = compose(report).nodes
    heading = next(node for node in nodes if isinstance(node, dn.Heading))
    assert heading.text == "数说2023"
    start = nodes.index(heading)
    paragraph, figure = nodes[start + 1], nodes[start + 2]
    assert isinstance(paragraph, dn.Paragraph) and paragraph.text == "高新技术企业数：突破7014家"
    assert isinstance(figure, dn.Figure) and figure.chart is not None
    assert figure.chart.categories == ("2022年", "2023年")
    assert figure.chart.series[0].values == (5300.0, 7014.0)
    assert figure.source is None


def test_a_page_without_a_chart_has_none(tmp_path):
    report, _ = page_report(tmp_path, "  indicators: [技术交易额]\n")
    assert key_chart(report) is None
    assert not any(isinstance(node, dn.Figure) for node in compose(report).nodes)


def test_a_report_without_the_page_composes_no_page(tmp_path):
    write_dataset(tmp_path, "indicators: i.csv\n", **{"i.csv": PANEL})
    report, _ = check_dataset(tmp_path)
    assert report is not None and key_figures(report) == []
    assert not any(isinstance(node, dn.Heading) and node.text == "数说" for node in compose(report).nodes)


def test_the_audit_lists_each_printed_change_and_places_the_chart_after_the_headline_figures(tmp_path):
    from nbreport.figures.provenance import figure_rows

    report, errors = page_report(tmp_path, "  indicators: [专利数, 平台数]\n  chart: 专利数\n")
    assert errors == []
    rows = [row for row in figure_rows(report) if row["章"] == report.key_figures.title]
    printed = [(row["段落"], row["印出"]) for row in rows]
    assert printed == [(1, "150件"), (1, "比上年下降25.0%"), (2, "12个"), (2, "与上年持平"), (3, "200"), (3, "150")]
    assert rows[1]["来源"] == "seeds/002；seeds/001（由2022、2023年数值计算）" and rows[1]["单位"] == "%"
