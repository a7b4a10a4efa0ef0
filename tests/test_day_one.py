"""A new editor's first day at the bureau, end to end through the command line.

Start next year's report from nothing, send templates to a district and a department, take
their sheets back with the mistakes clerks make, return the annotated copy, take the fixed
sheets, merge them, build. Every step is a command a user types; every step's result is read.
"""

from __future__ import annotations

import json

from docx import Document as WordDocument
from openpyxl import load_workbook

from nbreport import load
from nbreport.cli import main
from submit.workbooks import fill


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_editor_walks_from_init_to_the_built_report(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    # Morning: start the 2024 report; no earlier dataset here, so the packaged structure is used.
    assert run(capsys, "init", "2024")[0] == 0
    code, out, _ = run(capsys, "validate", "data/2024", "--json")
    assert code == 0 and json.loads(out)["errors"] == 0

    # Templates go out: one pre-filled for 镇海区, one for the 大事记, one for municipal awards.
    for argv in (("district", "--district", "镇海区", "-o", "镇海区.xlsx"), ("chronology", "-o", "大事记.xlsx"),
                 ("awards", "-o", "获奖.xlsx")):
        assert run(capsys, "template", argv[0], "--year", "2024", *argv[1:])[0] == 0
    assert load_workbook("镇海区.xlsx")["区县"]["A2"].value == "镇海区"

    # The sheets come back with a clerk's mistakes: a date that does not exist, an empty required
    # cell, a name typed with a space (a warning: it is merged with the space removed by the editor later).
    fill(tmp_path / "镇海区.xlsx", {"区县": [("镇海区", "2024年，镇海区深入实施创新驱动发展战略。")],
                                  "工作亮点": [(1, "加快创新平台建设。", "新增省级重点实验室2家。"), (2, "深化产学研合作。", None)]})
    fill(tmp_path / "大事记.xlsx", {"大事记": [("2月30日", "召开全市科技创新大会。"), ("3月5日", "发布科技新政。")]})
    fill(tmp_path / "获奖.xlsx", {"获奖项目": [("宁波市科学技术进步一等奖", "高端装备关键技术", "宁波大学", "张 刚、李四")]})

    code, out, _ = run(capsys, "validate", "大事记.xlsx", "--json", "--report", "大事记-问题.xlsx")
    findings = json.loads(out)["findings"]
    assert code == 1 and [(f["code"], f["where"]["cell"]) for f in findings] == [("E-CHRONO-DATE", "A2")]
    annotated = load_workbook("大事记-问题.xlsx")
    summary = [" ".join(str(c.value or "") for c in row) for row in annotated["问题汇总"].iter_rows(min_row=2)]
    assert annotated.sheetnames[0] == "问题汇总" and any("E-CHRONO-DATE" in r and "2月30日" in r for r in summary)

    # The clerk may not overwrite the sheet with its own report.
    assert run(capsys, "validate", "大事记.xlsx", "--report", "大事记.xlsx")[0] == 2

    code, out, _ = run(capsys, "validate", "镇海区.xlsx", "--json")
    assert code == 1 and [f["where"]["cell"] for f in json.loads(out)["findings"] if f["severity"] == "error"] == ["C3"]

    # Fixed sheets come back; a merge with any error left writes nothing.
    before = (tmp_path / "data/2024/chronology.csv").read_text(encoding="utf-8")
    assert run(capsys, "merge", "data/2024", "大事记.xlsx", "镇海区.xlsx")[0] == 1
    assert (tmp_path / "data/2024/chronology.csv").read_text(encoding="utf-8") == before
    fill(tmp_path / "大事记.xlsx", {"大事记": [("2月28日", "召开全市科技创新大会。")]})
    fill(tmp_path / "镇海区.xlsx", {"工作亮点": [(2, "深化产学研合作。", "新增校企合作项目15个。")]}, start=3)

    code, out, _ = run(capsys, "merge", "data/2024", "大事记.xlsx", "镇海区.xlsx")
    assert code == 0, out
    # A new year's award tables are empty, so nothing tells which one a category belongs to: merge asks.
    code, out, _ = run(capsys, "merge", "data/2024", "获奖.xlsx", "--json")
    asked = [f for f in json.loads(out)["findings"] if f["code"] == "E-MERGE-TARGET"]
    assert code == 1 and len(asked) == 1 and "--target" in asked[0]["hint"]
    code, out, _ = run(capsys, "merge", "data/2024", "获奖.xlsx", "--target", "appendices/a2-municipal-progress-awards.csv")
    assert code == 0, out
    report = load("data/2024")
    assert [(e.date.label, e.text) for e in report.chronology.events] == [("2月28日", "召开全市科技创新大会。"),
                                                                            ("3月5日", "发布科技新政。")]
    zhenhai = next(d for d in report.chapters[5].districts if d.name == "镇海区")
    assert [item.lead for item in zhenhai.items] == ["加快创新平台建设。", "深化产学研合作。"]
    municipal = report.appendix("2023年度宁波市科学技术进步奖获奖项目名单").table
    assert [row[1] for row in municipal.rows] == ["高端装备关键技术"]
    assert report.appendices[0].table.rows == []

    # Evening: the report builds, and the Word file holds what was merged.
    code, out, _ = run(capsys, "build", "data/2024", "--out", "out", "--format", "docx")
    assert code == 0
    (docx,) = (tmp_path / "out").glob("*.docx")
    text = "\n".join(p.text for p in WordDocument(str(docx)).paragraphs)
    assert "召开全市科技创新大会。" in text and "深化产学研合作。" in text and docx.name.startswith("2024年度")
