"""Time one build of data/2023 with the two formats rendered one after the other and side by side, in turns."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from cold import DATA, NBREPORT
from figures import Figures
from measure import child_env, interleaved


def both_ways(figs: Figures, repeats: int) -> None:
    """Record the cold build's wall and CPU time with NBREPORT_JOBS=1 (sequential) and =2 (parallel when allowed)."""
    figs.start(f"4. DOCX + PDF in one build: sequential vs concurrent, cold CLI in turns (median of {repeats})")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        commands = {jobs: [*NBREPORT, "build", str(DATA), "--out", str(tmp / jobs), "-q"] for jobs in ("1", "2")}
        runs = interleaved(commands, repeats, env={jobs: child_env({"NBREPORT_JOBS": jobs}) for jobs in commands})
    for jobs, label in (("1", "sequential (NBREPORT_JOBS=1)"), ("2", "concurrent allowed (NBREPORT_JOBS=2)")):
        figs.add(f"jobs.{jobs}", f"{label}: wall", statistics.median(r.seconds for r in runs[jobs]),
                 note="runs " + " ".join(f"{r.seconds:.2f}" for r in runs[jobs]))
        figs.add(f"jobs.{jobs}.cpu", f"{label}: CPU", statistics.median(r.cpu for r in runs[jobs]))
    figs.ratio("ratio.jobs", "concurrent / sequential: wall", "jobs.2", "jobs.1", "below 1.00 is faster")
