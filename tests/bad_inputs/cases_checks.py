"""Bad inputs for one area of the code; the shape of a case is in cases_base."""

from __future__ import annotations

from bad_inputs.cases_base import AWARD_HEAD, AWARDS, CHAPTER, CHRONO, PEOPLE, PEOPLE_HEAD, Case, table_chapter

HEAD = "日期,事件\n"


def chrono(rows: str, header: str = HEAD) -> dict[str, str | bytes]:
    return {"c.csv": header + rows}


def districts(first: str, second: str) -> dict[str, str | bytes]:
    return {"ch.md": f"---\ntitle: 区县\nkind: districts\n---\n\n## {first}\n\n简介。\n\n## {second}\n\n简介。\n"}


def titled(first: str, second: str) -> dict[str, str | bytes]:
    return {"a.md": f"---\ntitle: {first}\n---\n\n正文。\n", "b.md": f"---\ntitle: {second}\n---\n\n正文。\n"}


def awards(rows: str) -> dict[str, str | bytes]:
    return {"a.csv": AWARD_HEAD + rows}


def numbered(rows: str) -> dict[str, str | bytes]:
    return table_chapter("file: t.csv", "t.csv", "序号,名称\n" + rows)


CASES: list[Case] = [
    # 大事记: days that do not exist in the report's year
    Case("chrono-feb-29-not-leap", [("E-CHRONO-DATE", "c.csv:3:1")], report=CHRONO, files=chrono("1月5日,甲\n2月29日,乙\n")),
    Case("chrono-feb-29-range-not-leap", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("2月27—29日,甲\n")),
    Case("chrono-feb-29-explicit-year", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("2023年2月29日,甲\n")),
    # 大事记: months and digits that are not dates, answered in Chinese
    Case("chrono-month-13", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("13月,甲\n")),
    Case("chrono-month-0", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("0月5日,甲\n")),
    Case("chrono-day-0", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("5月0日,甲\n")),
    Case("chrono-superscript-digit", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("²月,甲\n")),
    Case("chrono-circled-digit", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("①月3日,甲\n")),
    Case("chrono-arabic-indic-digit", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("٥月3日,甲\n")),
    Case("chrono-5000-digit-day", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("5月" + "9" * 5000 + "日,甲\n")),
    Case("chrono-5000-digit-month", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("9" * 5000 + "月,甲\n")),
    Case("chrono-5000-digit-filed-month", [("E-SCHEMA-VALUE", "c.csv:2:3")], report=CHRONO,
         files=chrono("5月3日,甲," + "9" * 5000 + "\n", "日期,事件,月份\n")),
    # 大事记: years outside the report period (the next January is inside)
    Case("chrono-next-february", [("E-CHRONO-YEAR", "c.csv:3:1")], report=CHRONO, files=chrono("12月3日,甲\n2024年2月3日,乙\n")),
    Case("chrono-previous-december", [("E-CHRONO-YEAR", "c.csv:2:1")], report=CHRONO, files=chrono("2022年12月3日,甲\n")),
    Case("chrono-two-years-on", [("E-CHRONO-YEAR", "c.csv:2:1")], report=CHRONO, files=chrono("2025年1月3日,甲\n")),
    # 大事记: the same event typed twice (error, both places)
    Case("chrono-identical-rows", [("E-CHRONO-DUPLICATE", "c.csv:3:2")], report=CHRONO, files=chrono("5月3日,甲会召开。\n5月3日,甲会召开。\n")),
    Case("chrono-identical-apart", [("E-CHRONO-DUPLICATE", "c.csv:4:2")], report=CHRONO,
         files=chrono("5月3日,甲会召开。\n5月3日,乙会召开。\n5月3日,甲会召开。\n")),
    Case("chrono-identical-but-width", [("E-CHRONO-DUPLICATE", "c.csv:3:2")], report=CHRONO,
         files=chrono("5月3日,ＡＩ大会召开。\n5月3日,AI大会召开\n")),
    # 大事记: one event's text starts another's on the same date (warning, both places)
    Case("chrono-prefix-text", [("W-CHRONO-NEAR-DUPLICATE", "c.csv:3:2")], report=CHRONO,
         files=chrono("5月3日,甲会召开。\n5月3日,甲会召开，部署全年工作。\n")),
    Case("chrono-prefix-reversed", [("W-CHRONO-NEAR-DUPLICATE", "c.csv:3:2")], report=CHRONO,
         files=chrono("5月3日,甲会召开，部署全年工作。\n5月3日,甲会召开\n")),
    Case("chrono-prefix-range", [("W-CHRONO-NEAR-DUPLICATE", "c.csv:4:2")], report=CHRONO,
         files=chrono("5月22—24日,培训班举办\n5月22—24日,论坛举办\n5月22—24日,培训班举办，100人参加\n")),
    # Names that print alike are the same name (NFKC: compatibility ideographs, NFD, invisible characters)
    Case("district-compat-ideograph", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER, files=districts("\u8c48山区", "\uf900山区")),
    Case("district-zero-width", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER, files=districts("海曙区", "海\u200b曙区")),
    Case("district-full-width-letters", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER, files=districts("AB新区", "ＡＢ新区")),
    Case("chapter-title-compat-ideograph", [("E-DUPLICATE-ID", "b.md:1")], report="chapters: [a.md, b.md]\n",
         files=titled("\u8c48章", "\uf900章")),
    Case("award-row-nfd-name", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS,
         files=awards("省科技进步一等奖,甲,单位,Ren\u00e9\n省科技进步一等奖,甲,单位,Rene\u0301\n")),
    Case("award-row-compat-ideograph", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS,
         files=awards("省科技进步一等奖,\u8c48项目,单位,张三\n省科技进步一等奖,\uf900项目,单位,张三\n")),
    Case("award-row-nbsp-in-name", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS,
         files=awards("省科技进步一等奖,甲,单位,张三\n省科技进步一等奖,甲,单位,张\u00a0三\n")),
    # Person names carrying invisible characters or unusual spaces
    Case("name-zero-width-space", [("W-NAME-INVISIBLE", "a.csv:2:4")], report=AWARDS, files=awards("省科技进步一等奖,甲,单位,张\u200b刚、李四\n")),
    Case("name-word-joiner", [("W-NAME-INVISIBLE", "a.csv:2:4")], report=AWARDS, files=awards("省科技进步一等奖,甲,单位,张刚\u2060、李四\n")),
    Case("name-bom-inside", [("W-NAME-INVISIBLE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\ufeff波,单位,北仑区人民政府\n"}),
    Case("name-nbsp", [("W-NAME-INVISIBLE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\u00a0波,单位,北仑区人民政府\n"}),
    Case("name-thin-space", [("W-NAME-INVISIBLE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\u2009波,单位,北仑区人民政府\n"}),
    Case("name-hair-space", [("W-NAME-INVISIBLE", "a.csv:2:4")], report=AWARDS, files=awards("省科技进步一等奖,甲,单位,李四、王\u200a五\n")),
    Case("name-ideographic-space", [("W-NAME-SPACE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\u3000波,单位,北仑区人民政府\n"}),
    # 序号 that look like numbers but are not
    Case("seq-circled-number", [("E-CELL-TYPE", "t.csv:3:1")], report=CHAPTER, files=numbered("1,甲\n②,乙\n")),
    Case("seq-superscript", [("E-CELL-TYPE", "t.csv:2:1")], report=CHAPTER, files=numbered("¹,甲\n")),
    Case("seq-5000-digits", [("E-CELL-TYPE", "t.csv:2:1")], report=CHAPTER, files=numbered("9" * 5000 + ",甲\n")),
]


