"""The clerk's copy marks exactly the bad cells and lists every problem on a 问题汇总 sheet."""

import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from nbreport.submit import validate_submission, write_annotated
from nbreport.submit.annotate import AUTHOR, FILLS
from tests.submit.workbooks import district, fill, filled

BAD = {"区县": [("鄞州", "简介。")], "工作亮点": [(1, "引语甲。", "内容"), (2, "", "内容"), (4, "引语丙。", "内容")]}


def marked(book):
    """Return {(sheet, cell): fill colour} of every cell carrying an nbreport comment or fill."""
    colours = set(FILLS.values())
    found = {}
    for ws in book.worksheets:
        if ws.title == "问题汇总":
            continue
        for row in ws.iter_rows():
            for cell in row:
                colour = (cell.fill.fgColor.rgb or "")[-6:] if cell.fill.fill_type else ""
                if colour in colours or (cell.comment and cell.comment.author == AUTHOR):
                    found[(ws.title, cell.coordinate)] = colour
    return found


def annotate(tmp_path, path):
    checked = validate_submission(path)
    return checked, load_workbook(write_annotated(path, checked.report, tmp_path / "问题.xlsx"))


def test_bad_cells_get_a_fill_and_a_comment_and_nothing_else_does(tmp_path):
    checked, book = annotate(tmp_path, filled(tmp_path, "district", BAD))
    assert marked(book) == {("区县", "A2"): FILLS["error"], ("工作亮点", "B3"): FILLS["error"],
                            ("工作亮点", "A4"): FILLS["error"]}
    comment = book["工作亮点"]["B3"].comment.text
    assert "必填单元格为空" in comment and "修改：" in comment


def test_summary_sheet_comes_first_with_code_cell_message_and_hint(tmp_path):
    checked, book = annotate(tmp_path, filled(tmp_path, "district", BAD))
    summary = book.worksheets[0]
    assert summary.title == "问题汇总" and book.active.title == "问题汇总"
    rows = [[c.value for c in row] for row in summary.iter_rows(min_row=1)]
    assert rows[0] == ["序号", "代码", "级别", "位置", "问题", "如何修改"]
    assert [(r[1], r[3]) for r in rows[1:]] == [("E-CELL-CHOICE", "区县!A2"), ("E-CELL-REQUIRED", "工作亮点!B3"),
                                               ("E-SEQ-GAP", "工作亮点!A4")]
    assert rows[1][4] == checked.report.findings[0].message and rows[1][5] == checked.report.findings[0].hint
    assert summary["D2"].hyperlink.location == "'区县'!A2"


def test_warnings_are_yellow(tmp_path):
    path = filled(tmp_path, "awards", {"获奖项目": [("省科技进步一等奖", "项目甲", "单位", "李 晔")]})
    _, book = annotate(tmp_path, path)
    assert marked(book) == {("获奖项目", "D2"): FILLS["warning"]}


def test_a_fixed_file_loses_its_old_marks(tmp_path):
    submitted = filled(tmp_path, "district", BAD)
    path = write_annotated(submitted, validate_submission(submitted).report, tmp_path / "返回.xlsx")
    fill(path, {"区县": [("鄞州区",)], "工作亮点": [(1, "引语甲。", "内容"), (2, "引语乙。", "内容"), (3, "引语丙。", "内容")]})
    checked, book = annotate(tmp_path, path)  # the clerk works on the returned copy and sends it again
    assert checked.report.ok and marked(book) == {}
    assert book["问题汇总"]["A2"].value == "未发现问题，可以提交。"
    assert book["工作亮点"]["B1"].comment is not None  # the template's own notes stay


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_report_and_the_template_open_in_libreoffice(tmp_path):
    report = tmp_path / "问题.xlsx"
    path = filled(tmp_path, "district", BAD)
    write_annotated(path, validate_submission(path).report, report)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"  # a private profile: parallel runs do not clash
    for source in (report, filled(tmp_path, "district", district(), name="clean.xlsx")):
        done = subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0 and (tmp_path / f"{source.stem}.pdf").stat().st_size > 1000, done.stderr


def test_a_merged_range_is_marked_once_on_its_top_left_cell(tmp_path):
    path = filled(tmp_path, "awards", {"获奖项目": [("省科技进步特别奖", "项目甲", "单位", "张三"), (None, "项目乙", "单位", "李四")]})
    book = load_workbook(path)
    book["获奖项目"].merge_cells("A2:A3")
    book.save(path)
    checked, book = annotate(tmp_path, path)
    assert [f.where.cell for f in checked.report.findings] == ["A2", "A3"]
    assert marked(book) == {("获奖项目", "A2"): FILLS["error"]}
    assert book["获奖项目"]["A2"].comment.text.count("不是“奖励类别”的可选值") == 1


def test_writing_the_report_over_its_own_submission_is_a_finding_and_leaves_it_alone(tmp_path):
    from nbreport.submit import AnnotateError

    path = filled(tmp_path, "district", BAD)
    before = path.read_bytes()
    with pytest.raises(AnnotateError) as refused:
        write_annotated(path, validate_submission(path).report, path)
    assert refused.value.finding.code == "E-REPORT-PATH" and refused.value.finding.where.file == str(path)
    assert path.read_bytes() == before


def formulas(path):
    """Return the cells of every worksheet in the written file that hold a formula (<f> elements)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return [(name, hit) for name in archive.namelist() if name.startswith("xl/worksheets/")
                for hit in re.findall(r'<c r="([A-Z]+\d+)"[^>]*>(?:(?!</c>).)*<f[ >]', archive.read(name).decode("utf-8"))]


def test_a_sheet_named_like_a_formula_stays_text_in_the_summary(tmp_path):
    path = filled(tmp_path, "district", BAD)
    book = load_workbook(path)
    book.create_sheet("=1+1")["A1"] = "x"
    book.save(path)
    report = validate_submission(path).report
    target = write_annotated(path, report, tmp_path / "问题.xlsx")
    summary = load_workbook(target)["问题汇总"]
    assert "=1+1" in [summary.cell(row=row, column=4).value for row in range(2, summary.max_row + 1)]
    assert formulas(target) == []


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_any_message_in_the_summary_is_written_as_text_and_reads_back(tmp_path, texts):
    from nbreport.findings import Finding, Location, ValidationReport

    path = filled(tmp_path, "district", district())
    findings = [Finding("E-X", "error", Location(file="x.xlsx", sheet="区县", cell="A2"), text, text) for text in texts]
    target = write_annotated(path, ValidationReport("x.xlsx", findings), tmp_path / "问题.xlsx")
    summary = load_workbook(target)["问题汇总"]
    assert formulas(target) == []
    assert [summary.cell(row=row, column=5).value for row in range(2, 2 + len(texts))] == texts


def test_the_summary_prints_landscape_one_page_wide_with_rows_tall_enough(tmp_path):
    checked, book = annotate(tmp_path, filled(tmp_path, "district", BAD))
    ws = book["问题汇总"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows.replace("$", "") == "1:1"
    for row in range(2, 2 + len(checked.report.findings)):
        longest = max(len(str(ws.cell(row=row, column=c).value or "")) for c in (5, 6))
        assert ws.row_dimensions[row].height >= 15 * -(-longest // 30)  # 30 wide characters a line at width 60
    assert all(book[name].print_title_rows.replace("$", "") == "1:1" for name in ("区县", "工作亮点"))
