"""Write the composed Document as a Word file: one handler per node kind, styles from the StyleMap.

The walker decides nothing about content: every word it prints comes from a node. It maps
roles to Word styles through ``docx_styles.StyleMap`` and leaves raw WordprocessingML to
``ooxml``; the zip is rewritten with fixed timestamps when SOURCE_DATE_EPOCH is set.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.section import Section
from docx.shared import Emu, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from ..compose import nodes as dn
from ..schema.theme import Theme
from . import ooxml
from .atomic import atomic_path
from .docx_package import build_time, open_base, package_bytes
from .docx_styles import StyleMap
from .errors import RenderError

__all__ = ["HANDLERS", "render_docx"]

EMU_PER_TWIP = 635
CASE_PADDING_TWIPS = 170  # 3 mm inside the case box
CHRONOLOGY_GAP = "\u3000"  # between a bold date and the event text, as in the printed report
LONG_MERGE_ROWS = 8  # a merged cell over more rows may cross pages: print its text at the top
FIGURE_MAX_HEIGHT = 0.6  # share of the text height a picture may take
COVER_TOP = 0.18  # share of the text height above the year line
COVER_EDITOR_GAP = 0.30  # share of the text height between the English title and the editor

Runs = Iterable[tuple[str, bool]]


def render_docx(document: dn.Document, theme: Theme, path: Path, reference: Path | None = None) -> Path:
    """Write ``document`` to ``path`` as .docx and return ``path``.

    ``reference`` is a .docx whose styles, fonts and page setup are used (like pandoc's
    --reference-doc); None uses python-docx's template restyled from ``theme``. Nothing is
    written when a node cannot be rendered (RenderError names its record and field).
    """
    base, from_reference = open_base(Path(reference) if reference else None, theme)
    writer = _DocxWriter(base, theme, document.info, keep_existing_styles=from_reference)
    writer.write(document.nodes)
    data = package_bytes(writer.doc)
    path = Path(path)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path


class _DocxWriter:
    """Walk the nodes into one python-docx Document, appending to the body or a case box cell."""

    def __init__(self, base: DocxDocument, theme: Theme, info: dn.DocumentInfo, keep_existing_styles: bool) -> None:
        self.doc = base
        self.theme = theme
        self.info = info
        self.styles = StyleMap(base, theme, keep_existing=keep_existing_styles)
        self._body = base.element.body
        self._container = self._body  # the w:body or the w:tc of an open case box
        self._box_width: int | None = None
        self.record = "document"
        self._bookmark_ids = itertools.count(1)
        self._section_has_content = False
        self._has_cover = False
        self._toc_section: int | None = None  # index of the section holding the 目录

    # ------------------------------------------------------------ walking

    def write(self, nodes: Iterable[dn.Node]) -> None:
        """Render every node, then the page furniture, properties and settings."""
        for node in nodes:
            self.dispatch(node)
        self._page_furniture()
        self._properties()
        self._settings()

    def dispatch(self, node: dn.Node) -> None:
        """Render one node through its handler in HANDLERS."""
        handler = HANDLERS.get(type(node))
        if handler is None:
            raise RenderError(self.record, "node", f"没有处理 {type(node).__name__} 节点的方法")
        handler(self, node)

    def cover(self, node: dn.Cover) -> None:
        """Print the cover in its own section: year line, title, English title, editor line."""
        self.record = "cover"
        self._has_cover = True
        height = self._text_height()
        year = self._paragraph("cover.year", [(node.year_line, False)], "cover.year_line")
        year.paragraph_format.space_before = Emu(int(height * COVER_TOP))
        self._paragraph("cover.title", [(node.title, False)], "cover.title")
        if node.title_en:
            self._paragraph("cover.title_en", [(node.title_en, False)], "cover.title_en")
        if node.editor_line:
            editor = self._paragraph("cover.editor", [(node.editor_line, False)], "cover.editor_line")
            gap = Pt(self.theme.style("cover.editor").space_before) + int(height * COVER_EDITOR_GAP)
            editor.paragraph_format.space_before = Emu(gap)

    def toc(self, node: dn.Toc) -> None:
        """Print the 目录 as a TOC field pre-filled with the entries; page numbers are PAGEREF fields."""
        self.record = "toc"
        self._paragraph("toc.title", [(node.title, False)], "toc.title")
        instruction = f'TOC \\o "1-{self.theme.toc_levels}" \\h \\z \\u'
        width = self._text_width()
        if not node.entries:
            p = self._new_paragraph(self.styles.toc(1))
            ooxml.begin_field(p._p, instruction)
            ooxml.end_field(p._p)
        for index, entry in enumerate(node.entries):
            self._check(entry.label, f"entries[{index}].label")
            p = self._new_paragraph(self.styles.toc(entry.level))
            ooxml.add_tab_stop(p._p.get_or_add_pPr(), width, "right", leader="dot")
            if index == 0:
                ooxml.begin_field(p._p, instruction)
            link = ooxml.add_internal_link(p._p, entry.anchor)
            ooxml.add_run(link, entry.label + "\t")
            ooxml.add_field(link, f"PAGEREF {entry.anchor} \\h")
            if index == len(node.entries) - 1:
                ooxml.end_field(p._p)
        self._toc_section = len(self.doc.sections) - 1

    def heading(self, node: dn.Heading) -> None:
        """Print a heading's label in its Word heading style, bookmarked with its anchor."""
        self.record = node.anchor
        style = self.styles.heading(node.level, node.role)
        p = self._paragraph(style, [(node.label, False)], "heading.text")
        ooxml.add_bookmark(p._p, next(self._bookmark_ids), node.anchor)
        if not node.in_toc and node.level <= self.theme.toc_levels:
            ooxml.set_outline_level(p._p.get_or_add_pPr(), 9)

    def paragraph(self, node: dn.Paragraph) -> None:
        """Print a paragraph in its role; strong runs are bold."""
        self._paragraph(node.role, ((run.text, run.strong) for run in node.runs), "paragraph")

    def bullet_list(self, node: dn.BulletList) -> None:
        """Print each item after the list's marker, hanging from it."""
        for item in node.items:
            self._bullet(item, node.marker)

    def figure(self, node: dn.Figure) -> None:
        """Print the image scaled to the text width, then the caption; a chart prints its caption alone."""
        if node.image:
            self._picture(node.image)
        self._paragraph("caption", [(node.caption, False)], "figure.caption")
        if node.source:
            self._paragraph("table.note", [(node.source, False)], "figure.source")

    def table_block(self, node: dn.TableBlock) -> None:
        """Print the caption, then the grid as a table whose header row repeats, then the note."""
        outer, self.record = self.record, node.record or self.record
        try:
            self._table(node)
        finally:
            self.record = outer

    def _table(self, node: dn.TableBlock) -> None:
        if node.caption:
            self._paragraph("table.caption", [(node.caption, False)], "table.caption")
        grid = node.grid
        self._check_grid(grid)
        widths = _split(self._text_width(), [column.width for column in grid.columns])
        tbl = ooxml.new_table(widths, self.theme.table_rule_color)
        self._insert(tbl)  # attach before filling: lxml moves a big detached tree in quadratic time
        rows = ooxml.RowBuilder(tbl)
        header = ooxml.CellFormat(self.styles.role("table.header").style_id, "center", fill=self.theme.table_header_fill)
        rows.add_row([column.name for column in grid.columns], [header] * len(grid.columns), header=True)
        cell_style = self.styles.role("table.cell").style_id
        kinds: dict[tuple[int, str | None, str], ooxml.CellFormat] = {}
        added = []
        for row in grid.rows:
            formats = []
            for c, cell in enumerate(row):
                key = (c, _merge_state(cell.span), "top" if cell.span > LONG_MERGE_ROWS else "center")
                fmt = kinds.get(key)
                if fmt is None:
                    fmt = kinds[key] = ooxml.CellFormat(cell_style, grid.columns[c].align, key[1], valign=key[2])
                formats.append(fmt)
            added.append(rows.add_row([cell.text for cell in row], formats))
        if len(added) >= 3:
            ooxml.keep_row_with_next(added[-2])  # the last row never stands alone on a page
        if node.note:
            self._paragraph("table.note", [(node.note, False)], "table.note")

    def case_box(self, node: dn.CaseBox) -> None:
        """Print a titled story inside a shaded one-cell table ruled in the accent colour."""
        width = self._text_width()
        tbl, title_cell, body_cell = ooxml.box_table(width, self.theme.case_fill, self.theme.accent_color, CASE_PADDING_TWIPS)
        self._insert(tbl)
        outer = (self._container, self._box_width)
        self._box_width = width - 2 * CASE_PADDING_TWIPS
        try:
            self._container = title_cell
            self._paragraph("case.title", [(node.title, True)], "case.title")
            self._container = body_cell
            for child in node.children:
                self.dispatch(child)
            last = ooxml.last_block(body_cell)
            if last is None or last.tag != qn("w:p"):
                self._new_paragraph(self.styles.role("case.body"))
        finally:
            self._container, self._box_width = outer

    def district_entry(self, node: dn.DistrictEntry) -> None:
        """Print a district: heading, introduction, then the marked items."""
        self.heading(node.heading)
        for paragraph in node.intro:
            self.paragraph(paragraph)
        for item in node.items:
            self._bullet(item, node.marker)

    def chronology(self, node: dn.Chronology) -> None:
        """Print the months: a heading each, then every event with its date in bold."""
        for month in node.months:
            self.heading(month.heading)
            for event in month.events:
                runs = [(event.date, True), (CHRONOLOGY_GAP + event.text, False)]
                self._paragraph("chronology.event", runs, f"chronology[{event.date}]")

    def page_break(self, node: dn.PageBreak) -> None:
        """Start a new section on a new page in the node's orientation (none if the page is still empty)."""
        if self._container is not self._body:
            raise RenderError(self.record, "page_break", "案例框内不能分页")
        if self._section_has_content:
            ooxml.section_break(self._body)
            self._section_has_content = False
        _orient(self.doc.sections[-1], node.orientation)

    # ------------------------------------------------------------ building blocks

    def _paragraph(self, role: str | ParagraphStyle, runs: Runs, field: str) -> DocxParagraph:
        style = self.styles.role(role) if isinstance(role, str) else role
        p = self._new_paragraph(style)
        for index, (text, bold) in enumerate(runs):
            self._check(text, f"{field}.runs[{index}]")
            run = p.add_run(text)
            if bold:
                run.bold = True
        return p

    def _bullet(self, item: dn.Paragraph, marker: str) -> None:
        runs = [(marker + "\t", False), *((run.text, run.strong) for run in item.runs)]
        self._paragraph(item.role, runs, "bullet")

    def _new_paragraph(self, style: ParagraphStyle) -> DocxParagraph:
        p = OxmlElement("w:p")
        self._insert(p)
        paragraph = DocxParagraph(p, self.doc)
        paragraph.style = style
        return paragraph

    def _insert(self, block) -> None:
        last = ooxml.last_block(self._container)
        if block.tag == qn("w:tbl") and last is not None and last.tag == qn("w:tbl"):
            ooxml.insert_block(self._container, OxmlElement("w:p"))  # adjacent tables would merge
        ooxml.insert_block(self._container, block)
        if self._container is self._body:
            self._section_has_content = True

    def _picture(self, image: str) -> None:
        p = self._new_paragraph(self.styles.role("caption"))
        p.paragraph_format.keep_with_next = True
        try:
            shape = p.add_run().add_picture(image)
        except (OSError, UnrecognizedImageError, ValueError) as exc:
            raise RenderError(self.record, "figure.image", f"无法读取图片 {image}：{exc}") from None
        width = self._text_width() * EMU_PER_TWIP
        scale = min(width / shape.width, FIGURE_MAX_HEIGHT * self._text_height() / shape.height)
        shape.width, shape.height = Emu(int(shape.width * scale)), Emu(int(shape.height * scale))

    def _check(self, text: str, field: str) -> None:
        index = ooxml.illegal_character(text)
        if index is not None:
            raise RenderError(
                self.record, field,
                f"第 {index + 1} 个字符 U+{ord(text[index]):04X} 是 XML 不允许的控制字符，Word 文件无法保存它",
            )

    def _check_grid(self, grid: dn.TableGrid) -> None:
        for c, column in enumerate(grid.columns):
            self._check(column.name, f"columns[{c}].name")
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row):
                if ooxml.illegal_character(cell.text) is not None:
                    self._check(cell.text, f"rows[{r}][{c}]")

    def _text_width(self) -> int:
        """Return the width available in the current container, in twips."""
        if self._box_width is not None:
            return self._box_width
        return _text_width_of(self.doc.sections[-1])

    def _text_height(self) -> int:
        section = self.doc.sections[-1]
        return section.page_height - section.top_margin - section.bottom_margin

    # ------------------------------------------------------------ finishing

    def _page_furniture(self) -> None:
        """Give the pages after the cover the running header and the page-number footer.

        Pages are numbered on from the cover, as in the PDF. The header holds the running
        title and, from the first chapter on, the current chapter (a STYLEREF field), right
        aligned; a section whose text width differs gets its own header so the tab fits.
        """
        sections = list(self.doc.sections)
        self.doc.settings.odd_and_even_pages_header_footer = False
        for section in sections:
            section.different_first_page_header_footer = False
        first = 1 if self._has_cover else 0
        if self._has_cover:
            cover = sections[0]
            for part in (cover.header, cover.footer, cover.first_page_header, cover.first_page_footer,
                         cover.even_page_header, cover.even_page_footer):
                part.is_linked_to_previous = True
        if first >= len(sections):
            return
        self._footer(sections[first])
        chapters_from = first if self._toc_section is None else self._toc_section + 1
        written = None
        for index in range(first, len(sections)):
            kind = (index >= chapters_from, _text_width_of(sections[index]))
            if kind != written:
                self._header(sections[index], *kind)
                written = kind

    def _header(self, section: Section, with_chapter: bool, width: int) -> None:
        header = section.header
        header.is_linked_to_previous = False
        _clear(header)
        p = header.add_paragraph(style=self.styles.role("running"))
        if not self.theme.running_header:
            return
        self._check(self.info.running_title, "running_title")
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        ppr = p._p.get_or_add_pPr()
        ooxml.add_run(p._p, self.info.running_title)
        if with_chapter:
            ooxml.add_tab_stop(ppr, width, "right")
            ooxml.add_run(p._p, "\t")
            ooxml.add_field(p._p, "STYLEREF 1")
        ooxml.set_bottom_rule(ppr, self.theme.accent_color, size_eighths=5)

    def _footer(self, section: Section) -> None:
        footer = section.footer
        footer.is_linked_to_previous = False
        _clear(footer)
        p = footer.add_paragraph(style=self.styles.role("running"))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, after = self.theme.page_number_parts()
        self._check(before + after, "page_number_format")
        if before:
            ooxml.add_run(p._p, before)
        ooxml.add_field(p._p, "PAGE", "1")
        if after:
            ooxml.add_run(p._p, after)

    def _properties(self) -> None:
        info = self.info
        for value, field in ((info.title, "title"), (info.author, "author"), (info.subject, "subject")):
            self._check(value, f"info.{field}")
        props = self.doc.core_properties
        props.title = info.title
        props.author = info.author
        props.last_modified_by = info.author
        props.subject = info.subject
        props.keywords = "; ".join(info.keywords)
        props.language = info.language
        props.revision = 1
        props.created = props.modified = build_time()

    def _settings(self) -> None:
        settings = self.doc.settings.element
        ooxml.set_update_fields(settings)
        ooxml.set_theme_font_language(settings, self.info.language)
        ooxml.set_language(ooxml.default_run_properties(self.doc.styles.element), self.info.language)


HANDLERS: dict[type, Callable[[_DocxWriter, Any], None]] = {
    dn.Cover: _DocxWriter.cover,
    dn.Toc: _DocxWriter.toc,
    dn.Heading: _DocxWriter.heading,
    dn.Paragraph: _DocxWriter.paragraph,
    dn.BulletList: _DocxWriter.bullet_list,
    dn.Figure: _DocxWriter.figure,
    dn.TableBlock: _DocxWriter.table_block,
    dn.CaseBox: _DocxWriter.case_box,
    dn.DistrictEntry: _DocxWriter.district_entry,
    dn.Chronology: _DocxWriter.chronology,
    dn.PageBreak: _DocxWriter.page_break,
}


def _merge_state(span: int) -> str | None:
    if span == 0:
        return "continue"
    return "restart" if span > 1 else None


def _split(total: int, fractions: Sequence[float]) -> list[int]:
    """Return column widths in twips that follow ``fractions`` and add up to ``total``."""
    whole = sum(fractions) or 1.0
    widths = [int(total * fraction / whole) for fraction in fractions]
    if widths:
        widths[-1] += total - sum(widths)
    return widths


def _text_width_of(section: Section) -> int:
    """Return the width between the margins of ``section``, in twips."""
    return (section.page_width - section.left_margin - section.right_margin) // EMU_PER_TWIP


def _orient(section: Section, orientation: dn.Orientation) -> None:
    landscape = orientation == "landscape"
    width, height = section.page_width, section.page_height
    if landscape != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def _clear(part) -> None:
    for child in list(part._element):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            part._element.remove(child)
