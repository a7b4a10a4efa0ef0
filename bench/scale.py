"""Scale the award appendix: per format, per row count, a fresh process; per-1,000-row times and peak RSS."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from figures import Figures
from measure import run_child

CHILD = Path(__file__).resolve().parent / "scale_child.py"
FORMATS = ("docx", "pdf")
SETUP_ROWS = 10  # a render this small is all set-up: subtracted, it leaves what each row costs
CHEAP_REPEATS = 5
BIG_REPEATS = 3


def measure_sizes(fmt: str, sizes: list[int], big_repeats: int = BIG_REPEATS) -> dict[int, dict]:
    """Return, per row count, seconds, cpu and rss_mb of ``fmt``: the median-CPU run of fresh children.

    The sizes run in turns, round after round, so a neighbour's burst or a drift of the
    machine's speed falls on every size alike instead of on the one that ran alone then.
    A run under about a second is repeated CHEAP_REPEATS times (at 1,000 rows a DOCX render
    costs 10 ms more than the set-up, the size of one run's noise), a longer one
    ``big_repeats`` times: one 10,000-row PDF took 6.9, 7.5 and 9.2 s of CPU on one morning.
    The peak RSS is the largest of the runs.
    """
    wanted = {rows: CHEAP_REPEATS if fmt == "docx" or rows <= 1_000 else big_repeats for rows in sizes}
    runs: dict[int, list[dict]] = {rows: [] for rows in sizes}
    for turn in range(max(wanted.values())):
        for rows in sizes:
            if turn < wanted[rows]:
                runs[rows].append(_measured_once(fmt, rows))
    return {rows: _median_run(found) for rows, found in runs.items()}


def _median_run(runs: list[dict]) -> dict:
    runs = sorted(runs, key=lambda figures: figures["cpu"])
    chosen = dict(runs[len(runs) // 2])
    chosen["rss_mb"] = max(figures["rss_mb"] for figures in runs)
    chosen["repeats"] = len(runs)
    chosen["cpu_runs"] = [figures["cpu"] for figures in runs]
    return chosen


def _measured_once(fmt: str, rows: int) -> dict:
    run = run_child([sys.executable, str(CHILD), fmt, str(rows)])
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    figures.setdefault("cpu", run.cpu)
    figures.setdefault("rss_mb", run.rss_mb)
    return figures


def scaling(figs: Figures, sizes: list[int], big_repeats: int = BIG_REPEATS) -> None:
    """Record each format's time, CPU, per-1k time and peak RSS at each size; then the flatness (max/min per-1k time)."""
    figs.start(f"5. Scaling: synthetic award appendix, compose + render, fresh process per run ({' / '.join(f'{n:,}' for n in sizes)} rows)")
    for fmt in FORMATS:
        per_k, cpu_k, marginal_k = [], [], []
        measured = measure_sizes(fmt, [SETUP_ROWS, *sizes], big_repeats)
        fixed = measured[SETUP_ROWS]  # the render's own set-up (template, fonts, zip), paid once per file
        figs.add(f"scale.{SETUP_ROWS}.{fmt}", f"{SETUP_ROWS} rows: {fmt.upper()} (fixed set-up)", fixed["seconds"],
                 note=f"cpu {fixed['cpu']:.3f} s; median of {fixed['repeats']}")
        for rows in sizes:
            got = measured[rows]
            per_k.append(got["seconds"] / rows * 1000)
            cpu_k.append(got["cpu"] / rows * 1000)
            marginal_k.append((got["cpu"] - fixed["cpu"]) / (rows - SETUP_ROWS) * 1000)
            spread = max(got["cpu_runs"]) / min(got["cpu_runs"])
            figs.add(f"scale.{rows}.{fmt}", f"{rows:,} rows: {fmt.upper()}", got["seconds"],
                     note=f"cpu {got['cpu']:.3f} s; {per_k[-1]:.3f} s per 1,000 rows; median of {got['repeats']} "
                          f"(CPU max/min {spread:.2f}); via {got.get('via', '?')}")
            figs.add(f"mem.{rows}.{fmt}.rss", f"{rows:,} rows: {fmt.upper()} peak RSS", got["rss_mb"], "MB")
        figs.add(f"scale.flat.{fmt}", f"{fmt.upper()}: max/min time per 1,000 rows", max(per_k) / min(per_k), "×",
                 f"wall; over {', '.join(f'{n // 1000}k' for n in sizes)}; flat is 1.00")
        figs.add(f"scale.flat.{fmt}.cpu", f"{fmt.upper()}: max/min CPU per 1,000 rows", max(cpu_k) / min(cpu_k), "×",
                 "CPU time drifts less than wall on a shared machine")
        growth = max(later / earlier for earlier, later in zip(marginal_k, marginal_k[1:])) if len(sizes) > 1 else None
        figs.add(f"scale.growth.{fmt}", f"{fmt.upper()}: largest growth of that CPU from one size to the next", growth, "×",
                 "below 1.00 it falls with size (set-up and warm-up spread over more rows); superlinear is above")
        figs.add(f"scale.flat.{fmt}.marginal", f"{fmt.upper()}: max/min CPU per 1,000 rows past the set-up",
                 max(marginal_k) / min(marginal_k), "×",
                 f"(CPU at n rows − CPU at {SETUP_ROWS}) / (n − {SETUP_ROWS}): "
                 + ", ".join(f"{value:.3f}" for value in marginal_k) + " s")
