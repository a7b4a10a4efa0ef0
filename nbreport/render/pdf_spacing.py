"""Space Chinese lines by layout (CLREQ, GB/T 15834): never by inserting a character.

:func:`adjustments` says how far each glyph's advance moves: a full-width closing mark
at a line's end or before another mark gives up the blank half of its em (CLREQ 3.1.6),
and Han next to a Latin letter or digit gets a small gap. :class:`SpacedText` draws a
line with those moves (numbers in a ``TJ`` array) and spreads what is left of the
measure between the characters of a justified line (``Tc``), so the text read back is
the data's text, character for character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, Protocol

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import PDFTextObject

CLOSING = frozenset("，。、；：！？）」』》〉】〕”’")  # ink in the left half of the em
OPENING = frozenset("（「『《〈【〔“‘")  # ink in the right half
MARKS = CLOSING | OPENING
# Between Han and Latin: CLREQ asks for about a quarter em, but a wider gap is read back as a
# space by text extraction. Measured on data/2023's PDF (layout checker, PyMuPDF 1.2x) and on
# sample lines (pdftotext 22.12), gap in em of the font size:
# - MuPDF judges a gap against the glyph before it: after a Han character (1 em) 0.25 reads
#   clean; after a digit or a Latin letter (about 0.5 em) 0.12 reads clean, 0.15 gave 505
#   inserted spaces in data/2023.
# - pdftotext splits at about a tenth of the font size whatever the glyph, the spread of a
#   justified line included: in justified body lines 0.08 already gave spaces, 0.05 seven more
#   than no gap at all over data/2023; at this 0.1 it reads most gaps as spaces.
# No gap near a quarter em reads clean in both, so the gap stays at a tenth (clean in MuPDF
# both ways, the checker at 0 faults); a justified line's spread is not added to it.
HAN_LATIN_EM = 0.1
MAX_SPREAD_EM = 0.35  # a line that would open wider than this between Han characters stays ragged


_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_GAP = re.compile(f"[{_HAN}](?=[0-9A-Za-z])|[0-9A-Za-z](?=[{_HAN}])")  # the glyph before a Han–Latin gap
_SQUEEZE = re.compile(f"[{''.join(sorted(CLOSING))}](?=[{''.join(sorted(MARKS))}]|$)")


class Sizes(Protocol):
    """Give the font size of the glyph at an index."""

    def __getitem__(self, index: int, /) -> float: ...


def adjustments(chars: Sequence[str], widths: Sequence[float], sizes: Sizes) -> dict[int, float]:
    """Return the move of each glyph's advance in points (negative: compressed), keyed by index."""
    text = chars if isinstance(chars, str) else "".join(chars)
    moves: dict[int, float] = {}
    for found in _GAP.finditer(text):
        at = found.start()
        moves[at] = HAN_LATIN_EM * sizes[at]
    for found in _SQUEEZE.finditer(text):
        at = found.start()
        if widths[at] >= 0.9 * sizes[at]:  # a full-width mark: its blank half can go
            moves[at] = -widths[at] / 2
    return moves


_NARROW = re.compile("[\x00-\u2e7f]")  # Latin, digits, half-width signs


class Uniform:
    """Stand for a sequence of one font size (a run set in one frag) without building it."""

    def __init__(self, size: float) -> None:
        self.size = size

    def __getitem__(self, index: int) -> float:
        return self.size


class FontSizes:
    """Stand for the font sizes of ``glyphs[offset:]``, looked up only where a move is made."""

    def __init__(self, glyphs: Sequence[Any], offset: int = 0) -> None:
        self.glyphs, self.offset = glyphs, offset

    def __getitem__(self, index: int) -> float:
        return float(self.glyphs[self.offset + index].frag.fontSize)


class SpacedText(PDFTextObject):
    """Draw a paragraph's lines with their planned moves; justify all but the last line.

    reportlab draws each run of a line with ``_textOut`` and ends the line's last run
    with ``T*``: the object counts runs and characters to know which move is whose.
    """

    def __init__(self, canvas: Any, x: float, y: float, lines: Sequence[Any], justify: bool, last: bool = False) -> None:
        """Draw ``lines``; spread them if ``justify``, the last one too if ``last``."""
        super().__init__(canvas, x, y)
        self._lines, self._justify = lines, justify
        self._spread_lines = len(lines) if last else len(lines) - 1
        self._line_no, self._char_no, self._spread = 0, 0, 0.0
        self._moves: dict[int, float] = {}
        self._keys: list[int] = []

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803 - reportlab's names
        """Append ``text`` with its moves; start the next line's spacing after a ``T*``."""
        line = self._lines[self._line_no] if self._line_no < len(self._lines) else None
        if self._char_no == 0 and line is not None:
            self._start_line(line)
        moves = self._moves
        code = self._moved(text, moves, self._char_no) if moves else self._formatText(text)
        self._code.append(f"{code} T*" if TStar else code)
        self._char_no += len(text)
        if TStar:
            self._line_no, self._char_no = self._line_no + 1, 0

    def _start_line(self, line: Any) -> None:
        """Set the line's spread and its moves: the spread is taken back after narrow glyphs."""
        planned: dict[int, float] = getattr(line, "_adjust", None) or {}
        fixed: set[int] = set()
        spread = 0.0
        if self._justify and self._line_no < self._spread_lines and not line.lineBreak and line.extraSpace > 0:
            text = "".join(word.text for word in line.words if not hasattr(word, "cbDefn"))
            # After a Latin letter, digit or half-width sign no spread (a Han–Latin gap after Han takes it):
            # Latin is not letter-spaced, and a wider gap after a narrow glyph reads back as a space.
            fixed = {found.start() for found in _NARROW.finditer(text, 0, len(text) - 1)}
            spread = self._spread_of(line, len(text) - 1 - len(fixed))
        self._set_spread(spread)
        if spread:
            planned = {**planned, **{at: planned.get(at, 0.0) - spread for at in fixed}}
        self._moves = planned
        self._keys = sorted(planned)

    def _spread_of(self, line: Any, gaps: int) -> float:
        """Return the space added after each of ``gaps`` characters so the line fills the measure, else 0."""
        if gaps < 1:
            return 0.0
        spread = line.extraSpace / gaps
        return spread if spread <= MAX_SPREAD_EM * line.fontSize else 0.0

    def _set_spread(self, spread: float) -> None:
        if abs(spread - self._spread) > 1e-6:
            self._code.append(f"{fp_str(spread)} Tc")
            self._spread = spread

    def _moved(self, text: str, moves: dict[int, float], first: int) -> str:
        """Return the operators drawing ``text`` whose characters start at ``first`` in their line."""
        keys = self._keys
        inside = keys[bisect_left(keys, first):bisect_left(keys, first + len(text))]
        font = getFont(self._fontname)
        if not font._dynamicFont or not inside:
            return self._formatText(text)
        canvas, parts, at = self._canvas, [], first
        scale = -1000.0 / self._fontsize  # TJ numbers are thousandths of the size, positive moves left
        size = None  # formatted once per call, as reportlab's _formatText does: a line of Han switches subsets often
        next_move = 0  # the moves are sorted and the chunks follow the text: each move is looked at once
        for subset, chunk in font.splitString(text, canvas._doc):
            if subset != getattr(self, "_curSubset", None):
                size = size or f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
                parts.append(f"{font.getSubsetInternalName(subset, canvas._doc)} {size}")
                self._curSubset = subset
            items, begin, stop = [], 0, at + len(chunk)  # one byte per character in a TrueType subset
            while next_move < len(inside) and inside[next_move] < stop:
                place = inside[next_move]
                next_move += 1
                if moves[place]:
                    offset = place - at
                    items += [f"({canvas._escape(chunk[begin:offset + 1])})", fp_str(moves[place] * scale)]
                    begin = offset + 1
            if begin < len(chunk):
                items.append(f"({canvas._escape(chunk[begin:])})")
            parts.append(f"[{' '.join(items)}] TJ")
            at += len(chunk)
        return " ".join(parts)
