"""Editor checks: numbers typed into titles, empty parts, bold lead-ins without their 。."""

import pytest

from builders import paragraph, small_report, write_dataset
from nbreport import validate
from nbreport.checks import CheckContext
from nbreport.checks.structure import check_structure


def chapter(title="章", sections=None, intro=None):
    if sections is None:
        sections = [{"title": "节", "blocks": [paragraph("正文。")]}]
    return {"kind": "chapter", "title": title, "intro": intro or [], "sections": sections}


def findings(**parts):
    return [(f.code, f.where.path) for f in check_structure(small_report(**parts), CheckContext())]


@pytest.mark.parametrize("title, number", [
    ("第一章 培育战略科技力量", "第一章"),
    ("第1章企业", "第1章"),
    ("第 十二 章 结语", "第 十二 章"),
    ("一、人才", "一、"),
    ("（三）平台", "（三）"),
    ("2. 改革", "2."),
])
def test_a_number_typed_into_a_chapter_title_is_a_warning(title, number):
    found = list(check_structure(small_report(chapters=[chapter(title)]), CheckContext()))
    assert [(f.code, f.where.path) for f in found] == [("W-STRUCT-NUMBERED", "chapters[0].title")]
    assert found[0].params["number"] == number


def test_a_number_typed_into_a_section_title_is_a_warning():
    sections = [{"title": "第二节 人才", "blocks": [paragraph("正文。")]}]
    assert findings(chapters=[chapter(sections=sections)]) == [("W-STRUCT-NUMBERED", "chapters[0].sections[0].title")]


@pytest.mark.parametrize("title", ["2023年科技进步综述", "第一批项目落地", "一流城市建设", "315科创体系", "1.5万家企业"])
def test_titles_that_merely_start_with_numbers_are_fine(title):
    assert findings(chapters=[chapter(title)]) == []


def test_empty_section_chapter_and_district_are_warnings():
    chapters = [
        chapter("空章", sections=[]),
        chapter(sections=[{"title": "空节"}, {"title": "节", "blocks": [paragraph("正文。")]}]),
        {"kind": "districts", "districts": [{"name": "海曙区"}, {"name": "江北区", "intro": [paragraph("简介。")]}]},
    ]
    assert findings(chapters=chapters) == [
        ("W-STRUCT-EMPTY", "chapters[0]"),
        ("W-STRUCT-EMPTY", "chapters[1].sections[0]"),
        ("W-STRUCT-EMPTY", "chapters[2].districts[0]"),
    ]


def test_chapter_with_only_an_introduction_is_not_empty():
    assert findings(chapters=[chapter(sections=[], intro=[paragraph("导语。")])]) == []


@pytest.mark.parametrize("lead", ["加大基础研究投入", "加大基础研究投入，", "加大基础研究投入："])
def test_bold_lead_in_without_its_full_stop_is_a_warning(lead):
    sections = [{"title": "节", "blocks": [paragraph("正文。", lead=lead)]}]
    found = list(check_structure(small_report(chapters=[chapter(sections=sections)]), CheckContext()))
    assert [(f.code, f.where.path) for f in found] == [("W-STRUCT-LEAD", "chapters[0].sections[0].blocks[0]")]
    assert found[0].params["fixed"] == "加大基础研究投入。"


@pytest.mark.parametrize("runs", [
    [{"text": "加大投入。", "strong": True}, {"text": "正文。"}],
    [{"text": "加大投入！", "strong": True}, {"text": "正文。"}],
    [{"text": "全文加粗", "strong": True}],                                  # not a lead-in: nothing follows
    [{"text": "实现"}, {"text": "历史性突破", "strong": True}, {"text": "。"}],  # emphasis inside a sentence
])
def test_closed_lead_ins_and_bold_inside_sentences_are_fine(runs):
    sections = [{"title": "节", "blocks": [{"kind": "paragraph", "runs": runs}]}]
    assert findings(chapters=[chapter(sections=sections)]) == []


def test_lead_ins_are_checked_in_lists_case_boxes_districts_and_the_conclusion():
    bullets = {"kind": "bullets", "items": [paragraph("正文。", lead="甲")]}
    case = {"kind": "case", "title": "案例", "blocks": [paragraph("正文。", lead="乙")]}
    districts = {"kind": "districts", "districts": [{"name": "海曙区", "items": [paragraph("正文。", lead="丙")]}]}
    report = dict(chapters=[chapter(sections=[{"title": "节", "blocks": [bullets, case]}]), districts],
                  conclusion={"blocks": [paragraph("正文。", lead="丁")]})
    assert findings(**report) == [
        ("W-STRUCT-LEAD", "chapters[0].sections[0].blocks[0]"),
        ("W-STRUCT-LEAD", "chapters[0].sections[0].blocks[1].blocks[0]"),
        ("W-STRUCT-LEAD", "chapters[1].districts[0].items[0]"),
        ("W-STRUCT-LEAD", "conclusion.blocks[0]"),
    ]


def test_validate_reports_markdown_editor_and_chronology_problems_of_different_files_together(tmp_path):
    root = write_dataset(
        tmp_path, "chapters: [a.md, b.md]\nchronology: c.csv\n",
        **{"a.md": "---\ntitle: 章\n---\n\n## 节\n\n> 引用\n\n正文。\n",
           "b.md": "---\ntitle: 第二章 章\n---\n\n## 节\n\n**引语**正文。\n",
           "c.csv": "日期,事件\n6月1日,乙\n5月1日,甲\n"})
    found = {(f.code, str(f.where).split(" ")[0]) for f in validate(root).findings}
    assert {("E-MD-STRUCTURE", "a.md:7"), ("W-STRUCT-NUMBERED", "b.md:2"), ("W-STRUCT-LEAD", "b.md:7")} <= found
    assert any(code.startswith("E-CHRONO") for code, _ in found)


@pytest.mark.parametrize("markdown", [
    "## 节\n\n正文。\n",                          # no front matter, so no title
    "---\ntitle: ''\n---\n\n## 节\n\n正文。\n",     # a blank title
    "---\ntitle: 章\n---\n\n##\n\n正文。\n",        # an empty section heading
    "---\ntitle: 章\n---\n\n## 节\n\n| a |\n|---|\n| 1 |\n",
])
def test_a_markdown_error_does_not_hide_the_cross_file_rules(tmp_path, markdown):
    root = write_dataset(tmp_path, "chapters: [a.md]\nchronology: c.csv\n",
                         **{"a.md": markdown, "c.csv": "日期,事件\n6月1日,乙\n5月1日,甲\n"})
    codes = {f.code for f in validate(root).findings}
    assert any(code.startswith("E-MD-") for code in codes) and "E-CHRONO-ORDER" in codes
