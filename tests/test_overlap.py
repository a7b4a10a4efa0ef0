"""DOCX + PDF in one build: the PDF drawn in a forked process while the DOCX is written, same bytes."""

from __future__ import annotations

import os
import signal
import threading
import time
import warnings
from pathlib import Path

import pytest

from builders import FakeOffice, award_dataset
from nbreport import api, overlap
from nbreport.render import docx_layout
from nbreport.render.docx_layout import LayoutError, Office, PageLayout
from nbreport.render.errors import RenderError
from nbreport.schema.theme import Theme

AWARDS = "".join(f"省科技进步一等奖,新型材料研究第{n}期,宁波大学,张三\n" for n in range(1, 80))


class FixedOffice(FakeOffice):
    """Lay out every DOCX the same way, at once, as a LibreOffice that never changes its mind."""

    def measure(self, docx: bytes) -> PageLayout:
        return PageLayout(pages={}, rows={})


class FailingOffice(FakeOffice):
    """Fail the first measurement, as a LibreOffice that cannot start."""

    def measure(self, docx: bytes) -> PageLayout:
        raise LayoutError("LibreOffice cannot start here")


@pytest.fixture
def office(monkeypatch):
    """Install an office: the caller passes which."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    def install(kind: type[Office] | None) -> None:
        monkeypatch.setattr(docx_layout, "find_office", lambda: kind("soffice", "python") if kind else None)

    return install


def _build(root: Path, out: Path, jobs: int, formats: tuple[str, ...] = ("docx", "pdf")) -> dict[str, bytes]:
    report, checked = api.check_dataset(root)
    assert report is not None and checked.ok
    written = api.write_checked(report, out, formats, Theme(), None, lambda stage: None, False, jobs)
    return {path.suffix: path.read_bytes() for path in written}


@pytest.mark.parametrize("kind", [FixedOffice, FailingOffice, None])
def test_overlapped_formats_are_the_bytes_of_the_sequential_build(tmp_path, office, kind, recwarn):
    office(kind)
    root = award_dataset(tmp_path / "ds", AWARDS)
    assert overlap.sequential_reason(("docx", "pdf"), 2) is None
    together = _build(root, tmp_path / "together", jobs=2)
    assert overlap.sequential_reason(("docx", "pdf"), 1) is not None
    assert _build(root, tmp_path / "in-turn", jobs=1) == together
    assert sorted(together) == [".docx", ".pdf"] and not list((tmp_path / "together").glob(".*"))


@pytest.mark.parametrize("formats", [("docx", "pdf"), ("pdf",)])
def test_a_pdf_that_fails_in_the_child_fails_the_build_as_it_would_alone(tmp_path, office, monkeypatch, formats):
    office(FixedOffice)
    root = award_dataset(tmp_path / "ds", AWARDS)
    monkeypatch.setenv("NBREPORT_SYSTEM_FONTS", "0")
    monkeypatch.setenv("NBREPORT_FONT_DIR", str(tmp_path / "no-fonts"))
    with pytest.raises(RenderError) as caught:
        _build(root, tmp_path / "out", jobs=2, formats=formats)
    assert "TrueType" in str(caught.value)
    assert not [path for path in (tmp_path / "out").iterdir()]


def test_the_formats_take_turns_without_a_pdf_or_with_jobs_1_with_or_without_libreoffice(office):
    office(None)
    assert overlap.sequential_reason(("docx", "pdf"), 2) is None
    office(FixedOffice)
    assert overlap.sequential_reason(("docx",)) == "no PDF"
    assert overlap.sequential_reason(("pdf",), 2) is None  # a PDF alone is drawn while the checks run
    assert "-j 1" in overlap.sequential_reason(("docx", "pdf"), 1)


def test_a_busy_machine_keeps_the_turns_unless_asked(office, monkeypatch):
    office(FixedOffice)
    monkeypatch.setattr(overlap, "usable_cpus", lambda: 2)
    monkeypatch.setattr(overlap.os, "getloadavg", lambda: (4.5, 1.0, 1.0))
    assert "overloaded" in overlap.sequential_reason(("docx", "pdf"))
    assert overlap.sequential_reason(("docx", "pdf"), 2) is None
    monkeypatch.setattr(overlap.os, "getloadavg", lambda: (1.5, 0.1, 0.1))  # busy, not overloaded: still faster
    assert overlap.sequential_reason(("docx", "pdf")) is None
    monkeypatch.setattr(overlap, "usable_cpus", lambda: 1)
    assert overlap.sequential_reason(("docx", "pdf")) == "one usable CPU"
    monkeypatch.setenv(overlap.JOBS_ENV, "1")
    assert overlap.sequential_reason(("docx", "pdf")) is not None


def test_another_thread_keeps_the_turns(office):
    office(FixedOffice)
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert "threads" in overlap.sequential_reason(("docx", "pdf"), 2)
    finally:
        release.set()
        worker.join()


def _prepared_build(root: Path, out: Path, theme: Theme, begin: bool = True, render_theme: Theme | None = None,
                    formats: tuple[str, ...] = ("docx", "pdf")) -> dict[str, bytes]:
    """Build as the command line does: the PDF worker prepares, and with ``begin`` draws, while the dataset is checked."""
    with api.prepared_pdf(formats, 2, theme, False) as worker:
        assert worker is not None and worker.process.is_alive()
        report, checked = api.check_dataset(root, loaded=worker.begin if begin else None)
        assert report is not None and checked.ok
        assert (worker.document is not None) == begin
        written = api.write_checked(report, out, formats, render_theme or theme, None, lambda stage: None,
                                    False, 2, worker)
        assert not worker.process.is_alive()  # its PDF was used
    return {path.suffix: path.read_bytes() for path in written}


@pytest.mark.parametrize("kind", [FixedOffice, None])
@pytest.mark.parametrize("begin", [True, False])
def test_a_worker_prepared_during_the_checks_writes_the_bytes_of_the_sequential_build(tmp_path, office, kind, begin, recwarn):
    office(kind)
    root = award_dataset(tmp_path / "ds", AWARDS)
    prepared = _prepared_build(root, tmp_path / "prepared", Theme(), begin)
    assert prepared == _build(root, tmp_path / "in-turn", jobs=1)
    assert not list((tmp_path / "prepared").glob(".*"))


@pytest.mark.parametrize("begin", [True, False])
def test_a_pdf_alone_drawn_by_a_worker_during_the_checks_is_the_pdf_drawn_in_turn(tmp_path, office, begin, monkeypatch):
    office(FixedOffice)
    drawn_here = []
    original = api._render
    monkeypatch.setattr(api, "_render", lambda fmt, *args: (drawn_here.append(fmt), original(fmt, *args))[1])
    root = award_dataset(tmp_path / "ds", AWARDS)
    prepared = _prepared_build(root, tmp_path / "prepared", Theme(), begin, formats=("pdf",))
    assert drawn_here == []  # the worker drew it (forked: its calls are not seen here)
    report, checked = api.check_dataset(root)
    assert report is not None
    written = api.write_checked(report, tmp_path / "in-turn", ("pdf",), Theme(), None, lambda stage: None, False, 1)
    assert drawn_here == ["pdf"]
    assert list(prepared) == [".pdf"] and prepared[".pdf"] == written[0].read_bytes()
    assert not list((tmp_path / "prepared").glob(".*"))


def test_a_pdf_begun_before_a_failing_check_leaves_nothing_behind(tmp_path, office, monkeypatch):
    office(None)
    private = tmp_path / "private"
    private.mkdir()
    monkeypatch.setattr(overlap.tempfile, "tempdir", str(private))  # where begin draws the PDF
    root = award_dataset(tmp_path / "ds", AWARDS + "省科技进步一等奖,新型材料研究第1期,宁波大学,张三\n")  # a duplicate row
    with api.prepared_pdf(("docx", "pdf"), 2, Theme(), False) as worker:
        assert worker is not None
        report, checked = api.check_dataset(root, loaded=worker.begin)
        assert worker.document is not None  # the PDF had begun when the awards were checked
        assert "E-AWARD-DUPLICATE" in checked.codes()
        process = worker.process
    assert not process.is_alive()
    assert list(private.iterdir()) == []


def test_a_worker_begun_with_another_theme_is_not_used_for_this_one(tmp_path, office, recwarn):
    office(None)
    root = award_dataset(tmp_path / "ds", AWARDS)
    other = Theme(margin_left_mm=30.0)
    prepared = _prepared_build(root, tmp_path / "prepared", Theme(), render_theme=other)
    report, checked = api.check_dataset(root)
    assert report is not None
    written = api.write_checked(report, tmp_path / "in-turn", ("docx", "pdf"), other, None, lambda stage: None, False, 1)
    assert prepared == {path.suffix: path.read_bytes() for path in written}


def test_a_worker_given_no_job_ends_with_its_block_and_writes_nothing(tmp_path, office):
    office(None)
    with api.prepared_pdf(("docx", "pdf"), 2, Theme(), False) as worker:
        assert worker is not None
        process = worker.process
    assert not process.is_alive() and process.exitcode is not None
    assert not list(tmp_path.iterdir())


def test_no_worker_is_started_without_a_pdf_or_with_jobs_1(office):
    office(None)
    for formats, jobs in ((("docx",), 2), (("docx", "pdf"), 1), (("pdf",), 1)):
        with api.prepared_pdf(formats, jobs, Theme(), False) as worker:
            assert worker is None


def test_font_warnings_met_while_preparing_are_reported_with_the_pdf_once(tmp_path, office):
    office(None)
    theme = Theme(fallback_fonts=["NoSuchFallbackFont"])
    root = award_dataset(tmp_path / "ds", AWARDS)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _prepared_build(root, tmp_path / "out", theme)
    missing = [w for w in caught if "NoSuchFallbackFont" in str(w.message)]
    assert len(missing) == 1


def _deaf_prepare(theme: Theme, font_fallback: bool) -> list:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as a library that swallows the parent's SIGTERM
    return []


def test_a_worker_stopped_while_it_waits_for_its_job_ends_on_the_closed_pipe(office, monkeypatch):
    office(None)
    monkeypatch.setattr(overlap, "_prepare", _deaf_prepare)
    start = time.monotonic()
    with api.prepared_pdf(("docx", "pdf"), 2, Theme(), False) as worker:
        assert worker is not None
        process = worker.process
        time.sleep(0.5)  # it is waiting for a job now, deaf to SIGTERM
    assert process.exitcode == 0  # ended by end of file, not killed
    assert time.monotonic() - start < overlap.STOP_SECONDS


FORK_WINDOW = """
import os, signal, sys
def handler(signum, frame):
    raise SystemExit(143)  # as the command line's SIGTERM handler
signal.signal(signal.SIGTERM, handler)
from nbreport import overlap
from nbreport.api import _render
from nbreport.schema.theme import Theme
for _ in range(20):
    try:
        worker = overlap.PdfWorker(_render, Theme(), False)
        worker.process.terminate()  # at once: while the child may still be inside the fork
        worker.stop()
    except SystemExit:
        print("escaped", flush=True)
        os._exit(0)
print("done", flush=True)
"""


def test_a_worker_stopped_in_the_moment_after_its_fork_runs_no_handler_of_the_parent():
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run([sys.executable, "-c", FORK_WINDOW], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout == "done\n"
    assert "Traceback" not in done.stderr


def test_a_report_that_cannot_be_composed_before_its_checks_is_left_to_them(tmp_path, office, monkeypatch):
    office(None)

    def refuse(report, theme):
        raise KeyError("a reference the remaining checks would report")

    monkeypatch.setattr(overlap, "compose", refuse)
    root = award_dataset(tmp_path / "ds", AWARDS)
    with api.prepared_pdf(("docx", "pdf"), 2, Theme(), False) as worker:
        assert worker is not None
        report, checked = api.check_dataset(root, loaded=worker.begin)  # no traceback out of the hook
        assert report is not None and checked.ok and worker.document is None


def test_a_pdf_begun_early_that_fails_fails_the_command_as_it_would_alone(tmp_path, office, monkeypatch, capsys):
    from nbreport.cli import main

    office(None)
    monkeypatch.setenv("NBREPORT_SYSTEM_FONTS", "0")
    monkeypatch.setenv("NBREPORT_FONT_DIR", str(tmp_path / "no-fonts"))
    root = award_dataset(tmp_path / "ds", AWARDS)
    assert main(["build", str(root), "--out", str(tmp_path / "out"), "-j", "2", "-q"]) == 2
    assert "TrueType" in capsys.readouterr().err
    assert not list((tmp_path / "out").iterdir())
