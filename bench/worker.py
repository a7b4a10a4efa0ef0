"""Build once in a fresh process and print JSON: seconds and, with --tracemalloc, the traced peak.

Run: python bench/worker.py (--data data/2023 | --rows 50000) OUT_DIR [--tracemalloc]
run.py starts it under a probe to read the process's peak RSS as well.
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc

import nbreport


def main() -> None:
    """Parse the arguments, build both formats once and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", help="dataset folder")
    source.add_argument("--rows", type=int, help="rows of a synthetic award appendix")
    parser.add_argument("out", help="output folder")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations (slower)")
    args = parser.parse_args()
    if args.tracemalloc:
        tracemalloc.start()  # before the synthetic Report is made: its rows count, as a dataset's do
    if args.rows:
        from synthetic import award_report

        target = award_report(args.rows)
    else:
        target = args.data
    start = time.perf_counter()
    nbreport.build(target, args.out)
    figures = {"seconds": time.perf_counter() - start}
    if args.tracemalloc:
        figures["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
