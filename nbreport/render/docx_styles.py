"""Map semantic roles (chapter.title, body, table.cell...) to Word styles, built once from the Theme.

Heading roles use Word's built-in "Heading 1".."Heading 4" so the navigation pane and the
TOC field work; the 目录 entries use the built-in "toc 1".."toc 3"; every other role gets
a paragraph style named ``nb.<role>``. With a reference document, styles it already has
are kept as they are and only the missing ones are created; body text uses the reference's
own body style ("Normal") unless it defines ``nb.body``.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

from ..schema.theme import TextStyle, Theme
from . import ooxml

# Roles printed in Word's built-in styles; the level of every heading role.
BUILTIN_STYLES: dict[str, str] = {
    "chapter.title": "Heading 1",
    "section.title": "Heading 2",
    "subheading": "Heading 3",
    "minorheading": "Heading 4",
    "toc.level1": "toc 1",
    "toc.level2": "toc 2",
    "toc.level3": "toc 3",
}
HEADING_LEVELS: dict[str, int] = {
    "chapter.title": 1, "section.title": 2, "district.title": 2, "chronology.month": 2,
    "subheading": 3, "minorheading": 4,
}
KEEP_WITH_NEXT = frozenset(HEADING_LEVELS) | {"table.caption", "case.title", "toc.title"}
HANGING_CHARS: dict[str, float] = {"bullet": 2.0}
# The picture of a figure is set in the caption's paragraph: an exact line pitch would crop it.
MULTIPLE_PITCH = frozenset({"caption"})
LEFT_INDENT_CHARS: dict[str, float] = {"toc.level2": 2.0, "toc.level3": 4.0}

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def style_name(role: str) -> str:
    """Return the Word style name of a semantic role."""
    return BUILTIN_STYLES.get(role, f"nb.{role}")


class StyleMap:
    """Hold the Word style of every theme role; create or restyle them once on construction."""

    def __init__(self, document: DocxDocument, theme: Theme, keep_existing: bool = False, defined: bool = False) -> None:
        """Define the styles of ``theme`` in ``document``; ``keep_existing`` leaves present styles alone.

        ``defined`` says the document's styles were made from ``theme`` already (the shipped
        reference, docx_reference): they are only looked up.
        """
        self._document = document
        self._theme = theme
        self._keep_existing = keep_existing
        self._ids: dict[str, str | None] = {}
        self._default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._styles: dict[str, ParagraphStyle] = {}
        if defined:
            self._styles = {role: self._present(role) for role in theme.styles}
            return
        if not keep_existing:
            self._set_defaults(theme.style("body"))
        builtin_first = sorted(theme.styles, key=lambda role: role not in BUILTIN_STYLES)
        self._styles = {role: self._define(role) for role in builtin_first}
        if not keep_existing:
            for role in HEADING_LEVELS:
                self._styles[role].next_paragraph_style = self._styles["body"]

    def style_id(self, style: ParagraphStyle) -> str | None:
        """Return the w:pStyle value of ``style``: None for the document's default paragraph style."""
        key = style.style_id
        if key not in self._ids:
            self._ids[key] = None if style == self._default else key
        return self._ids[key]

    def role(self, role: str) -> ParagraphStyle:
        """Return the paragraph style of ``role``; raise KeyError for a role the theme lacks."""
        return self._styles[role]

    def heading(self, level: int, role: str) -> ParagraphStyle:
        """Return the style of a heading: its role's style, or the built-in heading of ``level``."""
        if role in self._styles:
            return self._styles[role]
        return self._document.styles[f"Heading {min(max(level, 1), 4)}"]

    def toc(self, level: int) -> ParagraphStyle:
        """Return the style of a 目录 entry of ``level`` (deeper levels share toc 3)."""
        return self._styles[f"toc.level{min(max(level, 1), 3)}"]

    def _set_defaults(self, body: TextStyle) -> None:
        styles = self._document.styles
        rpr = ooxml.default_run_properties(styles.element)
        family = self._family(body)
        ooxml.set_fonts(rpr, family.cjk, family.latin)
        doc_defaults = styles.element.find(qn("w:docDefaults"))
        spacing = doc_defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            spacing.getparent().remove(spacing)
        normal = styles["Normal"]
        normal.font.size = Pt(body.size)
        ooxml.set_fonts(normal.element.get_or_add_rPr(), family.cjk, family.latin)

    def _present(self, role: str) -> ParagraphStyle:
        """Return the style of ``role`` a styled reference holds (defining it should it have been deleted)."""
        try:
            return self._document.styles[style_name(role)]  # type: ignore[return-value]
        except KeyError:
            return self._define(role)

    def _define(self, role: str) -> ParagraphStyle:
        styles = self._document.styles
        name = style_name(role)
        if role == "body" and self._keep_existing and name not in styles:
            return styles["Normal"]  # a reference's own body text style, as the user set it up
        if name in styles:
            style = styles[name]
            if self._keep_existing:
                return style
        else:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[self._base(role)]
            style.quick_style = role in HEADING_LEVELS or role == "body"
        self._format(style, role, self._theme.style(role))
        return style

    def _base(self, role: str) -> str:
        level = HEADING_LEVELS.get(role)
        return f"Heading {level}" if level else "Normal"

    def _family(self, text_style: TextStyle):
        return self._theme.sans if text_style.font == "sans" else self._theme.serif

    def _format(self, style: ParagraphStyle, role: str, text_style: TextStyle) -> None:
        family = self._family(text_style)
        ooxml.set_fonts(style.element.get_or_add_rPr(), family.cjk, family.latin)
        font = style.font
        font.size = Pt(text_style.size)
        font.bold = text_style.bold
        font.italic = False
        font.color.rgb = RGBColor.from_string(text_style.color.upper())
        para = style.paragraph_format
        para.alignment = _ALIGN[text_style.align]
        if role in MULTIPLE_PITCH:
            para.line_spacing = text_style.line_spacing
        else:  # the PDF's pitch: baselines size × line_spacing apart, whatever the font's own height
            para.line_spacing = Pt(text_style.size * text_style.line_spacing)
        para.space_before = Pt(text_style.space_before)
        para.space_after = Pt(text_style.space_after)
        para.widow_control = True
        para.keep_with_next = role in KEEP_WITH_NEXT
        ppr = style.element.get_or_add_pPr()
        ooxml.set_cjk_line_layout(ppr)
        em_twips = text_style.size * 20
        if text_style.first_line_chars:
            chars = text_style.first_line_chars
            ooxml.set_first_line_chars(ppr, chars, round(chars * em_twips))
        if role in HEADING_LEVELS:
            ooxml.set_outline_level(ppr, HEADING_LEVELS[role] - 1)
        if role in LEFT_INDENT_CHARS:
            chars = LEFT_INDENT_CHARS[role]
            ooxml.set_left_indent(ppr, chars, round(chars * em_twips))
        if role in HANGING_CHARS:
            chars = HANGING_CHARS[role]
            ooxml.set_hanging(ppr, chars, round(chars * em_twips))
