"""Keep reportlab's parsed TrueType tables between processes, one cache file per font file.

reportlab parses a CJK collection's cmap, hmtx and loca tables on every load (about
0.15 s and tens of thousands of small objects per font); unpickling the same tables,
stored in the compact form of font_tables.py, takes a fraction of that. The font's
bytes are still read from the font file itself: the PDF's subsets are cut from them at
save time, and they are what the cache is checked against.

A cache entry is valid only for the same path, size, mtime, content, subfont, reportlab
version and cache format. The content is vouched for by the file's change stamp (device,
inode, size, mtime and ctime, as git's index does): no program can write a file, or put
another in its place, without changing its ctime or inode, so an edited or replaced
font is never served stale tables, even when its size and mtime were kept. Where the
stamp differs, or the file had changed less than RACY_NS before its stamp was taken (a
later write could fall in the same clock tick), the SHA-256 of the content decides, and
the entry is stamped again once the file is older. Hashing both CJK collections took
about 170 ms on every build here; reading the stamps takes microseconds.

The cache lives in ``fonts`` under ``$NBREPORT_CACHE_DIR`` (empty or ``off``: no cache),
else under ``$XDG_CACHE_HOME/nbreport``, else under ``~/.cache/nbreport``. It is the user's own: an entry
is unpickled only when the file belongs to this user and nobody else can write it, and
only after its header matches. Every failure to read or write it falls back to parsing.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
import sys
import tempfile
import time
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from .. import cache
from .font_tables import compact, shaping_possible
from .pdf_gc import collector_paused

log = logging.getLogger(__name__)

CACHE_DIR_ENV = cache.CACHE_ENV
FORMAT = 3  # bump when the stored state or its meaning changes
RACY_NS = 2_000_000_000  # a file changed this recently may change again within its ctime's tick
_MAGIC = b"nbreport-font-cache\n"
# Not stored: the font's bytes (read from the font file) and a lambda reportlab makes from unitsPerEm.
_UNSTORED = ("_ttf_data", "_pdfScale")


def cache_dir() -> Path | None:
    """Return the font cache folder, or None when NBREPORT_CACHE_DIR turns the cache off.

    The folder is ``fonts`` inside nbreport's cache folder (nbreport/cache.py), which other derived bytes share.
    """
    folder = cache.cache_dir()
    return None if folder is None else folder / "fonts"


def load_ttfont(name: str, path: Path, subfont: int = 0) -> TTFont:
    """Return ``path`` as a reportlab TTFont named ``name``, its tables from the cache when valid.

    Raises what TTFont raises for a file it cannot parse; cache problems only cost a parse.
    """
    data = _font_bytes(path)
    folder = cache_dir()
    if folder is None:
        return _parsed(name, path, subfont, data)
    stat = path.stat()  # before the content is hashed or parsed: a later write changes the stamp
    identity = _identity(path, subfont, stat)
    entry = folder / f"{hashlib.sha256(f'{path.resolve()}:{subfont}'.encode()).hexdigest()[:24]}.pickle"
    stored = _read(entry, identity)
    if stored is not None and (state := _valid_state(entry, path, stored, stat)) is not None:
        try:
            return _from_state(name, state, data)
        except Exception as error:  # noqa: BLE001 - a bad entry must never stop a build
            log.debug("font cache entry %s unusable (%s): parsing %s", entry, error, path)
    font = _parsed(name, path, subfont, data)
    _write(entry, {**identity, "sha256": _digest(path), "stamp": _stamp(stat)}, _state_of(font.face))
    return font


def _valid_state(entry: Path, path: Path, stored: tuple[dict[str, Any], dict[str, Any]], stat: os.stat_result) -> dict[str, Any] | None:
    """Return the stored state if the font's content is the one it was parsed from, else None.

    A stamp equal to the stored one vouches for the content; otherwise its hash does, and
    an entry found valid that way is stamped again for the next build.
    """
    header, state = stored
    if header.get("stamp") is not None and header["stamp"] == _stamp(stat, racy_ns=0):
        return state
    if header.get("sha256") != _digest(path):
        return None
    if (settled := _stamp(stat)) is not None:
        _write(entry, {**header, "stamp": settled}, state)
    return state


def _font_bytes(path: Path) -> Any:
    """Return the font file's bytes as a read-only memory map (a plain read where mapping fails).

    reportlab keeps a font's whole file to cut subsets from at save time, but reads only a
    few tables and the glyphs printed: mapped, the pages never read stay out of memory
    (two CJK collections are 37 MB). Font packages replace files by renaming a new one in,
    which leaves a mapping of the old file intact.
    """
    if getattr(ttfonts, "uharfbuzz", None) is not None:
        return path.read_bytes()  # shaping hands the whole file to HarfBuzz as bytes
    try:
        with path.open("rb") as handle:
            return MappedFont(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # empty files, file systems that cannot map
        return path.read_bytes()


class MappedFont:
    """Serve reportlab's reads of a font file from a memory map, the glyf table as a window.

    Each subset reportlab cuts at save time first copies the whole glyf table (18 MB in
    AR PL UMing) to take a few hundred glyphs out of it; the window hands out just those.
    Every other read gets bytes (or an int), as from the file's bytes.
    """

    def __init__(self, mapped: mmap.mmap) -> None:
        self._map = mapped
        self._glyf: tuple[int, int] | None = None

    def window_glyf(self, table: dict[str, dict[str, int]]) -> None:
        """Serve the slice that is exactly the glyf table (from the parsed directory) as a window."""
        record = table.get("glyf")
        if record is not None:
            self._glyf = (record["offset"], record["offset"] + record["length"])

    def __len__(self) -> int:
        return len(self._map)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice) and self._glyf is not None and (key.start, key.stop) == self._glyf:
            return _Window(self._map, *self._glyf)
        return self._map[key]

    def __bytes__(self) -> bytes:
        return self._map[:]


class _Window:
    """Stand for ``mapped[start:stop]``; slicing it reads only the slice from the map."""

    def __init__(self, mapped: mmap.mmap, start: int, stop: int) -> None:
        self._map, self._start, self._stop = mapped, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, key: slice) -> bytes:
        first, last, step = key.indices(len(self))
        if step != 1:
            raise ValueError("font table windows are read in runs")
        return self._map[self._start + first:self._start + max(first, last)]


def _parsed(name: str, path: Path, subfont: int, data: Any) -> TTFont:
    """Return the font parsed by reportlab from ``data`` (the bytes of ``path``)."""
    face = TTFontFace.__new__(TTFontFace)
    face._ttf_data = data  # reportlab reads the file only when the face has no bytes yet
    face.filename = str(path)  # what reportlab's own read would have recorded
    TTFontFace.__init__(face, str(path), validate=0, subfontIndex=subfont)
    compact(face)
    if isinstance(data, MappedFont):
        data.window_glyf(face.table)
    return _font(name, face)


def _font(name: str, face: TTFontFace) -> TTFont:
    """Return a TTFont around an already parsed ``face``: TTFont.__init__ without its parse."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)
    return font


def _from_state(name: str, state: dict[str, Any], data: Any) -> TTFont:
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    if isinstance(data, MappedFont):
        data.window_glyf(face.table)
    return _font(name, face)


def _scale(units_per_em: int):
    """Return reportlab's font-unit → PDF-unit scale, computed the way extractInfo computes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _identity(path: Path, subfont: int, stat: os.stat_result) -> dict[str, Any]:
    """Return what an entry must have been made for, apart from the content: versions, path, size, mtime."""
    return {
        "format": FORMAT, "reportlab": reportlab.Version, "python": sys.version_info[:2],
        "path": str(path.resolve()), "subfont": subfont, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
        "shaping": shaping_possible(),  # entries made without HarfBuzz lack the glyph → character table
    }


def _stamp(stat: os.stat_result, racy_ns: int | None = None) -> tuple[int, ...] | None:
    """Return the file's change stamp, or None if it changed too recently to vouch for its content."""
    if time.time_ns() - stat.st_ctime_ns < (RACY_NS if racy_ns is None else racy_ns):
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _digest(path: Path) -> str:
    """Return the SHA-256 of the file, read in chunks so the memory map stays untouched."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _read(entry: Path, identity: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Return the stored header and face state if ``entry`` is ours, safe to unpickle and made for ``identity``."""
    try:
        with entry.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
                log.debug("font cache entry %s not owned by this user or writable by others: ignored", entry)
                return None
            if handle.read(len(_MAGIC)) != _MAGIC:
                return None
            header = pickle.load(handle)
            if not isinstance(header, dict) or {key: header.get(key) for key in identity} != identity:
                return None
            with collector_paused():
                state = pickle.load(handle)
        return (header, state) if isinstance(state, dict) else None
    except FileNotFoundError:
        return None
    except Exception as error:  # noqa: BLE001 - corrupt or foreign entries are re-parsed
        log.debug("font cache entry %s unreadable (%s)", entry, error)
        return None


def _state_of(face: TTFontFace) -> dict[str, Any]:
    return {key: value for key, value in face.__dict__.items() if key not in _UNSTORED}


def _write(entry: Path, header: dict[str, Any], state: dict[str, Any]) -> None:
    """Store a face's parsed state under ``entry`` atomically; give up quietly on any error."""
    temporary: str | None = None
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC)
            pickle.dump(header, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        temporary = None
    except Exception as error:  # noqa: BLE001 - an unwritable cache only means parsing next time
        log.debug("font cache entry %s not written (%s)", entry, error)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
