"""Measure wall time, child processes and Python allocations; nothing here asserts."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Runs the command given in argv as its only child and prints that child's wall time and
# peak resident set size (ru_maxrss of RUSAGE_CHILDREN is the largest finished child).
_PROBE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "rss_kb": rss_kb, "code": done.returncode,
                  "stdout": done.stdout[-4000:], "stderr": done.stderr[-4000:]}))
"""


@dataclass(frozen=True)
class ChildRun:
    """Hold one child process run: wall seconds, peak RSS in MB, exit code and output."""

    seconds: float
    rss_mb: float
    code: int
    stdout: str
    stderr: str


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


def run_child(cmd: Sequence[str], cwd: Path = ROOT, check: bool = True) -> ChildRun:
    """Run ``cmd`` under a probe process and return its wall time and peak RSS; raise if it fails and ``check``."""
    probe = subprocess.run([sys.executable, "-c", _PROBE, *map(str, cmd)], cwd=cwd, capture_output=True, text=True)
    if probe.returncode != 0:
        raise RuntimeError(f"probe failed: {probe.stderr.strip()}")
    data = json.loads(probe.stdout)
    run = ChildRun(data["seconds"], data["rss_kb"] / 1024, data["code"], data["stdout"], data["stderr"])
    if check and run.code != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {run.code}: {run.stderr.strip()[-800:]}")
    return run


def median_child(cmd: Sequence[str], repeats: int, cwd: Path = ROOT) -> tuple[float, float, list[float]]:
    """Return the median wall time, the largest peak RSS (MB) and all times of ``repeats`` runs of ``cmd``."""
    runs = [run_child(cmd, cwd) for _ in range(repeats)]
    times = [run.seconds for run in runs]
    return statistics.median(times), max(run.rss_mb for run in runs), times


def traced_peak(fn: Callable[[], Any]) -> float:
    """Call ``fn`` under tracemalloc and return the peak of traced Python allocations in MB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
