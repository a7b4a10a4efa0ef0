"""Replace several files as one step: every new text staged first, the originals restored if any rename fails."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path


def stage_and_replace(texts: dict[Path, str]) -> list[Path]:
    """Write each text over its file, all or none; return the files written, raise OSError after restoring.

    Every new text and a backup of every original go to temporary files beside their file first
    (same folder, so the renames cannot cross a file system); only then are the files renamed over.
    A failure at any point leaves each file byte for byte as it was.
    """
    staged: dict[Path, Path] = {}
    backups: dict[Path, Path | None] = {}
    replaced: list[Path] = []
    kept: set[Path] = set()
    try:
        for file, text in texts.items():
            staged[file] = _temporary(file, text.encode("utf-8"))
            backups[file] = _backup(file)
        for file, temporary in staged.items():
            os.replace(temporary, file)
            replaced.append(file)
    except OSError:
        kept = _restore(replaced, backups)
        raise
    finally:
        for temporary in [*staged.values(), *(b for b in backups.values() if b is not None)]:
            if temporary in kept:
                continue  # the only copy of an original that could not be put back
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
    return replaced


def _temporary(file: Path, data: bytes) -> Path:
    """Return a temporary file beside ``file`` holding ``data``, with ``file``'s mode when it exists."""
    fd, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if file.exists():
            shutil.copymode(file, temporary)  # mkstemp makes 0600; keep the file's own mode
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _backup(file: Path) -> Path | None:
    """Return a copy of ``file`` beside it (None when there is no file yet)."""
    if not file.exists():
        return None
    return _temporary(file, file.read_bytes())


def _restore(replaced: list[Path], backups: dict[Path, Path | None]) -> set[Path]:
    """Put back the original of every file already replaced; return the backups that could not be put back."""
    kept: set[Path] = set()
    for file in reversed(replaced):
        backup = backups.get(file)
        try:
            if backup is None:
                file.unlink(missing_ok=True)
            else:
                os.replace(backup, file)
        except OSError:  # keep restoring the others; this backup stays on disk beside its file
            if backup is not None:
                kept.add(backup)
    return kept
