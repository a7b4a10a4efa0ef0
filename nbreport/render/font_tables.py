"""Hold a parsed TrueType face's per-glyph tables compactly, as reportlab reads them.

reportlab keeps three per-glyph tables as Python objects: hmetrics (a list of pairs),
glyphPos (a list of ints) and glyphToChar (a dict of lists). For the two CJK collections
that is about 20 MB and 200,000 objects per process (unpickled on every build), though
reportlab only indexes the first two while cutting subsets and reads glyphToChar only
when it shapes text with HarfBuzz. Arrays hold the same numbers in a tenth of the room,
and glyphToChar is left empty where shaping is not possible.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from reportlab.pdfbase import ttfonts


class HorizontalMetrics:
    """Stand for reportlab's list of (advance, left side bearing) per glyph, stored in two arrays.

    Advances are doubles: reportlab stores the glyphs past numberOfHMetrics with the
    advance already scaled to 1/1000 em, which is not an integer for every unitsPerEm.
    """

    __slots__ = ("advances", "bearings")

    def __init__(self, pairs: Iterable[tuple[float, int]] = ()) -> None:
        self.advances, self.bearings = array("d"), array("H")
        for advance, bearing in pairs:
            self.advances.append(advance)
            self.bearings.append(bearing)

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self.advances[glyph], self.bearings[glyph]

    def __getstate__(self) -> tuple[array, array]:
        return self.advances, self.bearings

    def __setstate__(self, state: tuple[array, array]) -> None:
        self.advances, self.bearings = state


def shaping_possible() -> bool:
    """Return whether reportlab can shape text here (uharfbuzz imported), the only reader of glyphToChar."""
    return getattr(ttfonts, "uharfbuzz", None) is not None


def compact(face: Any) -> None:
    """Replace ``face``'s per-glyph lists by arrays, and drop glyphToChar where nothing can read it."""
    if isinstance(face.hmetrics, list):
        face.hmetrics = HorizontalMetrics(face.hmetrics)
    if isinstance(face.glyphPos, list):
        face.glyphPos = array("I", face.glyphPos)  # offsets into glyf: loca stores them as 32-bit at most
    if not shaping_possible():
        face.glyphToChar = {}
