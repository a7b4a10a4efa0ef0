"""Time the PDF render with this tree's line layout against a baseline commit's, and print the layout faults of each.

Run: .venv/bin/python bench/typeset.py [--baseline REV] [--rounds 5] [--rows 2000]

The baseline's ``nbreport`` package is exported (git archive) to a temporary folder; both
trees render in child processes that take turns, round after round, so both see the same
machine. Each child warms up once (fonts), then times one render; the medians and their
ratio are printed, and the layout checker of THIS tree reads both PDFs of data/2023.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent

CHILD = r"""
import json, sys, time
from pathlib import Path
import nbreport
from nbreport.compose import compose
from nbreport.render.pdf import render_pdf
from nbreport.schema.theme import Theme
sys.path.insert(0, sys.argv[3])
from synthetic import award_report
kind, out = sys.argv[1], Path(sys.argv[2])
report = nbreport.load(sys.argv[4]) if kind == "data" else award_report(int(kind))
document = compose(report)
render_pdf(document, Theme(), out)  # warm-up: fonts, caches
start = time.perf_counter()
render_pdf(document, Theme(), out)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def export(rev: str, into: Path) -> Path:
    """Write the ``nbreport`` package of ``rev`` under ``into``; return the folder to put on the path."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "nbreport"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def render(tree: Path, kind: str, out: Path) -> float:
    """Render ``kind`` (``data`` or a row count) with the package in ``tree``; return the seconds."""
    env = {**os.environ, "PYTHONPATH": str(tree), "SOURCE_DATE_EPOCH": "1700000000"}
    args = [sys.executable, "-c", CHILD, kind, str(out), str(BENCH), str(ROOT / "data" / "2023")]
    # cwd is the tree: "python -c" puts the working folder first on the path, before PYTHONPATH.
    done = subprocess.run(args, env=env, check=True, capture_output=True, text=True, cwd=str(tree))
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


def main() -> None:
    """Take turns rendering with both trees; print medians, ratios and layout fault counts."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default="e891017", help="commit to compare with (default: before issue 12)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", default="2000", help="rows of the synthetic award appendix")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        trees = {"baseline": export(args.baseline, work / "base"), "this tree": ROOT}
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for kind in ("data", args.rows):
                for name, tree in trees.items():
                    out = work / f"{name}-{kind}.pdf"
                    times.setdefault((name, kind), []).append(render(tree, kind, out))
        _print_times(times, args.rows)
        _print_faults(work)


def _print_times(times: dict[tuple[str, str], list[float]], rows: str) -> None:
    print(f"{'render (median)':<28}{'baseline s':>12}{'this tree s':>13}{'ratio':>8}")
    for kind, label in (("data", "data/2023 PDF"), (rows, f"award appendix {rows} rows")):
        base = statistics.median(times["baseline", kind])
        new = statistics.median(times["this tree", kind])
        print(f"{label:<28}{base:>12.3f}{new:>13.3f}{new / base:>8.2f}")


def _print_faults(work: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import nbreport
    from nbreport.compose import compose
    from nbreport.layoutcheck import KINDS, check_pdf, count, document_text

    text = document_text(compose(nbreport.load(ROOT / "data" / "2023")))
    counts = {name: count(check_pdf(work / f"{name}-data.pdf", text)) for name in ("baseline", "this tree")}
    print(f"\n{'layout faults, data/2023':<28}{'baseline':>12}{'this tree':>13}")
    for kind in KINDS:
        print(f"{kind:<28}{counts['baseline'][kind]:>12}{counts['this tree'][kind]:>13}")


if __name__ == "__main__":
    main()
