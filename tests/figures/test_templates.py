"""Narrative templates: references print the panel's figure as the source prints it; failures are findings."""

from __future__ import annotations

import pytest

from builders import write_dataset
from nbreport.api import check_dataset

INDICATORS = (
    "指标,年份,数值,单位,限定词,来源,别名\n"
    "高新技术企业数,2022,5300,家,突破,seeds/001,\n"
    "高新技术企业数,2023,7014,家,突破,seeds/002,高新技术企业总数\n"
    "技术交易额,2023,888.04,亿元,,seeds/002,\n"
    "增幅,2023,31.0,%,,seeds/002,\n"
    "后补助企业数,2023,2291,家,,seeds/002,\n"
    "后补助企业数,2023,2297,家,,seeds/002,\n"
)


def chapter_text(body: str, templates: bool = True) -> str:
    switch = "templates: true\n" if templates else ""
    return f"---\ntitle: 企业创新\n{switch}---\n\n## 企业队伍\n\n{body}\n"


def render(tmp_path, body: str, templates: bool = True):
    root = write_dataset(tmp_path / "ds", "chapters: [ch.md]\nindicators: i.csv\n",
                         **{"ch.md": chapter_text(body, templates), "i.csv": INDICATORS})
    report, checked = check_dataset(root)
    return report, checked.findings


def text_of(report) -> str:
    return "".join(run.text for run in report.chapters[0].sections[0].blocks[0].runs)


@pytest.mark.parametrize(("body", "printed"), [
    ('高新技术企业总数{{ 指标("高新技术企业数") }}', "高新技术企业总数突破7014家"),
    ('全年完成技术交易额{{ 指标("技术交易额") }}', "全年完成技术交易额888.04亿元"),
    ('增幅达{{ 指标("增幅") }}', "增幅达31.0%"),
    ('{{ 指标("高新技术企业总数", 年份=2022) }}', "突破5300家"),
    ('{{ 指标("高新技术企业数") | 数值 }}家', "7014家"),
    ('{{ 指标("高新技术企业数") | 无限定 }}', "7014家"),
    ('{{ 指标("技术交易额") | 位数(1) }}', "888.0亿元"),
    ('{{ 指标("高新技术企业数") | 换算("万") }}', "突破0.7014万家"),
    ('增长{{ 增幅("高新技术企业数") }}', "增长32.3%"),
    ('增长{{ 增幅("高新技术企业数", 位数=2) }}', "增长32.34%"),
    ('第{{ 排名("高新技术企业数") }}', "第1"),
])
def test_references_print_the_panel_figure(tmp_path, body, printed):
    report, findings = render(tmp_path, body)
    assert findings == []
    assert text_of(report) == printed


def test_text_of_a_part_without_the_switch_is_never_rendered(tmp_path):
    body = '{{ 指标("高新技术企业数") }} 与 {{ 1 * 2 }}'
    report, findings = render(tmp_path, body, templates=False)
    assert findings == []
    assert text_of(report) == body


def test_bold_lead_in_and_body_render_separately(tmp_path):
    report, findings = render(tmp_path, '**企业{{ 指标("高新技术企业数") | 数值 }}家。**正文{{ 指标("技术交易额") }}')
    runs = report.chapters[0].sections[0].blocks[0].runs
    assert findings == []
    assert [(run.text, run.strong) for run in runs] == [("企业7014家。", True), ("正文888.04亿元", False)]


@pytest.mark.parametrize(("body", "code"), [
    ('{{ 指标("不存在的指标") }}', "E-TEMPLATE-INDICATOR"),
    ('{{ 指标(42) }}', "E-TEMPLATE-INDICATOR"),
    ('{{ 指标("高新技术企业数", 年份=2019) }}', "E-TEMPLATE-YEAR"),
    ('{{ 指标("高新技术企业数", 年份="2023") }}', "E-TEMPLATE-YEAR"),
    ('{{ 增幅("技术交易额") }}', "E-TEMPLATE-YEAR"),
    ('{{ 指标("后补助企业数") }}', "E-TEMPLATE-AMBIGUOUS"),
    ('{{ 指标("高新技术企业数") | upper }}', "E-TEMPLATE-SYNTAX"),
    ('{{ 指标("高新技术企业数") | 位数(99) }}', "E-TEMPLATE-FILTER"),
    ('{{ "x" | 数值 }}', "E-TEMPLATE-FILTER"),
    ('{{ 指标("技术交易额") | 换算("亿") }}', "E-TEMPLATE-FILTER"),
    ('{{ 指标("高新技术企业数" }}', "E-TEMPLATE-SYNTAX"),
    ('{% for x in y %}', "E-TEMPLATE-SYNTAX"),
    ("{{ ''.\\_\\_class\\_\\_ }}", "E-TEMPLATE-UNSAFE"),  # Markdown escapes: __x__ would be bold
    ('{{ 指标.\\_\\_globals\\_\\_ }}', "E-TEMPLATE-UNSAFE"),
    ('{{ 指标.mro }}', "E-TEMPLATE-UNDEFINED"),  # no such attribute: undefined, never reached
    ('{{ "a" * 100000000 }}', "E-TEMPLATE-UNSAFE"),
    ('{{ 9 \\*\\* 999999 }}', "E-TEMPLATE-UNSAFE"),  # escaped: ** would be Markdown bold
    ('{{ range(10) }}', "E-TEMPLATE-UNDEFINED"),
    ('{{ 高新技术企业数 }}', "E-TEMPLATE-UNDEFINED"),
])
def test_bad_references_are_findings_at_the_paragraph_line(tmp_path, body, code):
    report, findings = render(tmp_path, "前文。\n\n" + body)
    assert [(f.code, f.where.file, f.where.line) for f in findings] == [(code, "ch.md", 10)]
    assert "".join(run.text for run in report.chapters[0].sections[0].blocks[1].runs) == body.replace("\\_", "_").replace("\\*", "*")


def test_a_paragraph_typed_on_several_lines_is_one_template_located_at_its_first_line(tmp_path):
    # Markdown joins the lines of a paragraph, so a reference may be broken across them.
    report, findings = render(tmp_path, '第一行{{ 指标(\n"技术交易额") }}\n\n第二段{{ 指标(\n')
    assert text_of(report) == "第一行888.04亿元"
    assert [(f.code, f.where.line) for f in findings] == [("E-TEMPLATE-SYNTAX", 11)]


def test_printed_figures_are_recorded_with_their_rows(tmp_path):
    report, _ = render(tmp_path, '{{ 指标("高新技术企业数") }}，{{ 指标("技术交易额") }}')
    used = [(use.printed.indicator.name, use.printed.text, use.printed.indicator.source) for use in report._figures]
    assert used == [("高新技术企业数", "突破7014家", "seeds/002"), ("技术交易额", "888.04亿元", "seeds/002")]


def report_in_code(body: str):
    from nbreport.schema import Report

    return Report.model_validate({
        "meta": {"year": 2023, "region": "宁波市", "title": "宁波市科技进步报告", "editor": "宁波市科学技术局"},
        "chapters": [{"kind": "chapter", "title": "企业创新", "templates": True,
                      "sections": [{"title": "企业队伍", "blocks": [{"kind": "paragraph", "runs": [{"text": body}]}]}]}],
        "indicators": [{"name": "高新技术企业数", "year": 2023, "source": "seeds/002",
                        "quantity": {"value": "7014", "unit": "家", "qualifier": "突破"}}],
    })


def test_a_report_made_in_code_is_validated_and_built_with_its_templates(tmp_path):
    from docx import Document as WordDocument

    from nbreport.api import build, validate

    bad = validate(report_in_code('{{ 指标("无此指标") }}'))
    assert bad.codes() == ["E-TEMPLATE-INDICATOR"] and bad.findings[0].where.path.startswith("chapters[0]")
    built = build(report_in_code('企业{{ 指标("高新技术企业数") }}。'), tmp_path, formats=("docx",))
    text = "".join(p.text for p in WordDocument(str(built[0])).paragraphs)
    assert "企业突破7014家。" in text and "{{" not in text
