"""Break long titles at their natural points, so no renderer breaks one inside a word.

Compose does not hold the fonts' metrics, so widths are estimated in em of the title's
size: a Chinese character or full-width mark is 1 em, a Latin letter or digit LATIN_EM
(0.6, wider than the fonts' own digits and most letters: Liberation Sans digits are
0.556), so a line judged to fit does fit. A title that fits stays one line (no break);
a longer one is cut, in order of preference, at a space between its two parts, after
、，：； or before an opening bracket, else at the best balanced cut among the points
where Chinese titles part (after the number, after a year 2022年 or 2022年度, after 的, before 与/和/及),
else at any point between two characters that is not inside a Latin word or a number
and that kinsoku allows. No line is left with fewer than MIN_LINE characters.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

LATIN_EM = 0.6
MIN_LINE = 3  # a last line of one or two characters reads as a stray
SPACES = " \u3000"
_BREAK_AFTER = frozenset("、，：；")
_BREAK_BEFORE = frozenset("（《「『“")
_NO_START = frozenset("，。、；：！？）》」』”’〕】")  # kinsoku: may not begin a line
_NO_END = frozenset("（《「『“‘〔【")  # may not end a line
_HINT_AFTER = ("年度", "的")
_HINT_BEFORE = ("与", "和", "及")
_WIDE = frozenset("“”‘’—…·")  # set full-width by the Chinese fonts


def em_width(text: str) -> float:
    """Return the estimated width of ``text`` in em: CJK and full-width marks 1, Latin and digits LATIN_EM."""
    return sum(1.0 if ord(char) >= 0x2E80 or char in _WIDE else LATIN_EM for char in text)


def break_title(text: str, measure_em: float, number_end: int = -1) -> tuple[str, ...]:
    """Return ``text`` as the lines it prints on at ``measure_em`` em, or () when it fits one line.

    ``number_end`` is the index of the separator after a number such as 第一章 (-1: none);
    a cut there is a natural point too, weighed with the others.
    """
    if em_width(text) <= measure_em:
        return ()
    lines: list[str] = []
    rest = text
    while em_width(rest) > measure_em:
        cut = _best_cut(rest, measure_em, number_end)
        if cut is None:
            break  # nothing fits (one long Latin word): the renderer wraps it as it can
        lines.append(rest[:cut].rstrip(SPACES))
        number_end = -1
        rest = rest[cut:].lstrip(SPACES)
    lines.append(rest)
    return tuple(lines) if len(lines) > 1 else ()


def _best_cut(text: str, measure: float, number_end: int) -> int | None:
    """Return where to end the first line of ``text``, or None when no cut gives a first line that fits."""
    total = em_width(text)
    lines = math.ceil(total / measure)
    target = total / lines
    by_rank: dict[int, list[int]] = {}
    for cut, rank in _cuts(text, number_end):
        first, second = text[:cut].rstrip(SPACES), text[cut:].lstrip(SPACES)
        if first and second and (first[-1] in _NO_END or second[0] in _NO_START):
            continue  # kinsoku across a space: the marks beside the space decide
        if len(first) >= MIN_LINE and len(second) >= MIN_LINE and em_width(first) <= measure \
                and em_width(second) <= measure * (lines - 1):
            by_rank.setdefault(rank, []).append(cut)
    for rank in sorted(by_rank):
        # The most balanced of the best-ranked cuts: lines of like length, none a stray.
        return min(by_rank[rank], key=lambda cut: abs(em_width(text[:cut].rstrip(SPACES)) - target))
    return None


def _cuts(text: str, number_end: int) -> Iterator[tuple[int, int]]:
    """Yield (index, rank) of every point the first line may end before: 0 natural, 1 punctuation, 2 hint, 3 any."""
    for at in range(1, len(text)):
        before, after = text[at - 1], text[at]
        if after in SPACES or before in _NO_END or after in _NO_START:
            continue
        if before in SPACES:
            yield at, 2 if at - 1 == number_end else 0
        elif before in _BREAK_AFTER or after in _BREAK_BEFORE:
            yield at, 1
        elif text[:at].endswith(_HINT_AFTER) or after in _HINT_BEFORE or _after_year(text, at):
            yield at, 2
        elif not (_in_word(before) and _in_word(after)):
            yield at, 3


def _after_year(text: str, at: int) -> bool:
    """Return whether ``at`` follows a year such as 2022年 (not 2022年度, which parts after 度)."""
    return text[at - 1] == "年" and at >= 2 and text[at - 2].isdigit() and text[at] != "度"


def _in_word(char: str) -> bool:
    """Return whether ``char`` belongs to a Latin word or a number, which never breaks."""
    return char.isascii() and (char.isalnum() or char in ".%&+-_/")
