"""Batch builds: several datasets in one call, each into its own subfolder, in a process pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import award_dataset, chronology_dataset, write_dataset
from nbreport.batch import DuplicateNames, Job, Outcome, pdf_pages, plan, workers, worst
from nbreport.cli import main

GOOD_AWARDS = "省科技进步一等奖,新型材料研究,宁波大学,张三\n"
GOOD_EVENTS = "1月5日,宁波召开科技创新大会\n2月10日,甬江实验室揭牌\n"


@pytest.fixture
def pinned_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_two_datasets_built_in_one_call_are_the_bytes_of_each_built_alone(tmp_path, pinned_time):
    first = award_dataset(tmp_path / "data" / "awards", GOOD_AWARDS)
    second = chronology_dataset(tmp_path / "data" / "events", GOOD_EVENTS)
    assert main(["build", str(first), str(second), "--out", str(tmp_path / "batch"), "-j", "2", "-q"]) == 0
    for dataset in (first, second):
        assert main(["build", str(dataset), "--out", str(tmp_path / "alone" / dataset.name), "-q"]) == 0
        alone = _files(tmp_path / "alone" / dataset.name)
        assert sorted(Path(name).suffix for name in alone) == [".docx", ".pdf"]
        assert _files(tmp_path / "batch" / dataset.name) == alone


def test_a_bad_dataset_gives_its_findings_and_exit_1_while_the_good_ones_are_built(tmp_path, capsys):
    good = award_dataset(tmp_path / "good", GOOD_AWARDS)
    bad = write_dataset(tmp_path / "bad", "chronology: missing.csv\n")
    code = main(["build", str(bad), str(good), "--out", str(tmp_path / "out"), "--format", "docx"])
    err = capsys.readouterr().err
    assert code == 1
    assert [path.suffix for path in (tmp_path / "out" / "good").iterdir()] == [".docx"]
    assert not (tmp_path / "out" / "bad").exists()
    assert "✗ bad" in err and "E-" in err and "Traceback" not in err


def test_a_path_that_is_no_dataset_among_good_ones_exits_2(tmp_path, capsys):
    good = award_dataset(tmp_path / "good", GOOD_AWARDS)
    code = main(["build", str(good), str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"), "--format", "docx", "-q"])
    assert code == 2 and (tmp_path / "out" / "good").is_dir()
    assert "E-PATH-NOT-FOUND" in capsys.readouterr().err


def test_two_datasets_with_one_folder_name_are_refused_before_anything_is_built(tmp_path, capsys):
    one = award_dataset(tmp_path / "a" / "2023", GOOD_AWARDS)
    two = award_dataset(tmp_path / "b" / "2023", GOOD_AWARDS)
    assert main(["build", str(one), str(two), "--out", str(tmp_path / "out")]) == 2
    assert "2023" in capsys.readouterr().err and not (tmp_path / "out").exists()
    with pytest.raises(DuplicateNames):
        plan([str(one), str(two)], tmp_path / "out")


def test_a_folder_of_datasets_stands_for_them_and_stray_files_are_skipped(tmp_path):
    award_dataset(tmp_path / "data" / "cities" / "haishu", GOOD_AWARDS)
    award_dataset(tmp_path / "data" / "cities" / "yinzhou", GOOD_AWARDS)
    (tmp_path / "data" / "NOTES.md").write_text("notes", encoding="utf-8")
    paths = [str(tmp_path / "data" / "cities"), str(tmp_path / "data" / "NOTES.md"), str(tmp_path / "data" / "cities" / "haishu")]
    planned = plan(paths, tmp_path / "out")
    assert [job.name for job in planned.jobs] == ["haishu", "yinzhou"]  # haishu given twice is built once
    assert planned.skipped == [str(tmp_path / "data" / "NOTES.md")]
    assert planned.jobs[1].out == tmp_path / "out" / "yinzhou"


def test_the_pool_is_never_larger_than_the_batch_and_jobs_win():
    assert workers(None, 1) == 1
    assert workers(3, 10) == 3 and workers(8, 2) == 2 and workers(0, 5) == 1


def test_the_batch_exit_code_is_its_worst_report():
    job = Job("d", "d", Path("out/d"))
    assert worst([Outcome(job, 0), Outcome(job, 1), Outcome(job, 0)]) == 1
    assert worst([Outcome(job, 2), Outcome(job, 1)]) == 2 and worst([]) == 0


def test_pdf_pages_reads_the_page_tree_count(tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<\n/Count 3 /Kids [ 4 0 R\n 5 0 R 6 0 R ] /Type /Pages\n>>\nendobj\n")
    assert pdf_pages(pdf) == 3
    assert pdf_pages(tmp_path / "missing.pdf") is None
