"""The output folder: builds take turns, and what a killed build staged is cleaned up."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from builders import award_dataset
from conftest import ROOT
from nbreport import build, load
from nbreport.cli import main
from nbreport.outdir import OutputBusy, locked_output, remove_stale


def test_a_second_build_waits_for_the_first_and_gives_up_with_a_message(tmp_path):
    with locked_output(tmp_path):
        with pytest.raises(OutputBusy, match="--out"):
            with locked_output(tmp_path, wait=0.3):
                pass
    with locked_output(tmp_path, wait=0.3):  # released when the first build ends
        pass


def test_staged_files_of_a_killed_build_are_removed_and_nothing_else(tmp_path):
    for name in (".报告.docx.building", ".报告.pdf.x1y2z3.tmp", ".hidden", "草稿.tmp", "报告.pdf"):
        (tmp_path / name).write_text("x")
    removed = remove_stale(tmp_path)
    assert sorted(p.name for p in removed) == [".报告.docx.building", ".报告.pdf.x1y2z3.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden", "报告.pdf", "草稿.tmp"]


def test_the_next_build_cleans_what_a_sigkilled_build_left(tmp_path):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".2023年度宁波市科技进步报告.pdf.building").write_bytes(b"%PDF-1.4 half")
    (out / ".2023年度宁波市科技进步报告.docx.abcd1234.tmp").write_bytes(b"PK")
    written = build(load(root), out, formats=("docx",))
    assert [p.name for p in out.iterdir()] == [written[0].name]


def test_sigterm_mid_build_leaves_no_staged_file_and_no_output(tmp_path):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import sys, time
        import nbreport.api as api
        from pathlib import Path
        def slow(fmt, document, theme, path, *rest):
            Path(path).write_bytes(b"partial")
            time.sleep(60)
        api._render = slow
        from nbreport.cli import main
        sys.exit(main(["build", {str(root)!r}, "--out", {str(out)!r}]))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".building") for p in out.glob(".*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 128 + signal.SIGTERM and b"Traceback" not in err
    assert list(out.iterdir()) == []


def test_cli_says_when_the_output_folder_stays_busy(tmp_path, monkeypatch, capsys):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    import nbreport.outdir as outdir

    monkeypatch.setattr(outdir, "_try_lock", lambda fd: False)
    monkeypatch.setattr(outdir, "WAIT_SECONDS", 0.2)
    assert main(["build", str(root), "--out", str(tmp_path / "out"), "--format", "docx"]) == 2
    assert "另一次生成" in capsys.readouterr().err
