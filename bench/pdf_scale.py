"""Measure the PDF renderer alone: font loading cold vs cached, award-appendix scaling and peak RSS.

Run: .venv/bin/python bench/pdf_scale.py [--big] [--sizes 1000,10000] [--no-naive]

Every figure comes from a fresh child process (``--child ...``), so font parsing, caches
and the allocator start cold each time; ratios are taken within this one run. The
bench helper can call :func:`measure` and print or merge the rows it returns.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _rss_mb() -> float:
    """Return this process's resident set size now (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _peak_mb() -> float:
    """Return this process's peak RSS (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_fonts() -> dict:
    from nbreport.render.fonts import load_fonts
    from nbreport.schema.theme import Theme

    theme = Theme()
    before, start, cpu = _rss_mb(), time.perf_counter(), time.process_time()
    load_fonts(theme)
    return {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu, "rss_added_mb": _rss_mb() - before}


def _child_render(source: str, out: Path, naive: bool) -> dict:
    """Render ``source`` (a row count, or a dataset folder) once, warm, and return its figures."""
    sys.path.insert(0, str(HERE))
    import nbreport
    from nbreport.compose import Document, compose
    from nbreport.render.fonts import load_fonts
    from nbreport.render.pdf import render_pdf
    from nbreport.schema.theme import Theme
    from synthetic import award_report

    theme = Theme()
    document: Document  # composed below, after the fonts, so that each step's memory is read apart
    start_mb = _rss_mb()
    if naive:
        from naive import _register_font, naive_pdf

        _register_font()
        render = lambda: naive_pdf(document, out)  # noqa: E731
    else:
        load_fonts(theme)  # font loading is measured on its own
        render = lambda: render_pdf(document, theme, out)  # noqa: E731
    fonts_mb = _rss_mb()
    document = compose(award_report(int(source)) if source.isdigit() else nbreport.load(Path(source)), theme)
    document_mb = _rss_mb()
    if not source.isdigit():
        render()  # a whole report: warm up once (charts are drawn and cached by the first render)
    before, start, cpu = _rss_mb(), time.perf_counter(), time.process_time()
    render()
    return {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
            "rss_before_mb": before, "peak_mb": _peak_mb(), "fonts_mb": fonts_mb - start_mb,
            "document_mb": document_mb - fonts_mb}


def _run_child(args: list[str], env: dict[str, str] | None = None) -> dict:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"child {args} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def font_loading(repeats: int = 3) -> dict[str, float]:
    """Return median cold-process font loading CPU seconds and RSS: no cache, first run (writes it), cached."""
    from nbreport.render.font_cache import CACHE_DIR_ENV

    off, cold, hit, rss_off, rss_hit = [], [], [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            env = {CACHE_DIR_ENV: cache}
            first = _run_child(["fonts"], {CACHE_DIR_ENV: ""})
            off.append(first["cpu_s"])
            rss_off.append(first["rss_added_mb"])
            cold.append(_run_child(["fonts"], env)["cpu_s"])
            cached = _run_child(["fonts"], env)
            hit.append(cached["cpu_s"])
            rss_hit.append(cached["rss_added_mb"])
    median = statistics.median
    return {"fonts.parse_cpu_s": median(off), "fonts.first_cpu_s": median(cold), "fonts.cached_cpu_s": median(hit),
            "fonts.parse_rss_mb": median(rss_off), "fonts.cached_rss_mb": median(rss_hit)}


def award_scaling(sizes: list[int], naive_rows: int | None = 10_000) -> dict[str, float]:
    """Return render wall and CPU seconds, CPU seconds per 1,000 rows and peak RSS per size; naive at ``naive_rows``.

    CPU time is compared, not wall time: on a shared machine wall time measures the neighbours.
    """
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            run = _run_child(["render", str(rows), str(Path(folder) / f"a{rows}.pdf")])
            figures[f"award.{rows}.s"] = run["seconds"]
            figures[f"award.{rows}.cpu_s"] = run["cpu_s"]
            figures[f"award.{rows}.per1000_s"] = run["cpu_s"] * 1000 / rows
            figures[f"award.{rows}.peak_mb"] = run["peak_mb"]
            figures[f"award.{rows}.render_rss_mb"] = run["peak_mb"] - run["rss_before_mb"]
            figures[f"award.{rows}.fonts_rss_mb"] = run["fonts_mb"]
            figures[f"award.{rows}.document_rss_mb"] = run["document_mb"]
        if naive_rows:
            run = _run_child(["naive", str(naive_rows), str(Path(folder) / "naive.pdf")])
            figures[f"naive.{naive_rows}.s"] = run["seconds"]
            figures[f"naive.{naive_rows}.cpu_s"] = run["cpu_s"]
            ours = figures.get(f"award.{naive_rows}.cpu_s")
            if ours is None:
                ours = _run_child(["render", str(naive_rows), str(Path(folder) / "b.pdf")])["cpu_s"]
                figures[f"award.{naive_rows}.cpu_s"] = ours
            figures[f"ratio.{naive_rows}.vs_naive_cpu"] = ours / run["cpu_s"]
    return figures


def report_render(data: Path = ROOT / "data" / "2023", repeats: int = 3) -> dict[str, float]:
    """Return the median warm CPU seconds of our PDF and of naive platypus for ``data``, and their ratio."""
    ours, naive = [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeats):
            ours.append(_run_child(["render", str(data), str(Path(folder) / "o.pdf")])["cpu_s"])
            naive.append(_run_child(["naive", str(data), str(Path(folder) / "n.pdf")])["cpu_s"])
    mine, floor = statistics.median(ours), statistics.median(naive)
    return {"report.pdf.cpu_s": mine, "report.naive.cpu_s": floor, "ratio.report.vs_naive_cpu": mine / floor}


def measure(sizes: tuple[int, ...] = (1_000, 10_000), naive_rows: int | None = 10_000, font_repeats: int = 3) -> dict[str, float]:
    """Return every figure of this bench in one run (seconds, MB and ratios), keyed by name.

    Add 50_000 to ``sizes`` for the bounded-memory target (about two minutes more).
    """
    return {**font_loading(font_repeats), **report_render(), **award_scaling(list(sizes), naive_rows)}


def _print(figures: dict[str, float]) -> None:
    width = max(map(len, figures))
    for key, value in figures.items():
        unit = "MB" if key.endswith("_mb") else "x" if key.startswith("ratio") else "s"
        print(f"{key:<{width}}  {value:9.3f} {unit}")
    sizes = sorted({int(k.split(".")[1]) for k in figures if k.startswith("award.") and k.endswith(".per1000_s")})
    if len(sizes) > 1:
        per = [figures[f"award.{rows}.per1000_s"] for rows in sizes]
        print(f"{'per-1000 spread (max/min)':<{width}}  {max(per) / min(per):9.3f} x")
    if "fonts.parse_cpu_s" in figures:
        print(f"{'fonts cached / parsed':<{width}}  {figures['fonts.cached_cpu_s'] / figures['fonts.parse_cpu_s']:9.3f} x")


def main() -> None:
    """Print the PDF figures as a small table (or, with --child, one child's JSON)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1000,10000", help="award rows to render (comma-separated)")
    parser.add_argument("--big", action="store_true", help="add the 50,000-row appendix")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive platypus reference")
    parser.add_argument("--no-fonts", action="store_true", help="skip font loading")
    parser.add_argument("--no-report", action="store_true", help="skip data/2023")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "fonts":
            result = _child_fonts()
        else:
            result = _child_render(rest[0], Path(rest[1]), naive=kind == "naive")
        print(json.dumps(result))
        return
    sizes = [int(size) for size in args.sizes.split(",") if size] + ([50_000] if args.big else [])
    figures = {} if args.no_fonts else font_loading()
    if not args.no_report:
        figures.update(report_render())
    figures.update(award_scaling(sizes, None if args.no_naive else 10_000))
    _print(figures)


if __name__ == "__main__":
    main()
