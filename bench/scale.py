"""Scale the award appendix: per format and row count, fresh processes; time per 1,000 rows and peak RSS."""

from __future__ import annotations

import json
import math
import statistics
import sys
from pathlib import Path

from figures import Figures
from measure import child_env, run_child

CHILD = Path(__file__).resolve().parent / "scale_child.py"
FORMATS = ("docx", "pdf")
SETUP_ROWS = 10  # a render this small is all set-up: subtracted, it leaves what each row costs
CHILDREN = 5  # rounds: the machine's speed drifts over minutes, a PDF round of all sizes takes one
WINDOW_SECONDS = 5.0  # each timing spans at least about this long (scale_child.py says why)
ESTIMATE = {"docx": (0.035, 7e-5), "pdf": (0.03, 9e-4)}  # rough seconds per render and per row, to pick loops


def loops_for(fmt: str, rows: int) -> int:
    """Return how many renders of ``rows`` rows fill WINDOW_SECONDS, by the rough cost estimate."""
    fixed, per_row = ESTIMATE[fmt]
    return max(1, math.ceil(WINDOW_SECONDS / (fixed + per_row * rows)))


def measure_sizes(fmt: str, sizes: list[int], children: int = CHILDREN) -> dict[int, list[dict]]:
    """Return, per row count, one figure set per fresh child: wall and CPU seconds per render, loops, peak RSS.

    The sizes run in turns, round after round, so a neighbour's burst falls on every size alike.
    """
    runs: dict[int, list[dict]] = {rows: [] for rows in sizes}
    for _ in range(children):
        for rows in sizes:
            runs[rows].append(measured_child(fmt, rows, loops_for(fmt, rows)))
    return runs


def measured_child(fmt: str, rows: int, loops: int) -> dict:
    """Return the wall and CPU seconds per render of ``loops`` renders of ``rows`` rows in a fresh child, and its peak RSS."""
    run = run_child([sys.executable, str(CHILD), fmt, str(rows), str(loops)], env=child_env({"NBREPORT_OFFICE": "off"}))
    found = json.loads(run.stdout.strip().splitlines()[-1])
    return {"seconds": found["seconds"] / loops, "cpu": found["cpu"] / loops, "loops": loops, "rss_mb": run.rss_mb}


def scaling(figs: Figures, sizes: list[int], children: int = CHILDREN) -> None:
    """Record, per format and size, wall and CPU per render and per 1,000 rows, and peak RSS; then how flat they are."""
    figs.start(f"5. Scaling: synthetic award appendix, compose + render, fresh processes "
               f"({' / '.join(f'{n:,}' for n in sizes)} rows), each timing about {WINDOW_SECONDS:g} s or one render")
    for fmt in FORMATS:
        runs = measure_sizes(fmt, [SETUP_ROWS, *sizes], children)
        setup = statistics.median(run["cpu"] for run in runs[SETUP_ROWS])
        figs.add(f"scale.{SETUP_ROWS}.{fmt}", f"{SETUP_ROWS} rows: {fmt.upper()} (fixed set-up), CPU", setup,
                 note=_spread(runs[SETUP_ROWS]))
        wall_k, whole_k, past_k = [], [], []
        for rows in sizes:
            found = runs[rows]
            wall, cpu = (statistics.median(run[key] for run in found) for key in ("seconds", "cpu"))
            wall_k.append(wall * 1000 / rows)
            whole_k.append(cpu * 1000 / rows)
            past_k.append((cpu - setup) * 1000 / (rows - SETUP_ROWS))
            figs.add(f"scale.{rows}.{fmt}", f"{rows:,} rows: {fmt.upper()}, wall", wall,
                     note=f"{wall_k[-1]:.3f} s per 1,000 rows; cpu {cpu:.3f} s; {_spread(found)}")
            figs.add(f"mem.{rows}.{fmt}.rss", f"{rows:,} rows: {fmt.upper()} peak RSS", max(r["rss_mb"] for r in found), "MB")
        _flatness(figs, fmt, sizes, wall_k, whole_k, past_k)


def _spread(found: list[dict]) -> str:
    """Return how many children and renders a figure is the median of, and how far apart their CPU times were."""
    cpu = [run["cpu"] for run in found]
    return f"median of {len(found)} children × {found[0]['loops']} renders; CPU max/min {max(cpu) / min(cpu):.2f}"


def _flatness(figs: Figures, fmt: str, sizes: list[int], wall_k: list[float], whole_k: list[float],
              past_k: list[float]) -> None:
    name, span = fmt.upper(), ", ".join(f"{n // 1000}k" for n in sizes)
    figs.add(f"scale.flat.{fmt}.wall", f"{name}: max/min wall per 1,000 rows", max(wall_k) / min(wall_k), "×",
             f"raw, set-up included, over {span}: falls with size while the set-up is a large share")
    growth = max(whole_k[j] / whole_k[i] for i in range(len(sizes)) for j in range(i + 1, len(sizes)))
    figs.add(f"scale.growth.{fmt}", f"{name}: largest growth of CPU per 1,000 rows with size", growth, "×",
             "CPU, set-up included; 1.00 is linear, above it superlinear: "
             + ", ".join(f"{value:.3f}" for value in whole_k) + " s")
    figs.add(f"scale.flat.{fmt}.marginal", f"{name}: max/min CPU per 1,000 rows past the set-up",
             max(past_k) / min(past_k), "×",
             "CPU: " + ", ".join(f"{value:.3f}" for value in past_k) + " s")
