"""Bad inputs for the figures area (indicators, narrative templates, consistency); shape in cases_base."""

from __future__ import annotations

from bad_inputs.cases_base import Case

IND = "指标,年份,数值,单位,限定词,来源,别名\n" \
      "高新技术企业数,2022,5300,家,突破,seeds/001,\n" \
      "高新技术企业数,2023,7014,家,突破,seeds/002,高新技术企业总数\n" \
      "技术交易额,2023,888.04,亿元,,seeds/002,\n" \
      "后补助企业数,2023,2291,家,,seeds/002,\n" \
      "后补助企业数,2023,2297,家,,seeds/002,\n" \
      "零值,2022,0,家,,seeds/002,\n" \
      "零值,2023,5,家,,seeds/002,\n"
REPORT = "chapters: [ch.md]\nindicators: i.csv\n"
TCH = "---\ntitle: 章\ntemplates: true\n---\n\n## 节\n\n"


def templated(id: str, code: str, body: str, line: int = 8) -> Case:
    """Return a case whose templated chapter holds ``body`` (its first paragraph at line 8)."""
    return Case(id, [(code, f"ch.md:{line}")], files={"ch.md": TCH + body + "\n", "i.csv": IND}, report=REPORT)


CASES: list[Case] = [
    # references to figures the panel does not hold
    templated("template-unknown-indicator", "E-TEMPLATE-INDICATOR", '企业{{ 指标("高企数") }}。'),
    templated("template-indicator-not-text", "E-TEMPLATE-INDICATOR", "{{ 指标(7014) }}"),
    templated("template-indicator-in-later-paragraph", "E-TEMPLATE-INDICATOR", '前文。\n\n{{ 指标("") }}', line=10),
    templated("template-missing-year", "E-TEMPLATE-YEAR", '{{ 指标("高新技术企业数", 年份=2019) }}'),
    templated("template-year-as-text", "E-TEMPLATE-YEAR", '{{ 指标("技术交易额", 年份="2023") }}'),
    templated("template-change-without-last-year", "E-TEMPLATE-YEAR", '{{ 增幅("技术交易额") }}'),
    templated("template-disagreeing-values", "E-TEMPLATE-AMBIGUOUS", '{{ 指标("后补助企业数") }}'),
    templated("template-ambiguous-in-bullet", "E-TEMPLATE-AMBIGUOUS", '- {{ 指标("后补助企业数") }}'),
    templated("template-ambiguous-in-lead", "E-TEMPLATE-AMBIGUOUS", '**{{ 指标("后补助企业数") }}。**正文'),
    templated("template-change-from-zero", "E-TEMPLATE-DERIVED", '{{ 增幅("零值") }}'),
    templated("template-share-other-units", "E-TEMPLATE-DERIVED", '{{ 占比("技术交易额", "高新技术企业数") }}'),
    templated("template-growth-backwards", "E-TEMPLATE-DERIVED", '{{ 年均增速("高新技术企业数", 2023, 2022) }}'),
    # filters and arguments
    templated("template-digits-out-of-range", "E-TEMPLATE-FILTER", '{{ 指标("技术交易额") | 位数(40) }}'),
    templated("template-filter-on-text", "E-TEMPLATE-FILTER", '{{ "七千" | 数值 }}'),
    templated("template-scale-twice", "E-TEMPLATE-FILTER", '{{ 指标("技术交易额") | 换算("亿") }}'),
    templated("template-unexposed-filter", "E-TEMPLATE-SYNTAX", '{{ 指标("技术交易额") | upper }}'),
    # syntax
    templated("template-unclosed-call", "E-TEMPLATE-SYNTAX", '{{ 指标("技术交易额" }}'),
    templated("template-unclosed-block", "E-TEMPLATE-SYNTAX", "{% if 1 %}没有结束"),
    templated("template-unclosed-braces", "E-TEMPLATE-SYNTAX", '{{ 指标("技术交易额")'),
    # escapes from the sandbox and unbounded work
    templated("template-class-attribute", "E-TEMPLATE-UNSAFE", "{{ ''.\\_\\_class\\_\\_ }}"),  # \\_: not Markdown bold
    templated("template-function-globals", "E-TEMPLATE-UNSAFE", "{{ 指标.\\_\\_globals\\_\\_ }}"),
    templated("template-huge-string", "E-TEMPLATE-UNSAFE", '{{ "字" * 100000000 }}'),
    templated("template-huge-power", "E-TEMPLATE-UNSAFE", "{{ 9 \\*\\* 99999999 }}"),  # \\*: not Markdown bold
    # names not exposed
    templated("template-builtin-range", "E-TEMPLATE-UNDEFINED", "{{ range(100000000) }}"),
    templated("template-bare-name", "E-TEMPLATE-UNDEFINED", "{{ 高新技术企业数 }}"),
    templated("template-config", "E-TEMPLATE-UNDEFINED", "{{ config }}"),
    # the switch itself
    Case("template-switch-not-bool", [("E-SCHEMA-VALUE", "ch.md:1")],
         files={"ch.md": "---\ntitle: 章\ntemplates: 是\n---\n\n## 节\n\n正文。\n"}, report="chapters: [ch.md]\n"),
    Case("template-switch-list", [("E-SCHEMA-VALUE", "ch.md:1")],
         files={"ch.md": "---\ntitle: 章\ntemplates: [a]\n---\n\n## 节\n\n正文。\n"}, report="chapters: [ch.md]\n"),
    Case("template-switch-conclusion", [("E-SCHEMA-VALUE", "c.md:1")],
         files={"c.md": "---\ntitle: 结语\ntemplates: 1.5\n---\n\n正文。\n"}, report="conclusion: c.md\n"),
]

PLAIN = "---\ntitle: 章\n---\n\n## 节\n\n"


def typed(id: str, code: str, body: str, head: str = PLAIN, line: int = 7) -> Case:
    """Return a case whose chapter types ``body`` (first paragraph at ``line``) against the panel IND."""
    return Case(id, [(code, f"ch.md:{line}")], files={"ch.md": head + body + "\n", "i.csv": IND}, report=REPORT)


def total(id: str, rows: str, place: str) -> Case:
    """Return a case whose table t.csv (columns 区县, 高新技术企业总数) ends with ``rows``."""
    table = "区县,高新技术企业总数\n海曙区,3000\n" + rows
    body = "```table\nfile: t.csv\ncaption: 高企\n```\n"
    return Case(id, [("W-FIGURE-TABLE-CONTRADICTS", place)], report=REPORT,
                files={"ch.md": PLAIN + body, "t.csv": table, "i.csv": IND})


CASES += [
    # typed figures that contradict the panel
    typed("figure-contradicts-count", "W-FIGURE-CONTRADICTS", "高新技术企业总数突破7104家。"),
    typed("figure-contradicts-amount", "W-FIGURE-CONTRADICTS", "全年技术交易额880.04亿元。"),
    typed("figure-contradicts-last-year", "W-FIGURE-CONTRADICTS", "前文。\n\n2022年高新技术企业数突破5200家。", line=9),
    # typed figures where a templated file should refer to the panel
    typed("figure-literal-count", "W-FIGURE-LITERAL", "高新技术企业总数突破7014家。", TCH, 8),
    typed("figure-literal-amount", "W-FIGURE-LITERAL", '技术交易额888.04亿元，{{ 指标("高新技术企业数") }}。', TCH, 8),
    typed("figure-literal-in-bullet", "W-FIGURE-LITERAL", "- 前文\n- 2022年高新技术企业数突破5300家", TCH, 8),
    # table totals that contradict the panel
    total("table-total-contradicts", "合计,7104\n", "t.csv:3:2"),
    total("table-grand-total-contradicts", "鄞州区,4014\n总计,7000\n", "t.csv:4:2"),
    total("table-city-row-contradicts", "全市,突破7041家\n", "t.csv:3:2"),
]

HEAD = "指标,年份,数值,单位,限定词,来源,别名\n"


def panel_case(id: str, code: str, rows: str, place: str) -> Case:
    """Return a case whose indicators table is HEAD + ``rows``."""
    return Case(id, [(code, place)], files={"i.csv": HEAD + rows}, report="indicators: i.csv\n")


CASES += [
    # aliases that name two indicators
    panel_case("alias-names-two-indicators", "E-INDICATOR-ALIAS",
               "甲数,2023,1,家,,s,企业数\n乙数,2023,2,家,,s,企业数\n", "i.csv:3:7"),
    panel_case("alias-is-another-name", "E-INDICATOR-ALIAS", "甲数,2023,1,家,,s,\n乙数,2023,2,家,,s,甲数\n", "i.csv:3:7"),
    panel_case("alias-in-a-list", "E-INDICATOR-ALIAS", "甲数,2023,1,家,,s,总数、甲总数\n乙数,2023,2,家,,s,乙总数、总数\n",
               "i.csv:3:7"),
    # one indicator stated in two units
    panel_case("indicator-two-units", "E-INDICATOR-UNIT", "技术交易额,2022,515,亿元,,s,\n技术交易额,2023,8880400,万元,,s,\n",
               "i.csv:3:4"),
    panel_case("indicator-unit-missing-once", "E-INDICATOR-UNIT", "企业数,2022,5,家,,s,\n企业数,2023,6,,,s,\n", "i.csv:3:4"),
    panel_case("indicator-unit-third-row", "E-INDICATOR-UNIT", "人数,2021,1,人,,s,\n人数,2022,2,人,,s,\n人数,2023,3,位,,s,\n",
               "i.csv:4:4"),
]
