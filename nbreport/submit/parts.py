"""The parts of a report that arrive as Excel submissions: sheets, columns, types, closed lists, notes.

One definition drives the template, the reader and the checks, so a column is defined once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..text import parse_int
from ..checks.awards import AWARD_CATEGORIES
from ..schema.indicators import QUALIFIERS

FieldType = Literal["text", "paragraphs", "int", "year", "number", "date", "list", "choice"]

DISTRICTS: tuple[str, ...] = (
    "海曙区", "江北区", "镇海区", "北仑区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县",
)
GUIDE_SHEET = "说明"
LISTS_SHEET = "选项"
SUMMARY_SHEET = "问题汇总"
# Sheets nbreport itself adds; never reported as extra.
OWN_SHEETS = (GUIDE_SHEET, LISTS_SHEET, SUMMARY_SHEET)


@dataclass(frozen=True, slots=True)
class Field:
    """Describe one column: its header, cell type, closed list, whether it is required, a note for the clerk.

    ``strict`` False leaves an unknown choice to the dataset rules (award categories
    can be extended in report.yaml), so the drop-down only warns.
    """

    name: str
    note: str
    type: FieldType = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    strict: bool = True
    aliases: tuple[str, ...] = ()
    width: float = 24

    @property
    def example(self) -> str:
        """Return an example of what the column takes ("" for free text): shown in E-CELL-TYPE's hint."""
        return {"int": "1、2、3", "year": "2024", "number": "7014、3.1", "date": "5月22日、11月下旬"}.get(self.type, "")

    @property
    def number_format(self) -> str:
        """Return the Excel number format: whole numbers for 序号/年份, General for values, text otherwise."""
        return {"int": "0", "year": "0", "number": "General"}.get(self.type, "@")


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """Describe one sheet: its name, columns, how many rows the template opens, and its key."""

    name: str
    fields: tuple[Field, ...]
    capacity: int = 500
    single: bool = False
    unique: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        """Return the column called ``name``; raise KeyError if the sheet has none."""
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Return the column headers in order."""
        return tuple(field.name for field in self.fields)


@dataclass(frozen=True, slots=True)
class Part:
    """Describe one kind of submission: its name on the command line, title, sheets and instructions."""

    name: str
    title: str
    sheets: tuple[SheetSpec, ...]
    guide: tuple[str, ...]

    def sheet(self, name: str) -> SheetSpec:
        """Return the sheet called ``name``; raise KeyError if the part has none."""
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


_SEQ = Field("序号", "从 1 开始逐行编号：1、2、3……", type="int", aliases=("编号", "序"), width=8)

DISTRICT = Part(
    "district", "区（县、市）科技创新工作",
    (
        SheetSpec("区县", (
            Field("区县名称", "从下拉列表选择本区（县、市）", type="choice", choices=DISTRICTS,
                  aliases=("区县", "区（县、市）", "地区"), width=14),
            Field("简介", "本区县年度科技创新工作综述；可写多段，段与段之间按 Alt+Enter 换行",
                  type="paragraphs", aliases=("概述", "综述", "导语"), width=90),
        ), capacity=1, single=True),
        SheetSpec("工作亮点", (
            _SEQ,
            Field("标题（加粗引语）", "加粗显示的一句话引语，以句号结尾，如：持续推进科技创新体系建设。",
                  aliases=("标题", "引语", "加粗引语"), width=30),
            Field("内容", "引语之后的正文，写成一段，不要换行", aliases=("正文", "具体内容"), width=90),
        ), capacity=50, unique=("标题（加粗引语）",)),
    ),
    (
        "“区县”表只填一行：区县名称从下拉列表选择，简介写本区县一年科技创新工作的总体情况。",
        "“工作亮点”表每行一条，对应报告中以 ▶ 开头的一段：标题是加粗的引语（以句号结尾），内容是其后的正文。",
        "每个区县单独报送一个文件，不要把两个区县写在同一文件里。",
    ),
)

AWARDS = Part(
    "awards", "科学技术奖获奖项目",
    (
        SheetSpec("获奖项目", (
            Field("奖励类别", "从下拉列表选择，如 宁波市科学技术进步一等奖；同一类别的每一行都要填写",
                  type="choice", choices=AWARD_CATEGORIES, strict=False, aliases=("类别", "奖项", "获奖等级"), width=26),
            Field("项目名称", "获奖项目的完整名称", aliases=("项目", "名称"), width=40),
            Field("主要完成单位", "多个单位用顿号“、”分隔", type="list", aliases=("完成单位", "单位"), width=40),
            Field("主要完成人员", "多人用顿号“、”分隔；中文姓名中间不加空格（李晔，不写李 晔）",
                  type="list", aliases=("完成人员", "主要完成人", "完成人"), width=40),
        )),
    ),
    (
        "每行一个获奖项目；奖励类别即使与上一行相同也要填写（不要合并单元格）。",
        "多个单位或人员之间用顿号“、”分隔。",
    ),
)

INCUBATORS = Part(
    "incubators", "科技企业孵化器名单",
    (
        SheetSpec("孵化器", (
            _SEQ,
            Field("科技企业孵化器名称", "孵化器的完整名称", aliases=("孵化器名称", "名称"), width=40),
            Field("依托机构名称", "运营该孵化器的单位全称", aliases=("依托机构", "运营机构", "依托单位"), width=40),
        ), unique=("科技企业孵化器名称",)),
    ),
    ("每行一个孵化器，序号从 1 开始；并入数据集时序号会接在已有名单之后。",),
)

CHRONOLOGY = Part(
    "chronology", "大事记",
    (
        SheetSpec("大事记", (
            Field("日期", "如 5月17日、5月22—24日、11月下旬、12月；也可以填 Excel 日期或 2024年5月17日",
                  type="date", aliases=("时间", "日期（月日）"), width=16),
            Field("事件", "发生了什么，写成一段", aliases=("内容", "事项", "大事"), width=90),
        ), unique=("事件",)),
    ),
    ("每行一件事；日期必须在报告年度内。行的先后不限，并入时按日期排序。",),
)

INDICATORS = Part(
    "indicators", "主要指标",
    (
        SheetSpec("指标", (
            Field("指标", "指标名称，如 高新技术企业数", aliases=("指标名称", "名称"), width=30),
            Field("年份", "四位年份，如 2024", type="year", aliases=("年度",), width=10),
            Field("数值", "只填数字，如 7014、888.04；单位和“约”“超”等写在后面两列", type="number",
                  aliases=("数据", "值"), width=14),
            Field("单位", "如 家、亿元、%；没有单位留空", required=False, width=10),
            Field("限定词", "原文中的“突破”“超”“约”等，从下拉列表选择；没有则留空", type="choice",
                  choices=QUALIFIERS, required=False, aliases=("修饰词", "限定"), width=10),
            Field("来源", "出处，如 文件名或网址；可留空", required=False, aliases=("出处", "数据来源"), width=30),
        ), unique=("指标", "年份")),
    ),
    ("每行一个指标在一个年份的数值；数值只填数字，单位和限定词分列填写，不要四舍五入改动原文数字。",),
)

PARTS: dict[str, Part] = {part.name: part for part in (DISTRICT, AWARDS, INCUBATORS, CHRONOLOGY, INDICATORS)}

_STAMP = "nbreport"


def stamp(part: Part, year: int) -> str:
    """Return the mark a template carries in its keywords, so the reader knows its part and year."""
    return f"{_STAMP};part={part.name};year={year}"


def read_stamp(keywords: str | None) -> tuple[str | None, int | None]:
    """Return the (part name, year) recorded by ``stamp``; None for what is not recorded."""
    fields = dict(item.partition("=")[::2] for item in (keywords or "").split(";") if "=" in item)
    if _STAMP not in (keywords or "").split(";"):
        return None, None
    year = fields.get("year", "")
    return fields.get("part") or None, parse_int(year)
