"""Write the composed Document as a Word file: one handler per node kind, styles from the StyleMap.

The walker decides nothing about content: every word it prints comes from a node. It maps
roles to Word styles through ``docx_styles.StyleMap`` and leaves raw WordprocessingML to
``ooxml``; the zip is rewritten with fixed timestamps when SOURCE_DATE_EPOCH is set.
"""

from __future__ import annotations

import functools
import io
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

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

from .. import cache
from ..checks.images import check_image
from ..compose import nodes as dn
from ..schema.theme import Theme
from . import docx_layout, ooxml
from .atomic import atomic_path
from .docx_frame import frame_png
from .docx_layout import Office, PageLayout, with_office_layout
from .docx_pages import PageTokens, fill_pages
from .docx_package import open_base, package_bytes
from .epoch import build_time
from .docx_reference import styled_base
from .docx_rows import STREAM_ROWS, DeferredRows, Row, RowMarkup, append_rows
from .docx_styles import StyleMap
from .docx_table import grid_rows, split_widths
from .errors import RenderError, check_printable

__all__ = ["render_docx"]

EMU_PER_TWIP = 635
EMU_PER_MM = 36_000
TWIPS_PER_MM = 1440 / 25.4
COVER_TOP = 0.18  # share of the text height above the year line
COVER_EDITOR_GAP = 0.30  # share of the text height between the English title and the editor

Runs = Iterable[tuple[str, bool]]


def render_docx(
    document: dn.Document, theme: Theme, path: Path, reference: Path | None = None, office: Office | None = None,
    pdf_pages: Mapping[str, int] | None = None, pdf_pages_later: Callable[[], Mapping[str, int]] | None = None,
) -> Path:
    """Write ``document`` to ``path`` as .docx and return ``path``.

    ``reference`` is a .docx whose styles, fonts and page setup are used (like pandoc's
    --reference-doc); None uses the shipped templates/reference.docx when it was made from
    ``theme``, else python-docx's template restyled from ``theme`` (the same styles either way). Nothing is
    written when a node cannot be rendered (RenderError names its record and field).
    When LibreOffice is installed its layout fills the 目录 page numbers and splits merged
    cells where its pages break (docx_layout; ``office`` None finds the installed one).
    Without it, ``pdf_pages`` (the page of each heading in the PDF built alongside) fills the
    目录 so LibreOffice and WPS show numbers, and Word is still asked to refresh them on open;
    ``pdf_pages_later`` instead gives them when the PDF drawn meanwhile is done (the same file).
    """
    check_printable(document)
    reference = Path(reference) if reference else None

    def render(layout: PageLayout | None, fill: Callable[[DocxDocument], bool] | None = None) -> bytes | None:
        styled = styled_base(theme) if reference is None else None
        base, from_reference = (styled, False) if styled is not None else open_base(reference, theme)
        writer = _DocxWriter(base, theme, document.info, keep_existing_styles=from_reference, layout=layout,
                             styles_defined=styled is not None)
        writer.write(document.nodes)
        if fill is not None and not fill(writer.doc):
            return None
        return package_bytes(writer.doc, writer.deferred)

    office = office if office is not None else docx_layout.find_office()
    if office is None and pdf_pages_later is not None:
        data = _with_later_pages(render, pdf_pages_later)
    else:
        fallback = PageLayout(pages=dict(pdf_pages), exact=False) if pdf_pages else None
        hint = _layout_hint(document, theme, reference) if office is not None else None
        data = with_office_layout(lambda layout: _built(render(layout)), office, fallback, hint)
    path = Path(path)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path


def _layout_hint(document: dn.Document, theme: Theme, reference: Path | None) -> str | None:
    """Return a digest of what the DOCX is made from, under which its settled office layout is remembered."""
    try:
        base = reference.read_bytes() if reference is not None else b""
    except OSError:
        return None
    return cache.digest("docx-layout-hint-1", repr(document), theme.model_dump_json(), base)


def _with_later_pages(render: Callable[..., bytes | None], later: Callable[[], Mapping[str, int]]) -> bytes:
    """Return the DOCX built while the pages are awaited, tokens filled once they come (docx_pages)."""
    tokens, pages = PageTokens(), dict[str, int]()

    def fill(doc: DocxDocument) -> bool:
        pages.update(later())
        return fill_pages(doc.element.body, tokens, pages)

    data = render(PageLayout(pages=tokens, exact=False), fill)
    if data is None:  # a heading without a page: built again as the sequential build builds it
        data = render(PageLayout(pages=pages, exact=False) if pages else None)
    return _built(data)


def _built(data: bytes | None) -> bytes:
    assert data is not None  # only a fill can stop a render, and these renders have none
    return data


class _DocxWriter:
    """Walk the nodes into one python-docx Document, appending to the body or a case box cell."""

    def __init__(
        self, base: DocxDocument, theme: Theme, info: dn.DocumentInfo, keep_existing_styles: bool,
        layout: PageLayout | None = None, styles_defined: bool = False,
    ) -> None:
        self.doc = base
        self.layout = layout
        self.theme = theme
        self.info = info
        self.styles = StyleMap(base, theme, keep_existing=keep_existing_styles, defined=styles_defined)
        self._body = base.element.body
        self._container = self._body  # the w:body or the w:tc of an open case box
        self._box_width: int | None = None
        self.record = "document"
        self._bookmark_ids = itertools.count(1)
        self._section_has_content = False
        self._has_cover = False
        self._headers: list[str] = [""]  # the running-header chapter title of each section
        self._table_ids = itertools.count(1)
        self.deferred = DeferredRows()  # the rows of big tables, written at save

    # ------------------------------------------------------------ walking

    def write(self, nodes: Iterable[dn.Node]) -> None:
        """Render every node, then the page furniture, properties and settings."""
        for node in nodes:
            self.dispatch(node)
        self._page_furniture()
        self._properties()
        self._settings()

    def dispatch(self, node: dn.Node) -> None:
        """Render one node through the handler of its kind (mypy checks every kind has one)."""
        match node:
            case dn.Cover():
                self.cover(node)
            case dn.Toc():
                self.toc(node)
            case dn.Heading():
                self.heading(node)
            case dn.Paragraph():
                self.paragraph(node)
            case dn.BulletList():
                self.bullet_list(node)
            case dn.Figure():
                self.figure(node)
            case dn.TableBlock():
                self.table_block(node)
            case dn.CaseBox():
                self.case_box(node)
            case dn.DistrictEntry():
                self.district_entry(node)
            case dn.Chronology():
                self.chronology(node)
            case dn.PageBreak():
                self.page_break(node)
            case _:
                raise RenderError(self.record, "node", f"没有处理 {dn.unhandled(node)} 节点的方法")

    def cover(self, node: dn.Cover) -> None:
        """Print the cover in its own section: year line, title, English title, editor line."""
        self.record = "cover"
        self._has_cover = True
        height = self._text_height()
        year = self._paragraph("cover.year", [(node.year_line, False)])
        year.paragraph_format.space_before = Emu(int(height * COVER_TOP))
        self._paragraph("cover.title", [(node.title, False)])
        if node.title_en:
            self._paragraph("cover.title_en", [(node.title_en, False)])
        if node.editor_line:
            editor = self._paragraph("cover.editor", [(node.editor_line, False)])
            gap = Pt(self.theme.style("cover.editor").space_before) + int(height * COVER_EDITOR_GAP)
            editor.paragraph_format.space_before = Emu(gap)

    def toc(self, node: dn.Toc) -> None:
        """Print the 目录 as a TOC field pre-filled with the entries; page numbers are PAGEREF fields."""
        self.record = "toc"
        self._paragraph("toc.title", [(node.title, False)])
        instruction = f'TOC \\o "1-{self.theme.toc_levels}" \\h \\z \\u'
        width = self._text_width()
        if not node.entries:
            p = self._new_paragraph(self.styles.toc(1))
            ooxml.begin_field(p._p, instruction)
            ooxml.end_field(p._p)
        for index, entry in enumerate(node.entries):
            p = self._new_paragraph(self.styles.toc(entry.level))
            ooxml.add_tab_stop(p._p.get_or_add_pPr(), width, "right", leader="dot")
            if index == 0:
                ooxml.begin_field(p._p, instruction)
            link = ooxml.add_internal_link(p._p, entry.anchor)
            ooxml.add_run(link, "\n".join(entry.lines) if entry.lines else entry.label)
            # The leader (the tab's) and the number in the one number style of every level.
            self._toc_number_look(ooxml.add_run(link, "\t"))
            page = self.layout.pages.get(entry.anchor) if self.layout else None
            result = ooxml.add_field(link, f"PAGEREF {entry.anchor} \\h", "" if page is None else str(page))
            if result is not None:
                self._toc_number_look(result)
            if index == len(node.entries) - 1:
                ooxml.end_field(p._p)

    def _toc_number_look(self, run) -> None:
        look = self.theme.style("toc.number")
        family = self.theme.serif if look.font == "serif" else self.theme.sans
        ooxml.set_run_font(run, family.cjk, family.latin, look.size)

    def heading(self, node: dn.Heading) -> None:
        """Print a heading's label in its Word heading style, broken where compose broke it, bookmarked with its anchor."""
        self.record = node.anchor
        style = self.styles.heading(node.level, node.role)
        p = self._paragraph(style, [("\n".join(node.lines) if node.lines else node.label, False)])
        ooxml.add_bookmark(p._p, next(self._bookmark_ids), node.anchor)
        if not node.in_toc:  # out of the 目录 (when Word refreshes it) and of the navigation pane
            ooxml.set_outline_level(p._p.get_or_add_pPr(), 9)

    def paragraph(self, node: dn.Paragraph) -> None:
        """Print a paragraph in its role; strong runs are bold."""
        self._paragraph(node.role, ((run.text, run.strong) for run in node.runs))

    def bullet_list(self, node: dn.BulletList) -> None:
        """Print each item after the list's marker, hanging from it."""
        for item in node.items:
            self._bullet(item, node.marker)

    def figure(self, node: dn.Figure) -> None:
        """Print the image scaled to the text width, the chart as a 300-dpi PNG or the photo frame, then the caption."""
        if node.image:
            self._picture(node.image, node.max_height)
        elif node.chart:
            self._chart_picture(node.chart, node.max_height)
        elif node.frame:
            self._photo_frame(node.frame)
        self._paragraph("caption", [(node.caption, False)])
        if node.source:
            self._paragraph("table.note", [(node.source, False)])

    def table_block(self, node: dn.TableBlock) -> None:
        """Print the caption, then the grid as a table whose header row repeats, then the note."""
        outer, self.record = self.record, node.record or self.record
        try:
            self._table(node)
        finally:
            self.record = outer

    def _table(self, node: dn.TableBlock) -> None:
        if node.caption:
            self._paragraph("table.caption", [(node.caption, False)])
        grid = node.grid
        widths = split_widths(self._text_width(), [column.width for column in grid.columns])
        tbl = ooxml.new_table(widths, self.theme.table_rule_color)
        self._insert(tbl)  # attach before filling: lxml moves a big detached tree in quadratic time
        markup = RowMarkup(widths)
        header = ooxml.CellFormat(self.styles.role("table.header").style_id, "center", fill=self.theme.table_header_fill)
        names = [column.name for column in grid.columns]
        (head,) = append_rows(tbl, [markup.row(Row(names, [header] * len(names), header=True, keep=bool(grid.rows)))])
        pages: Sequence[int] = ()
        if any(cell.span > 1 for row in grid.rows for cell in row):
            name = f"tbl{next(self._table_ids)}"  # lets the office layout report the page of each row
            ooxml.add_bookmark(head.find(qn("w:tc")).find(qn("w:p")), next(self._bookmark_ids), name)
            pages = self.layout.rows.get(name, ()) if self.layout else ()
        rows = functools.partial(grid_rows, grid, pages, markup, self.styles.role("table.cell").style_id)
        if len(grid.rows) > STREAM_ROWS:
            self.deferred.defer(tbl, rows)  # written row by row into document.xml at save
        else:
            append_rows(tbl, rows())
        if node.note:
            self._paragraph("table.note", [(node.note, False)])

    def _chart_picture(self, chart: dn.Chart, max_height: float) -> None:
        """Print the chart as the PNG matplotlib draws (the PDF embeds the same one), ``chart.width`` of the text width."""
        from ..figures.charts import draw_resolved, drawn_width_mm

        width = int(self._text_width() * chart.width) * EMU_PER_TWIP
        drawn = drawn_width_mm(self._text_width() * EMU_PER_TWIP / EMU_PER_MM, chart)
        png = draw_resolved(chart, self.theme, "png", width_mm=drawn)
        p = self._new_paragraph(self.styles.role("caption"))
        p.paragraph_format.keep_with_next = True
        shape = p.add_run().add_picture(io.BytesIO(png))
        scale = min(width / shape.width, max_height * self._text_height() / shape.height)
        shape.width, shape.height = Emu(int(shape.width * scale)), Emu(int(shape.height * scale))

    def case_box(self, node: dn.CaseBox) -> None:
        """Print a titled story inside a shaded one-cell table ruled in the accent colour."""
        width = self._text_width()
        padding = round(node.padding_mm * TWIPS_PER_MM)
        tbl, title_cell, body_cell = ooxml.box_table(width, self.theme.case_fill, self.theme.accent_color, padding)
        self._insert(tbl)
        outer = (self._container, self._box_width)
        self._box_width = width - 2 * padding
        try:
            self._container = title_cell
            self._paragraph("case.title", [(node.title, True)])
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
                runs = [(event.date, True), (node.gap + event.text, False)]
                self._paragraph("chronology.event", runs)

    def page_break(self, node: dn.PageBreak) -> None:
        """Start a new section on a new page in the node's orientation (none if the page is still empty)."""
        if self._container is not self._body:
            raise RenderError(self.record, "page_break", "案例框内不能分页")
        if self._section_has_content:
            ooxml.section_break(self._body)
            self._section_has_content = False
            self._headers.append(node.header)
        self._headers[-1] = node.header
        _orient(self._last_section(), node.orientation)

    # ------------------------------------------------------------ building blocks

    def _paragraph(self, role: str | ParagraphStyle, runs: Runs) -> DocxParagraph:
        style = self.styles.role(role) if isinstance(role, str) else role
        p = self._new_paragraph(style)
        for text, bold in runs:  # check_printable has checked every string of the document
            ooxml.add_text_run(p._p, text, bold)
        return p

    def _bullet(self, item: dn.Paragraph, marker: str) -> None:
        runs = [(marker + "\t", False), *((run.text, run.strong) for run in item.runs)]
        self._paragraph(item.role, runs)

    def _new_paragraph(self, style: ParagraphStyle) -> DocxParagraph:
        p = ooxml.new_paragraph(self.styles.style_id(style))
        self._insert(p)
        return DocxParagraph(p, self.doc)

    def _photo_frame(self, frame: dn.PhotoFrame) -> None:
        """Insert the dashed frame compose sized as a picture, for the editor to replace with the photo."""
        png = frame_png(frame.width_mm, frame.height_mm, frame.color, frame.rule_pt)
        p = self._new_paragraph(self.styles.role("caption"))
        p.paragraph_format.keep_with_next = True
        shape = p.add_run().add_picture(io.BytesIO(png))
        shape.width, shape.height = Emu(round(frame.width_mm * EMU_PER_MM)), Emu(round(frame.height_mm * EMU_PER_MM))

    def _insert(self, block) -> None:
        last = ooxml.last_block(self._container)
        if block.tag == qn("w:tbl") and last is not None and last.tag == qn("w:tbl"):
            ooxml.insert_block(self._container, OxmlElement("w:p"))  # adjacent tables would merge
        ooxml.insert_block(self._container, block)
        if self._container is self._body:
            self._section_has_content = True

    def _picture(self, image: str, max_height: float) -> None:
        p = self._new_paragraph(self.styles.role("caption"))
        p.paragraph_format.keep_with_next = True
        if (problem := check_image(Path(image))) is not None:  # never decode what validate would refuse
            raise RenderError(self.record, "figure.image", problem.message)
        try:
            shape = p.add_run().add_picture(image)
        except (OSError, UnrecognizedImageError, ValueError) as exc:
            raise RenderError(self.record, "figure.image", f"无法读取图片 {image}：{exc}") from None
        width = self._text_width() * EMU_PER_TWIP
        scale = min(width / shape.width, max_height * self._text_height() / shape.height)
        shape.width, shape.height = Emu(int(shape.width * scale)), Emu(int(shape.height * scale))

    def _check(self, text: str, field: str) -> None:
        index = ooxml.illegal_character(text)
        if index is not None:
            raise RenderError(
                self.record, field,
                f"第 {index + 1} 个字符 U+{ord(text[index]):04X} 是 XML 不允许的控制字符，Word 文件无法保存它",
            )

    def _text_width(self) -> int:
        """Return the width available in the current container, in twips."""
        if self._box_width is not None:
            return self._box_width
        return _text_width_of(self._last_section())

    def _last_section(self) -> Section:
        """Return the section being written: the body's own w:sectPr (``doc.sections`` searches the whole body)."""
        return Section(self._body.find(qn("w:sectPr")), self.doc.part)

    def _text_height(self) -> int:
        section = self._last_section()
        return _emu(section.page_height) - _emu(section.top_margin) - _emu(section.bottom_margin)

    # ------------------------------------------------------------ finishing

    def _page_furniture(self) -> None:
        """Give the pages after the cover the running header and the page-number footer.

        Pages are numbered on from the cover, as in the PDF. The header holds the running
        title and, right aligned, the chapter title compose gave the section's page run,
        as literal text (a STYLEREF field is left empty by LibreOffice and WPS); a section
        whose title or text width differs gets its own header.
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
        written = None
        for index in range(first, len(sections)):
            kind = (self._headers[index], _text_width_of(sections[index]))
            if kind != written:
                self._header(sections[index], *kind)
                written = kind

    def _header(self, section: Section, chapter: str, width: int) -> None:
        header = section.header
        header.is_linked_to_previous = False
        _clear(header)
        p = header.add_paragraph()
        ooxml.set_paragraph_style(p._p, self.styles.style_id(self.styles.role("running")))
        if not self.theme.running_header:
            return
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        ppr = p._p.get_or_add_pPr()
        ooxml.add_run(p._p, self.info.running_title)
        if chapter:
            ooxml.add_tab_stop(ppr, width, "right")
            ooxml.add_run(p._p, "\t" + chapter)
        ooxml.set_bottom_rule(ppr, self.theme.accent_color, size_eighths=5)

    def _footer(self, section: Section) -> None:
        footer = section.footer
        footer.is_linked_to_previous = False
        _clear(footer)
        p = footer.add_paragraph()
        ooxml.set_paragraph_style(p._p, self.styles.style_id(self.styles.role("running")))
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
        if self.layout is None or not self.layout.exact:  # with Word's own numbers filled in, it need not ask
            ooxml.set_update_fields(settings)
        ooxml.set_theme_font_language(settings, self.info.language)
        ooxml.set_language(ooxml.default_run_properties(self.doc.styles.element), self.info.language)


def _text_width_of(section: Section) -> int:
    """Return the width between the margins of ``section``, in twips."""
    return (_emu(section.page_width) - _emu(section.left_margin) - _emu(section.right_margin)) // EMU_PER_TWIP


def _emu(length: int | None) -> int:
    """Return a section length in EMU; None (not set in the file) counts as 0."""
    return int(length or 0)


def _orient(section: Section, orientation: dn.Orientation) -> None:
    landscape = orientation == "landscape"
    width, height = _emu(section.page_width), _emu(section.page_height)
    if landscape != (width > height):
        section.page_width, section.page_height = Emu(height), Emu(width)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def _clear(part) -> None:
    for child in list(part._element):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            part._element.remove(child)
