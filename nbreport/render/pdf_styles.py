"""Map the Theme's semantic roles to reportlab ParagraphStyles: the PDF's one style map."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..schema.theme import TextStyle, Theme
from .fonts import Face, FontSet

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_BULLET_GAP_EM = 0.6  # reportlab's own minimum gap between a bullet and its text


def hex_color(value: str) -> colors.Color:
    """Return the reportlab colour of a hex string such as ``1F4E79``."""
    return colors.HexColor("#" + value.lstrip("#"))


class StyleMap:
    """Build and cache one ParagraphStyle per theme role, plus aligned and bulleted variants."""

    def __init__(self, theme: Theme, fonts: FontSet) -> None:
        self.theme = theme
        self.fonts = fonts
        self._cache: dict[tuple[str, ...], ParagraphStyle] = {}

    def _cached(self, key: tuple[str, ...], build) -> ParagraphStyle:
        # Styles are looked up per cell of every table: build each variant once.
        style = self._cache.get(key)
        if style is None:
            style = self._cache[key] = build()
        return style

    def face(self, role: str) -> Face:
        """Return the face text of ``role`` is set in."""
        style = self.theme.style(role)
        return self.fonts.face(style.font, style.bold)

    def text(self, role: str) -> TextStyle:
        """Return the theme's TextStyle of ``role``."""
        return self.theme.style(role)

    def para(self, role: str) -> ParagraphStyle:
        """Return the ParagraphStyle of ``role``: size, leading = size × line_spacing, indent in characters."""
        return self._cached(("para", role), lambda: self._build(role))

    def _build(self, role: str) -> ParagraphStyle:
        style = self.theme.style(role)
        return ParagraphStyle(
            name=role,
            fontName=self.face(role).name,
            fontSize=style.size,
            leading=style.size * style.line_spacing,
            firstLineIndent=style.first_line_chars * style.size,
            alignment=_ALIGN[style.align],
            textColor=hex_color(style.color),
            spaceBefore=style.space_before,
            spaceAfter=style.space_after,
            wordWrap="CJK",
            allowWidows=0,
            allowOrphans=0,
        )

    def aligned(self, role: str, align: str) -> ParagraphStyle:
        """Return ``role`` with another alignment (table columns choose theirs)."""
        base = self.para(role)
        return self._cached(
            ("aligned", role, align),
            lambda: ParagraphStyle(name=f"{role}@{align}", parent=base, alignment=_ALIGN[align], spaceBefore=0, spaceAfter=0),
        )

    def bulleted(self, role: str, marker: str) -> ParagraphStyle:
        """Return ``role`` with a hanging indent that fits ``marker``, set in a font that has it."""
        return self._cached(("bulleted", role, marker), lambda: self._build_bulleted(role, marker))

    def _build_bulleted(self, role: str, marker: str) -> ParagraphStyle:
        base = self.para(role)
        face = self.fonts.face_for(marker[:1] or " ", self.face(role)) if marker else self.face(role)
        width = stringWidth(marker, face.name, base.fontSize)
        indent = max(2 * base.fontSize, width + _BULLET_GAP_EM * base.fontSize)
        return ParagraphStyle(
            name=f"{role}#{marker}", parent=base, firstLineIndent=0, leftIndent=indent,
            bulletIndent=0, bulletFontName=face.name, bulletFontSize=base.fontSize, bulletColor=base.textColor,
        )

    def rule_color(self) -> colors.Color:
        """Return the colour of table rules."""
        return hex_color(self.theme.table_rule_color)

    def accent(self) -> colors.Color:
        """Return the theme's accent colour (cover, case box borders, header rule)."""
        return hex_color(self.theme.accent_color)
