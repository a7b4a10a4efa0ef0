"""Complete a DOCX from LibreOffice's own layout: 目录 page numbers and merges split at page breaks.

Word refreshes PAGEREF fields itself; LibreOffice and WPS show the results stored in the
file. When soffice and Debian's python3-uno are installed, ``with_office_layout`` renders
the DOCX, asks LibreOffice (``lo_layout.py`` under the system Python, headless, its own
profile, a timeout) on which page each heading and table row falls, and renders again
with those pages until they no longer move (at most ``MAX_PASSES`` measurements).
Without LibreOffice, or when it fails, the first rendering is kept and Word fills the fields
on open; a failure is a ``LayoutWarning``, never a hang or a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MAX_PASSES = 3
DEFAULT_TIMEOUT = 120.0  # seconds per measurement; a first start with a new profile takes a few
SCRIPT = Path(__file__).with_name("lo_layout.py")
OFF = {"off", "0", "no", "none", "false"}


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

    def measure(self, docx: bytes, workdir: Path) -> PageLayout:
        """Return LibreOffice's layout of ``docx``; raise LayoutError when it cannot be had."""
        source = workdir / "measure.docx"
        source.write_bytes(docx)
        command = [self.python, str(SCRIPT), self.soffice, str(workdir / "profile"), str(source)]
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
            env={**os.environ, "PYTHONPATH": ""},  # the system Python must not see the venv's packages
        )
        try:
            out, err = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise LayoutError(f"LibreOffice 在 {self.timeout:g} 秒内没有完成排版") from None
        if proc.returncode != 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise LayoutError(f"LibreOffice 排版失败：{detail[-1] if detail else proc.returncode}")
        return _parse(out)


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


def with_office_layout(
    render: Callable[[PageLayout | None], bytes], office: Office | None = None, fallback: PageLayout | None = None,
) -> bytes:
    """Return ``render``'s DOCX completed from the office layout, or from ``fallback`` without one."""
    office = office if office is not None else find_office()
    if office is None:
        return render(fallback)
    data = render(None)
    layout: PageLayout | None = None
    with tempfile.TemporaryDirectory(prefix="nbreport-office-") as tmp:
        for _ in range(MAX_PASSES):
            try:
                measured = office.measure(data, Path(tmp))
            except (LayoutError, OSError) as exc:
                warnings.warn(f"{exc}；目录页码留给 Word 打开时更新", LayoutWarning, stacklevel=2)
                return data if layout is not None or fallback is None else render(fallback)
            if measured == layout:
                break
            layout = measured
            data = render(layout)
    return data


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
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
