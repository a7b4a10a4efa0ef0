"""The 大事记 rules: the report period, impossible days, repeated events with both places."""

from builders import chronology_dataset
from nbreport import validate


def found(report):
    return [(f.code, str(f.where).split(" ")[0]) for f in report.findings]


def test_events_of_the_next_january_belong_to_the_report(tmp_path):
    root = chronology_dataset(tmp_path, "12月30日,甲\n2024年1月3日,乙\n")
    assert found(validate(root)) == []


def test_events_after_the_next_january_do_not(tmp_path):
    root = chronology_dataset(tmp_path, "12月30日,甲\n2024年2月3日,乙\n")
    report = validate(root)
    assert found(report) == [("E-CHRONO-YEAR", "chronology.csv:3:1")]
    assert "2024年1月3日" in report.findings[0].hint


def test_february_29_of_a_common_year_is_an_error_that_says_why(tmp_path):
    report = validate(chronology_dataset(tmp_path, "2月29日,甲\n"))
    assert found(report) == [("E-CHRONO-DATE", "chronology.csv:2:1")]
    assert "闰年" in report.findings[0].message


def test_a_repeated_event_names_the_first_place(tmp_path):
    report = validate(chronology_dataset(tmp_path, "5月3日,甲会召开。\n5月4日,乙\n5月3日,甲会召开。\n"))
    assert ("E-CHRONO-DUPLICATE", "chronology.csv:4:2") in found(report)
    assert "chronology.csv:2:2" in report.findings[-1].message


def test_a_text_that_starts_another_is_a_warning_with_both_places(tmp_path):
    report = validate(chronology_dataset(tmp_path, "5月3日,甲会召开\n5月3日,甲会召开，部署工作。\n"))
    assert report.ok and found(report) == [("W-CHRONO-NEAR-DUPLICATE", "chronology.csv:3:2")]
    assert "chronology.csv:2:2" in report.findings[0].message


def test_same_text_on_different_dates_is_not_a_repeat(tmp_path):
    assert validate(chronology_dataset(tmp_path, "5月3日,例会\n6月3日,例会\n")).findings == []


def test_full_width_dates_are_read_without_findings(tmp_path):
    assert validate(chronology_dataset(tmp_path, "５月３日,甲\n１１月下旬,乙\n")).findings == []


def test_thousands_of_events_on_one_date_are_compared_by_neighbours(tmp_path):
    rows = "".join(f"5月3日,事件{i:05d}\n" for i in range(20000))
    assert validate(chronology_dataset(tmp_path, rows)).ok


def test_the_month_column_is_read_like_a_date_and_answered_in_chinese(tmp_path):
    root = chronology_dataset(tmp_path, "5月3日,甲,５月\n6月3日,乙,²\n", header="日期,事件,月份")
    report = validate(root)
    assert found(report) == [("E-CHRONO-DATE", "chronology.csv:3:3")]
    assert "“²”应为 1 到 12 的数字" in report.findings[0].message
