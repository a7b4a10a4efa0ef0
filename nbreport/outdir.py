"""The output folder of a build: one build at a time, and no temporaries left from a killed one.

Two builds into one folder would interleave (the DOCX of one dataset beside the PDF of
another); a build killed with SIGKILL leaves its staged files behind. A build therefore
holds an exclusive lock on the folder itself while it writes (flock on the folder's
descriptor, so no lock file is left among the outputs; on Windows, ``.nbreport.lock``), and
under the lock removes what an earlier, dead build staged: no other build can be writing then.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".nbreport.lock"  # Windows only
# What build() stages (.name.building) and atomic_path() creates (.name.XXXXXXXX.tmp).
STALE = re.compile(r"^\..+\.(building|tmp)$")
# How long a build waits for another one into the same folder (a whole build takes seconds).
WAIT_SECONDS = 300.0


class OutputBusy(Exception):
    """Say that another build held the output folder for longer than we waited."""


@contextlib.contextmanager
def locked_output(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the output folder's lock for the block; wait up to ``wait`` seconds (None: WAIT_SECONDS)."""
    wait = WAIT_SECONDS if wait is None else wait
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY) if os.name == "posix" else os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if not _acquire(fd, wait):
            raise OutputBusy(f"输出目录 {folder} 正由另一次生成使用，等待 {wait:.0f} 秒后仍未释放；"
                             "稍后重试，或用 --out 另选目录")
        remove_stale(folder)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def remove_stale(folder: Path) -> list[Path]:
    """Delete the staged files of builds that died before renaming them; return what was deleted."""
    removed = []
    for entry in folder.iterdir():
        if STALE.match(entry.name) and entry.is_file() and not entry.is_symlink():
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def _acquire(fd: int, wait: float) -> bool:
    """Take the lock, waiting up to ``wait`` seconds; return False when it stayed taken."""
    deadline = time.monotonic() + wait
    while not _try_lock(fd):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
