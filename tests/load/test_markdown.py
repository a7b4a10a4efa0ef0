"""Markdown in the dataset: every construct is printed with all its text or reported at its line."""

import pytest

from builders import write_dataset
from nbreport.load import load_dataset

HEAD = "---\ntitle: 章\n---\n\n## 节\n\n"  # the body starts at line 7


def load_body(tmp_path, body, head=HEAD):
    return load_dataset(write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": head + body}))


def first_block(result):
    return result.report.chapters[0].sections[0].blocks[0]


def found(result):
    return [(f.code, f.where.line) for f in result.findings]


@pytest.mark.parametrize("body, text", [
    ("hello\nworld\n", "hello world"),            # soft break between Latin words: a space
    ("2023 year\n10 months\n", "2023 year 10 months"),
    ("宁波市\n科技局\n", "宁波市科技局"),            # between CJK characters: nothing (CLREQ)
    ("引进 AI\n芯片\n", "引进 AI芯片"),
    ("企业，\nabc\n", "企业，abc"),
    ("a\\*b\\_c\\#d\n", "a*b_c#d"),                # backslash escapes print the character
    ("&amp; &#x4e2d; &copy; &lt;\n", "& 中 © <"),   # entities are decoded
    ("见<http://kjj.ningbo.gov.cn>。\n", "见http://kjj.ningbo.gov.cn。"),
    ("5 * 3 = 15，p<0.05\n", "5 * 3 = 15，p<0.05"),
])
def test_text_constructs_print_their_characters_without_findings(tmp_path, body, text):
    result = load_body(tmp_path, body)
    assert found(result) == [] and first_block(result).plain_text == text


@pytest.mark.parametrize("body, text, line", [
    ("见[科技局](http://x)网站。\n", "见科技局网站。", 7),
    ("第一行\n这是*强调*。\n", "第一行这是强调。", 8),
    ("代码 `a**b` 在此。\n", "代码 a**b 在此。", 7),
    ("第一行  \n第二行\n", "第一行第二行", 7),
    ("加<b>粗</b>字\n", "加<b>粗</b>字", 7),
    ("**未配对的开头\n", "**未配对的开头", 7),
])
def test_marks_that_do_not_print_keep_their_text_and_warn_at_their_line(tmp_path, body, text, line):
    result = load_body(tmp_path, body)
    assert set(found(result)) == {("W-MD-INLINE", line)}
    assert first_block(result).plain_text == text


def test_bold_toggles_by_position_so_lead_ins_after_cjk_punctuation_stay_bold(tmp_path):
    result = load_body(tmp_path, "**投资加速。**新开工58个。**双招双引。**举办对接会。\n")
    runs = [(run.text, run.strong) for run in first_block(result).runs]
    assert runs == [("投资加速。", True), ("新开工58个。", False), ("双招双引。", True), ("举办对接会。", False)]


def test_escaped_and_code_asterisks_are_not_bold(tmp_path):
    result = load_body(tmp_path, "\\*\\*不是粗体\\*\\*与 `**也不是**`\n")
    block = first_block(result)
    assert [run.strong for run in block.runs] == [False]
    assert block.plain_text == "**不是粗体**与 **也不是**"


@pytest.mark.parametrize("body, line", [
    ("正文![图](x.png)\n", 7),
    ("第一行\n~~删除~~\n", 8),
])
def test_images_and_strikethrough_are_errors_at_their_line(tmp_path, body, line):
    assert ("E-MD-INLINE", line) in found(load_body(tmp_path, body))


def test_a_paragraph_over_dashes_is_reported_not_turned_into_a_section(tmp_path):
    result = load_body(tmp_path, "正文。\n", head="---\ntitle: 章\n---\n\n节名\n---\n\n")
    assert ("E-MD-STRUCTURE", 5) in found(result)
    assert result.report.chapters[0].sections == []


def test_pipe_table_is_reported_with_a_hint_to_use_a_table_fence(tmp_path):
    result = load_body(tmp_path, "| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert [(f.code, f.where.line) for f in result.findings] == [("E-MD-STRUCTURE", 7)]
    assert "```table" in result.findings[0].message


def test_link_reference_definition_is_reported_at_its_line(tmp_path):
    result = load_body(tmp_path, "正文。\n\n[a]: http://x\n")
    assert found(result) == [("E-MD-STRUCTURE", 9)]


@pytest.mark.parametrize("depth", [30, 3000])
def test_deep_nesting_is_reported_and_does_not_recurse_without_bound(tmp_path, depth):
    body = "".join("  " * i + f"- 项{i}\n" for i in range(depth)) + "\n后面的段落。\n"
    result = load_body(tmp_path, body)
    assert any(f.code == "E-MD-STRUCTURE" and "19 层" in f.message for f in result.findings)


def test_deep_blockquote_is_reported(tmp_path):
    result = load_body(tmp_path, ">" * 3000 + " 深\n\n后面。\n")
    assert any("19 层" in f.message and f.where.line == 7 for f in result.findings)


def test_list_item_with_anything_but_one_paragraph_is_reported_at_that_line(tmp_path):
    result = load_body(tmp_path, "- 一\n  - 二\n- 三\n\n  ```figure\n  caption: 图\n  ```\n")
    assert found(result) == [("E-MD-STRUCTURE", 8), ("E-MD-STRUCTURE", 11)]
    assert [item.plain_text for item in first_block(result).items] == ["一", "三"]


def test_unclosed_fence_is_reported_at_its_opening_line(tmp_path):
    result = load_body(tmp_path, "````case 案例\n故事。\n\n## 下一节\n")
    assert ("E-MD-FENCE", 7) in found(result)
    assert "没有结束行" in next(f.message for f in result.findings if f.code == "E-MD-FENCE")


@pytest.mark.parametrize("front, line", [
    ("title: 区县\nkind: district\n", 3),
    ("title: 章\nauthor: 某人\n", 3),
    ("kind: chapter\ntitel: 章\n", 3),
])
def test_front_matter_typos_are_findings_at_their_line(tmp_path, front, line):
    result = load_body(tmp_path, "正文。\n", head=f"---\n{front}---\n\n## 节\n\n")
    assert ("E-MD-FRONTMATTER", line) in found(result)


def test_kind_belongs_to_chapters_only(tmp_path):
    root = write_dataset(tmp_path, "conclusion: end.md\n", **{"end.md": "---\ntitle: 结语\nkind: districts\n---\n\n正文。\n"})
    assert [(f.code, f.where.line) for f in load_dataset(root).findings] == [("E-MD-FRONTMATTER", 3)]


def test_case_box_holds_tables_lists_and_subheadings_with_their_lines(tmp_path):
    body = "````case 案例\n### 小标题\n\n- 条目\n\n```table\nfile: t.csv\n```\n````\n"
    root = write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": HEAD + body, "t.csv": "名称,数量\n甲,1\n"})
    result = load_dataset(root)
    assert result.findings == []
    case = first_block(result)
    assert [block.kind for block in case.blocks] == ["subheading", "bullets", "table"]
    sources = result.report._sources
    table = ("chapters", 0, "sections", 0, "blocks", 0, "blocks", 2)
    assert str(sources.locate(table)) == "ch.md:12"
    assert str(sources.locate(table + ("rows", 0))).startswith("t.csv:2")
    assert str(sources.locate(("chapters", 0, "sections", 0, "blocks", 0, "blocks", 1))) == "ch.md:10"


def test_district_items_are_located_at_their_own_lines(tmp_path):
    head = "---\ntitle: 区县\nkind: districts\n---\n\n## 海曙区\n\n"
    result = load_body(tmp_path, "简介。\n\n- **甲。**一\n- **乙。**二\n", head=head)
    sources = result.report._sources
    assert str(sources.locate(("chapters", 0, "districts", 0, "items", 1))) == "ch.md:11"
