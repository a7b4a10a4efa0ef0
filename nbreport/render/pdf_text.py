"""Turn document text into safe Paragraph markup, broken into lines by pdf_kinsoku.py.

All user text passes :func:`check_text` (characters XML cannot hold raise a RenderError
naming the record and field) and is escaped before it becomes reportlab markup, so
``<img>``, ``<link>`` or ``<font>`` in the data print literally.

reportlab's CJK wrapping breaks between any two characters and only keeps a few
closing marks off the start of a line: not the full-width comma ，, semicolon ；,
colon ：, 》 or ”, and nothing keeps （《“ off the end of a line. :class:`CJKParagraph`
breaks lines with the fuller rule set in :func:`pdf_kinsoku.kinsoku_split`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import Paragraph

from ..schema.inline import Run
from ..text import CONTROL
from .errors import RenderError
from .fonts import Face, FontSet
from .pdf_frags import Part, run_frags
from .pdf_kinsoku import CANNOT_END, CANNOT_START, kinsoku_split
from .pdf_spacing import SpacedText

__all__ = ["CANNOT_END", "CANNOT_START", "CJKParagraph", "CellParagraph", "check_text", "kinsoku_split",
           "parts_markup", "parts_paragraph", "run_parts", "text_markup"]


def check_text(text: str, record: str, field: str) -> str:
    """Return ``text`` unchanged; raise RenderError if it holds a character XML cannot carry."""
    found = CONTROL.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise RenderError(record, field, f"含有不可打印的控制字符 {code}（第 {found.start() + 1} 个字符），请删除后重试")
    return text


def text_markup(text: str, face: Face, fonts: FontSet, record: str, field: str) -> str:
    """Return checked, escaped markup for plain ``text`` set in ``face``."""
    return fonts.markup(check_text(text, record, field), face)


def run_parts(runs: Iterable[Run], face: Face, fonts: FontSet, record: str, field: str) -> list[Part]:
    """Return checked runs as parts: strong runs set in the bold face, each text checked against its field."""
    bold = fonts.face(_family_of(face, fonts), bold=True)
    return [(check_text(run.text, record, f"{field}.runs[{index}].text"), bold if run.strong else face, run.strong)
            for index, run in enumerate(runs)]


def parts_markup(parts: Iterable[Part], fonts: FontSet) -> str:
    """Return escaped markup for checked parts: strong ones in <b>, uncovered runs in <font name=...>."""
    return "".join(f"<b>{fonts.markup(text, face)}</b>" if strong else fonts.markup(text, face)
                   for text, face, strong in parts)


def parts_paragraph(parts: Sequence[Part], style: Any, fonts: FontSet, bullet: str | None = None,
                    kind: type[CJKParagraph] | None = None) -> CJKParagraph:
    """Return checked parts as a paragraph (of ``kind``, CJKParagraph by default) in ``style``.

    Its frags are made here when the parser would make the same, else the parser makes them from the markup.
    """
    kind = kind or CJKParagraph
    frags = run_frags(parts, fonts, style)
    if frags is None:
        return kind(parts_markup(parts, fonts), style, bulletText=bullet)
    return kind("".join(text for text, _, _ in parts), style, bulletText=bullet, frags=frags)


def _family_of(face: Face, fonts: FontSet) -> str:
    return "sans" if face is fonts.sans else "serif"


class CJKParagraph(Paragraph):
    """Break Chinese lines without stranding punctuation (see :func:`kinsoku_split`).

    The lines are kept per width: tables wrap a cell to measure it and again to
    draw it, and every pass of the build wraps everything again.
    """

    _wrapped_at: float | None = None
    list_reach = 0  # table cells set this: how far back a break may move to follow a 、

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        """Return the size at ``availWidth``, reusing the lines when the width is unchanged."""
        if self._wrapped_at is not None and abs(self._wrapped_at - availWidth) < 1e-6:
            return self.width, self.height  # Table subtracts paddings in another order: compare loosely
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def beginText(self, x, y):  # noqa: N802 - reportlab's name
        """Return a text object that justifies and compresses the lines as :func:`kinsoku_split` planned."""
        lines = getattr(self.blPara, "lines", [])
        justify = self.style.alignment == TA_JUSTIFY
        # The first half of a split paragraph ends mid-paragraph: its last line is justified too.
        return SpacedText(self.canv, x, y, lines, justify, justify and getattr(self, "_JustifyLast", False))

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return the two halves (see Paragraph.split); the cached lines no longer apply."""
        self._wrapped_at = None
        return super().split(availWidth, availHeight)

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 - reportlab's names
        """Return the paragraph's lines, broken by the kinsoku rules."""
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return self.blPara  # a split half keeps the lines already broken
        if not self.frags or self.style.endDots:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        widths[0] -= self._bullet_overrun()
        calc_bounds = getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) not in ("", "off")
        return kinsoku_split(self.frags, widths, calc_bounds, self.list_reach)

    def _bullet_overrun(self) -> float:
        # Mirrors reportlab: a bullet wider than the indent shortens the first line.
        style = self.style
        if not isinstance(self.bulletText, str) or not self.bulletText:
            return 0.0
        width = stringWidth(self.bulletText, style.bulletFontName, style.bulletFontSize)
        needed = style.bulletIndent + width + 0.6 * style.bulletFontSize
        return max(0.0, needed - (style.leftIndent + style.firstLineIndent))


class CellParagraph(CJKParagraph):
    """Break a table cell like text, but after a 、 when one is close: lists of names stay whole (赵六)."""

    list_reach = 4  # Chinese names have two to four characters
