"""Time the cold `nbreport build` of this checkout against an earlier commit's, interleaved in one run.

Run: .venv/bin/python bench/against_ref.py REF [--repeats N] [--format docx|pdf]

REF (a commit, tag or branch) is checked out into a temporary git worktree and built from its
own data/2023 with its own code (this venv's packages, the worktree first on PYTHONPATH), so the
figure is "the report as it was built then" against "as it is built now". Runs alternate
(ref, head, ref, head, …) so that the machine's drift hits both; medians of wall and CPU time
(the child's user + sys) and their ratios are printed. The cache (charts, fonts) is measured
both ways: empty (a first build on a new machine) and filled by an untimed build (every build
after); REF is also run with a cache of its own filled, for REFs that have one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``command`` once; return its wall and CPU seconds (user + sys of the child)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-400:] if process.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def build_command(tree: Path, out: Path, formats: list[str]) -> list[str]:
    return [sys.executable, "-m", "nbreport.cli", "build", str(tree / "data" / "2023"), "--out", str(out), "-q", *formats]


def environment(tree: Path, cache: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "NBREPORT_OFFICE": "off", "NBREPORT_CACHE_DIR": cache,
            "SOURCE_DATE_EPOCH": "1700000000"}


def main() -> None:
    """Check REF out, alternate cold builds of it and of this checkout, print the medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ref")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--format", choices=("docx", "pdf"))
    args = parser.parse_args()
    formats = ["--format", args.format] if args.format else []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tmp / "ref"), args.ref], check=True)
        try:
            rows = measure(tmp, formats, args.repeats)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tmp / "ref")], check=False)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; CPUs: {os.cpu_count()}")
    print(f"{'build':<34}{'wall s':>9}{'cpu s':>9}{'wall ×ref':>11}{'cpu ×ref':>10}")
    ref_wall, ref_cpu = rows["ref"]
    for name, (wall, cpu) in rows.items():
        print(f"{name:<34}{wall:>9.2f}{cpu:>9.2f}{wall / ref_wall:>11.2f}{cpu / ref_cpu:>10.2f}")
    (head_wall, head_cpu), (old_wall, old_cpu) = rows["head, chart cache filled"], rows["ref, its cache filled"]
    print(f"head / ref, both caches filled: wall {head_wall / old_wall:.2f} ×, CPU {head_cpu / old_cpu:.2f} ×")


def measure(tmp: Path, formats: list[str], repeats: int) -> dict[str, tuple[float, float]]:
    """Return median (wall, cpu) for REF, HEAD with an empty chart cache and HEAD with a filled one."""
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    filled, ref_filled = str(tmp / "cache-filled"), str(tmp / "ref-cache-filled")
    subprocess.run(build_command(ROOT, tmp / "warmup", formats), env=environment(ROOT, filled), check=True)
    subprocess.run(build_command(tmp / "ref", tmp / "ref-warmup", formats), env=environment(tmp / "ref", ref_filled), check=True)
    runs: dict[str, list[tuple[float, float]]] = {"ref": [], "ref, its cache filled": [], "head, chart cache empty": [],
                                                  "head, chart cache filled": []}
    for n in range(repeats):
        runs["ref"].append(timed(build_command(tmp / "ref", tmp / f"r{n}", formats), environment(tmp / "ref", "off")))
        runs["ref, its cache filled"].append(
            timed(build_command(tmp / "ref", tmp / f"rf{n}", formats), environment(tmp / "ref", ref_filled)))
        runs["head, chart cache empty"].append(timed(build_command(ROOT, tmp / f"e{n}", formats), environment(ROOT, str(tmp / f"empty{n}"))))
        runs["head, chart cache filled"].append(timed(build_command(ROOT, tmp / f"f{n}", formats), environment(ROOT, filled)))
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values)) for name, values in runs.items()}


if __name__ == "__main__":
    main()
