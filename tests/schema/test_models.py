"""The schema holds every construct of the report and round-trips through JSON."""

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from builders import paragraph, small_report
from nbreport.schema import EventDate, Quantity, Report, Theme, to_points


@pytest.mark.parametrize(
    ("text", "month", "day", "end", "part", "label"),
    [
        ("1月5日", 1, 5, None, None, "1月5日"),
        ("5月22—24日", 5, 22, 24, None, "5月22—24日"),
        ("5月22-24日", 5, 22, 24, None, "5月22—24日"),
        ("11月下旬", 11, None, None, "下旬", "11月下旬"),
        ("12月", 12, None, None, None, "12月"),
    ],
)
def test_event_dates_parse_partial_forms(text, month, day, end, part, label):
    date = EventDate.parse(text)
    assert (date.month, date.day, date.day_end, date.part) == (month, day, end, part)
    assert date.label == label


@pytest.mark.parametrize("text", ["2月30日", "13月1日", "4月31日", "5月24—22日", "五月一日", "5/17"])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(Exception):
        EventDate.parse(text)


def test_month_alone_sorts_after_its_days_and_parts():
    keys = [EventDate.parse(t).sort_key(2023) for t in ("11月", "11月下旬", "11月15日", "11月上旬")]
    assert sorted(keys) == [keys[3], keys[2], keys[1], keys[0]]


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "text"),
    [("7000", "家", "突破", "突破7000家"), ("888.04", "亿元", None, "888.04亿元"),
     ("1500", "家", "余", "1500余家"), ("1900", "家", "以上", "1900家以上"), ("13", "亿元", "预计", "预计13亿元")],
)
def test_quantities_keep_their_qualifier_where_chinese_puts_it(value, unit, qualifier, text):
    assert Quantity(value=Decimal(value), unit=unit, qualifier=qualifier).text == text


def test_unknown_qualifier_is_refused():
    with pytest.raises(ValidationError):
        Quantity(value=Decimal(1), unit="家", qualifier="大约")


@pytest.mark.parametrize(("name", "points"), [("小四", 12.0), ("五号", 10.5), ("二号", 22.0), (14, 14.0), ("9pt", 9.0)])
def test_theme_sizes_accept_zihao_names(name, points):
    assert to_points(name) == points


def test_theme_refuses_unknown_style_roles_and_sizes():
    with pytest.raises(ValidationError):
        Theme(styles={"chapter.titel": {"size": 12}})
    with pytest.raises(ValidationError):
        Theme(styles={"body": {"size": "大四"}})


def test_report_round_trips_through_json():
    report = small_report(
        chapters=[{"kind": "chapter", "title": "章", "sections": [{"title": "节", "blocks": [
            paragraph("正文", lead="引语。"),
            {"kind": "case", "title": "案例", "blocks": [paragraph("故事"), {"kind": "figure", "caption": "图"}]},
            {"kind": "table", "caption": "表", "table_kind": "award",
             "columns": [{"name": "奖励类别", "merge": True}, {"name": "主要完成人员", "type": "list"}],
             "rows": [["省科技进步一等奖", ["张三", "李四"]]]},
        ]}]}],
        chronology={"events": [{"date": "5月22—24日", "text": "培训班"}]},
        top_events={"title": "十件大事", "events": [{"rank": 1, "title": "一", "votes": 12}]},
    )
    again = Report.model_validate(json.loads(report.model_dump_json()))
    assert again == report
    assert again.chapters[0].sections[0].blocks[0].lead == "引语。"


def test_table_rows_must_match_columns():
    with pytest.raises(ValidationError, match="2 个单元格"):
        small_report(appendices=[{"title": "附", "table": {"columns": [{"name": "姓名"}], "rows": [["a", "b"]]}}])


def test_json_schema_covers_every_model():
    schema = Report.model_json_schema()
    names = set(schema["$defs"])
    expected = {"ReportMeta", "Overview", "Chapter", "DistrictChapter", "DistrictEntry", "Section", "Paragraph",
                "SubHeading", "BulletList", "Figure", "CaseBox", "Table", "Column", "Chronology", "ChronologyEvent",
                "EventDate", "Appendix", "TopEventList", "TopEvent", "Indicator", "Quantity", "Conclusion"}
    assert expected <= names
