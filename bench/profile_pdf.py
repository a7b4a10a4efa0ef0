"""Profile one PDF render of a synthetic award appendix and print the top functions by cumulative time.

Run: .venv/bin/python bench/profile_pdf.py [rows] [--top 10] [--docx]
Fonts are loaded by an untimed 100-row warm-up render first, as in a warm process.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from nbreport.compose import compose
from nbreport.render.docx import render_docx
from nbreport.render.pdf import render_pdf
from nbreport.schema.theme import Theme

from synthetic import award_report


def main() -> None:
    """Warm up, render once under cProfile and print the profile's top lines."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=int, nargs="?", default=10_000)
    parser.add_argument("--top", type=int, default=10, help="functions to list (default 10)")
    parser.add_argument("--docx", action="store_true", help="profile the DOCX renderer instead")
    args = parser.parse_args()
    render, suffix = (render_docx, "docx") if args.docx else (render_pdf, "pdf")
    theme = Theme()
    document = compose(award_report(args.rows), theme)
    with tempfile.TemporaryDirectory() as folder:
        render(compose(award_report(100), theme), theme, Path(folder) / f"warm.{suffix}")
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(render, document, theme, Path(folder) / f"out.{suffix}")
        print(f"{args.rows:,} rows → {suffix.upper()} in {time.perf_counter() - start:.2f} s under cProfile")
    pstats.Stats(profiler).strip_dirs().sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
