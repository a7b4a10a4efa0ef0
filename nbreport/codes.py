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
    "E-SEQ-GAP": Code("error", "序号不连续：应为 {expected}，实际为 {value}", "row number “序号” out of sequence: expected {expected}, got {value}",
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
                          "大事记收录本年度的事件，以及次年 1 月的事件（写明年份，如 {next}年1月3日）；改正年份或删除该事件。",
                          "Record events of the report year and of the next January (written {next}年1月3日); fix the year or remove it."),
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
    "E-YAML-TOO-LARGE": Code("error", "YAML 文件过大（超过 {limit} 个字符）", "YAML file too large (over {limit} characters)",
                             "YAML 只放设置和文件清单；长文本写在 Markdown 文件中。", "Keep long text in Markdown files; YAML holds settings and file lists."),
    "E-YAML-DEPTH": Code("error", "YAML 嵌套超过 {limit} 层", "YAML nests deeper than {limit} levels",
                         "检查是否多写了括号或缩进，或锚点（&）引用了自身。", "Check for extra brackets or indentation, or an anchor (&) that refers to itself."),
    "E-YAML-NODES": Code("error", "YAML 内容展开后超过 {limit} 个条目", "YAML expands to more than {limit} items",
                         "不要层层嵌套使用锚点（&）和别名（*）；直接写出内容。", "Do not nest anchors (&) and aliases (*); write the content out."),
    "E-YAML-TAG": Code("error", "不支持的 YAML 标记 {tag}", "Unsupported YAML tag {tag}",
                       "删除以 ! 开头的标记；只能写文字、数字、true/false、列表和 键: 值。",
                       "Remove tags starting with !; use only text, numbers, true/false, lists and key: value."),
    "E-YAML-NUMBER": Code("error", "数字“{value}”过长或超出范围（最多 {limit} 位）", "Number “{value}” is too long or out of range (at most {limit} digits)",
                          "改正数字；若本意是文字，用引号括起来。", "Fix the number; quote it if it is meant as text."),
    "E-YAML-DUPLICATE-KEY": Code("error", "重复的键“{key}”（第 {first} 行已有）", "Duplicate key “{key}” (already on line {first})",
                                 "每个键只写一次；删除或合并重复的一项。", "Write each key once; remove or merge the repeat."),
    "E-PATH-NOT-DATASET": Code("error", "不是数据集目录：{path}", "Not a dataset folder: {path}",
                               "给出含 report.yaml 的目录（或该 report.yaml 文件）；validate 也接受 Report 对象。",
                               "Give the folder holding report.yaml (or that file); validate also takes a Report."),
    "E-THEME-PAGE-NUMBER": Code("error", "页码格式“{value}”无效", "Invalid page number format “{value}”",
                                "写作普通文字加一个 {{n}}，如 第{{n}}页 或 - {{n}} -；不能有其他花括号、格式或属性。",
                                "Write plain text with exactly one {{n}}, e.g. Page {{n}}; no other braces, format spec or attribute."),
    "E-THEME-COLOR": Code("error", "颜色“{value}”无效", "Invalid colour “{value}”",
                          "写作 6 位十六进制 RGB，如 1F4E79 或 \"#1F4E79\"（带 # 时加引号）。",
                          "Write six hex digits, e.g. 1F4E79 or \"#1F4E79\" (quoted when it starts with #)."),
    "E-THEME-MARGIN": Code("error", "页边距 {first} 与 {second} 合计 {total} 毫米，页面只有 {size} 毫米，正文区不足 {minimum} 毫米",
                           "Margins {first} and {second} add up to {total} mm on a {size} mm page, leaving under {minimum} mm for text",
                           "减小页边距（默认约 25 毫米）。", "Use smaller margins (about 25 mm by default)."),
    "E-THEME-SIZE": Code("error", "字号 {value} 磅超出范围（应大于 0、不超过 {limit} 磅）", "Font size {value} pt is out of range (above 0, at most {limit} pt)",
                         "写字号名（初号…小六）或合理的磅值，如 小四 或 12。", "Use a size name (初号…小六) or a sensible point size such as 12."),
    "E-THEME-SPACING": Code("error", "行距 {value} 超出范围（应大于 0、不超过 {limit} 倍）", "Line spacing {value} is out of range (above 0, at most {limit} times)",
                            "行距是字号的倍数，通常为 1.0–2.0。", "Line spacing is a multiple of the font size, usually 1.0–2.0."),
    "E-THEME-ZIHAO": Code("error", "未知字号“{value}”", "Unknown Chinese font size “{value}”",
                          "可用字号：初号 小初 一号 小一 二号 小二 三号 小三 四号 小四 五号 小五 六号 小六，或磅值（如 12）。",
                          "Use 初号 小初 一号 小一 二号 小二 三号 小三 四号 小四 五号 小五 六号 小六, or points (e.g. 12)."),
    "E-THEME-ROLE": Code("error", "未知样式名“{value}”", "Unknown style role “{value}”",
                         "可用样式名见版式主题说明，如 body、chapter.title、table.cell。",
                         "See the theme guide for the roles, e.g. body, chapter.title, table.cell."),
    # == markdown: Markdown constructs and editor checks ==
    # (codes of this area, kept together)
    "E-MD-INLINE": Code("error", "正文中有无法排版的 Markdown：{detail}", "Inline Markdown that cannot be typeset: {detail}",
                        "正文只支持文字和 **加粗**：插图用 ```figure 代码块，删除线 ~~…~~ 请改写或删除。",
                        "Body text has only text and **bold**: use a ```figure block for images; rewrite or remove ~~strike~~."),
    "W-MD-INLINE": Code("warning", "Markdown 标记不会印出，只保留文字：{detail}", "Markdown mark not printed, its text is kept: {detail}",
                        "报告正文只有加粗（**…**）；如需保留网址或强调，把它写成文字，否则删除该标记。",
                        "Report text has only bold (**…**); write a URL or emphasis as words, or remove the mark."),
    "W-STRUCT-NUMBERED": Code("warning", "标题“{title}”自带编号“{number}”，生成报告时会再编一次号",
                              "Title “{title}” carries its own number “{number}”; the report numbers it again",
                              "删除标题中的“{number}”：章、节的编号（第一章、第一节）由程序自动加上。",
                              "Remove “{number}”: chapters and sections are numbered automatically."),
    "W-STRUCT-EMPTY": Code("warning", "{what}“{title}”下没有内容", "{what} “{title}” has no content",
                           "在标题下写上正文，或删除这个空的{what}。", "Write its text or remove the empty heading."),
    "W-STRUCT-LEAD": Code("warning", "加粗引语“{lead}”没有以“。”结尾", "Bold lead-in “{lead}” does not end with “。”",
                          "把句号写在加粗里：**{fixed}**正文……", "Put the full stop inside the bold: **{fixed}**text…"),
    # == checks: dates, names, glyphs, sizes and images ==
    # (codes of this area, kept together)
    "E-CHRONO-DUPLICATE": Code("error", "大事记事件重复：{date}“{text}”与 {other} 相同", "Chronology event repeated: “{date}” “{text}” repeats {other}",
                               "删除重复的一行。", "Remove the repeated row."),
    "W-CHRONO-NEAR-DUPLICATE": Code("warning", "大事记疑似重复：{date}“{text}”与 {other} 的开头相同",
                                    "Chronology event may repeat: “{date}” “{text}” and {other} start alike",
                                    "确认是否为同一事件；是则删除较短的一条，否则补充区别。",
                                    "If it is the same event, remove the shorter one; otherwise tell them apart."),
    "W-NAME-INVISIBLE": Code("warning", "人名“{value}”中含有不可见字符或特殊空格 {chars}", "Person name “{value}” contains invisible or unusual spaces {chars}",
                             "重新输入该姓名，应为“{fixed}”（此类字符常见于从网页复制的文本，会使同名查不出）。",
                             "Retype the name as “{fixed}”; such characters often come from copy-paste and hide duplicates."),
    "E-TABLE-TOO-WIDE": Code("error", "表格有 {columns} 列，{page}页面排不下：最窄的列“{column}”只有 {width} 毫米，至少需要 {need} 毫米",
                             "Table has {columns} columns and does not fit the page: column “{column}” gets {width} mm, needs {need} mm",
                             "减少列数（拆成几张表），或作为附录横向排印（landscape: true），或缩短其他列的内容。",
                             "Use fewer columns (split the table), print it as a landscape appendix, or shorten other columns."),
    "E-TITLE-LONG": Code("error", "标题过长（{length} 字，上限 {limit} 字）", "Title too long ({length} characters, limit {limit})",
                         "缩短 meta 中的 {field}；输出文件以标题命名，过长的标题无法作为文件名。",
                         "Shorten meta.{field}; the output files are named after the title."),
    "E-TEXT-TOO-LONG": Code("error", "一段文字过长（{length} 字，上限 {limit} 字），无法排版", "Text too long to lay out ({length} characters, limit {limit})",
                            "把这段文字分成多段（段落之间空一行），或删去误粘贴的内容。",
                            "Split it into paragraphs (a blank line between them) or remove pasted-in content."),
    "E-TABLE-ROW-TALL": Code("error", "表格单元格“{column}”的内容过长（{length} 字），这一行超过一页，无法排版",
                             "Cell “{column}” is too long ({length} characters): its row is taller than a page",
                             "表格单元格只写简短内容；长的说明移到表格前后的正文中。",
                             "Keep cells short; move long explanations into the text around the table."),
    "E-CHART-DATA": Code("error", "{detail}", "Chart data cannot be drawn: {detail}",
                         "每个数据系列为每个类别给出一个数字（不写 NaN、inf 或空列表）；units 只为已有的系列写单位。",
                         "Give every series one number per category (no NaN, inf or empty lists); units only for existing series."),
    "E-IMAGE-READ": Code("error", "无法读取图片 {path}：{detail}", "Cannot read image {path}: {detail}",
                         "图片须为完整的 PNG（.png）或 JPEG（.jpg/.jpeg）文件；用看图软件打开后重新“另存为”。",
                         "Use a complete PNG (.png) or JPEG (.jpg/.jpeg) file; open it in an image viewer and save it again."),
    "E-IMAGE-TOO-LARGE": Code("error", "图片 {path} 过大（{detail}）", "Image {path} is too large ({detail})",
                              "把图片缩小到 4000 × 3000 像素以内（印刷用已足够）后再引用。",
                              "Scale it to at most 4000 × 3000 pixels, plenty for print."),
    "W-FIGURE-NO-IMAGE": Code("warning", "图“{caption}”还没有照片：排版时留出 {width} × {height} 毫米的虚线占位框",
                              "Figure “{caption}” has no image yet: the build leaves a dashed {width} × {height} mm frame for it",
                              "在该 figure 块中加一行 image: 照片文件的路径（数据集目录内的 PNG 或 JPEG），并把照片放进数据集；占位框的大小可用 width_mm、height_mm（毫米）调整。",
                              "Add image: <path of the photo inside the dataset> to the figure block and put the photo there; width_mm and height_mm (millimetres) size the frame."),
    "E-FIGURE-SIZE": Code("error", "图的占位尺寸有误：{detail}", "Figure frame size is invalid: {detail}",
                          "width_mm、height_mm 只写在尚无照片（没有 image、chart）的图中，且不超过版心；有了照片后删去这两项。",
                          "Give width_mm and height_mm only to a figure with no image or chart, within the text block; remove them once the photo is there."),
    "W-GLYPH-MISSING": Code("warning", "PDF 无法正确显示这些字符（所配置的字体都没有，或须组合显示的 emoji），会显示为方框或空白：{chars}",
                            "The PDF cannot show these characters (no configured font has them, or emoji that need shaping): {chars}",
                            "改用常用字或通行写法；确需使用时，在主题 fallback_fonts 中加入含这些字符的 TrueType 字体（如 生僻字 用 HanaMinB.ttf）。",
                            "Use common characters, or add a TrueType font that has them to the theme's fallback_fonts."),
    "W-TEXT-RTL": Code("warning", "文本含有从右向左书写的文字（希伯来文、阿拉伯文等），PDF 中会显示为倒序",
                       "Text contains right-to-left script (Hebrew, Arabic); the PDF prints it reversed",
                       "改用中文或拉丁字母转写；确需原文时，以图片形式插入。", "Use a transliteration, or insert the original as an image."),
    "E-TEXT-BIDI": Code("error", "文本含有改变书写方向的隐形控制字符 {chars}", "Text contains invisible bidi control characters {chars}",
                        "删除这些字符：它们会让显示的文字与实际内容不同（常见于从网页复制的文本）。",
                        "Delete them: they make the text display differently from what it says."),
    "E-HEADING-LONG": Code("error", "标题或图表题过长（{length} 字，上限 {limit} 字），无法排版", "Heading or caption too long ({length} characters, limit {limit})",
                           "缩短标题；较长的说明写在标题下的正文中。", "Shorten it; put the explanation in the text below."),
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
    "E-TEMPLATE-SYNTAX": Code("error", "正文模板语法错误：{detail}", "Template syntax error in the text: “{detail}”",
                              "检查 {{ 与 }} 是否成对、函数名与引号是否写对，例如 {{ 指标(\"高新技术企业数\") }}。",
                              "Check that {{ and }} pair up and the call is spelled right, e.g. {{ 指标(\"高新技术企业数\") }}."),
    "E-TEMPLATE-INDICATOR": Code("error", "正文引用的指标不存在：{name}", "The text refers to an unknown indicator: “{name}”",
                                 "核对指标名称，或在 indicators.csv 中加入该指标（别名写在“别名”列）。",
                                 "Check the name, or add the indicator (or an alias) to indicators.csv."),
    "E-TEMPLATE-YEAR": Code("error", "指标“{name}”没有 {year} 年的数值", "The indicator “{name}” has no value for {year}",
                            "在 indicators.csv 中补上该年的数值，或改正模板中的年份。",
                            "Add the year's value to indicators.csv, or correct the year in the template."),
    "E-TEMPLATE-AMBIGUOUS": Code("error", "指标“{name}”{year} 年有不同的数值（{values}），模板无法选择",
                                 "The indicator “{name}” has differing values for {year} (“{values}”); the template cannot choose",
                                 "在 indicators.csv 中核实并只保留一个数值，或在正文中照原文直接书写该数字。",
                                 "Settle on one value in indicators.csv, or write the figure literally in the text."),
    "E-TEMPLATE-DERIVED": Code("error", "无法由指标“{name}”计算 {year} 年的派生数值（缺少上一年、为零或单位不同）",
                               "Cannot derive a figure from “{name}” for {year} (a year missing, a zero, or different units)",
                               "检查两年（或两个指标）的数值和单位是否都已录入且一致。",
                               "Check both years (or both indicators) are present, non-zero and in the same unit."),
    "E-TEMPLATE-FILTER": Code("error", "正文模板的过滤器或参数有误：{detail}", "Bad filter or argument in a template: “{detail}”",
                              "可用的过滤器：数值、无限定、位数(n)、换算(\"万\")；见用户指南“指标与模板”。",
                              "Filters: 数值, 无限定, 位数(n), 换算(\"万\"); see the guide's figures page."),
    "E-TEMPLATE-UNSAFE": Code("error", "正文模板中有不允许的操作：{detail}", "A template attempts something not allowed: “{detail}”",
                              "模板只能调用 指标、增幅、年均增速、占比、排名 和过滤器，不能访问属性或做大运算。",
                              "Templates may only call the figure functions and filters; no attributes, no large arithmetic."),
    "E-TEMPLATE-UNDEFINED": Code("error", "正文模板使用了未定义的名称：{detail}", "A template uses an undefined name: “{detail}”",
                                 "可用的函数：指标、增幅、年均增速、占比、排名；文字中的 {{ 若不是模板，请去掉 templates: true。",
                                 "Functions: 指标, 增幅, 年均增速, 占比, 排名; if {{ is plain text, turn templates off."),
    "W-FIGURE-CONTRADICTS": Code("warning", "正文写的“{typed}”与指标“{name}”{year} 年的数值（{expected}）不一致",
                                 "The text says “{typed}”, but the indicator “{name}” for {year} is “{expected}”",
                                 "核对原始材料：改正正文，或改正 indicators.csv；最好用 {{ 指标(\"…\") }} 引用指标，只写一次。",
                                 "Check the source; correct the text or indicators.csv, or better print it with a {{ 指标(...) }} reference."),
    "W-FIGURE-LITERAL": Code("warning", "正文直接写了指标“{name}”{year} 年的数值“{typed}”，本文件已启用模板，应改为引用",
                             "The text types “{typed}”, the {year} value of “{name}”, in a file that uses templates; refer to it instead",
                             "改写为 {{ 指标(\"{name}\") }}（非本年度加 年份=…），数值只在 indicators.csv 中写一次。",
                             "Write {{ 指标(\"{name}\") }} (with 年份=... for another year), so the figure is stated once."),
    "W-FIGURE-TABLE-CONTRADICTS": Code("warning", "表格合计行的“{typed}”与指标“{name}”{year} 年的数值（{expected}）不一致",
                                       "The table's total “{typed}” contradicts the indicator “{name}” for {year} (“{expected}”)",
                                       "核对表格合计与 indicators.csv，改正有误的一方。",
                                       "Check the table's total against indicators.csv and correct the wrong one."),
    "E-INDICATOR-ALIAS": Code("error", "别名“{alias}”不能用于指标“{name}”：它已是指标“{other}”的名称或别名",
                              "The alias “{alias}” of “{name}” already names the indicator “{other}”",
                              "每个别名只能指向一个指标，且不能与其他指标的名称相同；删去或改写其中一个。",
                              "An alias may name one indicator only and not another indicator's name; remove or reword one."),
    "E-INDICATOR-UNIT": Code("error", "指标“{name}”的单位不一致：此行为“{unit}”，前面的行为“{first}”",
                             "The indicator “{name}” is stated in “{unit}” here but in “{first}” above",
                             "同一指标各年份用同一单位（例如都用 亿元），换算后再填。",
                             "State every year of an indicator in one unit (convert first)."),
    # == charts: charts drawn from the panel, the 数说 page ==
    "W-KEYFIG-NO-PANEL": Code("warning", "数说页的指标表还没有数值，本页暂不印出",
                              "The key-figures page has no indicator values yet, so it is left out",
                              "在 indicators.csv 中填入本年度的指标数值；不需要数说页时删去 report.yaml 中的 key_figures。",
                              "Fill in this year's values in indicators.csv, or remove key_figures from report.yaml."),
    # == limits: what is listed of one kind of problem ==
    "E-FINDINGS-MORE": Code("error", "从此处起，同一文件中另有 {count} 处 {kind} 错误未逐一列出（每种问题最多列出 {limit} 处）",
                            "{count} more {kind} errors in this file from here on are not listed (at most {limit} of a kind are)",
                            "同一文件中大量同类错误通常出自同一原因（整列为空、列错位、表头写错、文件不是本表）；改正后再校验，会列出余下的问题。",
                            "Many errors of one kind in one file usually have one cause (an empty or shifted column, a wrong header or file); fix it and validate again."),
    "W-FINDINGS-MORE": Code("warning", "从此处起，同一文件中另有 {count} 处 {kind} 警告未逐一列出（每种问题最多列出 {limit} 处）",
                            "{count} more {kind} warnings in this file from here on are not listed (at most {limit} of a kind are)",
                            "先按上面列出的警告核对；改正后再校验，会列出余下的警告。",
                            "Check the warnings listed above; fix them and validate again to see the rest."),
}


# Sub-messages: the text of a ``detail`` param, in both languages, made with ``detail(key, **params)``.
DETAILS: dict[str, tuple[str, str]] = {
    # == yaml: YAML, theme, API and command line ==
    "pydantic": ("{msg}（输入：{value}）", "{msg} (input: {value})"),
    "yaml.top_mapping": ("顶层应为 键: 值", "the top level must be key: value pairs"),
    "path.file": ("应为文件路径", "must be a file path"),
    "path.files": ("应为文件路径列表", "must be a list of file paths"),
    "list": ("应为列表", "must be a list"),
    "appendix.parts": ("应包含 title 和 table", "must have title and table"),
    "spec.unknown_keys": ("未知的键 {keys}", "unknown keys {keys}"),
    "spec.missing": ("缺少 {key}", "{key} is missing"),
    "spec.columns": ("{key} 应为本表的列名列表（本表的列：“{columns}”），实际为“{value}”",
                     "{key} must be a list of this table's column names (its columns: “{columns}”), not “{value}”"),
    "spec.kind": ("kind 应为 {kinds}", "kind must be one of {kinds}"),
    "chrono.format": ("日期“{text}”无法识别", "date “{text}” is not recognised"),
    "chrono.month": ("日期“{text}”的月份不存在", "date “{text}” names no such month"),
    "chrono.day": ("日期“{text}”不存在", "date “{text}” does not exist"),
    "chrono.reversed": ("日期“{text}”的起止日颠倒", "date “{text}” ends before it starts"),
    "chrono.leap": ("日期“{text}”不存在（{year} 年不是闰年）", "date “{text}” does not exist ({year} is not a leap year)"),
    # == checks: dates, names, glyphs, sizes and images ==
    "figure.with_picture": ("{key} 只用于尚无照片的图，本图已有 image 或 chart", "{key} sizes only a figure with no picture; this one has an image or a chart"),
    "figure.too_large": ("占位框 {width} × {height} 毫米，版面最多容纳 {room_width} × {room_height} 毫米",
                         "the frame is {width} × {height} mm, the page takes at most {room_width} × {room_height} mm"),
    "chart.categories": ("类别有 {count} 个，最多 {limit} 个", "{count} categories, at most {limit}"),
    "chart.series": ("数据系列有 {count} 个，最多 {limit} 个", "{count} series, at most {limit}"),
    "chart.length": ("系列“{name}”有 {values} 个数值，而类别有 {count} 个", "series “{name}” has {values} values for {count} categories"),
    "chart.value": ("系列“{name}”第 {index} 个数值“{value}”不是有效的数字", "value {index} of series “{name}”, “{value}”, is not a valid number"),
    "chart.units": ("units 中的“{name}”不是数据系列的名称", "“{name}” in units names no series"),
    # == sheets: spreadsheets, CSV, submissions and merge ==
    "sheet.hidden": ("工作表“{sheet}”是隐藏的（隐藏）", "sheet “{sheet}” is hidden"),
    "sheet.very_hidden": ("工作表“{sheet}”是隐藏的（深度隐藏）", "sheet “{sheet}” is very hidden"),
    "sheet.hidden_cells": ("隐藏的行或列中有数据", "hidden rows or columns hold data"),
    "sheet.hidden_cells_many": ("隐藏的行或列中有数据（共 {count} 处以上）", "hidden rows or columns hold data ({count} places or more)"),
    "number.infinite": ("不是有限的数", "not a finite number"),
    "number.digits": ("有效数字超过 {limit} 位", "more than {limit} significant digits"),
    "number.magnitude": ("数量级超出 10^±{limit}", "magnitude beyond 10^±{limit}"),
    "file.looks_pdf": ("（看起来是 PDF 文件）", " (it looks like a PDF file)"),
    "file.looks_html": ("（看起来是网页 HTML，常见于系统导出的“Excel”）", " (it looks like a web page, as systems often export “Excel”)"),
    "file.looks_text": ("（看起来是文本或 CSV 文件）", " (it looks like a text or CSV file)"),
    "image.kind": ("不是 PNG 或 JPEG 图片", "not a PNG or JPEG image"),
    "image.suffix": ("扩展名“{suffix}”与内容（{kind}）不符", "the extension “{suffix}” does not match the content ({kind})"),
    "image.damaged": ("文件不完整或已损坏", "the file is incomplete or damaged"),
    "image.pixels": ("{width} × {height} 像素，上限 {limit} 百万像素", "{width} × {height} pixels, the limit is {limit} megapixels"),
    "chrono.filed_month": ("月份“{text}”应为 1 到 12 的数字", "month “{text}” must be a number from 1 to 12"),
    # == markdown: Markdown constructs and editor checks ==
    "md.front_missing": ("缺少 --- 开头的 title", "no front matter with a title (a first line ---)"),
    "md.title_missing": ("缺少 title", "title is missing"),
    "md.front_key": ("未知的键 {key}（此文件可用：{allowed}）", "unknown key {key} (this file takes: {allowed})"),
    "md.front_kind": ("kind 应为 {kinds}，写成了“{kind}”", "kind must be {kinds}, not “{kind}”"),
    "md.title_text": ("title 应为非空的文字", "title must be non-empty text"),
    "md.unread_one": ("“{text}”这一行不会印出（[标签]: 网址 是链接引用定义，不是正文）", "the line “{text}” is not printed ([label]: url is a link reference definition, not text)"),
    "md.unread_many": ("“{text}”起的 {count} 行不会印出（[标签]: 网址 是链接引用定义，不是正文）", "{count} lines from “{text}” are not printed ([label]: url is a link reference definition, not text)"),
    "md.too_deep": ("列表或引用嵌套超过 {depth} 层，其后的内容无法读取", "lists or quotes nested deeper than {depth} levels; what follows cannot be read"),
    "md.fence_open": ("没有结束行 {mark}，其后的内容都被并入了这个代码块", "no closing {mark}: everything after it went into this block"),
    "md.empty_heading": ("空的 {mark} 标题", "an empty {mark} heading"),
    "md.item_extra": ("列表项中的{what}（列表项只能有一段文字）", "{what} inside a list item (an item holds one paragraph)"),
    "md.second_paragraph": ("第二段文字", "a second paragraph"),
    "md.fence_kind": ("只支持 figure、table、case", "only figure, table and case are supported"),
    "md.fence_mapping": ("内容应为 键: 值", "the content must be key: value pairs"),
    "md.case_title": ("缺少标题", "the title is missing"),
    "md.case_nested": ("案例框中不能再套案例框", "a case box cannot hold another case box"),
    "md.case_empty": ("案例框没有内容", "the case box is empty"),
    "md.figure_keys": ("未知的键 {keys}", "unknown keys {keys}"),
    "md.figure_caption": ("缺少 caption", "caption is missing"),
    "md.figure_text": ("{key} 应为文字（数字或 true/false 请加引号，如 {key}: \"2023\"）", "{key} must be text (quote numbers and true/false, e.g. {key}: \"2023\")"),
    "md.setext": ("文字下一行的 {rule} 使这段文字成了标题（标题请用 ## 开头；分隔线不支持）", "the {rule} under a line of text makes it a heading (start headings with ##; rules are not supported)"),
    "md.heading": ("{mark} 标题", "a {mark} heading"),
    "md.heading_hint": ("{mark} 标题（此处只能用 ### 或 ####；## 是节标题）", "a {mark} heading (only ### or #### here; ## starts a section)"),
    "md.nested_list": ("嵌套的 - 列表", "a nested - list"),
    "md.ordered_list": ("编号列表（请用 - 列表或把编号写进文字）", "a numbered list (use a - list or write the numbers into the text)"),
    "md.blockquote": ("引用块 >", "a > quote"),
    "md.code_block": ("缩进代码块（行首有 4 个空格？）", "an indented code block (4 spaces at the line start?)"),
    "md.hr": ("分隔线（---、***、___）", "a rule (---, ***, ___)"),
    "md.html_block": ("HTML 块", "an HTML block"),
    "md.pipe_table": ("竖线表格 | … |（表格请用 ```table 代码块引用 CSV 或 XLSX 文件）", "a pipe table | … | (use a ```table block naming a CSV or XLSX file)"),
    "md.fence": ("代码块", "a fenced block"),
    "md.other": ("Markdown 结构 {kind}", "the Markdown construct {kind}"),
    "md.district_after_items": ("- 条目之后的段落（区县简介写在条目之前，或把它写成一个条目）", "a paragraph after the - items (write the district's introduction before them, or make it an item)"),
    "md.district_extra": ("{what}（区县条目中只能有段落和 - 列表）", "{what} (a district holds paragraphs and one - list)"),
    # == loader: tables and files ==
    "csv.rows": ("超过 {limit} 行", "more than {limit} rows"),
    "csv.width": ("本行有 {cells} 列，表头有 {header} 列", "this row has {cells} cells, the header {header}"),
    "csv.empty": ("文件为空，缺少表头", "the file is empty: no header"),
    "column.suggest": ("，是否应为“{name}”？", "; did you mean “{name}”?"),
    "type.int": ("整数", "a whole number"),
    "example.seq": ("，例如 1、2、3", ", e.g. 1, 2, 3"),
    "file.looks_gbk": ("（看起来是 GBK/GB18030 编码）", " (it looks like GBK/GB18030)"),
    "what.chapter_title": ("章标题", "chapter title"),
    "md.bold_unpaired": ("未配对的 **（按原样印出）", "an unpaired ** (printed as typed)"),
    "md.hard_break": ("硬换行（行尾两个空格或 \\）按普通换行处理", "a hard line break (two trailing spaces or \\) is read as a soft one"),
    "md.emphasis": ("斜体 {mark}…{mark} 只印文字", "emphasis {mark}…{mark}: only its text is printed"),
    "md.code": ("代码 `{code}` 只印文字", "code `{code}`: only its text is printed"),
    "md.link": ("链接地址“{href}”不会印出，只印链接文字", "the link address “{href}” is not printed, only the link text"),
    "md.image": ("图片“![{alt}]”（插图请用 ```figure 代码块）", "an image “![{alt}]” (use a ```figure block for pictures)"),
    "md.html": ("HTML 标记“{tag}”不起作用，按原样印出", "the HTML tag “{tag}” has no effect and is printed as typed"),
    "md.strike": ("删除线 ~~…~~（印出来会像正文）", "strikethrough ~~…~~ (it would print like body text)"),
    "md.inline_other": ("行内结构 {kind}", "inline construct {kind}"),
    "what.chapter": ("章", "chapter"),
    "what.section": ("节", "section"),
    "what.district": ("区县", "district"),
    # == charts: charts drawn from the panel ==
    "chart.reference": ("图表已用 indicator 引用指标表，不能再写 {key}", "the chart names an indicator, so it cannot also give {key}"),
    "chart.years": ("years 只能与 indicator 一起使用", "years goes only with indicator"),
    "chart.empty": ("图表需要 categories 和 series，或用 indicator 引用指标表", "a chart needs categories and series, or an indicator"),
}


class Detail(str):
    """Hold a sub-message: its Chinese text as the string, and its key and params to re-make it.

    Being a str, it goes wherever a detail text went (and into JSON as that text); Messages
    re-renders it in the finding's language. A key may also be a finding code.
    """

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Detail:
        text = _detail_template(key, "zh").format_map(_Defaults(params))
        made = super().__new__(cls, text)
        made.key, made.params = key, params
        return made

    def __reduce__(self) -> tuple[object, ...]:
        """Copy and pickle by key and params (the default would pass the text as the key)."""
        return _remade, (self.key, self.params)

    def text(self, lang: str) -> str:
        """Return the sub-message in ``lang`` ("zh" or "en")."""
        values = _Defaults({k: v.text(lang) if isinstance(v, Detail) else v for k, v in self.params.items()})
        return _detail_template(self.key, lang).format_map(values)


def _remade(key: str, params: dict[str, object]) -> Detail:
    return Detail(key, **params)


def _detail_template(key: str, lang: str) -> str:
    if key in DETAILS:
        return DETAILS[key][1 if lang == "en" else 0]
    entry = CATALOGUE[key]
    return entry.en if lang == "en" else entry.zh


def detail(key: str, /, **params: object) -> Detail:
    """Return the sub-message ``key`` (of DETAILS, or a finding code) filled from ``params``."""
    return Detail(key, **params)


class Messages:
    """Make findings in one language from the catalogue."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = "en" if lang.startswith("en") else "zh"

    def finding(self, code: str, where: Location, **params: object) -> Finding:
        """Return the finding ``code`` at ``where`` with its message filled from ``params``."""
        entry = CATALOGUE[code]
        template, hint = (entry.en, entry.hint_en) if self.lang == "en" else (entry.zh, entry.hint_zh)
        values = _Defaults({k: v.text(self.lang) if isinstance(v, Detail) else v for k, v in params.items()})
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
