"""Files in a dataset folder that nothing in it refers to: usually a table or chapter forgotten in report.yaml."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .. import codes
from ..findings import Finding, Location

# What a dataset may hold besides its content: notes for editors, and files of tools.
NOT_CONTENT = {"NOTES.md", "README.md", "README.txt"}
CONTENT_SUFFIXES = {".md", ".csv", ".xlsx", ".yaml", ".yml", ".png", ".jpg", ".jpeg"}
# Walking stops here, so a dataset folder holding a huge tree costs a bounded time.
MAX_ENTRIES = 10_000


def unused_files(root: Path, used: set[Path]) -> Iterator[Finding]:
    """Yield a warning for every content file under ``root`` that is not in ``used`` (symlinks aside)."""
    for relative in _content_files(root):
        if (root / relative).resolve() not in used:
            yield codes.make("W-FILE-UNUSED", Location(file=relative.as_posix()), path=relative.as_posix())


def _content_files(root: Path) -> list[Path]:
    """Return the content files under ``root``, without following links, at most MAX_ENTRIES looked at."""
    found: list[Path] = []
    seen = 0
    for folder, subfolders, files in os.walk(root, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            seen += 1
            if seen > MAX_ENTRIES:
                return found
            relative = (Path(folder) / name).relative_to(root)
            path = root / relative
            if not _skipped(relative) and path.suffix.lower() in CONTENT_SUFFIXES and not path.is_symlink():
                found.append(relative)
    return found


def _skipped(relative: Path) -> bool:
    parts = relative.parts
    return (relative.name in NOT_CONTENT or "notes" in parts[:-1]
            or any(part.startswith(".") for part in parts))
