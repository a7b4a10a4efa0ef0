"""Each rule reports its own code at the exact place of the mistake."""

import pytest

from builders import award_dataset, chronology_dataset, paragraph, small_report, write_dataset
from nbreport import validate


def found(report):
    return [(f.code, str(f.where).split(" ")[0]) for f in report.findings]


def test_event_filed_under_another_month(tmp_path):
    root = chronology_dataset(tmp_path, "3月1日,交流会,3\n4月13日,推进会,3\n", header="日期,事件,月份")
    assert found(validate(root)) == [("E-CHRONO-MONTH", "chronology.csv:3:3")]


def test_event_outside_the_report_year_and_out_of_order(tmp_path):
    root = chronology_dataset(tmp_path, "5月1日,甲\n2022年12月3日,乙\n6月2日,丙\n4月2日,丁\n")
    assert found(validate(root)) == [
        ("E-CHRONO-YEAR", "chronology.csv:3:1"), ("E-CHRONO-ORDER", "chronology.csv:3:1"),
        ("E-CHRONO-ORDER", "chronology.csv:5:1"),
    ]


def test_impossible_date_is_located(tmp_path):
    root = chronology_dataset(tmp_path, "1月5日,甲\n2月30日,乙\n")
    report = validate(root)
    assert found(report) == [("E-CHRONO-DATE", "chronology.csv:3:1")]
    assert "2月30日" in report.findings[0].message


def test_blank_award_category(tmp_path):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目甲,单位,张三\n,项目乙,单位,李四\n")
    assert found(validate(root)) == [("E-CELL-REQUIRED", "awards.csv:3:1")]


def test_duplicated_award_row_names_both_lines(tmp_path):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目甲,单位,张三\n省科技进步二等奖,项目乙,单位,李四\n省科技进步一等奖,项目甲,单位,张三\n")
    report = validate(root)
    assert found(report) == [("E-AWARD-DUPLICATE", "awards.csv:4:2")]
    assert "第 2 行" in report.findings[0].message


def test_unknown_award_category_unless_declared(tmp_path):
    root = award_dataset(tmp_path, "省科技进步特别奖,项目甲,单位,张三\n")
    assert found(validate(root)) == [("E-AWARD-CATEGORY", "awards.csv:2:1")]
    text = (root / "report.yaml").read_text(encoding="utf-8")
    (root / "report.yaml").write_text(text + "award_categories: [省科技进步特别奖]\n", encoding="utf-8")
    assert validate(root).ok


def test_spaced_chinese_name_is_a_warning_with_the_fix(tmp_path):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目甲,单位,李 晔、Christopher Gerada、张凌芷 (Cheong Ling Zhi)\n")
    report = validate(root)
    assert report.ok and found(report) == [("W-NAME-SPACE", "awards.csv:2:4")]
    assert "李晔" in report.findings[0].message


def test_sequence_gap_in_numbered_table(tmp_path):
    text = "---\ntitle: 章\n---\n\n## 节\n\n```table\ncaption: 名单\nfile: t.csv\nkind: ranked\n```\n"
    root = write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": text, "t.csv": "序号,名称\n1,甲\n2,乙\n4,丙\n"})
    assert found(validate(root)) == [("E-SEQ-GAP", "t.csv:4:1")]


def test_non_numeric_sequence_is_a_cell_type_error(tmp_path):
    text = "---\ntitle: 章\n---\n\n## 节\n\n```table\nfile: t.csv\n```\n"
    root = write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": text, "t.csv": "序号,名称\n1,甲\n二,乙\n"})
    assert ("E-CELL-TYPE", "t.csv:3:1") in found(validate(root))


def test_control_characters_in_text_are_errors(tmp_path):
    text = "---\ntitle: 章\n---\n\n## 节\n\n正文\x07含响铃。\n"
    root = write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": text})
    report = validate(root)
    assert found(report) == [("E-TEXT-CONTROL", "ch.md:7")] and "U+0007" in report.findings[0].message


def test_duplicate_district_is_reported():
    report = small_report(chapters=[{"kind": "districts", "districts": [{"name": "海曙区"}, {"name": "海曙区"}]}])
    assert [f.code for f in validate(report).findings if f.severity == "error"] == ["E-DUPLICATE-ID"]


def test_report_built_in_code_is_checked_with_paths():
    report = small_report(chronology={"events": [{"date": "6月1日", "text": "乙"}, {"date": "5月1日", "text": "甲"}]})
    result = validate(report)
    assert [(f.code, f.where.path) for f in result.findings] == [("E-CHRONO-ORDER", "chronology.events[1].date")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_in_both_languages(tmp_path, lang):
    root = award_dataset(tmp_path, ",项目,单位,张三\n")
    message = validate(root, lang=lang).findings[0].message
    assert ("必填" in message) == (lang == "zh") and ("Required" in message) == (lang == "en")


def test_clean_small_report_has_no_findings():
    report = small_report(conclusion={"blocks": [paragraph("结语。")]})
    assert validate(report).findings == []


def test_invisible_character_in_a_name_gives_the_clean_name(tmp_path):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目甲,单位,李\u200b晔、Christopher\u00a0Gerada\n")
    report = validate(root)
    assert report.ok and found(report) == [("W-NAME-INVISIBLE", "awards.csv:2:4")] * 2
    assert "U+200B" in report.findings[0].message and "“李晔”" in report.findings[0].hint
    assert "“Christopher Gerada”" in report.findings[1].hint
