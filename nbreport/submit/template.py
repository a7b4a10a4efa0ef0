"""Write the Excel template of one part: a sheet per table, drop-downs, notes, protected headers, a 说明 sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .. import codes
from ..findings import Finding, Location
from ..load.safe_cells import set_text
from ..render.atomic import atomic_path
from .parts import DISTRICTS, GUIDE_SHEET, LISTS_SHEET, PARTS, Field, Part, SheetSpec, stamp
from .printing import fit_to_page, wrapped_height

_LAST_ROW = 1_048_576  # Excel's last row
NOTE_AUTHOR = "填写说明"  # not "nbreport": annotate.py removes its own earlier comments by that author
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="8EA9DB")
_COMMON_GUIDE = (
    "请只在各工作表表头下方的空白行中填写；表头（第 1 行）已锁定，不要修改列名、不要删除或重命名工作表。",
    "选中单元格时会显示该列的填写要求；带下拉箭头的列请从列表中选择。",
    "一行填一条记录；不要合并单元格，不要插入小计行或说明行。",
    "数字可以直接输入（全角数字也能识别），不要在数字里写单位或“约”“超”等字样。",
    "文件请保存为 Excel 工作簿（.xlsx），不要设置打开密码。",
    "提交前可让报告编辑运行 nbreport validate 校验；有问题时会返回一份标出错误单元格的文件，按批注修改即可。",
)


class TemplateError(ValueError):
    """Carry the finding that stops a template from being written (an unknown district)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(f"{finding.message}。{finding.hint}")
        self.finding = finding


def write_template(part: Part | str, year: int, target: str | Path, district: str | None = None) -> Path:
    """Write the template workbook of ``part`` for report ``year`` to ``target`` (atomically); return the path.

    ``district`` (district part only) is typed into 区县名称 already; an unknown name raises TemplateError.
    """
    part = PARTS[part] if isinstance(part, str) else part
    if district is not None:
        _check_district(part, district)
    book = Workbook()
    guide = book.worksheets[0]
    guide.title = GUIDE_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    ranges = _write_lists(lists, part)
    for spec in part.sheets:
        _write_sheet(book.create_sheet(spec.name), spec, ranges)
    if district is not None:
        set_text(book["区县"]["A2"], district)
    book.move_sheet(lists, offset=len(book.sheetnames))
    _write_guide(guide, part, year)
    book.properties.title = f"{year}年度{part.title}报送表"
    book.properties.subject = part.title
    book.properties.creator = "nbreport"
    book.properties.keywords = stamp(part, year)
    book.active = 0
    target = Path(target)
    with atomic_path(target) as temporary:
        book.save(temporary)
    return target


def _write_lists(ws: Worksheet, part: Part) -> dict[str, str]:
    """Write each closed list into a column of the hidden 选项 sheet; return field name → range formula.

    A list typed into the validation itself may not exceed 255 characters; the award categories do.
    """
    ranges: dict[str, str] = {}
    column = 0
    for spec in part.sheets:
        for field in spec.fields:
            if not field.choices or field.name in ranges:
                continue
            column += 1
            letter = get_column_letter(column)
            set_text(ws.cell(row=1, column=column), field.name).font = Font(bold=True)
            for row, choice in enumerate(field.choices, start=2):
                set_text(ws.cell(row=row, column=column), choice)
            ranges[field.name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(field.choices) + 1}"
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return ranges


def _write_sheet(ws: Worksheet, spec: SheetSpec, ranges: dict[str, str]) -> None:
    last = spec.capacity + 1
    for column, field in enumerate(spec.fields, start=1):
        letter = get_column_letter(column)
        header = set_text(ws.cell(row=1, column=column), field.name)
        header.font = Font(bold=True)
        header.fill = _HEADER_FILL
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
        header.comment = Comment(_note(field), NOTE_AUTHOR, height=120, width=260)
        ws.column_dimensions[letter].width = field.width
        wrap = field.type in ("text", "paragraphs", "list")
        for row in range(2, last + 1):
            cell = ws.cell(row=row, column=column)
            cell.number_format = field.number_format
            cell.protection = Protection(locked=False)
            cell.alignment = Alignment(vertical="top", wrap_text=wrap)
        validation = _validation(field, ranges.get(field.name))
        validation.add(f"{letter}2:{letter}{_LAST_ROW}")  # the whole column: rows a clerk appends get it too
        ws.add_data_validation(validation)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    fit_to_page(ws, landscape=sum(field.width for field in spec.fields) > 100)
    # Protect the header only: data cells are unlocked; rows may be added, removed, resized.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.insertRows = False
    ws.protection.deleteRows = False


def _note(field: Field) -> str:
    return f"{field.name}（{'必填' if field.required else '选填'}）：{field.note}"


def _validation(field: Field, choices: str | None) -> DataValidation:
    """Return the data validation of a column: a drop-down, a number range, or only the input note."""
    validation = _rule(field, choices)
    validation.allow_blank = validation.showInputMessage = validation.showErrorMessage = True
    validation.promptTitle, validation.prompt = field.name[:32], field.note[:255]
    validation.errorTitle = field.name[:32]
    return validation


def _rule(field: Field, choices: str | None) -> DataValidation:
    if choices:
        # Unknown award categories may be declared in report.yaml: warn there, stop elsewhere.
        return DataValidation(type="list", formula1=choices, errorStyle="stop" if field.strict else "warning",
                              error="请从下拉列表中选择。")
    if field.type == "int":
        return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1", error="请填写正整数。")
    if field.type == "year":
        return DataValidation(type="whole", operator="between", formula1="1949", formula2="2100",
                              error="请填写四位年份，如 2024。")
    if field.type == "number":
        return DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                              errorStyle="warning", error="请只填数字；单位和“约”“超”等写在后面的列中。")
    return DataValidation()


def _write_guide(ws: Worksheet, part: Part, year: int) -> None:
    lines: list[tuple[str, bool]] = [(f"{year}年度{part.title} 报送表 填写说明", True), ("", False)]
    lines += [(f"{number}. {text}", False) for number, text in enumerate(part.guide + _COMMON_GUIDE, start=1)]
    for spec in part.sheets:
        lines += [("", False), (f"工作表“{spec.name}”的各列：", True)]
        lines += [(f"  · {_note(field)}", False) for field in spec.fields]
    ws.column_dimensions["A"].width = 110
    for row, (text, bold) in enumerate(lines, start=1):
        cell = set_text(ws.cell(row=row, column=1), text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(bold=bold, size=14 if row == 1 else 11)
        ws.row_dimensions[row].height = wrapped_height([(text, ws.column_dimensions["A"].width)])
    fit_to_page(ws, landscape=False)
    ws.protection.sheet = True


def _check_district(part: Part, name: str) -> None:
    if part.name != "district" or name not in DISTRICTS:
        known = "、".join(DISTRICTS) if part.name == "district" else "（只有 district 报送表有区县名称）"
        raise TemplateError(codes.make("E-TEMPLATE-DISTRICT", Location(path="--district"), value=name, known=known))
