"""The catalogue of finding codes: severity, Chinese and English messages, fix hints.

Every finding the project produces is made here, so codes stay stable and every
message has both languages and a hint.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Location, Severity


@dataclass(frozen=True, slots=True)
class Code:
    """Describe one finding code: its severity, message templates and fix hint."""

    severity: Severity
    zh: str
    en: str
    hint_zh: str
    hint_en: str


CATALOGUE: dict[str, Code] = {
    "E-PATH-NOT-FOUND": Code("error", "找不到数据集或文件：{path}", "No such dataset or file: {path}",
                             "检查路径是否正确。", "Check the path."),
    "E-FILE-MISSING": Code("error", "引用的文件不存在：{path}", "Referenced file does not exist: {path}",
                           "检查文件名和相对路径（相对于引用它的文件）。", "Check the name and the relative path."),
    "E-PATH-ESCAPE": Code("error", "引用的路径在数据集目录之外：{path}", "Referenced path leaves the dataset folder: {path}",
                          "只能引用数据集目录内的文件；不要使用 ../ 跳出目录或指向目录外的符号链接。",
                          "Reference only files inside the dataset folder."),
    "E-FILE-ENCODING": Code("error", "文件不是 UTF-8 编码{detail}", "File is not UTF-8 encoded{detail}",
                            "用文本编辑器或 Excel “另存为” UTF-8 编码。", "Save the file as UTF-8."),
    "E-FILE-READ": Code("error", "无法读取文件：{detail}", "Cannot read file: {detail}",
                        "确认文件完整、未加密、格式与扩展名一致。", "Check the file is complete, not encrypted, and of its extension's format."),
    "E-YAML-SYNTAX": Code("error", "YAML 语法错误：{detail}", "YAML syntax error: {detail}",
                          "检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。", "Check indentation, colons and quotes."),
    "E-MD-FRONTMATTER": Code("error", "Markdown 文件开头缺少或写错了 --- 包围的 title 信息：{detail}",
                             "Markdown front matter missing or invalid: {detail}",
                             "文件第一行写 ---，随后 title: 标题，再一行 ---。", "Start the file with ---, title: ..., ---."),
    "E-MD-FENCE": Code("error", "代码块 ```{kind} 的内容有误：{detail}", "Fenced block ```{kind} is invalid: {detail}",
                       "figure 需要 caption；table 需要 file；case 需要在 ````case 后写标题。",
                       "figure needs caption; table needs file; case needs a title."),
    "E-MD-STRUCTURE": Code("error", "不支持的 Markdown 结构：{detail}", "Unsupported Markdown construct: {detail}",
                           "正文只用段落、## ### #### 标题、- 列表和 figure/table/case 代码块。",
                           "Use paragraphs, ##/###/#### headings, - lists and figure/table/case blocks."),
    "E-CSV-SYNTAX": Code("error", "CSV 格式错误：{detail}", "CSV format error: {detail}",
                         "每行的列数应与表头相同；含逗号的单元格用英文双引号包起来。",
                         "Every row needs as many cells as the header; quote cells containing commas."),
    "W-TABLE-EMPTY": Code("warning", "表格没有数据行：{table}", "Table has no rows: {table}",
                          "填写数据行，或从报告中删除该表。", "Fill in rows or remove the table."),
    "E-TABLE-COLUMN-MISSING": Code("error", "表格缺少必需的列“{column}”", "Table lacks required column “{column}”",
                                   "表头须包含：{expected}。", "The header must contain: {expected}."),
    "E-TABLE-COLUMN-UNKNOWN": Code("error", "未知的列“{column}”{suggestion}", "Unknown column “{column}”{suggestion}",
                                   "表头只能包含：{expected}。", "The header may contain only: {expected}."),
    "E-CELL-REQUIRED": Code("error", "必填单元格为空：“{column}”", "Required cell is blank: “{column}”",
                            "填写该单元格；合并单元格的值要在每一行都填写。", "Fill the cell; merged values go on every row."),
    "E-CELL-TYPE": Code("error", "单元格“{column}”应为{expected}，实际为“{value}”", "Cell “{column}” must be {expected}, got “{value}”",
                        "“{column}”列应填{expected}{example}。", "Column “{column}” takes {expected}{example}."),
    "E-SEQ-GAP": Code("error", "序号不连续：应为 {expected}，实际为 {value}", "序号 out of sequence: expected {expected}, got {value}",
                      "序号从 1 开始逐行加 1，不跳号、不重号。", "Number rows 1, 2, 3 without gaps or repeats."),
    "E-AWARD-CATEGORY": Code("error", "未知的奖励类别“{value}”", "Unknown award category “{value}”",
                             "奖励类别须为已知类别之一，如 省科技进步一等奖、宁波市科学技术进步二等奖；可在 report.yaml 的 award_categories 中增补。",
                             "Use a known category or add it to award_categories in report.yaml."),
    "E-AWARD-DUPLICATE": Code("error", "获奖项目重复：“{value}”与第 {other} 行相同", "Duplicate award row: “{value}” repeats row {other}",
                              "删除重复的行。", "Remove the duplicate row."),
    "W-NAME-SPACE": Code("warning", "人名中有多余空格：“{value}”，应为“{fixed}”", "Stray space in a person's name: “{value}” → “{fixed}”",
                         "删除中文姓名中的空格（外文姓名不受影响）。", "Remove spaces inside Chinese names."),
    "E-CHRONO-DATE": Code("error", "大事记日期有误：{detail}", "Invalid chronology date: {detail}",
                          "日期写作 5月17日、5月22—24日、11月下旬 或 12月，且须真实存在。",
                          "Write dates as 5月17日, 5月22—24日, 11月下旬 or 12月; they must exist."),
    "E-CHRONO-YEAR": Code("error", "大事记日期“{date}”不在报告年度 {year} 年内", "Chronology date “{date}” is outside the report year {year}",
                          "改正年份，或删除该事件。", "Fix the year or remove the event."),
    "E-CHRONO-MONTH": Code("error", "事件日期“{date}”属于 {month} 月，却被归在 {filed} 月", "Event dated “{date}” is filed under month {filed}",
                           "把该事件移到 {month} 月（月份由日期决定）。", "Move it to month {month}; the month comes from the date."),
    "E-CHRONO-ORDER": Code("error", "大事记未按日期排序：“{date}”排在“{previous}”之后", "Chronology out of order: “{date}” after “{previous}”",
                           "按日期先后排列事件。", "Sort events by date."),
    "E-TEXT-CONTROL": Code("error", "文本含有不可见控制字符 {chars}", "Text contains control characters {chars}",
                           "删除这些字符（常见于从网页或 PDF 复制的文本）。", "Delete them; they often come from copy-paste."),
    "W-TEXT-LONG": Code("warning", "文本过长（{length} 字），请检查是否漏了分段", "Very long text ({length} characters)",
                        "一段话通常不超过几百字；检查是否把多段合成了一段。", "Check for missing paragraph breaks."),
    "E-DUPLICATE-ID": Code("error", "重复的{what}“{value}”", "Duplicate {what} “{value}”",
                           "每个{what}只能出现一次。", "Each must appear once."),
    "E-SCHEMA-MISSING": Code("error", "缺少必填项“{field}”", "Missing required field “{field}”",
                             "补充该项。", "Add the field."),
    "E-SCHEMA-UNKNOWN": Code("error", "未知的字段“{field}”", "Unknown field “{field}”",
                             "检查拼写；可用字段见 `nbreport schema`。", "Check spelling; see `nbreport schema`."),
    "E-SCHEMA-VALUE": Code("error", "“{field}”的值不符合要求：{detail}", "Invalid value for “{field}”: {detail}",
                           "按数据格式说明改正。", "Fix it as the dataset format describes."),
    "E-RENDER": Code("error", "无法排版：{detail}", "Cannot lay out: {detail}",
                     "检查所指记录中的文本。", "Check the text of the named record."),
    # Excel submissions (nbreport.submit): reading the file
    "E-XLSX-NOT-EXCEL": Code("error", "不是 Excel 工作簿（.xlsx）{detail}", "Not an Excel workbook (.xlsx){detail}",
                             "用 Excel 或 WPS 打开后“另存为”Excel 工作簿（*.xlsx）再提交。",
                             "Open it in Excel or WPS and save as Excel Workbook (*.xlsx)."),
    "E-XLSX-XLS": Code("error", "这是旧版 Excel 97-2003 格式（.xls），无法读取", "This is the old Excel 97-2003 format (.xls)",
                       "用 Excel 或 WPS 打开，“另存为”Excel 工作簿（*.xlsx）后重新提交。",
                       "Save it as Excel Workbook (*.xlsx) and submit again."),
    "E-XLSX-ENCRYPTED": Code("error", "文件设置了打开密码（已加密），无法读取", "The file is password-protected (encrypted)",
                             "在 Excel 中依次点 文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存后再提交。",
                             "Remove the open password (File → Info → Protect Workbook → Encrypt with Password) and save."),
    "E-XLSX-TOO-LARGE": Code("error", "文件解压后过大（{size} MB，上限 {limit} MB）", "The file unpacks too large ({size} MB, limit {limit} MB)",
                             "报送表只需文字和数字：删除图片、多余的工作表和格式后再保存。",
                             "Remove pictures, extra sheets and formatting, then save again."),
    "E-XLSX-ROWS": Code("error", "工作表“{sheet}”超过 {limit} 行，已停止读取", "Sheet “{sheet}” has more than {limit} rows; reading stopped",
                        "删除多余的行（包括看似空白但带格式的行），或分成几个文件报送。",
                        "Delete unused rows (also blank formatted ones) or split the file."),
    "E-XLSX-PART": Code("error", "无法判断这是哪一种报送表{detail}", "Cannot tell which kind of submission this is{detail}",
                        "用 --part 指定：district、awards、incubators、chronology、indicators。",
                        "Name it with --part: district, awards, incubators, chronology or indicators."),
    "E-XLSX-SHEET-MISSING": Code("error", "缺少工作表“{sheet}”{suggestion}", "Sheet “{sheet}” is missing{suggestion}",
                                 "请使用下发的模板填写，不要删除或重命名其中的工作表。",
                                 "Fill in the template you were sent; do not delete or rename its sheets."),
    "W-XLSX-SHEET-RENAMED": Code("warning", "没有工作表“{sheet}”，已按工作表“{found}”读取", "No sheet “{sheet}”; read sheet “{found}” instead",
                                 "请把工作表名改回“{sheet}”。", "Rename the sheet back to “{sheet}”."),
    "W-XLSX-EXTRA-SHEET": Code("warning", "工作表“{sheet}”不属于本报送表，已忽略", "Sheet “{sheet}” is not part of this submission and was ignored",
                               "如其中有要报送的数据，请移到对应的工作表中。", "Move any data you meant to submit into the right sheet."),
    "W-XLSX-COLUMN-RENAMED": Code("warning", "列名“{column}”与模板不同，已按“{intended}”读取",
                                  "Column “{column}” differs from the template; read as “{intended}”",
                                  "请把列名改回“{intended}”。", "Rename the column back to “{intended}”."),
    "W-XLSX-EXTRA-COLUMN": Code("warning", "列“{column}”不属于本表，已忽略", "Column “{column}” is not part of this sheet and was ignored",
                                "本表的列为：{expected}。", "The sheet's columns are: {expected}."),
    "E-XLSX-ONE-ROW": Code("error", "工作表“{sheet}”只能填写一行，实际有 {count} 行", "Sheet “{sheet}” takes one row, found {count}",
                           "每个文件只报送一个区县；其他区县请各自填写一个文件。", "One district per file."),
    "E-XLSX-EMPTY": Code("error", "工作表“{sheet}”没有填写任何数据", "Sheet “{sheet}” has no data",
                         "在表头下方至少填写一行。", "Fill in at least one row under the header."),
    "W-XLSX-YEAR": Code("warning", "报送表是 {found} 年度的模板，而本次按 {year} 年度校验", "The template is for {found}, checked as {year}",
                        "确认填写的是 {year} 年度的数据；必要时重新下载模板。", "Make sure the data is for {year}."),
    "E-CELL-CHOICE": Code("error", "“{value}”不是“{column}”的可选值{suggestion}", "“{value}” is not an allowed “{column}”{suggestion}",
                          "从下拉列表中选择：{choices}。", "Choose from the drop-down list: {choices}."),
    # Merging submissions into a dataset
    "E-MERGE-DATASET": Code("error", "数据集本身有 {count} 个错误，未并入任何报送表", "The dataset has {count} error(s); nothing was merged",
                            "先运行 nbreport validate {path} 并改正这些错误。", "Run nbreport validate {path} and fix them first."),
    "E-MERGE-TARGET": Code("error", "不知道并入哪个文件：{detail}", "No file to merge into: {detail}",
                           "用 --target 指定数据集中的文件，例如 --target appendices/a2-municipal-progress-awards.csv。",
                           "Name the dataset file with --target."),
    "E-MERGE-CONFLICT": Code("error", "{what}“{value}”与 {other} 冲突", "{what} “{value}” conflicts with {other}",
                             "同一{what}只能报送一次：确认哪一份正确，删除另一处后再并入。",
                             "Report each once: keep the right one and remove the other."),
    "E-MERGE-INVALID": Code("error", "并入后数据集无法通过校验：{detail}", "The dataset would not validate after merging: {detail}",
                            "检查报送表中对应的内容（例如以 # 或 1. 开头的段落、星号）。",
                            "Check the submitted text (e.g. paragraphs starting with # or 1., asterisks)."),
    # == sheets: spreadsheets, CSV, submissions and merge ==
    "E-MERGE-WRITE": Code("error", "写入 {path} 失败，数据集中的文件均已恢复原样：{detail}",
                          "Writing {path} failed; every dataset file was put back as it was: {detail}",
                          "检查该文件及其所在目录是否可写、磁盘是否已满，然后重新并入。",
                          "Check that the file and its folder are writable and the disk is not full, then merge again."),
    "W-MERGE-NEAR-DUPLICATE": Code("warning", "大事记事件“{value}”与 {other} 的事件几乎相同，两条都会并入",
                                   "Event “{value}” is nearly the same as the one at {other}; both will be merged",
                                   "如是同一事件，删去其中一条（或改写使两者明显不同）后再并入。",
                                   "If it is the same event, remove one of them (or reword it) before merging."),
    "E-XLSX-FORMULA": Code("error", "单元格是公式，但文件中没有保存公式的计算结果", "The cell is a formula saved without its result",
                           "在 Excel 中打开并保存该文件（公式会算出结果），或把公式改为直接填写的值。",
                           "Open and save the file in Excel so the result is stored, or type the value instead of the formula."),
    "W-XLSX-HIDDEN": Code("warning", "{what}，已按正常数据读取", "{what}; read as ordinary data",
                          "取消隐藏后核对这些内容；不应报送的请删除。", "Unhide and check them; delete what should not be submitted."),
    "W-XLSX-FAR-CELLS": Code("warning", "单元格 {cell} 在第 {limit} 列以外，没有读取", "Cell {cell} lies beyond column {limit} and was not read",
                             "把数据移到表头所在的列中；不需要的内容请删除。", "Move the data into the header's columns, or delete it."),
    "E-XLSX-CELLS": Code("error", "工作簿中的单元格过多（{count} 个，上限 {limit} 个），无法生成标注副本",
                         "The workbook holds too many cells ({count}, limit {limit}) to write an annotated copy",
                         "删除不用的工作表和远处误填的单元格（按 Ctrl+End 查看），另存后重新校验。",
                         "Delete unused sheets and stray far-away cells (Ctrl+End shows them), save and validate again."),
    "E-NUMBER-RANGE": Code("error", "数字“{value}”无法使用：{detail}", "Number “{value}” cannot be used: {detail}",
                           "数字最多 15 位有效数字、绝对值小于 10 的 15 次方；请核对是否多打了位数或误写成科学计数法。",
                           "Use at most 15 significant digits and less than 10^15; check for typos or scientific notation."),
    "E-TEMPLATE-DISTRICT": Code("error", "不认识的区县“{value}”，无法预填模板", "Unknown district “{value}”; the template cannot be pre-filled",
                                "--district 只能是：{known}。", "--district must be one of: {known}."),
    "E-REPORT-PATH": Code("error", "标注报告不能写到 {path}：{detail}", "The annotated report cannot be written to {path}: {detail}",
                          "用 --report 指定数据集目录以外的新文件名，例如 问题标注.xlsx。",
                          "Give --report a new file name outside the dataset folder, e.g. issues.xlsx."),
    # == yaml: YAML, theme, API and command line ==
    # (codes of this area, kept together)
    # == markdown: Markdown constructs and editor checks ==
    # (codes of this area, kept together)
    # == checks: dates, names, glyphs, sizes and images ==
    # (codes of this area, kept together)
    # == document: composed document and renderers ==
    # (codes of this area, kept together)
    # == workflow: workflow: init, output folder, fonts ==
    # (codes of this area, kept together)
}


class Messages:
    """Make findings in one language from the catalogue."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = "en" if lang.startswith("en") else "zh"

    def finding(self, code: str, where: Location, **params: object) -> Finding:
        """Return the finding ``code`` at ``where`` with its message filled from ``params``."""
        entry = CATALOGUE[code]
        template, hint = (entry.en, entry.hint_en) if self.lang == "en" else (entry.zh, entry.hint_zh)
        values = _Defaults(params)
        return Finding(code=code, severity=entry.severity, where=where,
                       message=template.format_map(values), hint=hint.format_map(values), params=dict(params))

    def localise(self, finding: Finding) -> Finding:
        """Return ``finding`` with its message and hint in this language."""
        return self.finding(finding.code, finding.where, **finding.params)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def make(code: str, where: Location, **params: object) -> Finding:
    """Return a Chinese finding; the CLI re-makes it in English when asked."""
    return Messages("zh").finding(code, where, **params)
