"""nbreport init: a new year's skeleton with the years moved on, from last year or from the package."""

from pathlib import Path

from conftest import DATA
from nbreport import validate
from nbreport.cli import main
from nbreport.skeleton import create_skeleton, shipped_skeleton


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_shipped_skeleton_is_the_2023_report_emptied(tmp_path):
    made = create_skeleton(DATA / "2023", tmp_path / "s", 2023)
    assert made.findings == []
    assert _tree(tmp_path / "s") == _tree(shipped_skeleton())


def test_years_of_the_structure_move_on_with_the_report_year(tmp_path):
    made = create_skeleton(DATA / "2023", tmp_path / "2024", 2024)
    root = tmp_path / "2024"
    report_yaml = (root / "report.yaml").read_text(encoding="utf-8")
    assert "year: 2024" in report_yaml and '"2024"' in report_yaml and '"2023"' not in report_yaml
    assert "2023年度宁波市科学技术进步奖获奖项目名单" in report_yaml and "2022年度" not in report_yaml
    chapter = (root / "chapters" / "03-enterprises.md").read_text(encoding="utf-8")
    assert "caption: 2024年度宁波市企业研发投入50强榜单" in chapter and "2023年度" not in chapter
    assert all(f.code == "W-INIT-YEAR" for f in made.findings)


def test_a_year_that_is_not_the_report_year_is_kept_and_flagged(tmp_path):
    source = tmp_path / "2023"
    source.mkdir()
    (source / "report.yaml").write_text("meta:\n  year: 2023\n  region: 宁波市\n  title: 宁波市科技进步报告\n"
                                        "  keywords: [科创甬江2035, \"2023\"]\n", encoding="utf-8")
    made = create_skeleton(source, tmp_path / "2024", 2024)
    text = (tmp_path / "2024" / "report.yaml").read_text(encoding="utf-8")
    assert "科创甬江2035" in text and '"2024"' in text
    assert [(f.code, str(f.where), f.params["value"]) for f in made.findings] == [("W-INIT-YEAR", "report.yaml:5", 2035)]


def test_init_without_last_year_starts_from_the_shipped_skeleton(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "2024"]) == 0
    out = capsys.readouterr().out
    assert "data/2024" in out and (tmp_path / "data" / "2024" / "chapters" / "06-districts.md").is_file()
    result = validate(tmp_path / "data" / "2024")
    assert result.ok, result.findings


def test_init_refuses_an_existing_folder_and_suggests_out(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "2024").mkdir(parents=True)
    assert main(["init", "2024"]) == 2
    err = capsys.readouterr().err
    assert "已存在" in err and "--out" in err
    assert list((tmp_path / "data" / "2024").iterdir()) == []


def test_report_years_and_top_events_documents_do_not_share_folders():
    assert not (DATA / "2024").exists() and (DATA / "top-events" / "2024" / "top-events.yaml").is_file()
