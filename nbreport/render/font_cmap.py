"""Read which characters a TrueType font maps, from its cmap table alone.

Parsing a whole CJK font with reportlab takes about a second; the cmap is a few hundred
kilobytes at a known offset, so validate can ask "which characters print?" cheaply.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# Preferred subtables: full Unicode (3,10) first, then the BMP ones.
_SUBTABLES = ((3, 10), (0, 4), (0, 6), (0, 3), (3, 1), (0, 1), (0, 0))


@functools.lru_cache(maxsize=32)
def read_cmap(path: Path) -> frozenset[int]:
    """Return the code points mapped to a glyph by the font's cmap (a .ttc: its first font); empty if unreadable."""
    try:
        with path.open("rb") as handle:
            return frozenset(_cmap_points(handle))
    except (OSError, ValueError, IndexError, KeyError, struct.error):
        return frozenset()


def _cmap_points(handle: BinaryIO) -> Iterator[int]:
    def read(offset: int, size: int) -> bytes:
        handle.seek(offset)
        data = handle.read(size)
        if len(data) != size:
            raise ValueError("truncated font")
        return data

    start = 0
    if read(0, 4) == b"ttcf":
        start = struct.unpack(">I", read(12, 4))[0]
    (count,) = struct.unpack(">H", read(start + 4, 2))
    tables = {read(start + 12 + 16 * i, 4): struct.unpack(">II", read(start + 12 + 16 * i + 8, 8)) for i in range(count)}
    offset, length = tables[b"cmap"]
    cmap = read(offset, length)
    subtables = {}
    for i in range(struct.unpack(">H", cmap[2:4])[0]):
        platform, encoding, at = struct.unpack(">HHI", cmap[4 + 8 * i:12 + 8 * i])
        subtables[(platform, encoding)] = at
    for key in _SUBTABLES:
        if key in subtables:
            yield from _subtable_points(cmap, subtables[key])
            return


def _subtable_points(cmap: bytes, at: int) -> Iterator[int]:
    (fmt,) = struct.unpack(">H", cmap[at:at + 2])
    if fmt == 12:
        (groups,) = struct.unpack(">I", cmap[at + 12:at + 16])
        for i in range(groups):
            first, last, glyph = struct.unpack(">III", cmap[at + 16 + 12 * i:at + 28 + 12 * i])
            yield from range(first + (glyph == 0), last + 1)
    elif fmt == 4:
        segments = struct.unpack(">H", cmap[at + 6:at + 8])[0] // 2
        ends = struct.unpack(f">{segments}H", cmap[at + 14:at + 14 + 2 * segments])
        base = at + 16 + 2 * segments
        starts = struct.unpack(f">{segments}H", cmap[base:base + 2 * segments])
        deltas = struct.unpack(f">{segments}h", cmap[base + 2 * segments:base + 4 * segments])
        ranges_at = base + 4 * segments
        ranges = struct.unpack(f">{segments}H", cmap[ranges_at:ranges_at + 2 * segments])
        for i, (first, last, delta, rng) in enumerate(zip(starts, ends, deltas, ranges)):
            for char in range(first, min(last, 0xFFFE) + 1):
                if rng == 0:
                    glyph = (char + delta) & 0xFFFF
                else:
                    where = ranges_at + 2 * i + rng + 2 * (char - first)
                    glyph = struct.unpack(">H", cmap[where:where + 2])[0]
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                if glyph:
                    yield char
