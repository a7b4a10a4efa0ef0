"""Reading forgives what clerks do to sheets: merged cells, blank rows, spaces, full-width digits, renamed headers."""

import datetime as dt
from decimal import Decimal

from openpyxl import load_workbook

from nbreport.submit import validate_submission
from tests.submit.workbooks import filled, plain

AWARD_HEADER = ("奖励类别", "项目名称", "主要完成单位", "主要完成人员")


def found(checked):
    return [(f.code, f.where.sheet, f.where.cell) for f in checked.report.findings]


def values(checked, sheet, *names):
    return [tuple(record.values[name] for name in names) for record in checked.records[sheet]]


def test_merged_category_blank_rows_and_spaces(tmp_path):
    path = plain(tmp_path / "a.xlsx", {"获奖项目": [
        AWARD_HEADER,
        ("省科技进步一等奖", "  项目甲 ", "单位甲", "张三"),
        (None, "项目乙", "单位乙", "李四"),
        (),
        ("   ",),
        ("省科技进步二等奖", "项目丙", "单位丙", "王五"),
    ]})
    book = load_workbook(path)
    book["获奖项目"].merge_cells("A2:A3")
    book.save(path)
    checked = validate_submission(path, "awards", 2023)
    assert found(checked) == []
    assert values(checked, "获奖项目", "奖励类别", "项目名称") == [
        ("省科技进步一等奖", "项目甲"), ("省科技进步一等奖", "项目乙"), ("省科技进步二等奖", "项目丙")]
    assert [r.number for r in checked.records["获奖项目"]] == [2, 3, 6]


def test_full_width_digits_and_numbers_stored_as_text(tmp_path):
    path = filled(tmp_path, "indicators", {"指标": [
        ("高新技术企业数", "２０２３", "７０１４", "家", "突破", ""),
        ("研发投入强度", 2023.0, "３.１％", None, None, None),
        ("技术合同成交额", "2023年", "1,234.5", "亿元", "超", None),
    ]})
    checked = validate_submission(path)
    assert found(checked) == []
    assert values(checked, "指标", "年份", "数值", "单位") == [
        (2023, Decimal("7014"), "家"), (2023, Decimal("3.1"), "%"), (2023, Decimal("1234.5"), "亿元")]


def test_dates_as_datetimes_serials_and_text_become_chronology_labels(tmp_path):
    path = filled(tmp_path, "chronology", {"大事记": [
        (dt.datetime(2023, 5, 17), "甲"), (45000, "乙"), ("2023年5月17日", "丙"),
        ("2023/5/17", "丁"), ("５月２２—２４日", "戊"), ("11月下旬", "己"), ("12月", "庚"),
    ]})
    checked = validate_submission(path)
    assert found(checked) == []
    assert [r.values["日期"].label for r in checked.records["大事记"]] == [
        "5月17日", "3月15日", "5月17日", "5月17日", "5月22—24日", "11月下旬", "12月"]


def test_date_of_another_year_or_impossible_date(tmp_path):
    path = filled(tmp_path, "chronology", {"大事记": [("2022年5月17日", "甲"), (dt.datetime(2024, 1, 2), "乙"), ("2月30日", "丙")]})
    checked = validate_submission(path)
    assert found(checked) == [("E-CHRONO-YEAR", "大事记", "A2"), ("E-CHRONO-YEAR", "大事记", "A3"),
                              ("E-CHRONO-DATE", "大事记", "A4")]
    assert "2023" in checked.report.findings[0].message


def test_year_given_on_the_command_line_wins_over_the_template(tmp_path):
    path = filled(tmp_path, "chronology", {"大事记": [("2024年5月17日", "甲")]}, year=2023)
    checked = validate_submission(path, year=2024)
    assert found(checked) == [("W-XLSX-YEAR", None, None)]


def test_renamed_header_is_read_with_a_suggestion_and_extra_column_ignored(tmp_path):
    path = plain(tmp_path / "a.xlsx", {"获奖项目": [("奖励类别", "项目名", "完成单位", "主要完成人员", "备注"),
                                                  ("省科技进步一等奖", "项目甲", "单位", "张三", "x")]})
    checked = validate_submission(path, "awards")
    assert found(checked) == [("W-XLSX-COLUMN-RENAMED", "获奖项目", "B1"), ("W-XLSX-COLUMN-RENAMED", "获奖项目", "C1"),
                              ("W-XLSX-EXTRA-COLUMN", "获奖项目", "E1")]
    assert "“项目名称”" in checked.report.findings[0].message
    assert values(checked, "获奖项目", "项目名称", "主要完成单位") == [("项目甲", ["单位"])]


def test_missing_required_column_is_an_error(tmp_path):
    path = plain(tmp_path / "a.xlsx", {"获奖项目": [("奖励类别", "项目名称", "主要完成单位"), ("省科技进步一等奖", "项目甲", "单位")]})
    checked = validate_submission(path, "awards")
    assert ("E-TABLE-COLUMN-MISSING", "获奖项目", None) in found(checked)
    assert "主要完成人员" in checked.report.findings[0].message and not checked.report.ok


def test_title_row_above_the_header_and_a_renamed_only_sheet(tmp_path):
    path = plain(tmp_path / "a.xlsx", {"Sheet1": [("2023年获奖项目汇总",), AWARD_HEADER, ("省科技进步一等奖", "项目甲", "单位", "张三")]})
    checked = validate_submission(path, "awards")
    assert found(checked) == [("W-XLSX-SHEET-RENAMED", "Sheet1", None)]
    assert values(checked, "获奖项目", "项目名称") == [("项目甲",)] and checked.records["获奖项目"][0].number == 3


def test_extra_sheets_are_ignored_with_a_warning(tmp_path):
    path = filled(tmp_path, "chronology", {"大事记": [("5月17日", "甲")]})
    book = load_workbook(path)
    book.create_sheet("草稿")["A1"] = "随手记"
    book.save(path)
    assert found(validate_submission(path)) == [("W-XLSX-EXTRA-SHEET", "草稿", None)]


def test_missing_sheet_is_an_error(tmp_path):
    path = plain(tmp_path / "d.xlsx", {"区县": [("区县名称", "简介"), ("鄞州区", "简介。")], "其他": [("x",)], "别的": [("y",)]})
    checked = validate_submission(path, "district")
    assert ("E-XLSX-SHEET-MISSING", None, None) in found(checked)
    assert "工作亮点" in checked.report.findings[0].message


def test_part_is_found_from_sheet_names_without_a_template(tmp_path):
    path = plain(tmp_path / "c.xlsx", {"大事记": [("日期", "事件"), ("5月17日", "甲")]})
    checked = validate_submission(path)
    assert checked.part.name == "chronology" and checked.report.ok
