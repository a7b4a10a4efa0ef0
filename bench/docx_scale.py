"""Measure the DOCX renderer on synthetic award appendices of growing size, each in a fresh process.

Run: .venv/bin/python bench/docx_scale.py [ROWS ...] [--repeats N]   (default 1000 10000 50000)
Prints, per size, nbreport's and the naive python-docx script's (bench/naive.py) render
time, CPU time, time per 1,000 rows and peak RSS, with the nbreport/naive ratio of the
same run; then nbreport's time per 1,000 rows as measured and past the fixed cost of a
10-row appendix (what "flat per 1,000 rows" is about). ``measure(rows)`` is what other bench scripts call. The appendix is composed in
the child before the clock starts, so the figures are the renderer's; the peak RSS is the
child's whole peak (interpreter, Report and composed Document included) and ``base_rss_mb``
the resident size just before rendering.
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
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
RENDERERS = ("nbreport", "naive")
FIXED_ROWS = 10  # an appendix this small costs what any document costs: template, styles, zip


@dataclass(frozen=True)
class ScaleRun:
    """Hold one fresh-process render: rows, wall and CPU seconds, peak and pre-render RSS (MB), file size."""

    rows: int
    renderer: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    base_rss_mb: float
    bytes: int

    @property
    def per_1000(self) -> float:
        """Return the wall seconds per 1,000 rows."""
        return self.seconds * 1000 / self.rows


def measure(rows: int, renderer: str = "nbreport", office: bool = False) -> ScaleRun:
    """Render a ``rows``-row appendix as DOCX in a fresh child process and return its figures.

    Without ``office`` the child runs with NBREPORT_OFFICE=off (no LibreOffice layout pass);
    with it, LibreOffice's time counts in the wall and CPU seconds, its memory is its own.
    """
    if renderer not in RENDERERS:
        raise ValueError(f"renderer must be one of {RENDERERS}")
    env = {**os.environ, **({} if office else {"NBREPORT_OFFICE": "off"})}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(rows), renderer],
                          capture_output=True, text=True, cwd=HERE.parent, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"docx_scale child failed: {done.stderr.strip()[-800:]}")
    return ScaleRun(**json.loads(done.stdout.strip().splitlines()[-1]))


def _child(rows: int, renderer: str) -> None:
    sys.path.insert(0, str(HERE))
    from nbreport.compose import compose
    from nbreport.render.docx import render_docx
    from nbreport.schema.theme import Theme

    from naive import naive_docx
    from synthetic import award_report

    theme = Theme()
    document = compose(award_report(rows), theme)
    base = _rss_now_mb()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "awards.docx"
        cpu, start = _cpu_seconds(), time.perf_counter()
        if renderer == "naive":
            naive_docx(document, path)
        else:
            render_docx(document, theme, path)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(asdict(ScaleRun(rows, renderer, seconds, cpu, peak, base, size))))


def _spread(values: list[float]) -> str:
    """Return the values and how far apart they are, as a share of their median."""
    spread = (max(values) - min(values)) / statistics.median(values)
    return f"{' '.join(f'{v:.3f}' for v in values)} (spread {spread:.0%})"


def _cpu_seconds() -> float:
    """Return the user + system CPU seconds of this process and its finished children (LibreOffice)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    """Measure every size with both renderers (median of --repeats children) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", nargs="*", type=int, default=[1000, 10_000, 50_000])
    parser.add_argument("--repeats", type=int, default=1, help="children per figure (median)")
    parser.add_argument("--child", nargs=2, metavar=("ROWS", "RENDERER"), help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the runs as JSON")
    parser.add_argument("--office", action="store_true", help="let nbreport run the LibreOffice layout pass")
    args = parser.parse_args()
    if args.child:
        _child(int(args.child[0]), args.child[1])
        return
    print(f"LibreOffice layout pass: {'on' if args.office else 'off'}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'rows':>7} {'renderer':<9} {'wall s':>7} {'cpu s':>7} {'s/1000':>7} {'peak MB':>8} {'base MB':>8} {'MB out':>7} {'vs naive':>8}")
    runs = []
    for rows in args.rows:
        pair = {}
        for renderer in RENDERERS:
            tries = [measure(rows, renderer, args.office) for _ in range(args.repeats)]
            pair[renderer] = run = sorted(tries, key=lambda r: r.seconds)[len(tries) // 2]
            runs.append(run)
        for renderer, run in pair.items():
            ratio = f"{run.seconds / pair['naive'].seconds:.2f}x" if renderer == "nbreport" else ""
            print(f"{rows:>7,} {renderer:<9} {run.seconds:>7.2f} {run.cpu_seconds:>7.2f} {run.per_1000:>7.3f} "
                  f"{run.peak_rss_mb:>8.0f} {run.base_rss_mb:>8.0f} {run.bytes / 1e6:>7.1f} {ratio:>8}")
    ours = [run for run in runs if run.renderer == "nbreport"]
    if len(ours) > 1:
        fixed = measure(FIXED_ROWS, "nbreport", args.office)
        print(f"fixed cost ({FIXED_ROWS} rows): {fixed.seconds:.3f} s wall, {fixed.cpu_seconds:.3f} s CPU")
        for label, of in (("wall", lambda r: r.seconds), ("CPU", lambda r: r.cpu_seconds)):
            raw = [of(run) * 1000 / run.rows for run in ours]
            marginal = [(of(run) - of(fixed)) * 1000 / (run.rows - FIXED_ROWS) for run in ours]
            print(f"nbreport {label} s/1000 rows: {_spread(raw)}; past the fixed cost: {_spread(marginal)}")
    if args.json:
        args.json.write_text(json.dumps([asdict(run) for run in runs], indent=1))


if __name__ == "__main__":
    main()
