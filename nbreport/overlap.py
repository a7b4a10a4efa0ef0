"""Render the PDF in a forked process while the checks run and the DOCX is written here, when a core is free.

The PDF is drawn in a forked child (its fonts, its warnings, its reportlab state apart); the
bytes are those of the sequential build (PDF, then DOCX). The command line and ``api.build``
fork it before the dataset is checked (``pdf_worker``): it imports the renderer and loads
the fonts while the files are read, and draws as soon as they are (``PdfWorker.begin``),
while the remaining checks run; the file is moved into the output folder only after they
pass. Measured on 2 CPUs (bench/against_ref.py): 0.94 × the wall time of forking after
compose, then 0.92 × that for beginning before the checks. When LibreOffice lays out the
DOCX, the DOCX spends most of its time waiting on it and the PDF fits in that wait; if
LibreOffice's first pass fails, the sequential build would have used the PDF's page
numbers: the DOCX is then written again exactly so. Without LibreOffice the DOCX's 目录
takes the PDF's page numbers: the DOCX is built meanwhile and asks for them at its end
(RenderOptions.pages_later, render/docx_pages.py). A PDF alone is drawn in the worker too: it
prepares and draws while this process reads and checks the dataset (data/2023's cold
`--format pdf` build: 1.49 s in turn at 3d60d02, 1.16 s in the worker with the compact font
tables of font_tables.py; medians of 7 paired rounds on 2026-12-02).
Decided at run time (bench/concurrent_render.py measures both ways): NBREPORT_JOBS=1 or
``-j 1`` turns it off, NBREPORT_JOBS=2 or ``-j 2`` asks for it; by default a machine with
fewer than two usable CPUs or a load average of at least OVERLOAD × CPUs keeps the two in turn.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path

from .compose import Document, compose
from .render import RenderOptions
from .schema.report import Report
from .schema.theme import Theme

JOBS_ENV = "NBREPORT_JOBS"
# Measured on 2 CPUs (docs/guide/batch.md): overlapped/in-turn 0.77 idle, 0.79 with a CPU-bound
# process per core, 0.98 at load 5-6 plus those: never slower, so only a machine with more than
# twice as many runnable tasks as CPUs keeps the turns (the fork's extra memory buys nothing there).
OVERLOAD = 2.0
STOP_SECONDS = 5.0
Render = Callable[[str, Document, Theme, Path, RenderOptions], Path]


def sequential_reason(formats: tuple[str, ...], jobs: int | None = None) -> str | None:
    """Return why the build renders in turn in this process, or None when the PDF may be drawn in a worker.

    The worker draws the PDF while the checks run and the DOCX (if asked for) is written.
    """
    if "pdf" not in formats:
        return "no PDF"
    jobs = jobs if jobs is not None else _env_jobs()
    if jobs == 1:
        return f"{JOBS_ENV}=1 or -j 1"
    if "fork" not in multiprocessing.get_all_start_methods():
        return "no fork on this system"
    if threading.active_count() > 1:
        return "other threads are running: forking now is unsafe"
    if jobs is not None and jobs >= 2:
        return None  # asked for in so many words: the load is the caller's business
    cpus = usable_cpus()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if cpus < 2:
        return "one usable CPU"
    if load >= OVERLOAD * cpus:
        return f"machine overloaded: load {load:.2f} on {cpus} CPUs"
    return None


def usable_cpus() -> int:
    """Return the CPUs this process may run on (its affinity mask where the system has one)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _env_jobs() -> int | None:
    try:
        return int(os.environ.get(JOBS_ENV, "").strip())
    except ValueError:
        return None


Job = tuple[Document, Theme, Path, RenderOptions]
Outcome = tuple[str, dict[str, int], list[tuple[str, type[Warning]]]]


class PdfWorker:
    """Draw the PDF in a forked process, started before the job is known so it can prepare.

    Started while the dataset is still being checked (``pdf_worker``), the process imports
    the PDF renderer and loads the theme's fonts meanwhile, then waits for its job: the
    composed document, sent pickled once compose is done. Started with the job, it begins
    at once. It answers ("ok", pages, warnings) or ("failed", …): the parent then draws the
    PDF itself, so its error is raised as in a build in turn.
    """

    def __init__(self, render: Render, theme: Theme, font_fallback: bool, job: Job | None = None) -> None:
        context = multiprocessing.get_context("fork")
        job_receive, self._job_send = context.Pipe(duplex=False)
        self._result_receive, result_send = context.Pipe(duplex=False)
        own_ends = (self._job_send, self._result_receive)  # the child closes its copies: EOF must reach it
        self.process = context.Process(target=_worker_main,
                                       args=(render, theme, font_fallback, job, job_receive, result_send, own_ends),
                                       name="nbreport-pdf", daemon=True)
        # SIGTERM waits until the child has its own handler: delivered in the moment after the
        # fork, the parent's handler would raise in the child's copy of the parent's stack.
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        job_receive.close()
        result_send.close()
        self._sent = job is not None
        self.theme, self.font_fallback = theme, font_fallback
        self.document: Document | None = None  # composed by begin
        self._private: Path | None = None

    def begin(self, report: Report) -> None:
        """Compose ``report`` and send the job now, drawn into a private folder until ``deliver``.

        Called between the loading and the remaining checks (api.check_dataset's ``loaded``):
        the output folder is not locked yet, so nothing is written there before they pass.
        """
        if self._sent:
            return
        try:
            self.document = compose(report, self.theme)
        except Exception:  # noqa: BLE001 - the checks still to run may explain it; the build composes after them
            return
        self._private = Path(tempfile.mkdtemp(prefix="nbreport-pdf-"))
        options = RenderOptions(font_fallback=self.font_fallback)
        self.submit((self.document, self.theme, self._private / "report.pdf", options))

    def deliver(self, path: Path) -> None:
        """Move a PDF drawn into the private folder to ``path`` (its staged name in the locked output folder)."""
        if self._private is not None:
            shutil.move(self._private / "report.pdf", path)

    def submit(self, job: Job) -> None:
        """Send the job to a worker started without one."""
        if not self._sent:
            self._job_send.send(job)
            self._sent = True
        self._job_send.close()

    def result(self) -> Outcome:
        """Wait for the worker's answer; ("failed", …) if it died without one."""
        outcome = _result(self._result_receive)
        self.process.join()
        return outcome

    def stop(self) -> None:
        """End the worker (a failed check, a failed DOCX, an interrupt); it removes its own temporary file.

        A worker given no job ends on the closed pipe once prepared; one drawing is sent SIGTERM,
        and killed if it has not ended within STOP_SECONDS (a library swallowed the signal).
        """
        self._job_send.close()
        if not self._sent:  # preparing or waiting: it ends on the closed pipe, no signal needed
            self.process.join(STOP_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self._result_receive.close()
        if self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)


@contextlib.contextmanager
def pdf_worker(render: Render, formats: tuple[str, ...], jobs: int | None, theme: Theme,
               font_fallback: bool) -> Iterator[PdfWorker | None]:
    """Start a PDF worker for a build with a PDF that will overlap (else yield None); stop it on the way out.

    The caller checks the dataset inside the block and hands the worker to write_checked,
    which gives it the job; a build that stops earlier leaves no process behind.
    """
    if sequential_reason(formats, jobs) is not None:
        yield None
        return
    worker = PdfWorker(render, theme, font_fallback)
    try:
        yield worker
    finally:
        worker.stop()


def render_overlapped(render: Render, document: Document, theme: Theme, paths: dict[str, Path],
                      options: RenderOptions, say: Callable[[str], None], worker: PdfWorker | None = None) -> None:
    """Write paths["pdf"] in a forked worker and paths["docx"] (if asked for) here; the same files as in turn."""
    from .render.docx_layout import find_office

    job: Job = (document, theme, paths["pdf"], options)
    if worker is None:
        worker = PdfWorker(render, theme, options.font_fallback, job)
    else:
        worker.submit(job)
    done: list[bool] = []

    def pdf_pages() -> dict[str, int]:
        """Wait for the PDF worker; draw the PDF here if it failed (its error raised as in turn)."""
        if not done:
            status, pages, pdf_warnings = worker.result()
            if status != "ok":
                render("pdf", document, theme, paths["pdf"], options)
            else:
                worker.deliver(paths["pdf"])
                options.pages.update(pages)
                _reemit(pdf_warnings)
            done.append(True)
        return options.pages

    with _stopped_on_error(worker):
        if "docx" not in paths:  # a PDF alone: drawn meanwhile since the checks began
            pdf_pages()
            say("pdf")
            return
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if find_office() is None:  # the 目录 shows the PDF's numbers: asked for when the DOCX is built
                render("docx", document, theme, paths["docx"], replace(options, pages_later=pdf_pages))
            else:
                render("docx", document, theme, paths["docx"], replace(options, pages={}))
        pdf_pages()
        if any(w.category.__name__ == "LayoutWarning" for w in caught):
            with _office_off():  # what the sequential build wrote: the PDF's page numbers, no second try
                render("docx", document, theme, paths["docx"], options)
        _reemit([(str(w.message), w.category) for w in caught])
        say("docx+pdf")


def _worker_main(render: Render, theme: Theme, font_fallback: bool, job: Job | None, jobs: Connection,
                 send: Connection, parent_ends: tuple[Connection, ...]) -> None:
    """Prepare unless the job came along, take the job, draw the PDF and send back the outcome."""
    signal.signal(signal.SIGTERM, _unwind)  # stopped by the parent: remove the temporary file on the way out
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # blocked by the parent across the fork
    for end in parent_ends:
        end.close()
    try:
        prepared: list[tuple[str, type[Warning]]] = []
        if job is None:
            prepared = _prepare(theme, font_fallback)
            try:
                job = jobs.recv()
            except (EOFError, OSError):  # the build stopped before its render
                return
        document, job_theme, path, options = job
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            render("pdf", document, job_theme, path, options)
        if prepared and _font_key(job_theme, options.font_fallback) != _font_key(theme, font_fallback):
            prepared = []  # warnings about fonts this PDF does not use
        found = prepared + [(str(w.message), w.category) for w in caught]
        send.send(("ok", dict(options.pages), found))
    except BaseException:  # noqa: BLE001 - the parent repeats the PDF and reports its error
        with contextlib.suppress(OSError):  # a parent that stopped the worker reads no answer
            send.send(("failed", {}, []))
    finally:
        send.close()
        jobs.close()


def _prepare(theme: Theme, font_fallback: bool) -> list[tuple[str, type[Warning]]]:
    """Import the PDF renderer and load the fonts; return the warnings, said again with the PDF's own.

    The fonts are loaded once per process, so their warnings are not raised a second time.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            from .render import pdf, pdf_chart  # noqa: F401 - pdf_chart: the charts' modules
            from .render.fonts import load_fonts

            load_fonts(theme, font_fallback)
        except Exception:  # noqa: BLE001 - only a head start: the render meets the same error and reports it
            return []
    return [(str(w.message), w.category) for w in caught]


def _font_key(theme: Theme, font_fallback: bool) -> object:
    from .render.fonts import font_key

    return font_key(theme, font_fallback)


def _unwind(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _result(receive: Connection) -> Outcome:
    try:
        return receive.recv()  # type: ignore[no-any-return]
    except (EOFError, OSError):  # the child died without a word (killed)
        return "failed", {}, []
    finally:
        receive.close()


def _reemit(found: list[tuple[str, type[Warning]]]) -> None:
    for message, category in found:
        warnings.warn(message, category, stacklevel=3)


@contextlib.contextmanager
def _stopped_on_error(worker: PdfWorker) -> Iterator[None]:
    """Stop the PDF worker when the DOCX fails or the build is interrupted; it removes its own temporary file."""
    try:
        yield
    except BaseException:
        worker.stop()
        raise


@contextlib.contextmanager
def _office_off() -> Iterator[None]:
    previous = os.environ.get("NBREPORT_OFFICE")
    os.environ["NBREPORT_OFFICE"] = "off"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["NBREPORT_OFFICE"]
        else:
            os.environ["NBREPORT_OFFICE"] = previous
