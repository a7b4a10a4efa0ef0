"""Time a batch build of copies of data/2023 with -j 1 and -j N: seconds per report and reports per minute.

Run alone: .venv/bin/python bench/batch_rate.py [copies]   (run.py calls ``batch_rate``)
The copies are real folders (shutil.copytree), so each report is checked, composed and
rendered in full; LibreOffice layout is off, as in a batch on a server without it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from nbreport.overlap import usable_cpus

from cold import DATA, NBREPORT
from figures import Figures
from measure import child_env, run_child


def batch_rate(figs: Figures, copies: int) -> None:
    """Record wall, CPU, seconds per report and reports per minute for -j 1 and -j (usable CPUs)."""
    cpus = usable_cpus()
    figs.start(f"8. Batch: {copies} copies of data/2023 in one call, -j 1 vs -j {cpus} (one run each, LibreOffice off)")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        datasets = [shutil.copytree(DATA, tmp / "data" / f"city{n:02d}") for n in range(copies)]
        env = child_env({"NBREPORT_OFFICE": "off"})
        for jobs in dict.fromkeys((1, cpus)):
            run = run_child([*NBREPORT, "build", *map(str, datasets), "--out", str(tmp / f"out{jobs}"), "-q", "-j", str(jobs)], env=env)
            figs.add(f"batch.j{jobs}", f"-j {jobs}: {copies} reports, wall", run.seconds, note=f"cpu {run.cpu:.1f} s")
            figs.add(f"batch.j{jobs}.per", f"-j {jobs}: seconds per report", run.seconds / copies)
            figs.add(f"batch.j{jobs}.rate", f"-j {jobs}: reports per minute", copies / run.seconds * 60, "/min")
    if cpus > 1:
        figs.ratio("batch.speedup", f"-j {cpus} speed-up over -j 1", "batch.j1", f"batch.j{cpus}")


if __name__ == "__main__":
    figures = Figures()
    batch_rate(figures, int(sys.argv[1]) if len(sys.argv) > 1 else 4)
    print(figures.table())
