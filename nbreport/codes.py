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
                        "改为正确的类型，例如序号填 1、2、3。", "Use the right type, e.g. 1, 2, 3 for 序号."),
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
    # (codes of this area, kept together)
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
    "W-INIT-YEAR": Code("warning", "新数据集沿用了年份 {value}，未自动改动", "The new dataset keeps the year {value}; it was not changed",
                        "确认该年份对新年度是否仍然正确（例如规划名称中的年份），需要时手工修改。",
                        "Check whether the year is still right for the new report; edit it by hand if not."),
    "W-FILE-UNUSED": Code("warning", "数据集中的文件 {path} 没有被 report.yaml 或任何正文引用，不会出现在报告中",
                          "The file {path} is not referred to by report.yaml or any chapter; it is not in the report",
                          "如需使用，在 report.yaml（章节、附录、大事记）或正文的 ```table/```figure 中引用它；否则移到 notes/ 目录或删除。",
                          "Refer to it from report.yaml or a ```table/```figure block, or move it to notes/ or delete it."),
    # == figures: indicators, templates, consistency ==
    "E-TEMPLATE-SYNTAX": Code("error", "正文模板语法错误：{detail}", "Template syntax error in the text: {detail}",
                              "检查 {{ 与 }} 是否成对、函数名与引号是否写对，例如 {{ 指标(\"高新技术企业数\") }}。",
                              "Check that {{ and }} pair up and the call is spelled right, e.g. {{ 指标(\"高新技术企业数\") }}."),
    "E-TEMPLATE-INDICATOR": Code("error", "正文引用的指标不存在：{name}", "The text refers to an unknown indicator: {name}",
                                 "核对指标名称，或在 indicators.csv 中加入该指标（别名写在“别名”列）。",
                                 "Check the name, or add the indicator (or an alias) to indicators.csv."),
    "E-TEMPLATE-YEAR": Code("error", "指标“{name}”没有 {year} 年的数值", "The indicator {name} has no value for {year}",
                            "在 indicators.csv 中补上该年的数值，或改正模板中的年份。",
                            "Add the year's value to indicators.csv, or correct the year in the template."),
    "E-TEMPLATE-AMBIGUOUS": Code("error", "指标“{name}”{year} 年有不同的数值（{values}），模板无法选择",
                                 "The indicator {name} has differing values for {year} ({values}); the template cannot choose",
                                 "在 indicators.csv 中核实并只保留一个数值，或在正文中照原文直接书写该数字。",
                                 "Settle on one value in indicators.csv, or write the figure literally in the text."),
    "E-TEMPLATE-DERIVED": Code("error", "无法由指标“{name}”计算 {year} 年的派生数值（缺少上一年、为零或单位不同）",
                               "Cannot derive a figure from {name} for {year} (a year missing, a zero, or different units)",
                               "检查两年（或两个指标）的数值和单位是否都已录入且一致。",
                               "Check both years (or both indicators) are present, non-zero and in the same unit."),
    "E-TEMPLATE-FILTER": Code("error", "正文模板的过滤器或参数有误：{detail}", "Bad filter or argument in a template: {detail}",
                              "可用的过滤器：数值、无限定、位数(n)、换算(\"万\")；见用户指南“指标与模板”。",
                              "Filters: 数值, 无限定, 位数(n), 换算(\"万\"); see the guide's figures page."),
    "E-TEMPLATE-UNSAFE": Code("error", "正文模板中有不允许的操作：{detail}", "A template attempts something not allowed: {detail}",
                              "模板只能调用 指标、增幅、年均增速、占比、排名 和过滤器，不能访问属性或做大运算。",
                              "Templates may only call the figure functions and filters; no attributes, no large arithmetic."),
    "E-TEMPLATE-UNDEFINED": Code("error", "正文模板使用了未定义的名称：{detail}", "A template uses an undefined name: {detail}",
                                 "可用的函数：指标、增幅、年均增速、占比、排名；文字中的 {{ 若不是模板，请去掉 templates: true。",
                                 "Functions: 指标, 增幅, 年均增速, 占比, 排名; if {{ is plain text, turn templates off."),
    "W-FIGURE-CONTRADICTS": Code("warning", "正文写的“{typed}”与指标“{name}”{year} 年的数值（{expected}）不一致",
                                 "The text says {typed}, but the indicator {name} for {year} is {expected}",
                                 "核对原始材料：改正正文，或改正 indicators.csv；最好用 {{ 指标(\"…\") }} 引用指标，只写一次。",
                                 "Check the source; correct the text or indicators.csv, or better print it with a {{ 指标(...) }} reference."),
    "W-FIGURE-LITERAL": Code("warning", "正文直接写了指标“{name}”{year} 年的数值“{typed}”，本文件已启用模板，应改为引用",
                             "The text types {typed}, the {year} value of {name}, in a file that uses templates; refer to it instead",
                             "改写为 {{ 指标(\"{name}\") }}（非本年度加 年份=…），数值只在 indicators.csv 中写一次。",
                             "Write {{ 指标(\"{name}\") }} (with 年份=... for another year), so the figure is stated once."),
    "W-FIGURE-TABLE-CONTRADICTS": Code("warning", "表格合计行的“{typed}”与指标“{name}”{year} 年的数值（{expected}）不一致",
                                       "The table's total {typed} contradicts the indicator {name} for {year} ({expected})",
                                       "核对表格合计与 indicators.csv，改正有误的一方。",
                                       "Check the table's total against indicators.csv and correct the wrong one."),
    "E-INDICATOR-ALIAS": Code("error", "别名“{alias}”不能用于指标“{name}”：它已是指标“{other}”的名称或别名",
                              "The alias {alias} of {name} already names the indicator {other}",
                              "每个别名只能指向一个指标，且不能与其他指标的名称相同；删去或改写其中一个。",
                              "An alias may name one indicator only and not another indicator's name; remove or reword one."),
    "E-INDICATOR-UNIT": Code("error", "指标“{name}”的单位不一致：此行为“{unit}”，前面的行为“{first}”",
                             "The indicator {name} is stated in {unit} here but in {first} above",
                             "同一指标各年份用同一单位（例如都用 亿元），换算后再填。",
                             "State every year of an indicator in one unit (convert first)."),
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
