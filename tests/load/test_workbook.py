"""One bounded reader: a workbook reads the same whether it is a dataset table or a submission."""

import datetime as dt
import tracemalloc

import pytest
from openpyxl import Workbook, load_workbook

from nbreport.load.raw import TableReadError
from nbreport.load.xlsx import read_xlsx
from nbreport.submit import validate_submission, write_annotated
from nbreport.submit.annotate import AnnotateError
from tests.submit.workbooks import district, filled


def book_with(path, rows, edit=None):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    if edit:
        edit(book.active)
    book.save(path)
    return path


def merge_everything(path, title):
    """Rewrite sheet ``title`` of the workbook at ``path`` so it declares one merged range over the whole sheet.

    Written into the XML directly: openpyxl itself would create two million cells to do it.
    """
    import zipfile

    book = load_workbook(path, read_only=True)
    part = book[title]._worksheet_path.lstrip("/")
    book.close()
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[part] = members[part].replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def codes_at(findings):
    return [(f.code, str(f.where)) for f in findings]


def test_merged_cells_give_every_row_the_value_of_their_first_cell(tmp_path):
    rows = [["奖励类别", "项目名称"], ["省科技进步一等奖", "甲"], [None, "乙"], [None, "丙"], ["省科技进步二等奖", "丁"]]
    path = book_with(tmp_path / "a.xlsx", rows, lambda ws: ws.merge_cells("A2:A4"))
    assert [row[0] for row in read_xlsx(path, "a.xlsx").rows] == ["省科技进步一等奖"] * 3 + ["省科技进步二等奖"]


@pytest.mark.parametrize(("value", "text"), [
    (dt.datetime(2023, 5, 17), "2023年5月17日"),
    (dt.date(2023, 12, 1), "2023年12月1日"),
    (3.0, "3"),
    ("第一行_x000D_\n第二行", "第一行\n第二行"),
    ("带_x005F_x000D_下划线", "带_x000D_下划线"),
    ("  两边空格  ", "两边空格"),
])
def test_cells_read_as_the_dataset_writes_them(tmp_path, value, text):
    path = book_with(tmp_path / "t.xlsx", [["名称", "值"], ["甲", value]])
    assert read_xlsx(path, "t.xlsx").rows == [["甲", text]]


def test_a_formula_without_its_result_is_a_finding_not_an_empty_cell(tmp_path):
    path = filled(tmp_path, "district", {"区县": [("鄞州区", "=CONCAT(\"简\",\"介\")")]})
    checked = validate_submission(path)
    assert ("E-XLSX-FORMULA", "district.xlsx '区县'!B2") in codes_at(checked.report.findings)
    assert "E-CELL-REQUIRED" not in checked.report.codes()


def test_a_hidden_extra_sheet_holding_data_is_a_warning_in_a_submission(tmp_path):
    path = filled(tmp_path, "district", district())
    book = load_workbook(path)
    ws = book.create_sheet("备用")
    ws["C4"] = "藏起来的数据"
    ws.sheet_state = "veryHidden"
    book.save(path)
    assert ("W-XLSX-HIDDEN", "district.xlsx '备用'!C4") in codes_at(validate_submission(path).report.findings)


def test_the_template_own_hidden_list_sheet_is_no_warning(tmp_path):
    assert validate_submission(filled(tmp_path, "district", district())).report.findings == []


def test_a_huge_number_in_a_submission_is_refused_at_its_cell(tmp_path):
    path = filled(tmp_path, "indicators", {"指标": [("研发投入", 2023, "1e99999999", "亿元", None, None)]})
    assert ("E-NUMBER-RANGE", "indicators.xlsx '指标'!C2") in codes_at(validate_submission(path).report.findings)


def test_a_used_range_bomb_is_annotated_within_bounded_memory(tmp_path):
    path = filled(tmp_path, "district", district(name="鄞州"))
    book = load_workbook(path)
    book.create_sheet("unused")["XFD1048576"] = "x"
    book.save(path)
    tracemalloc.start()
    try:
        target = write_annotated(path, validate_submission(path).report, tmp_path / "问题.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    summary = load_workbook(target)["问题汇总"]
    assert peak < 300 * 2**20 and "E-CELL-CHOICE" in [summary.cell(row=r, column=2).value for r in range(2, 5)]


def test_a_merged_range_the_size_of_a_sheet_is_refused_before_loading(tmp_path):
    path = filled(tmp_path, "district", district())
    book = load_workbook(path)
    book.create_sheet("unused")["A1"] = "x"
    book.save(path)
    merge_everything(path, "unused")
    with pytest.raises(AnnotateError) as refused:
        write_annotated(path, validate_submission(path).report, tmp_path / "问题.xlsx")
    assert refused.value.finding.code == "E-XLSX-CELLS" and not (tmp_path / "问题.xlsx").exists()


def test_a_dataset_sheet_with_a_cell_at_the_last_row_stops_with_a_finding(tmp_path):
    path = book_with(tmp_path / "t.xlsx", [["名称"], ["甲"]], lambda ws: ws.cell(row=1048576, column=16384, value="x"))
    tracemalloc.start()
    try:
        with pytest.raises(TableReadError) as stopped:
            read_xlsx(path, "t.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [f.code for f in stopped.value.findings] == ["E-XLSX-ROWS"] and peak < 100 * 2**20
