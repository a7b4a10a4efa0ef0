"""A template is a workbook a clerk can fill: headers, notes, drop-downs, formats, protection, 说明."""

import pytest
from openpyxl import load_workbook

from nbreport.checks import AWARD_CATEGORIES
from nbreport.schema import QUALIFIERS
from nbreport.submit import PARTS
from nbreport.submit.parts import DISTRICTS, read_stamp
from tests.submit.workbooks import template

HEADERS = {
    "district": {"区县": ["区县名称", "简介"], "工作亮点": ["序号", "标题（加粗引语）", "内容"]},
    "awards": {"获奖项目": ["奖励类别", "项目名称", "主要完成单位", "主要完成人员"]},
    "incubators": {"孵化器": ["序号", "科技企业孵化器名称", "依托机构名称"]},
    "chronology": {"大事记": ["日期", "事件"]},
    "indicators": {"指标": ["指标", "年份", "数值", "单位", "限定词", "来源"]},
}


def headers(ws):
    return [cell.value for cell in ws[1] if cell.value is not None]


def list_validations(ws):
    """Return column letter → the values its drop-down offers."""
    lists = ws.parent["选项"]
    found = {}
    for validation in ws.data_validations.dataValidation:
        if validation.type == "list":
            sheet, _, cells = validation.formula1.partition("!")
            values = [c.value for row in lists[cells.replace("$", "")] for c in row]
            found[str(validation.sqref).split(":")[0].rstrip("0123456789")] = values
    return found


@pytest.mark.parametrize("part", list(PARTS))
def test_each_part_has_its_sheets_headers_and_a_guide(tmp_path, part):
    book = load_workbook(template(tmp_path, part, 2024))
    assert book.sheetnames == ["说明", *HEADERS[part], "选项"]
    assert {name: headers(book[name]) for name in HEADERS[part]} == HEADERS[part]
    assert book["选项"].sheet_state == "hidden"
    assert "填写说明" in book["说明"]["A1"].value and "2024" in book["说明"]["A1"].value
    assert read_stamp(book.properties.keywords) == (part, 2024)


@pytest.mark.parametrize("part", list(PARTS))
def test_headers_are_locked_data_cells_unlocked_and_frozen(tmp_path, part):
    book = load_workbook(template(tmp_path, part))
    for name in HEADERS[part]:
        ws = book[name]
        assert ws.protection.sheet and ws.freeze_panes == "A2"
        assert all(cell.protection.locked for cell in ws[1] if cell.value)
        assert not any(cell.protection.locked for cell in ws[2][: len(HEADERS[part][name])])
        assert all(cell.comment and cell.comment.text.startswith(cell.value) for cell in ws[1] if cell.value)


def test_closed_lists_are_drop_downs(tmp_path):
    assert list_validations(load_workbook(template(tmp_path, "district"))["区县"]) == {"A": list(DISTRICTS)}
    assert list_validations(load_workbook(template(tmp_path, "awards"))["获奖项目"]) == {"A": list(AWARD_CATEGORIES)}
    assert list_validations(load_workbook(template(tmp_path, "indicators"))["指标"]) == {"E": list(QUALIFIERS)}


def test_number_formats_keep_dates_as_typed_and_numbers_as_numbers(tmp_path):
    book = load_workbook(template(tmp_path, "indicators"))
    assert [c.number_format for c in book["指标"][2]] == ["@", "0", "General", "@", "@", "@"]
    # 日期 is text: Excel must not turn 5月17日 into a date serial.
    assert load_workbook(template(tmp_path, "chronology"))["大事记"]["A2"].number_format == "@"


def test_every_column_shows_its_note_when_selected(tmp_path):
    ws = load_workbook(template(tmp_path, "awards"))["获奖项目"]
    prompts = {str(v.sqref)[0]: v.prompt for v in ws.data_validations.dataValidation}
    assert set(prompts) == {"A", "B", "C", "D"} and "顿号" in prompts["C"]


@pytest.mark.parametrize("part", list(PARTS))
def test_a_template_holds_no_formula_cell(tmp_path, part):
    from tests.submit.test_annotate import formulas

    assert formulas(template(tmp_path, part)) == []


@pytest.mark.parametrize("part", list(PARTS))
def test_every_validation_covers_the_whole_column_below_the_header(tmp_path, part):
    book = load_workbook(template(tmp_path, part))
    for name in HEADERS[part]:
        ranges = [str(v.sqref) for v in book[name].data_validations.dataValidation]
        assert ranges and all(r.endswith("1048576") and r[1:].startswith("2:") for r in ranges), ranges


def test_the_district_can_be_pre_filled(tmp_path):
    from nbreport.submit import write_template

    book = load_workbook(write_template("district", 2024, tmp_path / "镇海区.xlsx", district="镇海区"))
    assert book["区县"]["A2"].value == "镇海区" and book["区县"]["B2"].value is None


@pytest.mark.parametrize(("part", "name"), [("district", "镇海"), ("district", "杭州市"), ("awards", "镇海区")])
def test_an_unknown_district_or_a_part_without_one_is_refused(tmp_path, part, name):
    from nbreport.submit import write_template
    from nbreport.submit.template import TemplateError

    with pytest.raises(TemplateError) as refused:
        write_template(part, 2024, tmp_path / "t.xlsx", district=name)
    assert refused.value.finding.code == "E-TEMPLATE-DISTRICT" and not (tmp_path / "t.xlsx").exists()


def test_the_cli_pre_fills_the_district_and_refuses_an_unknown_one(tmp_path, capsys):
    from nbreport.cli import main

    assert main(["template", "district", "--year", "2024", "--district", "镇海区", "-o", str(tmp_path / "a.xlsx")]) == 0
    assert load_workbook(tmp_path / "a.xlsx")["区县"]["A2"].value == "镇海区"
    assert main(["template", "district", "--year", "2024", "--district", "镇海", "-o", str(tmp_path / "b.xlsx")]) == 2
    assert "不认识的区县“镇海”" in capsys.readouterr().err and not (tmp_path / "b.xlsx").exists()


@pytest.mark.parametrize("part", list(PARTS))
def test_every_sheet_prints_one_page_wide_with_its_header_repeated(tmp_path, part):
    book = load_workbook(template(tmp_path, part))
    for name in HEADERS[part]:
        ws = book[name]
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows.replace("$", "") == "1:1"
    guide = book["说明"]
    assert guide.sheet_properties.pageSetUpPr.fitToPage and guide.page_setup.fitToWidth == 1
    assert all(guide.row_dimensions[row].height for row in range(1, guide.max_row + 1))
