"""Break Chinese lines by the kinsoku rules (CLREQ): no closing mark starts a line, no opening mark ends one.

:func:`kinsoku_split` breaks anywhere between Han characters, hangs one closing mark in
the margin or squeezes marks' blank halves to keep it, carries two down with the character
before them, keeps numbers and Latin words whole, and (in table cells) prefers a break
after a 、 so lists of names stay whole. A paragraph of plain text (its runs and font
switches included) is broken on its joined string and widths, without an object per
character: line breaking fell from about 22 % to 17 % of data/2023's PDF render time. One
with images or forced breaks, or that needs reportlab's bounds, is broken glyph by glyph.
Both give the same lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

from .pdf_spacing import FontSizes, Sizes, Uniform, adjustments

# Closing marks that must not start a line, opening marks that must not end one.
CANNOT_START = frozenset(ALL_CANNOT_START + "，。、；：！？）」』》〉】〕”’…·．％")
CANNOT_END = frozenset(ALL_CANNOT_END + "（「『《〈【〔“‘")


SizesAt = Callable[[int], Sizes]  # the font sizes of the glyphs from an index on
LineMaker = Callable[[int, int, float, float, bool], FragLine]  # start, end, measure, width used, forced


def kinsoku_split(frags: Sequence, max_widths: Sequence[float], calc_bounds: bool, list_reach: int = 0) -> ParaLines:
    """Return ParaLines for ``frags``: break anywhere, but hang one closing mark and move opening marks down.

    ``list_reach`` > 0 moves a break back to just after a 、 found that many characters before it.
    """
    if not calc_bounds and all(_is_plain(frag) for frag in frags):
        text = PlainText(frags)
        line = _one_line(text, max_widths[0])
        return ParaLines(kind=1, lines=[line] if line is not None else _text_lines(text, max_widths, list_reach))
    return ParaLines(kind=1, lines=_glyph_lines(frags, max_widths, calc_bounds, list_reach))


def _glyph_lines(frags: Sequence, max_widths: Sequence[float], calc_bounds: bool, list_reach: int) -> list[FragLine]:
    """Return the lines of ``frags`` broken glyph by glyph: each character an object with its frag and width."""
    glyphs = [glyph for frag in frags for glyph in _glyphs(frag)]
    # Plain text (no images, no <br/>): every width is a number known now, so look them up once.
    plain = [glyph._width for glyph in glyphs] if all(type(glyph) is _Glyph for glyph in glyphs) else None

    frag_of = [glyph.frag for glyph in glyphs]

    def make(start: int, end: int, max_width: float, used: float, forced: bool) -> FragLine:
        if calc_bounds:
            return makeCJKParaLine(glyphs[start:end], max_width, used, max_width - used, forced, calc_bounds)
        return _text_line(glyphs, frag_of, start, end, max_width, used, forced)

    return _lines(glyphs, plain, max_widths, list_reach, lambda at: FontSizes(glyphs, at), make)


class PlainText:
    """Hold frags of plain text joined: the characters, their widths, the frag and font size of each."""

    def __init__(self, frags: Sequence) -> None:
        self.text = "".join(frag.text for frag in frags)
        self.widths = [width for frag in frags for width in _text_widths(frag)]
        self.frag_of = [frag for frag in frags for _ in frag.text]
        self._uniform = Uniform(frags[0].fontSize) if len(frags) == 1 else None
        self._sizes = [float(frag.fontSize) for frag in self.frag_of] if self._uniform is None else []

    def sizes_at(self, at: int) -> Sizes:
        """Return the font sizes of the characters from ``at`` on."""
        return self._uniform if self._uniform is not None else _SizesFrom(self._sizes, at)

    def line(self, start: int, end: int, max_width: float, used: float, forced: bool) -> FragLine:
        """Return characters ``start`` to ``end`` as one line."""
        return _text_line(self.text, self.frag_of, start, end, max_width, used, forced)


def _text_lines(text: PlainText, max_widths: Sequence[float], list_reach: int) -> list[FragLine]:
    """Return the lines of frags of plain text, broken on their joined string: no object per character.

    The same lines as glyph by glyph (the helpers read characters either way;
    tests/render/test_pdf_kinsoku.py compares them).
    """
    return _lines(text.text, text.widths, max_widths, list_reach, text.sizes_at, text.line)


class _SizesFrom:
    """Stand for the font sizes of the characters from ``offset`` on."""

    def __init__(self, sizes: list[float], offset: int) -> None:
        self.sizes, self.offset = sizes, offset

    def __getitem__(self, index: int) -> float:
        return self.sizes[self.offset + index]


def _lines(glyphs: Sequence, plain: list[float] | None, max_widths: Sequence[float], list_reach: int,
           sizes_at: SizesAt, make: LineMaker) -> list[FragLine]:
    """Return the lines of ``glyphs`` (characters, or glyphs with frags), each made by ``make``."""
    spaced = _spaced(glyphs, plain, sizes_at(0)) if plain is not None else None
    lines: list[FragLine] = []
    start = 0
    while start < len(glyphs):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        end, forced = _fill(glyphs, start, max_width) if spaced is None else (_fill_plain(spaced, start, max_width), False)
        if not forced and end < len(glyphs):
            squeezed = _squeeze(glyphs, plain, start, end, max_width, sizes_at)
            end = squeezed or _list_break(glyphs, start, _break_index(glyphs, start, end), list_reach)
        end, used, adjust = _fit(glyphs, plain, start, end, max_width, forced, sizes_at)
        line = make(start, end, max_width, used, forced)
        line._adjust = adjust
        lines.append(line)
        start = _skip_spaces(glyphs, end)
    return lines


def _spaced(glyphs: Sequence, plain: list[float], sizes: Sizes) -> list[float]:
    """Return each glyph's width with the layout's moves inside a line: marks compressed, Han–Latin gaps.

    Filling a line with these lets compression make room for one more character; a move
    that only applies at a line's end is settled by :func:`_fit` once the break is known.
    """
    moves = adjustments(glyphs, plain, sizes)
    if not moves:
        return plain
    return [width + moves.get(index, 0.0) for index, width in enumerate(plain)]


def _fit(glyphs: Sequence, plain: list[float] | None, start: int, end: int, max_width: float, forced: bool,
         sizes_at: SizesAt) -> tuple[int, float, dict[int, float]]:
    """Return the line's end, its width with the layout's spacing, and that spacing per glyph.

    A hung closing mark is compressed to half an em; when the line still passes the
    measure (a mark too many, or the gaps between Han and Latin), the break moves back.
    """
    while True:
        widths: list[float] = plain[start:end] if plain is not None else [_width(glyph, max_width) for glyph in glyphs[start:end]]
        adjust = adjustments(glyphs[start:end], widths, sizes_at(start))
        used = sum(widths) + sum(adjust.values()) - _trailing_space(glyphs, start, end, widths)
        if used <= max_width + _FUZZ or end - start <= 1 or forced:
            return end, used, adjust
        end = _back_one(glyphs, start, end)


def _squeeze(glyphs: Sequence, plain: list[float] | None, start: int, end: int, max_width: float,
             sizes_at: SizesAt) -> int:
    """Return the end past the closing marks at ``end`` if, compressed, they fit the line; else 0.

    CLREQ prefers squeezing the marks' blank halves to carrying a character down with them.
    """
    stop = end
    while stop < len(glyphs) and glyphs[stop] in CANNOT_START:
        stop += 1
    if stop == end or stop - end > 3:
        return 0
    widths: list[float] = plain[start:stop] if plain is not None else [_width(glyph, max_width) for glyph in glyphs[start:stop]]
    used = sum(widths) + sum(adjustments(glyphs[start:stop], widths, sizes_at(start)).values())
    return stop if used <= max_width + _FUZZ else 0


def _trailing_space(glyphs: Sequence, start: int, end: int, widths: list[float]) -> float:
    """Return the width of the spaces ending the line: they fall past the measure unseen."""
    width, index = 0.0, end - 1
    while index > start and glyphs[index] == " ":
        width, index = width + widths[index - start], index - 1
    return width


def _back_one(glyphs: Sequence, start: int, end: int) -> int:
    """Return a break one character before ``end`` that keeps the kinsoku and word rules."""
    moved = end - 1
    while moved - 1 > start and glyphs[moved] in CANNOT_START:
        moved -= 1
    moved = _no_open_end(glyphs, start, _word_break(glyphs, start, moved))
    return moved if moved > start else end - 1


def _skip_spaces(glyphs: Sequence, index: int) -> int:
    """Return ``index`` past the spaces a break fell on: a wrapped line never starts with a space."""
    while index < len(glyphs) and glyphs[index] == " ":
        index += 1
    return index


class _Glyph(cjkU):
    """Hold one character with its frag and a width looked up in a cache."""

    def __new__(cls, value: str, frag, width: float):
        self = str.__new__(cls, value)
        self._frag = frag
        self._width = width
        return self


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _text_line(text: Sequence[str], frag_of: list, start: int, end: int, max_width: float, used: float,
               forced: bool) -> FragLine:
    """Return characters ``start`` to ``end`` as reportlab's CJK FragLine: one word per run from the same frag.

    Same result as makeCJKParaLine without comparing every glyph's frag attribute by attribute.
    """
    words, size, ascent, descent = [], 0.0, 0.0, 0.0
    run = start
    for index in range(start + 1, end + 1):
        if index < end and frag_of[index] is frag_of[run]:
            continue
        frag = frag_of[run]
        word = frag.clone()
        chars = text[run:index]
        word.text = chars if isinstance(chars, str) else "".join(chars)  # a slice of the text, or of glyphs
        words.append(word)
        up, down = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
        run = index
    return FragLine(
        kind=1, extraSpace=max_width - used, wordCount=1, words=words, fontSize=size, ascent=ascent,
        descent=descent, maxWidth=max_width, currentWidth=used, lineBreak=forced,
    )


def _is_plain(frag) -> bool:
    """Return whether ``frag`` is text alone: no image, no forced break, not empty."""
    return bool(frag.text) and not hasattr(frag, "cbDefn") and not hasattr(frag, "lineBreak")


def _text_widths(frag) -> list[float]:
    """Return the width of each character of ``frag``'s text, from the cache of its font and size.

    Measuring one character at a time is the hot path of long tables: the widths are cached.
    """
    cache = _WIDTHS.setdefault((frag.fontName, frag.fontSize), {})
    widths = []
    for char in frag.text:
        width = cache.get(char)
        if width is None:
            width = cache[char] = stringWidth(char, frag.fontName, frag.fontSize)
        widths.append(width)
    return widths


def _one_line(text: PlainText, max_width: float) -> FragLine | None:
    """Return the single line of ``text`` if it fits ``max_width``, else None (break it into lines).

    Most table cells are short: this skips breaking them. The widths are summed in the same
    order as :func:`_fit`, trailing spaces left out as there, so the line is the one breaking
    would make.
    """
    # The layout's moves take back at most half a glyph's width: text this wide cannot be one line.
    count, total = len(text.text), sum(text.widths)
    if count > 1 and total > 2.5 * (max_width + _FUZZ):
        return None
    adjust = adjustments(text.text, text.widths, text.sizes_at(0))
    used = total + sum(adjust.values()) - _trailing_space(text.text, 0, count, text.widths)
    if count == 0 or (used > max_width + _FUZZ and count > 1):
        return None
    line = text.line(0, count, max_width, used, False)
    line._adjust = adjust
    return line


def _glyphs(frag) -> list:
    text = frag.text
    if not text or hasattr(frag, "cbDefn"):
        return [cjkU(text, frag, "utf8")]  # images, <br/> and empty frags still count
    return [_Glyph(char, frag, width) for char, width in zip(text, _text_widths(frag))]


def _width(glyph, max_width: float) -> float:
    width = glyph.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        return width.normalizedValue(max_width)
    return width


def _fill(glyphs: Sequence, start: int, max_width: float) -> tuple[int, bool]:
    """Return the end of the longest line from ``start`` and whether a <br/> forced it."""
    used = 0.0
    for index in range(start, len(glyphs)):
        glyph = glyphs[index]
        if hasattr(glyph.frag, "lineBreak"):
            return index + 1, True
        used += _width(glyph, max_width)
        if used > max_width + _FUZZ and index > start:
            return index, False
    return len(glyphs), False


def _fill_plain(widths: list[float], start: int, max_width: float) -> int:
    """Return the end of the longest line from ``start``, as :func:`_fill` does for plain text."""
    used, limit = 0.0, max_width + _FUZZ
    for index in range(start, len(widths)):
        used += widths[index]
        if used > limit and index > start:
            return index
    return len(widths)


def _word_break(glyphs: Sequence, start: int, end: int) -> int:
    """Move a break that falls inside a Latin word or number back to before that word."""
    if not (_is_latin(glyphs[end]) and _is_latin(glyphs[end - 1])):
        return end
    for index in range(end - 1, (start + end) // 2, -1):
        if glyphs[index].isspace() or not _is_latin(glyphs[index]):
            return index + 1
    return end


def _is_latin(glyph: str) -> bool:
    # Digits, letters and the . , % inside numbers such as 300.82 or 1,200 stay together.
    # Below U+2000: Latin letters and digits; curly quotes and dashes are break points.
    return bool(glyph) and ord(glyph[0]) < 0x2000 and not glyph.isspace()


def _list_break(glyphs: Sequence, start: int, end: int, reach: int) -> int:
    """Return the position just after a 、 within ``reach`` characters before ``end``, else ``end``."""
    for index in range(end - 1, max(start, end - 1 - reach), -1):
        if glyphs[index] == "、":
            return index + 1
    return end


def _break_index(glyphs: Sequence, start: int, end: int) -> int:
    """Return where to break before ``end``: not inside a number or word, not next to the wrong mark."""
    end = _word_break(glyphs, start, end)
    moved = _kinsoku_break(glyphs, start, end)
    if moved < end:
        # Carrying marks down can land inside a number (18|%）): keep the number whole too.
        moved = _no_open_end(glyphs, start, _word_break(glyphs, start, moved))
    return moved


def _kinsoku_break(glyphs: Sequence, start: int, end: int) -> int:
    """Return a break index so no line starts with a closing or ends with an opening mark."""
    if glyphs[end] in CANNOT_START:
        if end + 1 >= len(glyphs) or glyphs[end + 1] not in CANNOT_START:
            end += 1  # hang a single closing mark in the margin, as reportlab does
        else:
            while end - 1 > start and glyphs[end] in CANNOT_START:
                end -= 1  # two closing marks (）。): carry the character before them down too
    return _no_open_end(glyphs, start, end)


def _no_open_end(glyphs: Sequence, start: int, end: int) -> int:
    """Return ``end`` moved back so the line does not end with an opening mark."""
    while end - 1 > start and glyphs[end - 1] in CANNOT_END:
        end -= 1
    return end
