"""Time one build of data/2023 with DOCX and PDF in turn and overlapped, idle and under load, cold CLI runs in turns.

The formats overlap only when LibreOffice lays out the DOCX (nbreport.overlap says why), so
this section runs with LibreOffice on whatever NBREPORT_OFFICE says elsewhere. "Busy" adds
one CPU-bound process per usable CPU for the duration of those runs.
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from nbreport.overlap import usable_cpus

from cold import build_command
from figures import Figures
from measure import child_env, interleaved, office_found

_BURN = "while True: pass"


def both_ways(figs: Figures, repeats: int, busy: bool) -> None:
    """Record wall and CPU time of NBREPORT_JOBS=1 (in turn) and =2 (overlapped), idle and, if ``busy``, loaded."""
    figs.start(f"4. DOCX + PDF in one build, LibreOffice layout on: in turn vs overlapped, cold CLI in turns (median of {repeats})")
    env = {jobs: child_env({"NBREPORT_JOBS": jobs, "NBREPORT_OFFICE": ""}) for jobs in ("1", "2")}
    reason = None if office_found(env["1"]) else "LibreOffice with python3-uno not installed: the formats always take turns"
    if reason:
        figs.add("jobs.idle.ratio", "overlapped / in turn: wall", None, "×", reason)
        return
    for load in ("idle", "busy") if busy else ("idle",):
        with tempfile.TemporaryDirectory() as folder, _burning(usable_cpus() if load == "busy" else 0):
            commands = {jobs: build_command(Path(folder) / jobs) for jobs in env}
            runs = interleaved(commands, repeats, warmup=load == "idle", env=env)
        for jobs, label in (("1", "in turn (NBREPORT_JOBS=1)"), ("2", "overlapped (NBREPORT_JOBS=2)")):
            figs.add(f"jobs.{load}.{jobs}", f"{load}: {label}, wall", statistics.median(r.seconds for r in runs[jobs]),
                     note="runs " + " ".join(f"{r.seconds:.2f}" for r in runs[jobs]))
            figs.add(f"jobs.{load}.{jobs}.cpu", f"{load}: {label}, CPU", statistics.median(r.cpu for r in runs[jobs]))
        figs.ratio(f"jobs.{load}.ratio", f"{load}: overlapped / in turn, wall", f"jobs.{load}.2", f"jobs.{load}.1",
                   "below 1.00: overlapping is faster")


@contextlib.contextmanager
def _burning(count: int) -> Iterator[None]:
    """Keep ``count`` CPU-bound processes running for the block (a machine busy with other work)."""
    burners = [subprocess.Popen([sys.executable, "-c", _BURN]) for _ in range(count)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
