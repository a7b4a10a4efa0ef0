"""Loading keeps where every value came from and turns bad files into findings."""

import os

import pytest

from builders import award_dataset, write_dataset
from nbreport.load import DatasetError, load_dataset, load_report

CHAPTER = """\
---
title: 培育战略科技力量 支撑科技自立自强
---

导语。

## 甬江科创区建设深入推进

### 组织体系不断健全

**投资建设推进加速。**甬江实验室启动区加快推进。**双招双引。**举办对接会。

```figure
caption: 揭牌仪式
```

````case 甬江实验室
2023年从全球共引进202人。

```figure
caption: 甬江实验室
```
````

- 列表项
"""


def codes_at(result):
    return [(f.code, f.where.file, f.where.line) for f in result.findings]


def test_markdown_chapter_becomes_sections_blocks_and_case_boxes(tmp_path):
    write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": CHAPTER})
    report = load_report(tmp_path)
    chapter = report.chapters[0]
    assert chapter.title == "培育战略科技力量 支撑科技自立自强"
    assert chapter.intro[0].plain_text == "导语。"
    kinds = [block.kind for block in chapter.sections[0].blocks]
    assert kinds == ["subheading", "paragraph", "figure", "case", "bullets"]
    lead_paragraph = chapter.sections[0].blocks[1]
    assert [(run.text, run.strong) for run in lead_paragraph.runs] == [
        ("投资建设推进加速。", True), ("甬江实验室启动区加快推进。", False), ("双招双引。", True), ("举办对接会。", False)]
    case = chapter.sections[0].blocks[3]
    assert case.title == "甬江实验室" and [b.kind for b in case.blocks] == ["paragraph", "figure"]


def test_positions_point_at_file_and_line(tmp_path):
    write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": CHAPTER})
    report = load_report(tmp_path)
    sources = report._sources
    assert str(sources.locate(("chapters", 0, "sections", 0))) == "ch.md:7"
    assert str(sources.locate(("chapters", 0, "sections", 0, "blocks", 3))) == "ch.md:17"
    assert str(sources.locate(("chapters", 0, "sections", 0, "blocks", 3, "blocks", 1))) == "ch.md:20"


def test_table_rows_keep_csv_lines_and_award_defaults(tmp_path):
    award_dataset(tmp_path, "省科技进步一等奖,项目甲,单位A、单位B,张三、李四\n省科技进步一等奖,项目乙,单位C,王五\n")
    report = load_report(tmp_path)
    table = report.appendices[0].table
    assert table.rows[0][3] == ["张三", "李四"]
    assert [column.merge for column in table.columns] == [True, False, False, False]
    assert str(report._sources.locate(("appendices", 0, "table", "rows", 1, 1))) == "awards.csv:3:2"


def test_yaml_syntax_error_reports_file_and_line(tmp_path):
    write_dataset(tmp_path, "chapters:\n  - a.md\n bad: [\n")
    result = load_dataset(tmp_path)
    assert result.report is None
    assert codes_at(result)[0][:2] == ("E-YAML-SYNTAX", "report.yaml")
    assert codes_at(result)[0][2] in (7, 8)


def test_missing_and_escaping_references_are_errors(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    root = write_dataset(tmp_path / "ds", "chapters: [nope.md, ../outside.md, ../../etc/passwd]\n")
    result = load_dataset(root)
    assert [c for c, *_ in codes_at(result)] == ["E-FILE-MISSING", "E-PATH-ESCAPE", "E-PATH-ESCAPE"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlink_out_of_the_dataset_is_refused(tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("姓名,工作单位,提名单位\n张三,甲,乙\n", encoding="utf-8")
    yaml = "appendices:\n  - title: 附\n    table:\n      file: link.csv\n      kind: people\n"
    root = write_dataset(tmp_path / "ds", yaml)
    (root / "link.csv").symlink_to(secret)
    assert [f.code for f in load_dataset(root).findings] == ["E-PATH-ESCAPE"]


def test_gbk_csv_is_named_as_such(tmp_path):
    root = award_dataset(tmp_path, "")
    (root / "awards.csv").write_bytes("奖励类别,项目名称,主要完成单位,主要完成人员\n省科技进步一等奖,项目,单位,张三\n".encode("gbk"))
    finding = load_dataset(root).findings[0]
    assert finding.code == "E-FILE-ENCODING" and "GBK" in finding.message and finding.where.file == "awards.csv"


def test_ragged_csv_row_is_located(tmp_path):
    result = load_dataset(award_dataset(tmp_path, "省科技进步一等奖,项目,单位,张三\n省科技进步一等奖,项目乙\n"))
    assert codes_at(result) == [("E-CSV-SYNTAX", "awards.csv", 3)]


def test_wrong_award_header_suggests_the_column(tmp_path):
    root = award_dataset(tmp_path, "")
    (root / "awards.csv").write_text("奖励类别,项目名,主要完成单位,主要完成人员\n省科技进步一等奖,项目,单位,张三\n", encoding="utf-8")
    messages = [f.message for f in load_dataset(root).findings]
    assert any("项目名称" in m for m in messages) and any("项目名" in m for m in messages)


def test_bom_and_crlf_are_accepted(tmp_path):
    root = award_dataset(tmp_path, "")
    (root / "awards.csv").write_bytes("\ufeff奖励类别,项目名称,主要完成单位,主要完成人员\r\n省科技进步一等奖,项目,单位,张三\r\n".encode())
    assert load_report(root).appendices[0].table.rows[0][1] == "项目"


def test_unknown_markdown_construct_and_bad_fence_are_findings(tmp_path):
    text = "---\ntitle: 章\n---\n\n## 节\n\n> 引用\n\n```figure\nimage: x.png\n```\n\n```chart\nx: 1\n```\n"
    result = load_dataset(write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": text}))
    assert codes_at(result) == [("E-MD-STRUCTURE", "ch.md", 7), ("E-MD-FENCE", "ch.md", 9), ("E-MD-FENCE", "ch.md", 13)]


def test_raw_html_and_markup_in_text_stay_text(tmp_path):
    text = "---\ntitle: 章\n---\n\n## 节\n\n<img src=\"/etc/passwd\"> {{ 7*7 }} <b>粗</b>\n"
    report = load_report(write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": text}))
    assert report.chapters[0].sections[0].blocks[0].plain_text == '<img src="/etc/passwd"> {{ 7*7 }} <b>粗</b>'


def test_schema_errors_are_located_in_report_yaml(tmp_path):
    root = write_dataset(tmp_path, "colour: blue\n")
    (root / "report.yaml").write_text("meta:\n  year: 二〇二三\n  region: 宁波市\n  title: t\n  color: red\n", encoding="utf-8")
    findings = load_dataset(root).findings
    assert [(f.code, f.where.line) for f in findings] == [("E-SCHEMA-VALUE", 2), ("E-SCHEMA-UNKNOWN", 5)]


def test_load_report_raises_with_all_findings(tmp_path):
    root = write_dataset(tmp_path, "chapters: [a.md, b.md]\n")
    with pytest.raises(DatasetError) as caught:
        load_report(root)
    assert len(caught.value.findings) == 2


def test_no_dataset_is_path_not_found(tmp_path):
    assert [f.code for f in load_dataset(tmp_path / "nope").findings] == ["E-PATH-NOT-FOUND"]


def test_notes_readme_and_hidden_files_are_not_reported_unused(tmp_path):
    from builders import write_dataset
    from nbreport import validate

    root = write_dataset(tmp_path / "ds", "chapters: [ch.md]\n", **{"ch.md": "---\ntitle: 章\n---\n\n## 节\n\n正文。\n"})
    for name in ("NOTES.md", "README.md", "notes/repairs.md", ".git/config.yaml", "drafts.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    assert "W-FILE-UNUSED" not in validate(root).codes()
