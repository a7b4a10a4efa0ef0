"""Make a Paragraph's frags for plain text without reportlab's markup parser.

Parsing markup is a third of the cost of a table cell: every cell of a 50,000-row
appendix was escaped, wrapped in ``<font>`` tags and parsed back by an HTMLParser. Plain
text needs none of it: each run of one face becomes a copy of the frag the parser makes
for that face in that style (parsed once, on a one-letter sample), holding the run's text.
Text the parser would change (entities, tags, runs of whitespace) still goes through it,
so the frags, and the PDF, are the same as the parser's.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from .fonts import Face, FontSet

_PARSED = re.compile("[&<>]")  # what the parser reads as markup (escaped, these become entities)
_TEMPLATES: dict[tuple[int, str], tuple[ParagraphStyle, Any]] = {}


def plain_frags(text: str, base: Face, fonts: FontSet, style: ParagraphStyle) -> list | None:
    """Return the frags the markup parser makes for ``text`` set in ``base``, or None to parse it.

    ``text`` must already have passed :func:`pdf_text.check_text`.
    """
    if not text or _PARSED.search(text) or cleanBlockQuotedText(text) != text:
        return None
    frags = []
    for chunk, face in fonts.runs(text, base):
        template = _template(style, "" if face is base else face.name)
        if template is None:
            return None
        frag = template.clone()
        frag.text = chunk
        frags.append(frag)
    textTransformFrags(frags, style)
    return frags


def _template(style: ParagraphStyle, font: str) -> Any:
    """Return the parser's frag for one character in ``style`` (inside <font name=``font``> if given)."""
    key = (id(style), font)
    found = _TEMPLATES.get(key)
    if found is None or found[0] is not style:  # the style is kept: an id is not reused while it lives
        parser = ParaParser()
        parser.caseSensitive = 1  # as Paragraph sets it
        parsed, frags, _ = parser.parse(f'<font name="{font}">x</font>' if font else "x", style)
        usable = parsed is style and frags is not None and len(frags) == 1
        found = _TEMPLATES[key] = (style, frags[0] if usable else None)
    return found[1]
