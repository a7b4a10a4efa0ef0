"""Bad inputs for the charts area (charts that take their data from the panel); shape in cases_base."""

from __future__ import annotations

from bad_inputs.cases_base import CH, CHAPTER, Case

IND = "指标,年份,数值,单位,限定词,来源,别名\n" \
      "高新技术企业数,2022,5300,家,突破,seeds/001,\n" \
      "高新技术企业数,2023,7014,家,突破,seeds/002,高新技术企业总数\n" \
      "后补助企业数,2023,2291,家,,seeds/002,\n" \
      "后补助企业数,2023,2297,家,,seeds/002,\n" \
      "研发投入,2022,100,亿元,,seeds/001,\n"
REPORT = CHAPTER + "indicators: i.csv\n"


def charted(id: str, code: str, chart: str, line: int = 7, panel: bool = True) -> Case:
    """Return a case whose chapter holds one figure with ``chart`` (its fence opens at line 7)."""
    files = {"ch.md": CH + f"```figure\ncaption: 图\nchart: {chart}\n```\n"}
    if panel:
        files["i.csv"] = IND
    return Case(id, [(code, f"ch.md:{line}")], files=files, report=REPORT if panel else CHAPTER)


CASES: list[Case] = [
    # a chart naming an indicator, or a year of it, that the panel does not hold
    charted("chart-unknown-indicator", "E-TEMPLATE-INDICATOR", "{indicator: 高企数}"),
    charted("chart-indicator-without-panel", "E-TEMPLATE-INDICATOR", "{indicator: 高新技术企业数}", panel=False),
    charted("chart-indicator-missing-year", "E-TEMPLATE-YEAR", "{indicator: 高新技术企业数, years: [2019, 2023]}"),
    charted("chart-indicator-differing-values", "E-TEMPLATE-AMBIGUOUS", "{indicator: 后补助企业数}"),
    # a chart naming an indicator that also types data: which one would it draw?
    charted("chart-indicator-and-categories", "E-CHART-DATA", "{indicator: 高新技术企业数, categories: [a]}"),
    charted("chart-indicator-and-series", "E-CHART-DATA", "{indicator: 高新技术企业数, series: {x: [1]}}"),
    charted("chart-indicator-and-units", "E-CHART-DATA", "{indicator: 高新技术企业数, units: {x: 家}}"),
    # a chart with neither data nor an indicator
    charted("chart-empty", "E-CHART-DATA", "{}"),
    charted("chart-type-only", "E-CHART-DATA", "{type: line}"),
    charted("chart-years-without-indicator", "E-CHART-DATA", "{years: [2023], categories: [a], series: {x: [1]}}"),
]



def keyed(id: str, code: str, page: str, line: int) -> Case:
    """Return a case whose report.yaml turns on the 数说 page with ``page`` (its first key at line 7)."""
    return Case(id, [(code, f"report.yaml:{line}")], files={"i.csv": IND},
                report="indicators: i.csv\nkey_figures:\n" + page)


CASES += [
    # a headline figure the panel cannot print for the report's year
    keyed("key-figure-unknown-indicator", "E-TEMPLATE-INDICATOR", "  indicators:\n    - 高新技术企业数\n    - 高企数量\n", 9),
    keyed("key-figure-missing-year", "E-TEMPLATE-YEAR", "  indicators:\n    - 研发投入\n", 8),
    keyed("key-figure-differing-values", "E-TEMPLATE-AMBIGUOUS", "  indicators:\n    - 高新技术企业数\n    - 后补助企业数\n", 9),
    # the page's chart names an indicator the panel cannot chart
    keyed("key-figure-chart-unknown", "E-TEMPLATE-INDICATOR", "  indicators: [高新技术企业数]\n  chart: 高企数量\n", 8),
    keyed("key-figure-chart-differing-values", "E-TEMPLATE-AMBIGUOUS", "  indicators: [高新技术企业数]\n  chart: 后补助企业数\n", 8),
    keyed("key-figure-chart-not-in-panel", "E-TEMPLATE-INDICATOR", "  indicators: [高新技术企业数]\n  chart: 技术交易额\n", 8),
    # a page that names nothing, or not as a list of names
    keyed("key-figure-empty-list", "E-SCHEMA-VALUE", "  indicators: []\n", 7),
    keyed("key-figure-no-indicators", "E-SCHEMA-MISSING", "  title: 数说\n", 6),
    keyed("key-figure-not-a-list", "E-SCHEMA-VALUE", "  indicators: 高新技术企业数\n", 7),
]

CASES += [
    # a 数说 page with no indicator values at all (a skeleton): a warning, and no page
    Case("key-figure-no-panel-file", [("W-KEYFIG-NO-PANEL", "report.yaml:5")],
         report="key_figures:\n  indicators: [高新技术企业数]\n"),
    Case("key-figure-empty-panel", [("W-KEYFIG-NO-PANEL", "report.yaml:6")], files={"i.csv": IND.split("\n")[0] + "\n"},
         report="indicators: i.csv\nkey_figures:\n  indicators: [高新技术企业数]\n"),
    Case("key-figure-empty-panel-with-chart", [("W-KEYFIG-NO-PANEL", "report.yaml:6")], files={"i.csv": IND.split("\n")[0] + "\n"},
         report="indicators: i.csv\nkey_figures:\n  indicators: [高新技术企业数]\n  chart: 高新技术企业数\n"),
]
