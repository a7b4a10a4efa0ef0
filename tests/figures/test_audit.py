"""Provenance and round trip: build --audit lists each printed figure; audit reads an edited DOCX back."""

from __future__ import annotations

import csv
import json

import pytest
from docx import Document as WordDocument

from conftest import DATA
from nbreport.cli import main

NAME = "2023年度宁波市科技进步报告"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(DATA / "2023"), "--out", str(out), "--format", "docx", "--audit", "-q"]) == 0
    return out


def test_build_audit_writes_csv_and_json_listing_each_printed_figure(built):
    rows = list(csv.DictReader((built / f"{NAME}.figures.csv").open(encoding="utf-8-sig")))
    records = json.loads((built / f"{NAME}.figures.json").read_text(encoding="utf-8"))
    assert rows == [{key: str(value) for key, value in record.items()} for record in records]
    firms = [row for row in rows if row["印出"] == "突破7014家"]
    assert [row["章"] for row in firms] == ["提升企业创新能力 塑造高质量发展动能", "数说2023"]
    assert all(row["指标"] == "高新技术企业数" and row["来源"] == "seeds/002" for row in firms)
    assert firms[0]["文件"] == "chapters/03-enterprises.md" and firms[1]["文件"] == "report.yaml"
    assert sorted(path.name for path in built.iterdir()) == [f"{NAME}.docx", f"{NAME}.figures.csv", f"{NAME}.figures.json"]


def edited_copy(built, tmp_path, old: str, new: str):
    document = WordDocument(str(built / f"{NAME}.docx"))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if old in run.text]
    assert runs, old
    runs[-1].text = runs[-1].text.replace(old, new)  # the last: the chapters print after the 数说 page
    path = tmp_path / "edited.docx"
    document.save(str(path))
    return path


def test_audit_reports_a_figure_edited_away_from_its_indicator(built, tmp_path, capsys):
    edited = edited_copy(built, tmp_path, "突破7014家", "突破7041家")
    assert main(["audit", str(edited), str(DATA / "2023")]) == 1
    out = capsys.readouterr().out
    assert "## 第一节\u3000创新型企业加快发展壮大" in out
    assert "突破7041家" in out
    assert "✗ 突破7014家 不再与指标“高新技术企业数”2023 年一致（来源 seeds/002）" in out
    assert "✗ 突破7041家 与指标“高新技术企业数”2023 年的 突破7014家 不一致" in out


def test_audit_reports_a_typed_figure_that_contradicts_an_indicator(built, tmp_path, capsys):
    edited = edited_copy(built, tmp_path, "创新型企业队伍加快壮大，", "创新型企业队伍加快壮大，技术交易额900亿元，")
    assert main(["audit", str(edited), str(DATA / "2023")]) == 1
    assert "✗ 900亿元 与指标“技术交易额”2023 年的 888.04亿元 不一致" in capsys.readouterr().out


def test_audit_lists_a_wording_change_without_figures_as_a_change_only(built, tmp_path, capsys):
    edited = edited_copy(built, tmp_path, "创新型企业队伍加快壮大", "创新型企业队伍快速壮大")
    assert main(["audit", str(edited), str(DATA / "2023")]) == 0
    out = capsys.readouterr().out
    assert "快速壮大" in out and "✗" not in out


def test_audit_of_the_unedited_build_finds_nothing(built, capsys):
    assert main(["audit", str(built / f"{NAME}.docx"), str(DATA / "2023")]) == 0
    assert "没有改动" in capsys.readouterr().out


def test_audit_of_a_file_that_is_not_a_docx_cannot_run(tmp_path, capsys):
    fake = tmp_path / "x.docx"
    fake.write_bytes(b"not a zip")
    assert main(["audit", str(fake), str(DATA / "2023")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_build_audit_lists_the_key_figures_page_and_every_charted_value(built):
    import yaml

    rows = list(csv.DictReader((built / f"{NAME}.figures.csv").open(encoding="utf-8-sig")))
    page = yaml.safe_load((DATA / "2023" / "report.yaml").read_text(encoding="utf-8"))["key_figures"]
    headline = [row for row in rows if row["章"] == page["title"] and row["印出"] != row["数值"]]  # with unit: not a bar label
    assert [row["指标"] for row in headline] == page["indicators"]
    with (DATA / "2023" / "indicators.csv").open(encoding="utf-8-sig") as panel:
        years = sorted(row["年份"] for row in csv.DictReader(panel) if row["指标"] == page["chart"])
    charted = [row for row in rows if row["指标"] == page["chart"] and row["印出"] == row["数值"]]
    # one bar per year the panel holds, in the overview's chart and in the page's
    assert sorted(row["年份"] for row in charted) == sorted(years * 2)
    assert {row["章"] for row in charted} == {"科技进步综述", page["title"]}

