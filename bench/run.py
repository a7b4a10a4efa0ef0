"""Measure nbreport's speed and memory against the naive cold pair and pandoc + LibreOffice; print a table.

Run: .venv/bin/python bench/run.py [--quick] [--json out.json]

Every figure is paired in this run with its reference (the naive scripts are re-measured
each time, in turns with nbreport); wall and CPU time; the machine's load at start and end;
issue 15's targets judged as ratios at the end, never asserted. --quick skips the 50,000-row
appendix, the naive reportlab 10,000-row table, the overlapped build under load and
the batch of six reports, and times the scaling sizes in one round only (its ratios then
move by up to 17 %; the full run takes the median of several).
Hot spots: bench/profile_pdf.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import nbreport
from nbreport.compose import Document, compose
from nbreport.schema.theme import Theme

import naive
import reference
from batch_rate import batch_rate
from cold import DATA, build_command, cold_pair
from concurrent_render import both_ways
from figures import Figures
from measure import PYCACHE, interleaved, median_child, median_time, run_child
from scale import FORMATS, ROUNDS, measured_child, scaling
from synthetic import award_report
from targets import format_verdicts, judge

PY = sys.executable
THEME = Theme()
# The cold pair is the closest-judged target (0.90-1.09 x over four runs on 2026-12-02): its runs
# last a second each and one round's ratio ranged 0.73-1.30 in one run, so it gets more rounds
# than other figures (10 by default, about 90 s).
COLD_ROUNDS_PER_REPEAT = 3
HEAVY = ("matplotlib", "pandas", "openpyxl", "jinja2", "docx", "reportlab")


def warm(figs: Figures, repeats: int) -> None:
    """Time the in-process build of data/2023 and its load + checks after one warm-up (fonts, caches)."""
    figs.start(f"2. Warm in-process: data/2023 (one warm-up, median of {repeats})")
    with tempfile.TemporaryDirectory() as folder:
        seconds, runs = median_time(lambda: nbreport.build(DATA, Path(folder)), repeats, warmups=1)
        figs.add("warm.build", "build(): load+checks+compose+DOCX+PDF", seconds, note=_runs(runs))
        figs.add("warm.load", "load + checks", median_time(lambda: nbreport.load(DATA), repeats)[0])


def imports(figs: Figures, repeats: int) -> None:
    """Time importing nbreport, its CLI and `nbreport validate` in fresh interpreters, startup subtracted."""
    figs.start(f"3. Import time (fresh interpreter, bytecode cached, median of {repeats}, python startup subtracted)")
    base = figs.add("import.python", "python startup (-c pass)", median_child([PY, "-c", "pass"], repeats)[0])
    for key, code in (("nbreport", "import nbreport"), ("cli", "import nbreport.cli"),
                      ("validate", f"from nbreport.cli import main; main(['validate', {str(DATA)!r}, '-q'])")):
        seconds = median_child([PY, "-c", code], repeats)[0] - base
        figs.add(f"import.{key}", code if key != "validate" else "nbreport validate data/2023 (whole run)", seconds,
                 note=_heavy_imports(code))


def naive_rows(figs: Figures, rows: int, slow: bool, rounds: int = 2) -> None:
    """Time the naive scripts and nbreport on the same synthetic rows in turns; record the ratios (time after imports, both sides)."""
    figs.start(f"6. Naive scripts vs nbreport on the {rows:,}-row appendix (fresh processes in turns, median of {rounds}; "
               "time after imports)")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        text = naive.dump(compose(award_report(rows), THEME), tmp / "rows.json")
        for fmt in ("docx", "pdf"):
            if fmt == "pdf" and not slow:
                figs.add(f"naive.{rows}.pdf", f"naive reportlab, {rows:,} rows", None, note="skipped (--quick)")
                continue
            naive_runs, ours = [], []
            for _ in range(rounds):
                run = run_child(naive.command(fmt, text, tmp / f"n.{fmt}"))
                naive_runs.append((json.loads(run.stdout.strip().splitlines()[-1])["seconds"], run))
                ours.append(measured_child(fmt, rows, 1)["seconds"])
            seconds = statistics.median(first for first, _ in naive_runs)
            figs.add(f"naive.{rows}.{fmt}", f"naive {fmt.upper()} script, {rows:,} rows", seconds,
                     note="runs " + " ".join(f"{first:.2f}" for first, _ in naive_runs)
                          + f"; {max(run.rss_mb for _, run in naive_runs):.0f} MB")
            figs.add(f"paired.{rows}.{fmt}", f"nbreport compose + render, {rows:,} rows, same turns", statistics.median(ours),
                     note="runs " + " ".join(f"{value:.2f}" for value in ours))
            figs.ratio(f"ratio.{rows}.{fmt}", f"nbreport / naive, {rows:,}-row {fmt.upper()}", f"paired.{rows}.{fmt}",
                       f"naive.{rows}.{fmt}", "per round " + " ".join(f"{a / b:.2f}" for a, (b, _) in zip(ours, naive_runs)))


def reference_chain(figs: Figures, document: Document, repeats: int) -> None:
    """Time Markdown → pandoc → DOCX → LibreOffice → PDF as cold subprocesses; record the ratio to the cold build."""
    figs.start(f"7. Reference: pandoc + LibreOffice vs nbreport, cold subprocesses in turns (median of {repeats}, one untimed round)")
    reason = reference.missing()
    if reason is None:
        try:
            _reference(figs, document, repeats)
            return
        except (RuntimeError, OSError) as error:
            reason = f"failed: {error}"[:160]
    for key, label in (("ref.pandoc", "pandoc md → docx"), ("ref.soffice", "LibreOffice docx → pdf"),
                       ("ref.chain", "pandoc + LibreOffice")):
        figs.add(key, label, None, note=reason)
    figs.ratio("ratio.reference_vs_cold", "(pandoc + LO) / nbreport cold CLI", "ref.chain", "ref.nbreport", reason)


def _reference(figs: Figures, document: Document, repeats: int) -> None:
    """Run pandoc, LibreOffice and nbreport's cold build in turns; the ratio is taken from these runs alone.

    The first round is untimed: it writes LibreOffice's user profile, as on a workstation that
    has run it before. The chain's time is the sum of the two steps' medians.
    """
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        markdown = tmp / "report.md"
        markdown.write_text(reference.to_markdown(document), encoding="utf-8")
        steps = reference.commands(markdown, tmp / "report.docx", tmp / "pdf", tmp / "lo-profile")
        runs = interleaved({**steps, "ref.nbreport": build_command(tmp / "nb")},
                           repeats)
        if not (tmp / "pdf" / "report.pdf").exists():
            raise RuntimeError("LibreOffice wrote no PDF")
    labels = {"ref.pandoc": "pandoc md → docx", "ref.soffice": "LibreOffice pandoc docx → pdf",
              "ref.nbreport": "nbreport build, both formats, in the same turns"}
    for key, label in labels.items():
        figs.add(key, label, statistics.median(run.seconds for run in runs[key]),
                 note="runs " + " ".join(f"{run.seconds:.2f}" for run in runs[key]))
    figs.add("ref.chain", "pandoc + LibreOffice", figs.get("ref.pandoc") + figs.get("ref.soffice"))  # type: ignore[operator]
    rounds = [(a.seconds + b.seconds) / c.seconds for a, b, c in zip(*(runs[key] for key in labels))]
    figs.ratio("ratio.reference_vs_cold", "(pandoc + LO) / nbreport cold CLI, both formats", "ref.chain", "ref.nbreport",
               "paired in turns; per round " + " ".join(f"{r:.1f}" for r in rounds))


def _heavy_imports(code: str) -> str:
    """Return the third-party packages that cost most in running ``code`` (self time per package, -X importtime) and which heavy ones load."""
    done = subprocess.run([PY, "-X", "importtime", "-c", code], capture_output=True, text=True, check=False)
    cost: dict[str, int] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s+(\S+)$", line.rstrip())
        if match is None:
            continue
        package = match[2].split(".")[0]
        if package not in sys.stdlib_module_names and not package.startswith("_"):
            cost[package] = cost.get(package, 0) + int(match[1])
    top = sorted(cost.items(), key=lambda kv: -kv[1])[:3]
    loaded = ",".join(name for name in HEAVY if name in cost) or "none"
    return "; ".join(f"{name} {us / 1000:.0f} ms" for name, us in top) + f" | heavy: {loaded}"


def _runs(runs: list[float]) -> str:
    return "runs " + " ".join(f"{r:.2f}" for r in runs) if len(runs) > 1 else "one run"


def environment(args: argparse.Namespace, load_start: tuple[float, ...]) -> dict:
    """Return what the figures depend on: versions, machine, load at start and end, options, time."""
    return {"python": platform.python_version(), "nbreport": nbreport.__version__, "machine": platform.machine(),
            "cpus": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "quick": args.quick,
            "load_start": load_start, "load_end": os.getloadavg(), "office": os.environ.get("NBREPORT_OFFICE", ""),
            "pycache": str(PYCACHE), "when": dt.datetime.now().isoformat(timespec="seconds")}


SECTIONS = ("cold", "warm", "imports", "overlap", "scaling", "naive", "reference", "batch")


def main() -> None:
    """Measure every section, print the table and the targets, and save JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip 50,000 rows and the naive 10,000-row PDF")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="save the figures and verdicts")
    parser.add_argument("--repeats", type=int, default=3, help="rounds of the paired cold runs and subprocess figures (default 3)")
    parser.add_argument("--only", metavar="SECTIONS", type=lambda text: set(text.split(",")),
                        help=f"measure only these sections, comma-separated: {','.join(SECTIONS)}")
    args = parser.parse_args()
    wanted = args.only or set(SECTIONS)
    if not wanted <= set(SECTIONS):
        parser.error(f"unknown section {sorted(wanted - set(SECTIONS))}; choose from {','.join(SECTIONS)}")
    load_start = os.getloadavg()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in load_start)} ({os.cpu_count()} CPUs)", flush=True)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]

    figs = Figures()
    report = nbreport.load(DATA)
    document = compose(report, THEME)
    steps = {
        "cold": lambda: cold_pair(figs, document, COLD_ROUNDS_PER_REPEAT * args.repeats + 1),
        "warm": lambda: warm(figs, args.repeats),
        "imports": lambda: imports(figs, args.repeats),
        "overlap": lambda: both_ways(figs, 1 if args.quick else 2, busy=not args.quick),
        "scaling": lambda: scaling(figs, sizes, dict.fromkeys(FORMATS, 1) if args.quick else ROUNDS),
        "naive": lambda: naive_rows(figs, 10_000, slow=not args.quick, rounds=1 if args.quick else 2),
        "reference": lambda: reference_chain(figs, document, args.repeats),
        "batch": lambda: None if args.quick else batch_rate(figs, 6),
    }
    for name in SECTIONS:
        if name in wanted:
            steps[name]()

    env = environment(args, load_start)
    verdicts = judge(figs)
    print(f"\nnbreport {env['nbreport']} · Python {env['python']} · {env['machine']} × {env['cpus']} CPUs"
          f" · NBREPORT_OFFICE={env['office'] or '(unset)'} · {env['when']}{' · --quick' if args.quick else ''}")
    print(f"load average: start {' '.join(f'{x:.2f}' for x in env['load_start'])}, end {' '.join(f'{x:.2f}' for x in env['load_end'])}")
    print(figs.table())
    print(format_verdicts(verdicts))
    if args.json:
        figs.save(args.json, {"targets": verdicts, "environment": env})
        print(f"\nsaved {args.json}")


if __name__ == "__main__":
    main()
