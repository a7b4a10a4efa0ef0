"""Scale the award appendix: per format, cost per 1,000 rows by size timed in turns in one process; peak RSS per size in fresh ones."""

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
BASE_ROWS = 1_000  # every size's cost per row is compared with this size's, timed in the same round
# A round of all sizes takes about 20 s for DOCX and 50 s for PDF; one round's ratios moved by up
# to 17 %, the median of several by about 2 %.
ROUNDS = {"docx": 9, "pdf": 5}
WINDOW_SECONDS = 4.0  # each size's turn spans at least about this long (scale_child.py says why)
ESTIMATE = {"docx": (0.03, 5e-5), "pdf": (0.03, 7e-4)}  # rough seconds per render and per row, to pick loops


def loops_for(fmt: str, rows: int) -> int:
    """Return how many renders of ``rows`` rows fill WINDOW_SECONDS, by the rough cost estimate."""
    fixed, per_row = ESTIMATE[fmt]
    return max(1, math.ceil(WINDOW_SECONDS / (fixed + per_row * rows)))


def measured_child(fmt: str, rows: int, loops: int) -> dict:
    """Return the wall and CPU seconds per render of ``loops`` renders of ``rows`` rows in a fresh child, and its peak RSS."""
    run = run_child([sys.executable, str(CHILD), fmt, str(rows), str(loops)], env=child_env({"NBREPORT_OFFICE": "off"}))
    found = json.loads(run.stdout.strip().splitlines()[-1])
    return {"seconds": found["seconds"] / loops, "cpu": found["cpu"] / loops, "loops": loops, "rss_mb": run.rss_mb}


def paired_rounds(fmt: str, sizes: list[int], rounds: int) -> list[dict[int, dict[str, float]]]:
    """Return, per round, the CPU and wall seconds per render of every size, all timed in turns in one child."""
    plan = ",".join(f"{rows}:{loops_for(fmt, rows)}" for rows in sizes)
    run = run_child([sys.executable, str(CHILD), fmt, "--paired", plan, str(rounds)],
                    env=child_env({"NBREPORT_OFFICE": "off"}))
    found = json.loads(run.stdout.strip().splitlines()[-1])["rounds"]
    return [{int(rows): figures for rows, figures in round_.items()} for round_ in found]


def scaling(figs: Figures, sizes: list[int], rounds: dict[str, int] = ROUNDS) -> None:
    """Record, per format and size, CPU per render and per 1,000 rows, how flat and how it grows, and peak RSS."""
    counts = " / ".join(f"{rounds[fmt]} {fmt.upper()}" for fmt in FORMATS)
    figs.start(f"5. Scaling: synthetic award appendix, compose + render ({' / '.join(f'{n:,}' for n in sizes)} rows); "
               f"sizes in turns in one process, {counts} rounds, each turn about {WINDOW_SECONDS:g} s or one render; "
               "peak RSS of one fresh process per size")
    for fmt in FORMATS:
        found = paired_rounds(fmt, [SETUP_ROWS, *sizes], rounds[fmt])
        setup = [round_[SETUP_ROWS]["cpu"] for round_ in found]
        figs.add(f"scale.{SETUP_ROWS}.{fmt}", f"{SETUP_ROWS} rows: {fmt.upper()} (fixed set-up), CPU",
                 statistics.median(setup), note=_spread(setup))
        for rows in sizes:
            cpu = [round_[rows]["cpu"] for round_ in found]
            wall = statistics.median(round_[rows]["seconds"] for round_ in found)
            past = statistics.median(_past_k(round_, rows) for round_ in found)
            figs.add(f"scale.{rows}.{fmt}", f"{rows:,} rows: {fmt.upper()}, CPU", statistics.median(cpu),
                     note=f"{past:.3f} s per 1,000 rows past the set-up; wall {wall:.3f} s; {_spread(cpu)}")
        for rows in sizes:
            fresh = measured_child(fmt, rows, 1)
            figs.add(f"mem.{rows}.{fmt}.rss", f"{rows:,} rows: {fmt.upper()} peak RSS", fresh["rss_mb"], "MB",
                     f"fresh process, one render: wall {fresh['seconds']:.3f} s, CPU {fresh['cpu']:.3f} s")
        _flatness(figs, fmt, sizes, found)


def _past_k(round_: dict[int, dict[str, float]], rows: int) -> float:
    """Return one round's CPU seconds per 1,000 rows of ``rows`` past that round's set-up."""
    return (round_[rows]["cpu"] - round_[SETUP_ROWS]["cpu"]) * 1000 / (rows - SETUP_ROWS)


def _whole_k(round_: dict[int, dict[str, float]], rows: int) -> float:
    """Return one round's CPU seconds per 1,000 rows of ``rows``, set-up included."""
    return round_[rows]["cpu"] * 1000 / rows


def _spread(values: list[float]) -> str:
    return f"median of {len(values)} rounds; max/min {max(values) / min(values):.2f}"


def _flatness(figs: Figures, fmt: str, sizes: list[int], found: list[dict[int, dict[str, float]]]) -> None:
    """Record how far the cost per row moves with size: per round, against the base size timed seconds apart.

    Each size's ratio to BASE_ROWS is the median over rounds of that round's ratio; the flatness
    is the largest of these ratios (the base's own, 1.00, included) over the smallest.
    """
    name, span = fmt.upper(), ", ".join(f"{n // 1000}k" for n in sizes)
    past = {rows: statistics.median(_past_k(r, rows) / _past_k(r, BASE_ROWS) for r in found) for rows in sizes}
    figs.add(f"scale.flat.{fmt}.marginal", f"{name}: max/min CPU per 1,000 rows past the set-up",
             max(past.values()) / min(past.values()), "×",
             f"over {span}, each against {BASE_ROWS:,} rows in the same round: "
             + ", ".join(f"{value:.3f}" for value in past.values()))
    pairs = [(small, big) for i, small in enumerate(sizes) for big in sizes[i + 1:]]
    growth = {(small, big): statistics.median(_whole_k(r, big) / _whole_k(r, small) for r in found) for small, big in pairs}
    figs.add(f"scale.growth.{fmt}", f"{name}: largest growth of CPU per 1,000 rows with size", max(growth.values()), "×",
             "CPU, set-up included, larger over smaller in the same round; 1.00 is linear, above it superlinear: "
             + ", ".join(f"{big // 1000}k/{small // 1000}k {value:.3f}" for (small, big), value in growth.items()))
