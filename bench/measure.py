"""Measure wall time, CPU time and peak memory of child processes, and Python allocations; nothing here asserts."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Bytecode goes to a private prefix: the shell may set PYTHONDONTWRITEBYTECODE (every cold run would
# then recompile nbreport's modules, which no installed copy does), and the venv stays untouched.
PYCACHE = Path(tempfile.gettempdir()) / "nbreport-bench-pycache"


@dataclass(frozen=True)
class ChildRun:
    """Hold one child process run: wall seconds, CPU seconds (user+sys), peak RSS in MB, exit code, output."""

    seconds: float
    cpu: float
    rss_mb: float
    code: int
    stdout: str
    stderr: str


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment of measured children: bytecode cached under PYCACHE, ``extra`` on top."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return {**env, **(extra or {})}


# Runs the command in argv as its only child and writes that child's wall time, CPU time and
# peak RSS (os.wait4: this child alone) as JSON to the file named first. A small process of its
# own: a child forked straight from the bench (hundreds of MB by then) would start with the
# bench's resident pages, and ru_maxrss survives exec.
_PROBE = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    json.dump({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss,
               "code": os.waitstatus_to_exitcode(status)}, out)
"""


def run_child(cmd: Sequence[str], cwd: Path = ROOT, check: bool = True, env: dict[str, str] | None = None) -> ChildRun:
    """Run ``cmd`` under a small probe; return its wall time, CPU time and peak RSS; raise if it fails and ``check``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "probe.json"
        probe = subprocess.run([sys.executable, "-c", _PROBE, str(figures), *map(str, cmd)], cwd=cwd, stdout=out,
                               stderr=err, env=env or child_env())
        stdout, stderr = (_read(stream) for stream in (out, err))
        if probe.returncode != 0 or not figures.exists():
            raise RuntimeError(f"probe failed: {stderr.strip()[-800:]}")
        data = json.loads(figures.read_text())
    run = ChildRun(data["seconds"], data["cpu"], data["rss_kb"] / 1024, data["code"], stdout, stderr)
    if check and run.code != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {run.code}: {run.stderr.strip()[-800:]}")
    return run


def _read(stream: Any) -> str:
    stream.seek(0)
    return stream.read().decode("utf-8", "replace")[-8000:]


def median_time(fn: Callable[[], Any], repeats: int, warmups: int = 0) -> tuple[float, list[float]]:
    """Return the median wall time of ``repeats`` calls of ``fn`` (after ``warmups`` untimed calls) and all runs."""
    for _ in range(warmups):
        fn()
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), runs


def median_child(cmd: Sequence[str], repeats: int, cwd: Path = ROOT) -> tuple[float, float, list[float]]:
    """Return the median wall time, the largest peak RSS (MB) and all times of ``repeats`` runs of ``cmd``."""
    runs = [run_child(cmd, cwd) for _ in range(repeats)]
    times = [run.seconds for run in runs]
    return statistics.median(times), max(run.rss_mb for run in runs), times


def interleaved(commands: Mapping[str, Sequence[str]], repeats: int, warmup: bool = True,
                env: dict[str, dict[str, str]] | None = None) -> dict[str, list[ChildRun]]:
    """Run each command ``repeats`` times in turns (A B C A B C …, the order rotated each round); return the runs by key.

    Drift on a shared machine then hits every command alike. ``warmup`` runs each once untimed
    first (bytecode, font caches, page cache), as on a machine that has run the tool before.
    ``env`` gives a command its own environment (by key).
    """
    envs = env or {}
    keys = list(commands)
    if warmup:
        for key in keys:
            run_child(commands[key], env=envs.get(key))
    runs: dict[str, list[ChildRun]] = {key: [] for key in keys}
    for round_ in range(repeats):
        for key in keys[round_ % len(keys):] + keys[: round_ % len(keys)]:
            runs[key].append(run_child(commands[key], env=envs.get(key)))
    return runs


def office_found(env: dict[str, str]) -> bool:
    """Return whether a build run with ``env`` finds LibreOffice with python3-uno (its layout pass runs)."""
    probe = "from nbreport.render.docx_layout import find_office; print(find_office() is not None)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    return done.stdout.strip() == "True"


def traced_peak(fn: Callable[[], Any]) -> float:
    """Call ``fn`` under tracemalloc and return the peak of traced Python allocations in MB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
