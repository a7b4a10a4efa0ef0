"""Measure nbreport's speed and memory against a naive floor and pandoc + LibreOffice; print a table.

Run: .venv/bin/python bench/run.py [--quick] [--json out.json]

Every figure is measured in this run; targets are judged at the end, never asserted.
--quick skips the 50,000-row appendix and the slow naive reportlab 10,000-row table
(about 2 minutes instead of 9 on a 2-CPU machine). Hot spots: bench/profile_pdf.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nbreport
from nbreport.compose import Document, compose
from nbreport.render.docx import render_docx
from nbreport.render.pdf import render_pdf
from nbreport.schema.theme import Theme

import reference
from figures import Figures
from measure import ROOT, median_child, median_time, run_child
from naive import naive_docx, naive_pdf
from synthetic import award_report
from targets import format_verdicts, judge

DATA = ROOT / "data" / "2023"
WORKER = Path(__file__).resolve().parent / "worker.py"
PY = sys.executable
_SCRIPT = Path(PY).parent / "nbreport"
NBREPORT = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "nbreport.cli"]
THEME = Theme()


def cold_cli(figs: Figures, repeats: int) -> float:
    """Time ``nbreport build data/2023`` as a subprocess per format choice; return the peak RSS (MB) seen."""
    figs.start(f"1. Cold CLI: nbreport build data/2023 (subprocess, median of {repeats})")
    peak = 0.0
    for key, label, extra in (("both", "both formats", []), ("docx", "--format docx", ["--format", "docx"]),
                              ("pdf", "--format pdf", ["--format", "pdf"])):
        with tempfile.TemporaryDirectory() as out:
            seconds, rss, runs = median_child([*NBREPORT, "build", str(DATA), "--out", out, "-q", *extra], repeats)
        figs.add(f"cold.{key}", f"cold CLI build, {label}", seconds, note=_runs(runs))
        peak = max(peak, rss)
    return peak


def warm(figs: Figures, repeats: int) -> Document:
    """Time the in-process build of data/2023 and each stage after one warm-up; return the Document."""
    figs.start(f"2. Warm in-process: data/2023 (one warm-up, median of {repeats})")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        seconds, runs = median_time(lambda: nbreport.build(DATA, out), repeats, warmups=1)
        figs.add("warm.build", "build(): load+checks+compose+DOCX+PDF", seconds, note=_runs(runs))
        report = nbreport.load(DATA)
        figs.add("warm.load", "load + checks", median_time(lambda: nbreport.load(DATA), repeats)[0])
        figs.add("warm.compose", "compose", median_time(lambda: compose(report, THEME), repeats)[0])
        document = compose(report, THEME)
        docx = figs.add("warm.docx", "render DOCX", median_time(lambda: render_docx(document, THEME, out / "r.docx"), repeats)[0])
        pdf = figs.add("warm.pdf", "render PDF", median_time(lambda: render_pdf(document, THEME, out / "r.pdf"), repeats)[0])
        figs.add("warm.render", "render both (DOCX + PDF)", docx + pdf)
    return document


def imports(figs: Figures, repeats: int) -> None:
    """Time importing nbreport, its CLI and its renderers in fresh interpreters, startup subtracted."""
    figs.start(f"3. Import time (fresh interpreter, median of {repeats}, python startup subtracted)")
    base = figs.add("import.python", "python startup (-c pass)", median_child([PY, "-c", "pass"], repeats)[0])
    for key, modules in (("nbreport", "nbreport"), ("cli", "nbreport.cli"),
                         ("render", "nbreport.render.docx, nbreport.render.pdf")):
        seconds = median_child([PY, "-c", f"import {modules}"], repeats)[0] - base
        figs.add(f"import.{key}", f"import {modules}", seconds, note=_heavy_imports(modules))


def memory(figs: Figures, cold_rss: float, big: int | None) -> None:
    """Record peak RSS and tracemalloc peak of the data/2023 build and, unless ``big`` is None, of ``big`` rows."""
    figs.start("4. Peak memory (fresh process per build, both formats)")
    figs.add("mem.2023.rss", "data/2023: peak RSS (cold CLI child)", cold_rss, "MB", "ru_maxrss, RUSAGE_CHILDREN")
    figs.add("mem.2023.traced", "data/2023: tracemalloc peak", _worker(["--data", str(DATA)], True)["traced_peak_mb"], "MB")
    if big is None:
        figs.add("mem.50000.rss", "50,000 rows: peak RSS", None, "MB", "skipped (--quick)")
        return
    plain = _worker(["--rows", str(big)], False)
    figs.add(f"mem.{big}.rss", f"{big:,} rows: peak RSS (worker child)", plain["rss_mb"], "MB",
             f"build() took {plain['seconds']:.1f} s")
    figs.add(f"mem.{big}.traced", f"{big:,} rows: tracemalloc peak", _worker(["--rows", str(big)], True)["traced_peak_mb"], "MB")


def scaling(figs: Figures, sizes: list[int], repeats: int) -> dict[int, Document]:
    """Time compose and each renderer on synthetic award appendices; return the Documents by row count."""
    figs.start(f"5. Scaling: synthetic award appendix, render only ({_sizes(sizes)}; ≤10k rows median of {repeats}, larger once)")
    documents = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for rows in sizes:
            report = award_report(rows)
            figs.add(f"scale.{rows}.compose", f"{rows:,} rows: compose", median_time(lambda: compose(report, THEME), 1)[0])
            document = documents[rows] = compose(report, THEME)
            n = repeats if rows <= 10_000 else 1
            for fmt, render in (("docx", render_docx), ("pdf", render_pdf)):
                seconds, runs = median_time(lambda: render(document, THEME, out / f"s.{fmt}"), n)
                size = (out / f"s.{fmt}").stat().st_size / 2**20
                figs.add(f"scale.{rows}.{fmt}", f"{rows:,} rows: render {fmt.upper()}", seconds,
                         note=f"{seconds / rows * 1000:.3f} s per 1,000 rows; {size:.1f} MB file; {_runs(runs)}")
    if 50_000 in sizes:
        for fmt in ("docx", "pdf"):
            figs.ratio(f"scale.ratio.{fmt}", f"{fmt.upper()}: 50k / 10k time", f"scale.50000.{fmt}", f"scale.10000.{fmt}",
                       "linear would be 5.00")
    else:
        figs.add("scale.ratio.docx", "50k / 10k time", None, "×", "skipped (--quick)")
    return documents


def naive_floor(figs: Figures, document: Document, award: Document | None, repeats: int, slow: bool) -> None:
    """Time the naive python-docx and reportlab scripts on the same content; record nbreport's ratios to them."""
    figs.start(f"6. Naive floor: bare python-docx / reportlab platypus, same content (median of {repeats})")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        docx = figs.add("naive.docx", "naive python-docx, data/2023", median_time(lambda: naive_docx(document, out / "n.docx"), repeats, 1)[0])
        pdf = figs.add("naive.pdf", "naive reportlab, data/2023", median_time(lambda: naive_pdf(document, out / "n.pdf"), repeats, 1)[0])
        figs.add("naive.both", "naive floor, both formats", docx + pdf)
        figs.ratio("ratio.build_vs_naive", "nbreport full build / naive floor", "warm.build", "naive.both", "load+checks+compose+render")
        figs.ratio("ratio.render_vs_naive", "nbreport render both / naive floor", "warm.render", "naive.both", "same input Document")
        figs.ratio("ratio.docx_vs_naive", "nbreport DOCX render / naive DOCX", "warm.docx", "naive.docx")
        figs.ratio("ratio.pdf_vs_naive", "nbreport PDF render / naive PDF", "warm.pdf", "naive.pdf")
        if award is None:
            return
        figs.add("naive.10000.docx", "naive python-docx, 10,000 rows", median_time(lambda: naive_docx(award, out / "a.docx"), 1)[0], note="cell.text, one run")
        figs.ratio("ratio.10000.docx", "nbreport / naive, 10,000-row DOCX", "scale.10000.docx", "naive.10000.docx")
        if not slow:
            figs.add("naive.10000.pdf", "naive reportlab, 10,000 rows", None, note="skipped (--quick)")
            return
        figs.add("naive.10000.pdf", "naive reportlab, 10,000 rows", median_time(lambda: naive_pdf(award, out / "a.pdf"), 1)[0], note="one platypus Table, one run")
        figs.ratio("ratio.10000.pdf", "nbreport / naive, 10,000-row PDF", "scale.10000.pdf", "naive.10000.pdf")


def reference_chain(figs: Figures, document: Document, repeats: int) -> None:
    """Time Markdown → pandoc → DOCX → LibreOffice → PDF and LibreOffice on nbreport's DOCX; record the ratios."""
    figs.start(f"7. Reference: pandoc + LibreOffice, cold subprocesses (median of {repeats})")
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
    figs.ratio("ratio.reference_vs_cold", "(pandoc + LO) / nbreport cold CLI", "ref.chain", "cold.both", reason)


def _reference(figs: Figures, document: Document, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        markdown = tmp / "report.md"
        markdown.write_text(reference.to_markdown(document), encoding="utf-8")
        pandoc = figs.add("ref.pandoc", "pandoc md → docx", reference.time_pandoc(markdown, tmp / "report.docx", repeats))
        profile = tmp / "lo-profile"
        office = figs.add("ref.soffice", "LibreOffice pandoc docx → pdf", reference.time_soffice(tmp / "report.docx", tmp / "pdf", profile, repeats),
                          note="profile created by an untimed first run")
        render_docx(document, THEME, tmp / "nbreport.docx")
        figs.add("ref.soffice_nb", "LibreOffice nbreport docx → pdf", reference.time_soffice(tmp / "nbreport.docx", tmp / "pdf", profile, repeats))
    figs.add("ref.chain", "pandoc + LibreOffice", pandoc + office)
    figs.ratio("ratio.reference_vs_cold", "(pandoc + LO) / nbreport cold CLI", "ref.chain", "cold.both", "both sides cold processes")
    figs.ratio("ratio.reference_vs_warm", "(pandoc + LO) / nbreport warm build", "ref.chain", "warm.build")
    figs.ratio("ratio.lo_vs_pdf", "LO on nbreport docx / nbreport cold PDF", "ref.soffice_nb", "cold.pdf")


def _worker(args: list[str], traced: bool) -> dict:
    """Run worker.py once in a fresh process; return its JSON figures plus the child's peak RSS."""
    with tempfile.TemporaryDirectory() as out:
        run = run_child([PY, str(WORKER), *args, out, *(["--tracemalloc"] if traced else [])])
    return {**json.loads(run.stdout), "rss_mb": run.rss_mb}


def _heavy_imports(modules: str) -> str:
    """Return the third-party packages that cost most in ``import modules`` (self time summed per package, -X importtime)."""
    done = subprocess.run([PY, "-X", "importtime", "-c", f"import {modules}"], capture_output=True, text=True, check=True)
    cost: dict[str, int] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s+(\S+)$", line.rstrip())
        if match is None:
            continue
        package = match[2].split(".")[0]
        if package not in sys.stdlib_module_names and not package.startswith("_"):
            cost[package] = cost.get(package, 0) + int(match[1])
    top = sorted(cost.items(), key=lambda kv: -kv[1])[:4]
    flags = ", ".join(f"{name} {'yes' if name in cost else 'no'}" for name in ("pandas", "matplotlib"))
    return "; ".join(f"{name} {us / 1000:.0f} ms" for name, us in top) + f" | {flags}"


def _sizes(sizes: list[int]) -> str:
    return " / ".join(f"{rows:,}" for rows in sizes) + " rows"


def _runs(runs: list[float]) -> str:
    return "runs " + " ".join(f"{r:.2f}" for r in runs) if len(runs) > 1 else "one run"


def environment(args: argparse.Namespace) -> dict:
    """Return what the figures depend on: versions, machine, options, time."""
    return {"python": platform.python_version(), "nbreport": nbreport.__version__, "machine": platform.machine(),
            "cpus": os.cpu_count(), "quick": args.quick, "when": dt.datetime.now().isoformat(timespec="seconds")}


def main() -> None:
    """Measure every section, print the table and the targets, and save JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip 50,000 rows and the naive 10,000-row PDF")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="save the figures and verdicts")
    parser.add_argument("--repeats", type=int, default=3, help="runs per cold/subprocess figure (default 3)")
    parser.add_argument("--warm-repeats", type=int, default=5, help="runs per in-process figure (default 5)")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]

    figs = Figures()
    cold_rss = cold_cli(figs, args.repeats)
    document = warm(figs, args.warm_repeats)
    imports(figs, args.repeats)
    memory(figs, cold_rss, None if args.quick else 50_000)
    documents = scaling(figs, sizes, args.repeats)
    naive_floor(figs, document, documents.get(10_000), args.warm_repeats, slow=not args.quick)
    reference_chain(figs, document, args.repeats)

    env = environment(args)
    verdicts = judge(figs)
    print(f"\nnbreport {env['nbreport']} · Python {env['python']} · {env['machine']} × {env['cpus']} CPUs · {env['when']}"
          f"{' · --quick' if args.quick else ''}")
    print(figs.table())
    print(format_verdicts(verdicts))
    if args.json:
        figs.save(args.json, {"targets": verdicts, "environment": env})
        print(f"\nsaved {args.json}")


if __name__ == "__main__":
    main()
