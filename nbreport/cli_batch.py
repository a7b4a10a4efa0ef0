"""Print a batch build (`nbreport build A B …`): one progress line per report as it ends, its findings, a summary."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from .batch import DuplicateNames, Outcome, Settings, build_many as build_all, plan, workers, worst
from .exits import EXIT_CANNOT_RUN

FindingsPrinter = Callable[..., None]


def build_many(args: argparse.Namespace, print_findings: FindingsPrinter, theme: object) -> int:
    """Build every dataset of ``args.path`` into its own subfolder of --out; return the worst exit code."""
    start = time.perf_counter()
    try:
        planned = plan(args.path, args.out)
    except DuplicateNames as error:
        print(f"无法生成：{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    jobs = planned.jobs
    if not args.quiet and planned.skipped:
        print(f"  跳过（不是数据集目录）：{'、'.join(planned.skipped)}", file=sys.stderr)
    if not jobs:
        print("没有可生成的数据集 / no dataset to build", file=sys.stderr)
        return EXIT_CANNOT_RUN
    settings = Settings(tuple(args.format or ("docx", "pdf")), theme, args.docx_template, args.allow_font_fallback)  # type: ignore[arg-type]
    size = workers(args.jobs, len(jobs))
    if not args.quiet:
        print(f"生成 {len(jobs)} 份报告，{size} 个进程 / building {len(jobs)} reports with {size} processes", file=sys.stderr)
    try:
        outcomes = build_all(jobs, settings, size, lambda outcome: _progress(outcome, args, print_findings))
    except KeyboardInterrupt:
        print("已取消：已完成的报告保留，未完成的没有写出任何文件 / cancelled", file=sys.stderr)
        raise
    if not args.quiet:
        failed = sum(1 for outcome in outcomes if outcome.code)
        seconds = time.perf_counter() - start
        print(f"完成 {len(outcomes) - failed} 份，失败 {failed} 份，用时 {seconds:.1f} 秒"
              f"（每分钟 {len(outcomes) / seconds * 60:.1f} 份）")
    return worst(outcomes)


def _progress(outcome: Outcome, args: argparse.Namespace, print_findings: FindingsPrinter) -> None:
    """Print one report's line as it ends: files, pages, seconds, findings; a failed one's findings or error after it."""
    job, checked = outcome.job, outcome.checked
    counts = f"{len(checked.errors)} 个错误，{len(checked.warnings)} 个警告" if checked else ""
    if outcome.code == 0:
        if not args.quiet:
            files = "，".join(f"{path.suffix[1:].upper()} {path.stat().st_size / 1024:.0f} KB" for path in outcome.files)
            pages = f"，{outcome.pages} 页" if outcome.pages else ""
            print(f"✓ {job.name}：{job.out}（{files}{pages}），{outcome.seconds:.1f} 秒，{counts}")
            for note in outcome.notes:
                print(f"  注意：{note}", file=sys.stderr)
            if checked and checked.warnings and args.verbose:
                print_findings(checked, file=sys.stderr)
        return
    print(f"✗ {job.name}：{job.dataset} 未生成（{outcome.seconds:.1f} 秒{'，' + counts if counts else ''}）", file=sys.stderr)
    if outcome.error:
        print(f"  无法生成报告：{outcome.error}", file=sys.stderr)
    elif checked:
        print_findings(checked, file=sys.stderr, quiet=args.quiet)

