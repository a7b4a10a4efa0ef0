"""Each mistake in a filled template is reported with its code at its exact cell."""

import pytest

from nbreport.submit import validate_submission
from tests.submit.workbooks import district, filled


def found(checked):
    return [(f.code, f"'{f.where.sheet}'!{f.where.cell}" if f.where.cell else f.where.sheet) for f in checked.report.findings]


def test_clean_district_has_no_findings_and_typed_rows(tmp_path):
    items = (("持续推进科技创新体系建设。", "出台实施意见。"), ("持续完善全域创新空间。", "推进创新街区建设。"))
    checked = validate_submission(filled(tmp_path, "district", district(intro="第一段。\n第二段。", items=items)))
    assert checked.readable and checked.report.ok and found(checked) == []
    assert checked.records["区县"][0].values == {"区县名称": "鄞州区", "简介": ["第一段。", "第二段。"]}
    assert [(r.values["标题（加粗引语）"], r.values["内容"]) for r in checked.records["工作亮点"]] == list(items)


def test_district_mistakes_point_at_their_cells(tmp_path):
    sheets = {"区县": [("鄞州", "简介。")],
              "工作亮点": [(1, "引语甲。", "内容"), (2, "", "内容"), (4, "引语丙。", "内容"), ("五", "引语甲。", "内容")]}
    checked = validate_submission(filled(tmp_path, "district", sheets))
    assert found(checked) == [
        ("E-CELL-CHOICE", "'区县'!A2"), ("E-CELL-REQUIRED", "'工作亮点'!B3"), ("E-CELL-TYPE", "'工作亮点'!A5"),
        ("E-SEQ-GAP", "'工作亮点'!A4"), ("E-DUPLICATE-ID", "'工作亮点'!B5"),
    ]
    assert "是否应为“鄞州区”" in checked.report.findings[0].message
    assert str(checked.report.findings[1].where) == "district.xlsx '工作亮点'!B3"


def test_two_districts_in_one_file(tmp_path):
    checked = validate_submission(filled(tmp_path, "district", {"区县": [("鄞州区", "甲。"), ("海曙区", "乙。")],
                                                               "工作亮点": [(1, "引语。", "内容")]}))
    assert found(checked) == [("E-XLSX-ONE-ROW", "'区县'!A3")]


def test_award_rows_are_checked_by_the_dataset_rules(tmp_path):
    sheets = {"获奖项目": [
        ("省科技进步一等奖", "项目甲", "单位甲、单位乙", "张三、李 晔"),
        ("省科技进步特别奖", "项目乙", "单位", "王五"),
        ("省科技进步一等奖", "项目甲", "单位甲，单位乙", "张三、李 晔"),
        (None, "项目丙", None, "赵六"),
    ]}
    checked = validate_submission(filled(tmp_path, "awards", sheets))
    assert found(checked) == [
        ("E-CELL-REQUIRED", "'获奖项目'!A5"), ("E-CELL-REQUIRED", "'获奖项目'!C5"),
        ("E-CELL-CHOICE", "'获奖项目'!A3"), ("E-AWARD-DUPLICATE", "'获奖项目'!B4"),
        ("W-NAME-SPACE", "'获奖项目'!D2"), ("W-NAME-SPACE", "'获奖项目'!D4"),
    ]
    assert "第 2 行" in checked.report.findings[3].message
    unknown = checked.report.findings[2]
    assert "下拉列表" in unknown.hint and "report.yaml" not in unknown.hint  # the clerk cannot edit report.yaml
    assert "是否应为“省科技进步" in unknown.message


def test_award_categories_declared_by_the_dataset_are_accepted(tmp_path):
    path = filled(tmp_path, "awards", {"获奖项目": [("省科技进步特别奖", "项目乙", "单位", "王五")]})
    assert validate_submission(path, award_categories=["省科技进步特别奖"]).report.ok


def test_incubators_are_numbered_without_gaps(tmp_path):
    sheets = {"孵化器": [(1, "孵化器甲", "公司甲"), (3, "孵化器乙", "公司乙"), (4, "孵化器甲", None)]}
    checked = validate_submission(filled(tmp_path, "incubators", sheets))
    assert found(checked) == [("E-CELL-REQUIRED", "'孵化器'!C4"), ("E-SEQ-GAP", "'孵化器'!A3"),
                              ("E-DUPLICATE-ID", "'孵化器'!B4")]


def test_chronology_needs_no_order_but_known_dates(tmp_path):
    sheets = {"大事记": [("6月1日", "乙"), ("5月17日", "甲"), ("5月32日", "丙"), ("下旬", "丁"), ("7月1日", None)]}
    checked = validate_submission(filled(tmp_path, "chronology", sheets))
    assert found(checked) == [("E-CHRONO-DATE", "'大事记'!A4"), ("E-CHRONO-DATE", "'大事记'!A5"),
                              ("E-CELL-REQUIRED", "'大事记'!B6")]


def test_indicator_values_years_and_qualifiers(tmp_path):
    sheets = {"指标": [("高新技术企业数", 2023, 7014, "家", "突破", "seeds/002"),
                     ("x", 1800, "约7000", "家", "大约", None),
                     ("研发投入", 2023, "12%", "亿元", None, None)]}
    checked = validate_submission(filled(tmp_path, "indicators", sheets))
    assert found(checked) == [("E-CELL-TYPE", "'指标'!B3"), ("E-CELL-TYPE", "'指标'!C3"), ("E-CELL-CHOICE", "'指标'!E3"),
                              ("E-CELL-TYPE", "'指标'!C4")]
    assert "“约”" in checked.report.findings[2].message


def test_messages_in_english(tmp_path):
    checked = validate_submission(filled(tmp_path, "chronology", {"大事记": [("5月32日", "甲")]}), lang="en")
    assert checked.report.findings[0].message.startswith("Invalid chronology date")


@pytest.mark.parametrize(("part", "sheets", "cell", "example"), [
    ("indicators", {"指标": [("研发投入", 2023, "很多", "亿元", None, None)]}, "'指标'!C2", "7014"),
    ("indicators", {"指标": [("研发投入", "今年", 3, "亿元", None, None)]}, "'指标'!B2", "2024"),
    ("incubators", {"孵化器": [("一", "孵化器甲", "公司甲")]}, "'孵化器'!A2", "1、2、3"),
])
def test_a_wrong_type_hint_names_the_column_and_its_own_example(tmp_path, part, sheets, cell, example):
    checked = validate_submission(filled(tmp_path, part, sheets))
    finding = next(f for f in checked.report.findings if f.code == "E-CELL-TYPE")
    assert str(finding.where).endswith(cell) and example in finding.hint
    assert finding.params["column"] in finding.hint and ("序号" in finding.hint) == (example == "1、2、3")
