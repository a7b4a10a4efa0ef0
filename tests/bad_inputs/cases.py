"""The bad-input corpus: small datasets, each with the finding it must produce and where.

The shape of a case is in ``cases_base``; each area of the code keeps its own cases in
``cases_<area>.py`` and CASES joins them.
"""

from __future__ import annotations

from bad_inputs import cases_sheets, cases_yaml, cases_markdown, cases_checks, cases_document, cases_workflow, cases_figures, cases_charts
from bad_inputs.cases_base import AWARD_HEAD, AWARDS, CH, CHAPTER, CHRONO, META, PEOPLE, PEOPLE_HEAD, Case, chapter, table_chapter

__all__ = ["CASES", "META", "Case"]

CORE_CASES: list[Case] = [
    # report.yaml
    Case("yaml-tab-indent", [("E-YAML-SYNTAX", "report.yaml:6")], report="chapters:\n\t- ch.md\n"),
    Case("yaml-unclosed-bracket", [("E-YAML-SYNTAX", "report.yaml")], report="chapters: [ch.md\n"),
    Case("yaml-duplicate-key", [("E-YAML-DUPLICATE-KEY", "report.yaml:6")], report="chapters: []\nchapters: []\n"),
    Case("yaml-top-level-list", [("E-YAML-SYNTAX", "report.yaml:1")], files={"report.yaml": "- a\n- b\n"}),
    Case("yaml-unknown-top-key", [("E-SCHEMA-UNKNOWN", "report.yaml:5")], report="chapter: ch.md\n"),
    Case("meta-missing-title", [("E-SCHEMA-MISSING", "report.yaml:1")], files={"report.yaml": "meta:\n  year: 2023\n  region: 宁波市\n"}),
    Case("meta-year-as-text", [("E-SCHEMA-VALUE", "report.yaml:2")], files={"report.yaml": META.replace("2023", "二〇二三")}),
    Case("meta-year-out-of-range", [("E-SCHEMA-VALUE", "report.yaml:2")], files={"report.yaml": META.replace("2023", "3023")}),
    Case("meta-unknown-field", [("E-SCHEMA-UNKNOWN", "report.yaml:5")], files={"report.yaml": META + "  colour: red\n"}),
    Case("meta-missing", [("E-SCHEMA-MISSING", "meta")], files={"report.yaml": "chapters: []\n"}),
    Case("chapters-not-a-list", [("E-SCHEMA-VALUE", "report.yaml:5")], report="chapters: ch.md\n"),
    Case("chapter-entry-not-a-path", [("E-SCHEMA-VALUE", "report.yaml:6")], report="chapters:\n  - {file: ch.md}\n"),
    Case("chapter-file-missing", [("E-FILE-MISSING", "report.yaml:5")], report=CHAPTER),
    Case("chapter-path-traversal", [("E-PATH-ESCAPE", "report.yaml:5")], report="chapters: [../../etc/passwd]\n"),
    Case("chapter-absolute-path", [("E-PATH-ESCAPE", "report.yaml:5")], report="chapters: [/etc/passwd]\n"),
    Case("chapter-is-a-folder", [("E-FILE-MISSING", "report.yaml:5")], report="chapters: [sub]\n", files={"sub/x.md": "x"}),
    Case("chapter-symlink-out", [("E-PATH-ESCAPE", "report.yaml:5")], report="chapters: [link.md]\n", symlink=("link.md", "/etc/hostname")),
    Case("chapter-listed-twice", [("E-DUPLICATE-ID", "ch.md:1")], report="chapters: [ch.md, ch.md]\n", files=chapter("正文。\n")),
    Case("appendices-not-a-list", [("E-SCHEMA-VALUE", "report.yaml:5")], report="appendices: a.csv\n"),
    Case("appendix-without-table", [("E-SCHEMA-VALUE", "report.yaml:6")], report="appendices:\n  - title: 附\n"),
    # Markdown
    Case("md-no-front-matter", [("E-MD-FRONTMATTER", "ch.md:1")], report=CHAPTER, files={"ch.md": "## 节\n\n正文。\n"}),
    Case("md-front-matter-without-title", [("E-MD-FRONTMATTER", "ch.md:1")], report=CHAPTER, files={"ch.md": "---\nkind: chapter\n---\n\n正文。\n"}),
    Case("md-front-matter-bad-yaml", [("E-MD-FRONTMATTER", "ch.md:2")], report=CHAPTER, files={"ch.md": "---\ntitle: [章\n---\n\n正文。\n"}),
    Case("md-empty-title", [("E-MD-FRONTMATTER", "ch.md:2")], report=CHAPTER, files={"ch.md": "---\ntitle: ''\n---\n\n正文。\n"}),
    Case("md-h1-heading", [("E-MD-STRUCTURE", "ch.md:7")], report=CHAPTER, files=chapter("# 一级标题\n")),
    Case("md-h5-heading", [("E-MD-STRUCTURE", "ch.md:7")], report=CHAPTER, files=chapter("##### 五级标题\n")),
    Case("md-blockquote", [("E-MD-STRUCTURE", "ch.md:7")], report=CHAPTER, files=chapter("> 引用\n")),
    Case("md-ordered-list", [("E-MD-STRUCTURE", "ch.md:7")], report=CHAPTER, files=chapter("1. 第一\n2. 第二\n")),
    Case("md-indented-code", [("E-MD-STRUCTURE", "ch.md:9")], report=CHAPTER, files=chapter("正文。\n\n    缩进的代码\n")),
    Case("md-unknown-fence", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER, files=chapter("```chart\nx: 1\n```\n")),
    Case("md-figure-without-caption", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER, files=chapter("```figure\nsource: 市科技局\n```\n")),
    Case("md-figure-bad-yaml", [("E-MD-FENCE", "ch.md:9")], report=CHAPTER, files=chapter("```figure\ncaption: [图\n```\n")),
    Case("md-figure-unknown-key", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER, files=chapter("```figure\ncaption: 图\nwidth: 3\n```\n")),
    Case("md-figure-image-missing", [("E-FILE-MISSING", "ch.md:7")], report=CHAPTER, files=chapter("```figure\ncaption: 图\nimage: photo.png\n```\n")),
    Case("md-figure-image-escape", [("E-PATH-ESCAPE", "ch.md:7")], report=CHAPTER, files=chapter("```figure\ncaption: 图\nimage: ../../../etc/passwd\n```\n")),
    Case("md-case-without-title", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER, files=chapter("````case\n故事。\n````\n")),
    Case("md-table-without-file", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER, files=chapter("```table\ncaption: 表\n```\n")),
    Case("md-table-unknown-kind", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER, files=chapter("```table\nfile: t.csv\nkind: pivot\n```\n")),
    Case("md-table-file-missing", [("E-FILE-MISSING", "ch.md:7")], report=CHAPTER, files=chapter("```table\nfile: t.csv\n```\n")),
    Case("md-table-file-escape", [("E-PATH-ESCAPE", "ch.md:7")], report=CHAPTER, files=chapter("```table\nfile: ../../etc/passwd\n```\n")),
    Case("md-gbk-encoded", [("E-FILE-ENCODING", "ch.md:")], report=CHAPTER, files={"ch.md": (CH + "中文正文。\n").encode("gbk")}),
    Case("md-control-character", [("E-TEXT-CONTROL", "ch.md:7")], report=CHAPTER, files=chapter("响铃\x07字符。\n")),
    Case("md-nul-in-heading", [("E-TEXT-CONTROL", "ch.md:5")], report=CHAPTER, files={"ch.md": "---\ntitle: 章\n---\n\n## 节\x00名\n\n正文。\n"}),
    Case("md-district-with-fence", [("E-MD-STRUCTURE", "ch.md:8")], report=CHAPTER,
         files={"ch.md": "---\ntitle: 区县\nkind: districts\n---\n\n## 海曙区\n\n```figure\ncaption: 图\n```\n"}),
    Case("md-district-duplicate", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER,
         files={"ch.md": "---\ntitle: 区县\nkind: districts\n---\n\n## 海曙区\n\n简介。\n\n## 海曙区\n\n简介。\n"}),
    Case("md-district-chapter-empty", [("E-SCHEMA-VALUE", "ch.md:1")], report=CHAPTER, files={"ch.md": "---\ntitle: 区县\nkind: districts\n---\n\n导语。\n"}),
    # CSV tables
    Case("csv-ragged-row", [("E-CSV-SYNTAX", "t.csv:3")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", "名称,地址\n甲,乙\n丙\n")),
    Case("csv-unclosed-quote", [("E-CSV-SYNTAX", "t.csv:")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", '名称,地址\n"甲,乙\n')),
    Case("csv-gbk-encoded", [("E-FILE-ENCODING", "t.csv:")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", "名称,地址\n甲,乙\n".encode("gbk"))),
    Case("csv-empty-file", [("E-CSV-SYNTAX", "t.csv:1")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", "")),
    Case("csv-empty-table", [("W-TABLE-EMPTY", "ch.md:7")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", "名称,地址\n")),
    Case("ranked-sequence-gap", [("E-SEQ-GAP", "t.csv:4:1")], report=CHAPTER, files=table_chapter("file: t.csv\nkind: ranked", "t.csv", "序号,名称\n1,甲\n2,乙\n4,丙\n")),
    Case("ranked-sequence-repeated", [("E-SEQ-GAP", "t.csv:4:1")], report=CHAPTER, files=table_chapter("file: t.csv\nkind: ranked", "t.csv", "序号,名称\n1,甲\n2,乙\n2,丙\n")),
    Case("ranked-sequence-not-a-number", [("E-CELL-TYPE", "t.csv:3:1")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", "序号,名称\n1,甲\n二,乙\n")),
    Case("merged-column-blank", [("E-CELL-REQUIRED", "t.csv:3:3")], report=CHAPTER,
         files=table_chapter("file: t.csv\nmerge: [分类]", "t.csv", "序号,政策名称,分类\n1,《甲》,科技创新战略\n2,《乙》,\n")),
    Case("xlsx-not-a-workbook", [("E-XLSX-NOT-EXCEL", "t.xlsx")], report=CHAPTER, files=table_chapter("file: t.xlsx", "t.xlsx", "名称,地址\n甲,乙\n")),
    Case("xls-old-format", [("E-XLSX-XLS", "t.xlsx")], report=CHAPTER, files=table_chapter("file: t.xlsx", "t.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)),
    # award and people appendices
    Case("award-missing-column", [("E-TABLE-COLUMN-MISSING", "a.csv:1")], report=AWARDS, files={"a.csv": "奖励类别,项目名称,主要完成单位\n省科技进步一等奖,项目,单位\n"}),
    Case("award-renamed-column", [("E-TABLE-COLUMN-MISSING", "a.csv:1"), ("E-TABLE-COLUMN-UNKNOWN", "a.csv:1")], report=AWARDS,
         files={"a.csv": "奖励类别,项目,主要完成单位,主要完成人员\n省科技进步一等奖,项目,单位,张三\n"}),
    Case("award-blank-category", [("E-CELL-REQUIRED", "a.csv:3:1")], report=AWARDS, files={"a.csv": AWARD_HEAD + "省科技进步一等奖,甲,单位,张三\n,乙,单位,李四\n"}),
    Case("award-blank-people", [("E-CELL-REQUIRED", "a.csv:2:4")], report=AWARDS, files={"a.csv": AWARD_HEAD + "省科技进步一等奖,甲,单位,\n"}),
    Case("award-unknown-category", [("E-AWARD-CATEGORY", "a.csv:2:1")], report=AWARDS, files={"a.csv": AWARD_HEAD + "省科技进步四等奖,甲,单位,张三\n"}),
    Case("award-duplicate-row", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS, files={"a.csv": AWARD_HEAD + "省科技进步一等奖,甲,单位,张三\n省科技进步一等奖,甲,单位,张三\n"}),
    Case("award-category-wrong-on-every-row", [("E-AWARD-CATEGORY", "a.csv:101:1"), ("E-FINDINGS-MORE", "a.csv:102:1")], report=AWARDS,
         files={"a.csv": AWARD_HEAD + "".join(f"省科技进步四等奖,项目{i},单位,张三\n" for i in range(150))}),
    Case("people-spaced-on-every-row", [("W-NAME-SPACE", "p.csv:101:1"), ("W-FINDINGS-MORE", "p.csv:102:1")], report=PEOPLE,
         files={"p.csv": PEOPLE_HEAD + "".join(f"蒲 波,单位{i},北仑区人民政府\n" for i in range(150))}),
    Case("award-spaced-name", [("W-NAME-SPACE", "a.csv:2:4")], report=AWARDS, files={"a.csv": AWARD_HEAD + "省科技进步一等奖,甲,单位,张 刚、李四\n"}),
    Case("people-blank-employer", [("E-CELL-REQUIRED", "p.csv:2:2")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲波,,北仑区人民政府\n"}),
    Case("people-spaced-name", [("W-NAME-SPACE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲 波,宁波德图科技有限公司,北仑区人民政府\n"}),
    # chronology
    Case("chrono-february-30", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files={"c.csv": "日期,事件\n2月30日,会议。\n"}),
    Case("chrono-unreadable-date", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files={"c.csv": "日期,事件\n五月一日,会议。\n"}),
    Case("chrono-reversed-range", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files={"c.csv": "日期,事件\n5月24—22日,培训班。\n"}),
    Case("chrono-other-year", [("E-CHRONO-YEAR", "c.csv:2:1")], report=CHRONO, files={"c.csv": "日期,事件\n2022年5月1日,会议。\n"}),
    Case("chrono-out-of-order", [("E-CHRONO-ORDER", "c.csv:3:1")], report=CHRONO, files={"c.csv": "日期,事件\n6月1日,甲。\n5月1日,乙。\n"}),
    Case("chrono-filed-under-wrong-month", [("E-CHRONO-MONTH", "c.csv:3:3")], report=CHRONO, files={"c.csv": "日期,事件,月份\n3月9日,甲。,3月\n4月13日,乙。,3月\n"}),
    Case("chrono-missing-column", [("E-TABLE-COLUMN-MISSING", "c.csv:1")], report=CHRONO, files={"c.csv": "日期,内容\n1月5日,甲。\n"}),
    Case("chrono-empty-text", [("E-CELL-REQUIRED", "c.csv:2:2")], report=CHRONO, files={"c.csv": "日期,事件\n1月5日,\n"}),
    Case("chrono-bom-crlf-gbk-mixed", [("E-FILE-ENCODING", "c.csv:3")], report=CHRONO, files={"c.csv": "\ufeff日期,事件\r\n1月5日,甲。\r\n".encode() + "2月1日,乙。\n".encode("gbk")}),
    # top events and indicators
    Case("top-events-rank-zero", [("E-SCHEMA-VALUE", "t.yaml:4")], report="top_events: t.yaml\n",
         files={"t.yaml": "title: 十件大事\nevents:\n  - title: 一\n    rank: 0\n"}),
    Case("top-events-empty", [("E-SCHEMA-VALUE", "t.yaml:2")], report="top_events: t.yaml\n", files={"t.yaml": "title: 十件大事\nevents: []\n"}),
    Case("indicator-unknown-qualifier", [("E-SCHEMA-VALUE", "i.csv:2:5")], report="indicators: i.csv\n",
         files={"i.csv": "指标,年份,数值,单位,限定词,来源\n高新技术企业数,2023,7014,家,大约,seeds/002\n"}),
    Case("indicator-number-in-words", [("E-SCHEMA-VALUE", "i.csv:2:3")], report="indicators: i.csv\n",
         files={"i.csv": "指标,年份,数值,单位,限定词,来源\n高新技术企业数,2023,七千,家,,seeds/002\n"}),
]

CASES: list[Case] = CORE_CASES + cases_sheets.CASES + cases_yaml.CASES + cases_markdown.CASES + cases_checks.CASES + cases_document.CASES + cases_workflow.CASES + cases_figures.CASES + cases_charts.CASES
