"""Complete a DOCX from LibreOffice's own layout: 目录 page numbers and merges split at page breaks.

Word refreshes PAGEREF fields itself; LibreOffice and WPS show the results stored in the
file. When soffice and Debian's python3-uno are installed, ``with_office_layout`` renders
the DOCX, asks LibreOffice (``lo_layout.py`` under the system Python, headless, its own
profile, a timeout) on which page each heading and table row falls, and renders again
with those pages until they no longer move (at most ``MAX_PASSES`` measurements), all by
one LibreOffice; a package it has measured before is taken from the user's cache.
Without LibreOffice, or when it fails, the first rendering is kept and Word fills the fields
on open; a failure is a ``LayoutWarning``, never a hang or a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .. import cache

MAX_PASSES = 3
DEFAULT_TIMEOUT = 120.0  # seconds per measurement; a first start with a new profile takes a few
SCRIPT = Path(__file__).with_name("lo_layout.py")
OFF = {"off", "0", "no", "none", "false"}
_CACHE_VERSION = "office-layout-2"  # bump when lo_layout.py measures differently
_FONT_DIRS = ("/var/cache/fontconfig", "/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts",
              "~/.fonts", "~/.cache/fontconfig")


class LayoutWarning(UserWarning):
    """Say that LibreOffice's layout could not be used, so Word fills the page numbers."""


@dataclass(frozen=True)
class PageLayout:
    """Hold where an office layout put each bookmark and each row of bookmarked tables (pages from 1)."""

    pages: dict[str, int] = field(default_factory=dict)
    rows: dict[str, tuple[int, ...]] = field(default_factory=dict)
    exact: bool = True  # False: pages of another layout (the PDF's), for LibreOffice and WPS to show


@dataclass(frozen=True)
class Office:
    """Name the soffice binary, the Python that has its UNO bridge, and the time one measurement may take."""

    soffice: str
    python: str
    timeout: float = DEFAULT_TIMEOUT

    def session(self, workdir: Path) -> LayoutSession:
        """Return a session of one LibreOffice, started at its first measurement or by ``start``."""
        return OfficeSession(self, workdir)


class LayoutSession(Protocol):
    """Measure DOCX packages in one office: ``measure`` may be called several times, then ``close``."""

    def start(self) -> object:
        """Start the office now: a measurement is coming and its start-up can overlap the rendering."""

    def measure(self, docx: bytes) -> PageLayout:
        """Return the office's layout of ``docx``; raise LayoutError when it cannot be had."""

    def close(self) -> None:
        """End the office."""


class OfficeSession:
    """Run ``lo_layout.py`` as a server: one soffice for every measurement of a build.

    A measurement of the same package by the same office is taken from the user's cache
    (nbreport/cache.py, kind "layouts"), so an unchanged rebuild starts no office at all.
    The server starts at the first measurement the cache lacks, or earlier by ``start``
    (with_office_layout calls it when a miss is likely). Each request is a
    path on its stdin, each answer a JSON line on its stdout, awaited at most
    ``office.timeout`` seconds; stderr goes to a file read only on failure.
    """

    def __init__(self, office: Office, workdir: Path) -> None:
        self.office, self.workdir, self.count = office, workdir, 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.returncode: int | None = None
        self.buffer = b""

    def measure(self, docx: bytes) -> PageLayout:
        """Return LibreOffice's layout of ``docx`` (cached or measured); raise LayoutError when it cannot be had."""
        key = cache.digest(_CACHE_VERSION, office_identity(self.office.soffice), package_digest(docx))
        stored = cache.load("layouts", key)
        if stored is not None:
            with contextlib.suppress(LayoutError):
                return _parse(stored)
        answer = self._measured(docx)
        layout = _parse(answer)
        cache.store("layouts", key, answer)
        return layout

    def _measured(self, docx: bytes) -> bytes:
        self.count += 1
        source = self.workdir / f"measure{self.count}.docx"
        source.write_bytes(docx)
        proc = self.proc or self.start()
        assert proc.stdin is not None
        try:
            proc.stdin.write(os.fsencode(source) + b"\n")
            proc.stdin.flush()
        except OSError:
            raise self._failed() from None
        return self._answer(proc)

    def start(self) -> subprocess.Popen[bytes]:
        """Start the server (and its soffice) unless it runs; return it."""
        if self.proc is not None:
            return self.proc
        scratch = self.workdir / "tmp"  # soffice's own temporaries go with the work folder, even when killed
        scratch.mkdir(exist_ok=True)
        env = {**os.environ, "PYTHONPATH": "", "TMPDIR": str(scratch)}  # PYTHONPATH: not the venv's packages
        with (self.workdir / "office.err").open("wb") as errors:
            self.proc = subprocess.Popen(
                [self.office.python, str(SCRIPT), self.office.soffice, str(self.workdir / "profile")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, start_new_session=True, env=env,
            )
        return self.proc

    def _answer(self, proc: subprocess.Popen[bytes]) -> bytes:
        assert proc.stdout is not None
        deadline = time.monotonic() + self.office.timeout
        fd = proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.close()
                raise LayoutError(f"LibreOffice 在 {self.office.timeout:g} 秒内没有完成排版")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise self._failed()
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def _failed(self) -> LayoutError:
        if self.proc is not None:  # it closed its output: let it exit, so its own code is the one reported
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=1)
        self.close()
        try:
            detail = (self.workdir / "office.err").read_bytes().decode("utf-8", "replace").strip().splitlines()
        except OSError:
            detail = []
        return LayoutError(f"LibreOffice 排版失败：{detail[-1] if detail else self.returncode}")

    def close(self) -> None:
        """End the server and its soffice (they share a process group); nothing is left to save."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        self.returncode = proc.poll()  # before the kill: how the server ended by itself, if it did
        _kill_group(proc)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


class LayoutError(Exception):
    """Say why one LibreOffice measurement gave no layout."""


def find_office() -> Office | None:
    """Return the installed office, or None when NBREPORT_OFFICE is off, or soffice or python3-uno is missing.

    NBREPORT_OFFICE may name the soffice binary; NBREPORT_OFFICE_PYTHON the Python with
    python3-uno (default /usr/bin/python3); NBREPORT_OFFICE_TIMEOUT the seconds per pass.
    """
    setting = os.environ.get("NBREPORT_OFFICE", "").strip()
    if setting.lower() in OFF:
        return None
    soffice = shutil.which(setting or "soffice")
    python = os.environ.get("NBREPORT_OFFICE_PYTHON", "").strip() or "/usr/bin/python3"
    if soffice is None or shutil.which(python) is None or not _has_uno(python):
        return None
    try:
        timeout = float(os.environ.get("NBREPORT_OFFICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        timeout = DEFAULT_TIMEOUT
    return Office(soffice, python, timeout if timeout > 0 else DEFAULT_TIMEOUT)


@functools.lru_cache(maxsize=4)
def _has_uno(python: str) -> bool:
    """Return whether ``python`` can import LibreOffice's UNO bridge (Debian: python3-uno)."""
    try:
        probe = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=20,
                               env={**os.environ, "PYTHONPATH": ""})
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


Render = Callable[[PageLayout | None], bytes]


def with_office_layout(render: Render, office: Office | None = None, fallback: PageLayout | None = None,
                       hint: str | None = None) -> bytes:
    """Return ``render``'s DOCX completed from the office layout, or from ``fallback`` without one.

    ``hint`` names what is being rendered (a digest of the document and theme): the layout
    it settled on last time is tried first, and kept when the package it gives measures to
    that same layout (from the cache, for an unchanged document: one rendering, no office).
    Otherwise the layout is found from scratch, so the result never depends on the hint.
    """
    office = office if office is not None else find_office()
    if office is None:
        return render(fallback)
    with tempfile.TemporaryDirectory(prefix="nbreport-office-", ignore_cleanup_errors=True) as tmp:
        session = office.session(Path(tmp))
        try:
            hinted = _from_hint(render, session, hint)
            if hinted is not None:
                return hinted
            session.start()  # a measurement is coming: the office starts while the first rendering is made
            return _converged(render, session, fallback, hint)
        except (LayoutError, OSError) as exc:  # from the hint's measurement
            _warn_failed(exc, 3)
            return render(fallback)
        finally:
            session.close()


def _from_hint(render: Render, session: LayoutSession, hint: str | None) -> bytes | None:
    """Return the DOCX rendered with the hint's layout if it measures to that layout, else None."""
    stored = cache.load("layout_hints", hint) if hint is not None else None
    if stored is None:
        return None
    try:
        candidate = _parse(stored)
    except LayoutError:
        return None
    data = render(candidate)
    return data if session.measure(data) == candidate else None


def _converged(render: Render, session: LayoutSession, fallback: PageLayout | None, hint: str | None) -> bytes:
    """Render and measure until the pages no longer move (at most MAX_PASSES measurements)."""
    data = render(None)
    layout: PageLayout | None = None
    for _ in range(MAX_PASSES):
        try:
            measured = session.measure(data)
        except (LayoutError, OSError) as exc:
            _warn_failed(exc, 4)
            return data if layout is not None or fallback is None else render(fallback)
        if measured == layout:
            if hint is not None:
                cache.store("layout_hints", hint, _dumped(layout))
            break
        layout = measured
        data = render(layout)
    return data


def _warn_failed(exc: Exception, stacklevel: int) -> None:
    """Warn that the office's layout failed; ``stacklevel`` names render_docx's line, as before."""
    warnings.warn(f"{exc}；目录页码留给 Word 打开时更新", LayoutWarning, stacklevel=stacklevel)


def _dumped(layout: PageLayout) -> bytes:
    """Return ``layout`` as the JSON a measurement answers with (what _parse reads)."""
    rows = {name: list(pages) for name, pages in layout.rows.items()}
    return json.dumps({"bookmarks": layout.pages, "rows": rows}, ensure_ascii=False).encode("utf-8")


def package_digest(docx: bytes) -> str:
    """Return a digest of what an office lays out: every part of the package but its core properties.

    The core properties hold the time the file was saved (without SOURCE_DATE_EPOCH), and
    the zip entries their dates; neither moves a line.
    """
    hasher = hashlib.sha256()
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            for info in sorted(package.infolist(), key=lambda entry: entry.filename):
                if info.filename != "docProps/core.xml":
                    hasher.update(cache.digest(info.filename, package.read(info)).encode("ascii"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return hashlib.sha256(docx).hexdigest()
    return hasher.hexdigest()


@functools.lru_cache(maxsize=4)
def office_identity(soffice: str) -> tuple[object, ...]:
    """Return what the office's layout depends on besides the file: its program and the installed fonts.

    The program is named by its real path, size and time, and its version file; the fonts by
    the times of the font folders and fontconfig's caches, which change when fonts are added.
    """
    real = Path(shutil.which(soffice) or soffice).resolve()
    marks: list[object] = [str(real), _stamp(real), _stamp(real.with_name("versionrc"))]
    marks += [_stamp(Path(folder).expanduser()) for folder in _FONT_DIRS]
    return tuple(marks)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _parse(out: bytes) -> PageLayout:
    try:
        raw = json.loads(out)
        pages = {str(k): int(v) for k, v in raw["bookmarks"].items()}
        rows = {str(k): tuple(int(p) for p in v) for k, v in raw["rows"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LayoutError(f"LibreOffice 排版结果无法读取：{exc}") from None
    return PageLayout(pages=pages, rows=rows)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """End the measuring script and the soffice it started (they share a process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
