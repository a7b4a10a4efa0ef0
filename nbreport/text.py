"""Text rules shared by loading, checking and rendering."""

from __future__ import annotations

import re
import unicodedata

# Characters that XML 1.0 (DOCX) cannot hold and PDF text should never carry; lone
# surrogates cannot come from a decoded file but can from a Report built in code.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Bidi controls reorder the text around them invisibly (a "Trojan source" trick); the
# renderers do not implement the bidi algorithm, so what they print would differ from
# what an editor shows.
BIDI_CONTROL = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")

# Invisible or unusual spaces that make two equal-looking names differ.
INVISIBLE = re.compile("[\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u180e]")

# The INVISIBLE characters that show as a space of some width (the others have none).
WIDE_SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
MAX_INT_DIGITS = 9


def ascii_digits(text: str) -> str:
    """Return ``text`` with full-width digits (０-９) as ASCII digits; other characters stay."""
    return text.translate(_FULL_WIDTH_DIGITS)


def parse_int(text: str) -> int | None:
    """Return ``text`` as a non-negative integer, or None if it is not one.

    Only ASCII and full-width digits count: ``①``, ``²`` and other Unicode digits are
    not numbers a table means, and more than MAX_INT_DIGITS digits is never a 序号
    (it also keeps int() away from the interpreter's 4300-digit limit).
    """
    digits = ascii_digits(text.strip())
    if not digits or len(digits) > MAX_INT_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits)


def name_key(text: str) -> str:
    """Return the comparison key of a name: NFKC-normalised, invisible characters and spaces removed.

    NFKC folds NFD combining sequences, compatibility ideographs (U+F900 豈 → 豈) and
    full-width letters, so names that print alike compare alike.
    """
    folded = unicodedata.normalize("NFKC", text)
    return INVISIBLE.sub("", folded).replace(" ", "").casefold()


_TRAILING_PUNCTUATION = re.compile(r"[。．.；;，,！!？?\s]+$")


def text_key(text: str) -> str:
    """Return the comparison key of a sentence or a title: its name_key without final punctuation.

    Two 大事记 events, award projects or incubators with the same key are one thing typed twice.
    """
    return _TRAILING_PUNCTUATION.sub("", name_key(text))


def shorten(text: str, limit: int = 30) -> str:
    """Return ``text`` cut to ``limit`` characters with an ellipsis, for messages."""
    return text if len(text) <= limit else text[:limit] + "…"
