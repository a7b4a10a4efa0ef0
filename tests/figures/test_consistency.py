"""Consistency: typed figures that contradict the panel, or that a reference should print, are findings."""

from __future__ import annotations

import pytest

from builders import write_dataset
from nbreport.api import check_dataset

INDICATORS = (
    "指标,年份,数值,单位,限定词,来源,别名\n"
    "高新技术企业数,2022,5300,家,突破,seeds/001,\n"
    "高新技术企业数,2023,7014,家,突破,seeds/002,高新技术企业总数\n"
    "技术交易额,2023,888.04,亿元,,seeds/002,\n"
    "技术登记交易额,2023,843.63,亿元,,seeds/002,\n"
    "后补助企业数,2023,2291,家,,seeds/002,享受后补助企业\n"
    "后补助企业数,2023,2297,家,,seeds/002,\n"
)


def findings(tmp_path, body: str, templates: bool = False, table: str | None = None):
    switch = "templates: true\n" if templates else ""
    files = {"ch.md": f"---\ntitle: 章\n{switch}---\n\n## 节\n\n{body}\n", "i.csv": INDICATORS}
    if table is not None:
        files["t.csv"] = table
    root = write_dataset(tmp_path / "ds", "chapters: [ch.md]\nindicators: i.csv\n", **files)
    return [(f.code, str(f.where).split(" ")[0]) for f in check_dataset(root)[1].findings]


@pytest.mark.parametrize("body", [
    "高新技术企业总数突破7104家。",
    "高新技术企业总数达7104家。",
    "全年完成技术交易额880.04亿元。",
    "前文。高新技术企业总数突破7000家，增长较快。",
])
def test_a_typed_figure_that_contradicts_the_indicator_is_reported_at_its_line(tmp_path, body):
    assert findings(tmp_path, body) == [("W-FIGURE-CONTRADICTS", "ch.md:7")]


@pytest.mark.parametrize("body", [
    "高新技术企业总数突破7014家。",
    "2022年高新技术企业总数突破5300家。",       # the year of the clause, not the report's
    "2021年高新技术企业总数3000家。",           # no value for 2021: nothing to compare
    "技术登记交易额843.63亿元。",               # the longer name wins over 技术交易额
    "新材料领域技术交易额59.69亿元。",          # a part's figure, not the city's
    "享受后补助企业2297家，另一处2291家。",      # the seeds disagree: both values stand
    "高新技术企业总数占比31%。",                # other unit: not this indicator's figure
])
def test_figures_that_agree_or_are_not_the_indicators_are_not_reported(tmp_path, body):
    assert findings(tmp_path, body) == []


def test_figures_typed_in_a_templated_file_should_be_references(tmp_path):
    body = '高新技术企业总数突破7014家，技术交易额{{ 指标("技术交易额") }}，享受后补助企业2291家。'
    assert findings(tmp_path, body, templates=True) == [("W-FIGURE-LITERAL", "ch.md:8")]


def test_district_entries_are_not_compared_with_city_figures(tmp_path):
    files = {"d.md": "---\ntitle: 区县\nkind: districts\n---\n\n## 海曙区\n\n技术交易额29.9亿元。\n", "i.csv": INDICATORS}
    root = write_dataset(tmp_path / "ds", "chapters: [d.md]\nindicators: i.csv\n", **files)
    assert check_dataset(root)[1].findings == []


@pytest.mark.parametrize(("total", "expected"), [
    ("合计,7104\n", [("W-FIGURE-TABLE-CONTRADICTS", "t.csv:4:2")]),
    ("合计,7014\n", []),
    ("小计,7104\n", []),
])
def test_a_table_total_that_contradicts_the_indicator_is_reported(tmp_path, total, expected):
    table = "区县,高新技术企业数\n海曙区,3000\n鄞州区,4014\n" + total
    body = "```table\nfile: t.csv\ncaption: 高新技术企业\n```"
    assert findings(tmp_path, body, table=table) == expected
