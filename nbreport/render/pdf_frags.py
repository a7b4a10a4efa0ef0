"""Make a Paragraph's frags for plain and strong text without reportlab's markup parser.

Parsing markup is a third of the cost of a table cell: every cell of a 50,000-row
appendix was escaped, wrapped in ``<font>`` tags and parsed back by an HTMLParser. Plain
text needs none of it: each run of one face becomes a copy of the frag the parser makes
for that face in that style (parsed once, on a one-letter sample), holding the run's text.
Text the parser would change (entities, tags, runs of whitespace) still goes through it,
so the frags, and the PDF, are the same as the parser's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from .fonts import Face, FontSet

_PARSED = re.compile("[&<>]")  # what the parser reads as markup (escaped, these become entities)
_TEMPLATES: dict[tuple[int, str, bool], tuple[ParagraphStyle, Any]] = {}


Part = tuple[str, Face, bool]  # text, the face it is set in, whether it is strong (in <b>)


def plain_frags(text: str, base: Face, fonts: FontSet, style: ParagraphStyle) -> list | None:
    """Return the frags the markup parser makes for ``text`` set in ``base``, or None to parse it.

    ``text`` must already have passed :func:`pdf_text.check_text`.
    """
    return run_frags([(text, base, False)], fonts, style)


def run_frags(parts: Sequence[Part], fonts: FontSet, style: ParagraphStyle) -> list | None:
    """Return the frags the parser makes for the markup of ``parts`` (pdf_text.runs_markup's), or None to parse it.

    Each part is cut into runs of one face, as FontSet.markup cuts it; a strong part is
    the parser's ``<b>`` around them. Every text must already have passed check_text.
    """
    whole = "".join(text for text, _, _ in parts)
    # Tags hold single spaces only: the markup is left as it is by the parser's clean-up exactly when the text is.
    if not whole or _PARSED.search(whole) or cleanBlockQuotedText(whole) != whole:
        return None
    frags = []
    for text, base, strong in parts:
        for chunk, face in fonts.runs(text, base):
            template = _template(style, "" if face is base else face.name, strong)
            if template is None:
                return None
            frag = template.clone()
            frag.text = chunk
            frags.append(frag)
    textTransformFrags(frags, style)
    return frags


def _template(style: ParagraphStyle, font: str, strong: bool) -> Any:
    """Return the parser's frag for one character in ``style`` (in <font name=``font``> if given, in <b> if strong)."""
    key = (id(style), font, strong)
    found = _TEMPLATES.get(key)
    if found is None or found[0] is not style:  # the style is kept: an id is not reused while it lives
        parser = ParaParser()
        parser.caseSensitive = 1  # as Paragraph sets it
        sample = f'<font name="{font}">x</font>' if font else "x"
        parsed, frags, _ = parser.parse(f"<b>{sample}</b>" if strong else sample, style)
        usable = parsed is style and frags is not None and len(frags) == 1
        found = _TEMPLATES[key] = (style, frags[0] if usable else None)
    return found[1]
