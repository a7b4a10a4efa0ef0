"""Scale the award appendix: per format and row count, fresh processes; time per 1,000 rows, speed-adjusted, and peak RSS."""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from figures import Figures
from measure import child_env, run_child

CHILD = Path(__file__).resolve().parent / "scale_child.py"
FORMATS = ("docx", "pdf")
SETUP_ROWS = 10  # as in scale_child.py: the reference render each big one is paired with
CHEAP_PAIRS = 5  # pairs per child when one render is cheap (under about a second): 100 ms renders vary by 2x
CHILDREN = 3


def measure_sizes(fmt: str, sizes: list[int], children: int = CHILDREN) -> dict[int, list[dict]]:
    """Return, per row count, every timed pair of ``fmt`` from ``children`` fresh processes, with their peak RSS.

    The sizes run in turns, round after round, so a neighbour's burst falls on every size
    alike; each pair also carries its own calibration (scale_child.calibrate), which is what
    the speed adjustment divides by.
    """
    runs: dict[int, list[dict]] = {rows: [] for rows in sizes}
    for _ in range(children):
        for rows in sizes:
            pairs = CHEAP_PAIRS if fmt == "docx" or rows <= 1_000 else 1
            runs[rows].extend(_measured_child(fmt, rows, pairs))
    return runs


def _measured_child(fmt: str, rows: int, pairs: int) -> list[dict]:
    run = run_child([sys.executable, str(CHILD), fmt, str(rows), str(pairs)], env=child_env({"NBREPORT_OFFICE": "off"}))
    found = json.loads(run.stdout.strip().splitlines()[-1])["runs"]
    # One child's calibrations, pooled: a 0.1 s calibration varies by 30 % on its own, so
    # each pair of a many-pair child is adjusted by the child's median, not by its own two.
    speed = statistics.median(pair["calibration"] for pair in found)
    return [{**pair, "calibration": speed, "rss_mb": run.rss_mb} for pair in found]


def speed_adjusted(runs: dict[int, list[dict]]) -> dict[int, list[dict]]:
    """Return the runs with ``speed``: each pair's calibration over the median of all, so 1.10 ran 10 % slow.

    CPU time divided by it is what the pair would have cost at the run's typical speed.
    """
    typical = statistics.median(pair["calibration"] for found in runs.values() for pair in found)
    return {rows: [{**pair, "speed": pair["calibration"] / typical} for pair in found] for rows, found in runs.items()}


def per_thousand(pair: dict, rows: int) -> tuple[float, float]:
    """Return one pair's speed-adjusted CPU seconds per 1,000 rows: whole, and past the set-up render."""
    whole = pair["cpu"] / pair["speed"] * 1000 / rows
    past = (pair["cpu"] - pair["setup_cpu"]) / pair["speed"] * 1000 / (rows - SETUP_ROWS)
    return whole, past


def scaling(figs: Figures, sizes: list[int], children: int = CHILDREN) -> None:
    """Record, per format and size, wall, CPU and speed-adjusted CPU per 1,000 rows and peak RSS; then how flat they are."""
    figs.start(f"5. Scaling: synthetic award appendix, compose + render, fresh processes "
               f"({' / '.join(f'{n:,}' for n in sizes)} rows), each render paired with a {SETUP_ROWS}-row one")
    for fmt in FORMATS:
        runs = speed_adjusted(measure_sizes(fmt, sizes, children))
        setup = statistics.median(pair["setup_cpu"] for found in runs.values() for pair in found)
        figs.add(f"scale.{SETUP_ROWS}.{fmt}", f"{SETUP_ROWS} rows: {fmt.upper()} (fixed set-up), CPU", setup,
                 note=f"median of {sum(map(len, runs.values()))}, one before every timed render")
        wall_k, whole_k, past_k = [], [], []
        for rows in sizes:
            found = runs[rows]
            wall = statistics.median(pair["seconds"] for pair in found)
            whole, past = (statistics.median(values) for values in zip(*(per_thousand(pair, rows) for pair in found)))
            wall_k.append(wall * 1000 / rows)
            whole_k.append(whole)
            past_k.append(past)
            figs.add(f"scale.{rows}.{fmt}", f"{rows:,} rows: {fmt.upper()}, wall", wall,
                     note=f"{wall_k[-1]:.3f} s per 1,000 rows; {_spread(found)}")
            figs.add(f"scale.{rows}.{fmt}.adjusted", f"{rows:,} rows: {fmt.upper()}, CPU per 1,000 rows, speed-adjusted",
                     whole, note=f"past the set-up {past:.3f} s")
            figs.add(f"mem.{rows}.{fmt}.rss", f"{rows:,} rows: {fmt.upper()} peak RSS", max(p["rss_mb"] for p in found), "MB")
        _flatness(figs, fmt, sizes, wall_k, whole_k, past_k)


def _spread(found: list[dict]) -> str:
    """Return how far apart a size's CPU times were, raw and speed-adjusted (max/min), and over how many pairs."""
    raw = [pair["cpu"] for pair in found]
    adjusted = [pair["cpu"] / pair["speed"] for pair in found]
    return (f"median of {len(found)}; CPU max/min {max(raw) / min(raw):.2f} raw, "
            f"{max(adjusted) / min(adjusted):.2f} speed-adjusted")


def _flatness(figs: Figures, fmt: str, sizes: list[int], wall_k: list[float], whole_k: list[float],
              past_k: list[float]) -> None:
    name, span = fmt.upper(), ", ".join(f"{n // 1000}k" for n in sizes)
    figs.add(f"scale.flat.{fmt}.wall", f"{name}: max/min wall per 1,000 rows", max(wall_k) / min(wall_k), "×",
             f"raw, set-up included, over {span}: falls with size while the set-up is a large share")
    growth = max(whole_k[j] / whole_k[i] for i in range(len(sizes)) for j in range(i + 1, len(sizes)))
    figs.add(f"scale.growth.{fmt}", f"{name}: largest growth of CPU per 1,000 rows with size", growth, "×",
             "speed-adjusted, set-up included; 1.00 is linear, above it superlinear: "
             + ", ".join(f"{value:.3f}" for value in whole_k) + " s")
    figs.add(f"scale.flat.{fmt}.marginal", f"{name}: max/min CPU per 1,000 rows past the set-up",
             max(past_k) / min(past_k), "×",
             "speed-adjusted: " + ", ".join(f"{value:.3f}" for value in past_k) + " s")
