"""Rules for what the PDF can print: characters no configured font has, right-to-left text.

Coverage comes from the cmaps of the fonts the theme names (render/fonts.py), read
without loading the fonts. Missing glyphs are warnings, not errors: the fonts differ
from machine to machine (the build machine may have more), Word substitutes its own
fonts in the DOCX, and a rare character in a name (𰻞) is still the right character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .. import codes
from ..findings import Finding
from ..schema.report import Report
from ..schema.theme import Theme
from ..text import BIDI_CONTROL, CONTROL
from .context import CheckContext
from .walk import iter_strings

MAX_LISTED = 8  # characters named in one finding; the rest are counted
# Characters that only make sense to a shaping engine (emoji ZWJ sequences, presentation
# selectors, skin tones); reportlab draws code points one by one, so these never print right.
_UNSHAPED = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")


def coverage(theme: Theme) -> frozenset[int] | None:
    """Return the code points the theme's fonts can draw (render.font_files.coverage: cmaps only, no reportlab)."""
    from ..render.font_files import coverage as font_coverage

    return font_coverage(theme)


def check_glyphs(report: Report, ctx: CheckContext, theme: Theme | None = None) -> Iterator[Finding]:
    """Yield a warning for each text holding characters no font of the theme can draw, and for RTL text.

    With no Chinese font installed there is nothing to check against; the build refuses then.
    """
    covered = coverage(theme or Theme())
    data = report.model_dump(mode="python", exclude={"indicators"})
    for path, text in iter_strings(data):
        if text.isascii():
            continue  # every configured font has ASCII; skips most of a report cheaply
        chars = set(text)
        if covered is not None:
            missing = sorted(ch for ch in chars if (ord(ch) not in covered or _UNSHAPED.match(ch)) and _printable(ch))
            if missing:
                yield codes.make("W-GLYPH-MISSING", ctx.at(path), chars=_listed(missing), count=len(missing))
        if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in chars):
            yield codes.make("W-TEXT-RTL", ctx.at(path))


def _printable(char: str) -> bool:
    # Spaces are not drawn; controls and bidi controls have their own error codes.
    return not char.isspace() and not CONTROL.match(char) and not BIDI_CONTROL.match(char)


def _listed(chars: list[str]) -> str:
    shown = " ".join(f"{ch}（U+{ord(ch):04X}）" for ch in chars[:MAX_LISTED])
    return shown + (f" 等 {len(chars)} 个" if len(chars) > MAX_LISTED else "")
