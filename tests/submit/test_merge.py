"""Merging adds clean submissions to the dataset, which stays valid; any problem changes nothing at all."""

import shutil
from pathlib import Path

import pytest

import nbreport
from builders import write_dataset
from conftest import DATA
from nbreport.schema import DistrictChapter
from nbreport.submit import merge_submissions
from tests.submit.workbooks import Typed, district, filled

DISTRICTS_MD = """\
---
title: 区（县、市）科技创新工作
kind: districts
---

## 海曙区

海曙区简介。

- **引语一。**内容一。

## 北仑区

北仑区简介。
"""
YAML = ("chapters: [chapters/districts.md]\nchronology: chronology.csv\nindicators: indicators.csv\n"
        "appendices:\n  - title: 获奖项目\n    table:\n      file: awards.csv\n      kind: award\n")


@pytest.fixture
def small(tmp_path):
    return write_dataset(tmp_path / "ds", YAML, **{
        "chapters__districts.md": DISTRICTS_MD,
        "chronology.csv": "日期,事件\n1月5日,甲事件。\n5月22—24日,乙事件。\n12月,丙事件。\n",
        "indicators.csv": "指标,年份,数值,单位,限定词,来源\n高新技术企业数,2022,5300,家,突破,seeds/001\n",
        "awards.csv": "奖励类别,项目名称,主要完成单位,主要完成人员\n省科技进步一等奖,项目甲,单位甲,张三\n省科技进步二等奖,项目乙,单位乙,李四\n",
    })


@pytest.fixture
def ningbo(tmp_path):
    return shutil.copytree(DATA / "2023", tmp_path / "2023")


def snapshot(root):
    return {path.relative_to(root): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def districts(root):
    return {d.name: d for c in nbreport.load(root).chapters if isinstance(c, DistrictChapter) for d in c.districts}


def codes(result):
    return [(f.code, str(f.where).split(" ", 1)[-1]) for f in result.report.findings]


def test_district_replaces_its_section_and_leaves_the_others_alone(tmp_path, ningbo):
    items = [("加快创新平台建设。", "新增省级重点实验室2家，带*号*的文字。"), ("深化科技体制改革。", "出台政策3项。")]
    before = districts(ningbo)
    result = merge_submissions(ningbo, [filled(tmp_path, "district", district(intro="第一段。\n第二段。", items=items))])
    assert result.ok and result.changes == ["district.xlsx → chapters/06-districts.md：替换区县“鄞州区”（简介 2 段，工作亮点 2 条）"]
    assert nbreport.validate(ningbo).ok
    after = districts(ningbo)
    assert [(p.lead, p.plain_text.removeprefix(p.lead)) for p in after["鄞州区"].items] == items
    assert [p.plain_text for p in after["鄞州区"].intro] == ["第一段。", "第二段。"]
    assert {k: v for k, v in after.items() if k != "鄞州区"} == {k: v for k, v in before.items() if k != "鄞州区"}
    assert "- **加快创新平台建设。**新增省级重点实验室2家" in (ningbo / "chapters/06-districts.md").read_text(encoding="utf-8")


def test_new_district_goes_in_the_usual_order(tmp_path, small):
    result = merge_submissions(small, [filled(tmp_path, "district", district("江北区"))])
    assert result.ok and "新增区县“江北区”" in result.changes[0]
    assert list(districts(small)) == ["海曙区", "江北区", "北仑区"]


def test_awards_join_their_category_in_the_named_table(tmp_path, ningbo):
    target = "appendices/a2-municipal-progress-awards.csv"
    rows = [("宁波市科学技术进步一等奖", "新项目", "单位甲、单位乙", "张三、李四")]
    result = merge_submissions(ningbo, [filled(tmp_path, "awards", {"获奖项目": rows})], target=target)
    assert result.ok and result.changes == ["awards.xlsx → appendices/a2-municipal-progress-awards.csv：新增获奖项目 1 项"]
    table = nbreport.load(ningbo).appendices[1].table
    categories = [row[0] for row in table.rows]
    at = [row[1] for row in table.rows].index("新项目")
    assert table.rows[at] == list(rows[0][:2]) + [["单位甲", "单位乙"], ["张三", "李四"]]
    assert categories[at + 1] != "宁波市科学技术进步一等奖" and categories[at - 1] == "宁波市科学技术进步一等奖"


def test_incubators_need_a_target_when_the_dataset_has_two_lists(tmp_path, ningbo):
    path = filled(tmp_path, "incubators", {"孵化器": [(1, "新孵化器", "新公司")]})
    before = snapshot(ningbo)
    assert codes(merge_submissions(ningbo, [path])) == [("E-MERGE-TARGET", "incubators.xlsx")]
    assert snapshot(ningbo) == before
    result = merge_submissions(ningbo, [path], target="tables/03-provincial-incubators.csv")
    assert result.ok
    lines = (ningbo / "tables/03-provincial-incubators.csv").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "3,新孵化器,新公司" and nbreport.validate(ningbo).ok


def test_chronology_events_go_to_their_dates(tmp_path, small):
    """A new event goes after the existing ones of the same day."""
    rows = [("12月3日", "丁事件。"), ("2023年5月22日", "戊事件。"), ("1月1日", "己事件。")]
    assert merge_submissions(small, [filled(tmp_path, "chronology", {"大事记": rows})]).ok
    events = nbreport.load(small).chronology.events
    assert [(e.date.label, e.text) for e in events] == [
        ("1月1日", "己事件。"), ("1月5日", "甲事件。"), ("5月22—24日", "乙事件。"), ("5月22日", "戊事件。"),
        ("12月3日", "丁事件。"), ("12月", "丙事件。")]


def test_indicators_are_appended(tmp_path, small):
    rows = [("高新技术企业数", 2023, "７０１４", "家", "突破", "seeds/002"), ("研发投入强度", 2023, "3.1%", None, None, None)]
    assert merge_submissions(small, [filled(tmp_path, "indicators", {"指标": rows})]).ok
    assert [(i.name, i.year, i.quantity.text) for i in nbreport.load(small).indicators] == [
        ("高新技术企业数", 2022, "突破5300家"), ("高新技术企业数", 2023, "突破7014家"), ("研发投入强度", 2023, "3.1%")]


def test_a_submission_with_errors_changes_nothing(tmp_path, small):
    good = filled(tmp_path, "district", district("江北区"), name="good.xlsx")
    bad = filled(tmp_path, "chronology", {"大事记": [("2月30日", "事件。")]}, name="bad.xlsx")
    before = snapshot(small)
    result = merge_submissions(small, [good, bad])
    assert not result.ok and codes(result) == [("E-CHRONO-DATE", "'大事记'!A2")]
    assert snapshot(small) == before and result.written == [] and result.changes == []


def test_conflicts_are_errors_and_change_nothing(tmp_path, small):
    one = filled(tmp_path, "district", district("江北区"), name="一.xlsx")
    two = filled(tmp_path, "district", district("江北区"), name="二.xlsx")
    awards = filled(tmp_path, "awards", {"获奖项目": [("省科技进步一等奖", "项目 甲", "单位", "王五")]})
    events = filled(tmp_path, "chronology", {"大事记": [("1月5日", "甲事件")]})
    before = snapshot(small)
    result = merge_submissions(small, [one, two, awards, events])
    assert codes(result) == [("E-MERGE-CONFLICT", "'区县'!A2"), ("E-MERGE-CONFLICT", "'获奖项目'!B2"),
                             ("E-MERGE-CONFLICT", "'大事记'!B2")]
    messages = [f.message for f in result.report.findings]
    assert "一.xlsx '区县'!A2" in messages[0] and "awards.csv:2" in messages[1] and "chronology.csv:2" in messages[2]
    assert snapshot(small) == before


def test_text_that_would_not_survive_as_markdown_is_refused(tmp_path, small):
    before = snapshot(small)
    result = merge_submissions(small, [filled(tmp_path, "district", district("江北区", intro="# 不是标题"))])
    assert [code for code, _ in codes(result)] == ["E-MERGE-INVALID"] and snapshot(small) == before


def test_a_dataset_with_errors_takes_nothing(tmp_path, small):
    (small / "chronology.csv").write_text("日期,事件\n2月30日,甲。\n", encoding="utf-8")
    before = snapshot(small)
    result = merge_submissions(small, [filled(tmp_path, "district", district("江北区"))])
    assert [code for code, _ in codes(result)] == ["E-CHRONO-DATE", "E-MERGE-DATASET"] and snapshot(small) == before


def test_dry_run_reports_but_writes_nothing(tmp_path, small):
    before = snapshot(small)
    result = merge_submissions(small, [filled(tmp_path, "district", district("江北区"))], dry_run=True)
    assert result.ok and result.changes and result.written == [] and snapshot(small) == before


def test_awards_go_to_the_first_award_appendix_by_default(tmp_path, small):
    rows = [("省科技进步一等奖", "项目丙", "单位丙", "王五")]
    assert merge_submissions(small, [filled(tmp_path, "awards", {"获奖项目": rows})]).ok
    assert (small / "awards.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "省科技进步一等奖,项目甲,单位甲,张三", "省科技进步一等奖,项目丙,单位丙,王五", "省科技进步二等奖,项目乙,单位乙,李四"]


def test_the_same_indicator_and_year_twice_is_a_conflict(tmp_path, small):
    rows = [("高新技术企业数", 2022, 5400, "家", None, None)]
    result = merge_submissions(small, [filled(tmp_path, "indicators", {"指标": rows})])
    assert codes(result) == [("E-MERGE-CONFLICT", "'指标'!A2")] and "indicators.csv:2" in result.report.findings[0].message


AWARD_ROW = [("省科技进步一等奖", "项目丙", "单位丙", "王五")]


@pytest.mark.parametrize("target", ["../outside.csv", "{outside}", "link.csv", "sub/../../outside.csv"])
def test_a_target_outside_the_dataset_is_refused_and_nothing_is_written(tmp_path, small, target):
    outside = tmp_path / "outside.csv"
    outside.write_text("奖励类别,项目名称,主要完成单位,主要完成人员\n", encoding="utf-8")
    (small / "link.csv").symlink_to(outside)
    before, outside_before = snapshot(small), outside.read_bytes()
    name = target.format(outside=outside)
    result = merge_submissions(small, [filled(tmp_path, "awards", {"获奖项目": AWARD_ROW})], target=name)
    assert [code for code, _ in codes(result)] == ["E-PATH-ESCAPE"] and name in result.report.findings[0].message
    assert outside.read_bytes() == outside_before and snapshot(small) == before and result.written == []


def test_a_target_that_is_a_folder_is_refused(tmp_path, small):
    (small / "folder.csv").mkdir()
    before = snapshot(small)
    result = merge_submissions(small, [filled(tmp_path, "awards", {"获奖项目": AWARD_ROW})], target="folder.csv")
    assert [code for code, _ in codes(result)] == ["E-MERGE-TARGET"] and snapshot(small) == before


def test_a_symlink_that_stays_inside_the_dataset_is_a_valid_target(tmp_path, small):
    (small / "alias.csv").symlink_to(small / "awards.csv")
    result = merge_submissions(small, [filled(tmp_path, "awards", {"获奖项目": AWARD_ROW})], target="alias.csv")
    assert result.ok and "项目丙" in (small / "awards.csv").read_text(encoding="utf-8")
    assert (small / "alias.csv").is_symlink()


def test_awards_are_routed_to_the_table_holding_their_category(tmp_path, ningbo):
    rows = [("宁波市科学技术进步一等奖", "新市级项目", "单位甲", "张三"), ("省科技进步一等奖", "新省级项目", "单位乙", "李四")]
    result = merge_submissions(ningbo, [filled(tmp_path, "awards", {"获奖项目": rows})])
    assert result.ok, result.report.findings
    assert sorted(result.changes) == ["awards.xlsx → appendices/a1-provincial-awards.csv：新增获奖项目 1 项",
                                      "awards.xlsx → appendices/a2-municipal-progress-awards.csv：新增获奖项目 1 项"]
    provincial, municipal = (nbreport.load(ningbo).appendices[i].table for i in (0, 1))
    assert "新市级项目" in [row[1] for row in municipal.rows] and "新市级项目" not in [row[1] for row in provincial.rows]
    assert "新省级项目" in [row[1] for row in provincial.rows] and "新省级项目" not in [row[1] for row in municipal.rows]


def test_an_award_category_no_table_holds_is_refused_without_a_target(tmp_path, ningbo):
    rows = [("宁波市科学技术进步一等奖", "新市级项目", "单位甲", "张三"), ("省自然科学一等奖", "新项目", "单位乙", "李四")]
    before = snapshot(ningbo)
    result = merge_submissions(ningbo, [filled(tmp_path, "awards", {"获奖项目": rows})])
    assert codes(result) == [("E-MERGE-TARGET", "'获奖项目'!A3")] and "省自然科学一等奖" in result.report.findings[0].message
    assert snapshot(ningbo) == before


def test_a_failed_rename_puts_every_file_back(tmp_path, small, monkeypatch):
    import os

    from nbreport.submit import staging

    calls = []
    real = os.replace

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        real(src, dst)

    subs = [filled(tmp_path, "district", district("江北区")),
            filled(tmp_path, "chronology", {"大事记": [("3月1日", "新事件。")]})]
    before = snapshot(small)
    monkeypatch.setattr(staging.os, "replace", failing)
    result = merge_submissions(small, subs)
    assert [code for code, _ in codes(result)] == ["E-MERGE-WRITE"] and result.written == []
    assert snapshot(small) == before and len(calls) >= 3  # two renames tried, then the first file restored


def test_an_unwritable_folder_stops_the_merge_before_any_file_changes(tmp_path, small, monkeypatch):
    from nbreport.submit import staging

    real = staging.tempfile.mkstemp

    def refusing(*args, **kwargs):
        if Path(kwargs["dir"]).name == "chapters":
            raise PermissionError(13, "Permission denied", str(kwargs["dir"]))
        return real(*args, **kwargs)

    subs = [filled(tmp_path, "chronology", {"大事记": [("3月1日", "新事件。")]}),
            filled(tmp_path, "district", district("江北区"))]
    before = snapshot(small)
    monkeypatch.setattr(staging.tempfile, "mkstemp", refusing)
    result = merge_submissions(small, subs)
    assert [code for code, _ in codes(result)] == ["E-MERGE-WRITE"] and "chapters" in result.report.findings[0].message
    assert snapshot(small) == before and not [p for p in small.rglob("*.tmp")]


@pytest.mark.parametrize(("first", "second"), [
    ("召开全市科技大会。", "召开全市科技大会，部署全年工作。"),  # one a prefix of the other
    ("召开全市科技大会（第一次）。", "召开全市科技大会(第一次)，部署全年工作"),  # the same, across bracket widths
])
def test_nearly_the_same_event_on_the_same_day_from_two_submissions_is_merged_with_a_warning(tmp_path, small, first, second):
    one = filled(tmp_path, "chronology", {"大事记": [("3月1日", first)]}, name="一.xlsx")
    two = filled(tmp_path, "chronology", {"大事记": [("3月1日", second)]}, name="二.xlsx")
    result = merge_submissions(small, [one, two])
    assert result.ok and codes(result) == [("W-MERGE-NEAR-DUPLICATE", "'大事记'!B2")]
    assert "一.xlsx '大事记'!B2" in result.report.findings[0].message and str(result.report.findings[0].where).startswith("二.xlsx")
    assert [e.text for e in nbreport.load(small).chronology.events if e.date.label == "3月1日"] == [first, second]


@pytest.mark.parametrize(("first", "second"), [
    ("召开 全市科技大会。", "召开全市科技大会!"),  # equal once spaces and the final mark go
    ("召开全市科技大会（第一次）。", "召开全市科技大会(第一次)"),  # full-width and half-width brackets
])
def test_the_same_event_typed_twice_is_a_conflict_as_in_the_dataset_checks(tmp_path, small, first, second):
    one = filled(tmp_path, "chronology", {"大事记": [("3月1日", first)]}, name="一.xlsx")
    two = filled(tmp_path, "chronology", {"大事记": [("3月1日", second)]}, name="二.xlsx")
    before = snapshot(small)
    result = merge_submissions(small, [one, two])
    assert not result.ok and [code for code, _ in codes(result)] == ["E-MERGE-CONFLICT"]
    assert snapshot(small) == before


def test_an_event_nearly_repeating_one_in_the_dataset_names_its_line(tmp_path, small):
    result = merge_submissions(small, [filled(tmp_path, "chronology", {"大事记": [("5月22—24日", "乙事件，续。")]})])
    assert result.ok and codes(result) == [("W-MERGE-NEAR-DUPLICATE", "'大事记'!B2")]
    assert "chronology.csv:3" in result.report.findings[0].message


def test_similar_events_on_different_days_or_with_different_texts_are_not_flagged(tmp_path, small):
    rows = [("3月1日", "召开全市科技大会。"), ("3月2日", "召开全市科技大会。续"), ("3月1日", "发布科技政策。")]
    result = merge_submissions(small, [filled(tmp_path, "chronology", {"大事记": rows})])
    assert result.ok and codes(result) == []


def test_the_same_event_text_twice_stays_a_conflict(tmp_path, small):
    one = filled(tmp_path, "chronology", {"大事记": [("3月1日", "召开大会。")]}, name="一.xlsx")
    two = filled(tmp_path, "chronology", {"大事记": [("3月1日", "召开 大会")]}, name="二.xlsx")
    assert codes(merge_submissions(small, [one, two])) == [("E-MERGE-CONFLICT", "'大事记'!B2")]


ATTACKS = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+2", "@SUM(A1)", "\t=1+1"]


def test_formula_like_text_is_escaped_in_merged_csvs_and_reads_back_exactly(tmp_path, small):
    rows = [("3月1日", Typed(f"{text}事件{n}")) for n, text in enumerate(ATTACKS)]
    indicators = [("研发投入", 2023, -1.5, "亿元", None, Typed("=HYPERLINK(\"http://x\")"))]
    subs = [filled(tmp_path, "chronology", {"大事记": rows}), filled(tmp_path, "indicators", {"指标": indicators})]
    assert merge_submissions(small, subs).ok
    import csv

    cells = {}
    for name in ("chronology.csv", "indicators.csv"):
        with (small / name).open(encoding="utf-8", newline="") as stream:
            cells[name] = [cell for record in csv.reader(stream) for cell in record]
        assert not [cell for cell in cells[name] if cell.lstrip()[:1] in ("=", "+", "@") or cell.startswith("\t")
                    or (cell.startswith("-") and cell != "-1.5")]
    assert "-1.5" in cells["indicators.csv"]  # a negative number stays a number
    report = nbreport.load(small)
    assert [e.text for e in report.chronology.events if e.date.label == "3月1日"] == [text.strip() for _, text in rows]
    assert [i.source for i in report.indicators if i.year == 2023] == ["=HYPERLINK(\"http://x\")"]
