"""Keep derived bytes (drawn charts) between builds in the user's cache folder.

A cache entry is only ever a copy of what the code would compute again: it is keyed by a
digest of everything the result depends on (the caller names them), read back only when
its header and digest match, and any failure (no folder, unwritable, corrupt, raced)
falls back to computing. The folder is ``NBREPORT_CACHE_DIR`` if set ("off" disables
the cache), else ``$XDG_CACHE_HOME/nbreport``, else ``~/.cache/nbreport``; never the dataset.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from pathlib import Path

from .render.atomic import atomic_path

log = logging.getLogger(__name__)

CACHE_ENV = "NBREPORT_CACHE_DIR"
_MAGIC = b"nbreport-cache-1\n"
_STALE_SECONDS = 3600  # a temporary this old belongs to no running writer
_KEPT_PER_KIND = 256  # entries are small (a chart: tens of KB); a bound keeps the folder from growing forever


def cache_dir() -> Path | None:
    """Return the cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nbreport"


def digest(*parts: object) -> str:
    """Return the hex SHA-256 of ``parts`` (their reprs, separated so no two tuples collide)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def load(kind: str, key: str) -> bytes | None:
    """Return the bytes stored under ``kind``/``key``, or None if absent, unreadable or damaged."""
    path = _entry(kind, key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode("ascii") + b"\n"
    body = data[len(head) + 64:]
    if not data.startswith(head) or data[len(head):len(head) + 64] != hashlib.sha256(body).hexdigest().encode("ascii"):
        log.debug("cache entry %s is damaged; recomputing", path)
        return None
    return body


def store(kind: str, key: str, body: bytes) -> None:
    """Write ``body`` under ``kind``/``key`` atomically; any failure only logs (the cache is optional)."""
    path = _entry(kind, key)
    if path is None:
        return
    data = _MAGIC + key.encode("ascii") + b"\n" + hashlib.sha256(body).hexdigest().encode("ascii") + body
    try:
        with atomic_path(path) as temporary:
            temporary.write_bytes(data)
        _prune(path.parent)
    except OSError as error:
        log.debug("cache not written (%s)", error)


def _entry(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    if folder is None or not kind.isidentifier() or len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
        return None
    return folder / kind / key


def _prune(folder: Path) -> None:
    """Remove the oldest entries of ``folder`` beyond the bound, and temporaries a killed writer left."""
    now = time.time()
    for left in folder.glob(".*.tmp"):  # atomic_path's temporaries
        with contextlib.suppress(OSError):
            if now - left.stat().st_mtime > _STALE_SECONDS:
                left.unlink()
    entries = [entry for entry in folder.iterdir() if not entry.name.startswith(".")]
    if len(entries) <= _KEPT_PER_KIND:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime)
    for entry in entries[:len(entries) - _KEPT_PER_KIND]:
        entry.unlink(missing_ok=True)
