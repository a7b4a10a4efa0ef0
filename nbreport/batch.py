"""Build many datasets in one call: each into its own subfolder of the output folder, in a process pool.

A province builds one report per city and district. Each dataset is checked and built in a
worker process (fonts loaded once per worker by the pool's initializer); one bad dataset
gives its findings and the others are still built; the outcome of each is handed back as
it ends, so the command line can print progress. Outputs are written atomically by
``api.write_checked``: a cancelled batch leaves finished reports and no half-written file.
"""

from __future__ import annotations

import importlib
import os
import re
import signal
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .exits import CANNOT_RUN_CODES, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK
from .findings import ValidationReport
from .load.reader import REPORT_FILE
from .schema.theme import Theme

_PAGES = re.compile(rb"/Count (\d+)[^>]*/Type /Pages")


@dataclass(frozen=True)
class Job:
    """Name one dataset of a batch and the subfolder of the output folder it is built into."""

    dataset: str
    name: str
    out: Path


@dataclass(frozen=True)
class Settings:
    """Carry what every report of a batch is built with."""

    formats: tuple[str, ...]
    theme: Theme | None = None
    docx_template: str | None = None
    font_fallback: bool = False


@dataclass
class Outcome:
    """Hold how one dataset of a batch ended: exit code, files, pages, seconds, findings, notes or an error."""

    job: Job
    code: int
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    pages: int | None = None
    checked: ValidationReport | None = None
    notes: list[str] = field(default_factory=list)
    error: str = ""


class DuplicateNames(ValueError):
    """Say that two different datasets would be built into the same subfolder."""


@dataclass(frozen=True)
class Plan:
    """Hold the jobs of a batch and the paths it skipped (files that are no dataset, e.g. a README among data/*)."""

    jobs: list[Job]
    skipped: list[str]


def plan(datasets: Sequence[str], out: str | Path) -> Plan:
    """Return one Job per dataset, named by its folder; the same folder given twice is built once.

    A folder without report.yaml whose subfolders hold datasets stands for those datasets
    (``data/top-events`` → 2020, 2022, …), so ``nbreport build data/*`` builds every one; a
    plain file other than report.yaml is skipped. Two different datasets with the same
    folder name (``a/2023`` and ``b/2023``) raise DuplicateNames before anything is built:
    guessing a name would hide which output is which.
    """
    jobs: dict[str, Job] = {}
    seen: set[Path] = set()
    skipped: list[str] = []
    for dataset in _expand(datasets, skipped):
        folder = Path(dataset)
        folder = folder.parent if folder.name == REPORT_FILE else folder
        resolved = folder.resolve()
        if resolved in seen:
            continue
        name = resolved.name or "dataset"
        if name in jobs:
            raise DuplicateNames(f"数据集 {jobs[name].dataset} 与 {dataset} 的目录名相同（{name}），"
                                 f"会写入同一个子目录 {Path(out) / name}；请分两次生成（各用 --out），或改目录名")
        seen.add(resolved)
        jobs[name] = Job(dataset=dataset, name=name, out=Path(out) / name)
    return Plan(list(jobs.values()), skipped)


def _expand(datasets: Sequence[str], skipped: list[str]) -> Iterator[str]:
    for dataset in datasets:
        path = Path(dataset)
        if path.is_file() and path.name != REPORT_FILE:
            skipped.append(dataset)
        elif path.is_dir() and not (path / REPORT_FILE).exists() and (inner := _datasets_in(path)):
            yield from inner
        else:
            yield dataset  # a dataset, or a path whose findings say why it is not one


def _datasets_in(folder: Path) -> list[str]:
    return sorted(str(child) for child in folder.iterdir() if child.is_dir() and (child / REPORT_FILE).is_file())


def workers(jobs: int | None, count: int) -> int:
    """Return the pool size: ``jobs`` if given (at least 1), else min(count, usable CPUs)."""
    if jobs is not None:
        return max(1, min(jobs, count))
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(count, usable))


def build_many(jobs: Sequence[Job], settings: Settings, pool_size: int,
               on_done: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Build every job in a pool of ``pool_size`` processes; call ``on_done`` as each ends; return the outcomes in job order.

    Ctrl-C cancels the jobs not yet started and stops the running ones (their staged files
    are removed), then raises KeyboardInterrupt.
    """
    done: dict[Job, Outcome] = {}
    with ProcessPoolExecutor(max_workers=pool_size, initializer=_prepare, initargs=(settings, pool_size)) as pool:
        futures = {pool.submit(build_one, job, settings): job for job in jobs}
        try:
            for outcome in _as_outcomes(futures):
                done[outcome.job] = outcome
                on_done(outcome)
        except BaseException:  # Ctrl-C, SIGTERM (SystemExit): stop the workers before leaving
            _stop(pool, futures)
            raise
    return [done[job] for job in jobs]


def _as_outcomes(futures: dict[Future[Outcome], Job]) -> Iterator[Outcome]:
    for future in as_completed(futures):
        error = future.exception()
        if error is None:
            yield future.result()
        else:  # the worker itself died (killed, out of memory): say so, keep the others
            yield Outcome(futures[future], EXIT_CANNOT_RUN, error=f"{type(error).__name__}: {error}")


def _stop(pool: ProcessPoolExecutor, futures: dict[Future[Outcome], Job]) -> None:
    """Cancel what has not started and SIGTERM the workers: each removes its staged files on the way out."""
    for future in futures:
        future.cancel()
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _prepare(settings: Settings, pool_size: int = 1) -> None:
    """Set up one worker: Ctrl-C is the parent's to handle, SIGTERM unwinds; load the renderers and fonts once.

    A pool that already keeps every core busy gains nothing from each report's DOCX and PDF
    overlapping (nbreport.overlap): its workers render them in turn unless NBREPORT_JOBS says.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _unwind)
    from .overlap import JOBS_ENV, usable_cpus

    if pool_size >= usable_cpus():
        os.environ.setdefault(JOBS_ENV, "1")
    for fmt in settings.formats:  # each format's renderer module is named after it
        importlib.import_module(f"{__package__}.render.{fmt}")
    if "pdf" in settings.formats:
        from .render.errors import RenderError
        from .render.fonts import load_fonts

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # each build reports its own font warnings
            try:
                load_fonts(settings.theme or Theme(), settings.font_fallback)
            except RenderError:  # no Chinese font: each build says so itself
                pass


_stopping = False  # set in a worker by SIGTERM: the jobs already queued to it end at once


def _unwind(signum: int, frame: object) -> None:
    global _stopping
    _stopping = True
    raise SystemExit(128 + signum)


def build_one(job: Job, settings: Settings) -> Outcome:
    """Check and build one dataset into its subfolder; return its Outcome, never raise for bad input."""
    from . import api
    from .outdir import OutputBusy
    from .render.errors import RenderError

    if _stopping:
        return Outcome(job, EXIT_CANNOT_RUN, error="cancelled")
    start = time.perf_counter()
    report, checked = api.check_dataset(job.dataset, theme=settings.theme)
    if report is None or not checked.ok:
        code = EXIT_CANNOT_RUN if CANNOT_RUN_CODES & set(checked.codes()) else EXIT_FINDINGS
        return Outcome(job, code, time.perf_counter() - start, checked=checked)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            files = api.write_checked(report, job.out, settings.formats, settings.theme or Theme(),
                                      settings.docx_template, lambda stage: None, settings.font_fallback,
                                      jobs=1)  # the pool already uses the cores
    except (RenderError, OutputBusy, OSError) as error:
        return Outcome(job, EXIT_CANNOT_RUN, time.perf_counter() - start, checked=checked, error=str(error))
    notes = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, UserWarning)))
    pdf = next((path for path in files if path.suffix == ".pdf"), None)
    return Outcome(job, EXIT_OK, time.perf_counter() - start, files, pdf_pages(pdf) if pdf else None, checked, notes)


def pdf_pages(path: Path) -> int | None:
    """Return the page count of a PDF nbreport wrote (its page tree's /Count), or None when not found."""
    try:
        counts = [int(n) for n in _PAGES.findall(path.read_bytes())]
    except OSError:
        return None
    return max(counts) if counts else None


def worst(outcomes: Sequence[Outcome]) -> int:
    """Return the batch's exit code: the worst of its reports (2 cannot run > 1 findings > 0)."""
    return max((outcome.code for outcome in outcomes), default=EXIT_OK)
