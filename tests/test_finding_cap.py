"""Findings of one kind in one file are listed up to a limit; the rest are counted in one summary."""

from nbreport import codes, validate
from nbreport.finding_cap import FINDINGS_PER_KIND, FindingList, listed
from nbreport.findings import Location
from nbreport.submit import validate_submission
from tests.submit.workbooks import filled


def blank(file: str, line: int, code: str = "E-CELL-REQUIRED"):
    return codes.make(code, Location(file=file, line=line, column=2), column="项目名称")


def award_dataset(folder, rows: int):
    """Write a dataset whose award appendix has ``rows`` rows, each without its 主要完成单位."""
    (folder / "report.yaml").write_text(
        "meta:\n  title: 报告\n  year: 2023\n  region: 宁波市\n"
        "appendices:\n  - title: 获奖\n    table:\n      file: a.csv\n      kind: award\n", encoding="utf-8")
    lines = "".join(f"省科技进步一等奖,项目{i},,张三\n" for i in range(rows))
    (folder / "a.csv").write_text("奖励类别,项目名称,主要完成单位,主要完成人员\n" + lines, encoding="utf-8")
    return folder


def test_a_kind_keeps_its_first_findings_and_counts_the_rest():
    findings = FindingList(blank("a.csv", line) for line in range(2, 2 + FINDINGS_PER_KIND + 50))
    findings.append(blank("b.csv", 2))
    assert len(findings) == FINDINGS_PER_KIND + 1
    assert [f.where.line for f in findings[:3]] == [2, 3, 4]
    count, first = findings.omitted[("E-CELL-REQUIRED", "a.csv", None)]
    assert count == 50 and first.where.line == 2 + FINDINGS_PER_KIND


def test_a_flood_from_a_generator_is_never_held():
    findings = FindingList(blank("a.csv", line) for line in range(1_000_000))
    assert len(findings) == FINDINGS_PER_KIND
    assert findings.omitted[("E-CELL-REQUIRED", "a.csv", None)][0] == 1_000_000 - FINDINGS_PER_KIND


def test_the_summary_follows_the_last_listed_finding_of_its_kind_and_keeps_the_severity():
    flood = [blank("a.csv", line) for line in range(2, 2 + FINDINGS_PER_KIND + 7)]
    spaces = [codes.make("W-NAME-SPACE", Location(file="a.csv", line=line, column=4), value="张 三", fixed="张三")
              for line in range(2, 2 + FINDINGS_PER_KIND + 3)]
    out = listed(FindingList([*flood, blank("b.csv", 9), *spaces]))
    summary = out[FINDINGS_PER_KIND]
    assert summary.code == "E-FINDINGS-MORE" and summary.severity == "error"
    assert str(summary.where) == f"a.csv:{2 + FINDINGS_PER_KIND}:2"
    assert "另有 7 处 E-CELL-REQUIRED" in summary.message and summary.params["count"] == 7
    assert out[FINDINGS_PER_KIND + 1].where.file == "b.csv"
    assert out[-1].code == "W-FINDINGS-MORE" and out[-1].severity == "warning" and "另有 3 处 W-NAME-SPACE" in out[-1].message


def test_counts_survive_extend():
    first = FindingList(blank("a.csv", line) for line in range(FINDINGS_PER_KIND + 5))
    second = FindingList(blank("a.csv", line) for line in range(1000, 1000 + FINDINGS_PER_KIND + 2))
    first.extend(second)
    assert first.omitted[("E-CELL-REQUIRED", "a.csv", None)][0] == 5 + FINDINGS_PER_KIND + 2


def test_a_unique_list_drops_repeats_before_it_counts():
    findings = FindingList((blank("a.csv", line) for line in [*range(FINDINGS_PER_KIND + 5)] * 2), unique=True)
    assert len(findings) == FINDINGS_PER_KIND and findings.omitted[("E-CELL-REQUIRED", "a.csv", None)][0] == 5


def test_a_unique_list_keeps_findings_that_differ_in_code_or_place_alone():
    same_place = [blank("a.csv", 2), blank("a.csv", 2, "E-CELL-TYPE")]
    same_code = [blank("a.csv", 3), blank("b.csv", 3), blank("a.csv", 30)]
    findings = FindingList([*same_place, *same_code, *same_place], unique=True)
    assert list(findings) == [*same_place, *same_code]


def test_a_short_list_is_returned_unchanged():
    few = [blank("a.csv", 2), blank("a.csv", 3)]
    assert listed(few) == few


def test_a_dataset_with_a_blank_column_on_every_row_lists_a_hundred(tmp_path):
    report = validate(award_dataset(tmp_path, 5000))
    required = [f for f in report.findings if f.code == "E-CELL-REQUIRED"]
    assert len(required) == FINDINGS_PER_KIND and required[-1].where.line == FINDINGS_PER_KIND + 1
    (more,) = [f for f in report.findings if f.code == "E-FINDINGS-MORE"]
    assert more.params["count"] == 5000 - FINDINGS_PER_KIND and str(more.where) == f"a.csv:{FINDINGS_PER_KIND + 2}:3"
    assert not report.ok


def test_a_workbook_is_limited_per_sheet(tmp_path):
    rows = [(None, f"项目{i}", "单位", "王五") for i in range(FINDINGS_PER_KIND + 20)]
    checked = validate_submission(filled(tmp_path, "awards", {"获奖项目": rows}))
    required = [f for f in checked.report.findings if f.code == "E-CELL-REQUIRED"]
    assert len(required) == FINDINGS_PER_KIND
    (more,) = [f for f in checked.report.findings if f.code == "E-FINDINGS-MORE"]
    assert more.params["count"] == 20 and (more.where.sheet, more.where.cell) == ("获奖项目", f"A{FINDINGS_PER_KIND + 2}")


def test_the_cli_summary_counts_what_is_not_listed(tmp_path, capsys):
    from nbreport.cli import main

    assert main(["validate", str(award_dataset(tmp_path, FINDINGS_PER_KIND + 1234))]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith(f"{FINDINGS_PER_KIND + 1} 个错误，0 个警告（另有 1,234 处同类问题未逐一列出）")
    assert len(out) == FINDINGS_PER_KIND + 2
