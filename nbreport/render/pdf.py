"""Render the composed Document as a PDF with reportlab: the entry point and the walker.

The walker maps each node kind to flowables with one ``match`` and decides
nothing about content; looks come from the Theme through :class:`StyleMap`.
"""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, NextPageTemplate, PageBreakIfNotEmpty
from reportlab.platypus.doctemplate import LayoutError

from ..compose import nodes as dn
from ..compose.policy import TOC_NUMBER_DIGITS
from ..schema.theme import Theme
from ..checks.images import check_image
from .atomic import atomic_path
from .epoch import sane_source_date_epoch
from .errors import RenderError, check_printable
from .fonts import load_fonts
from .pdf_flow import Box, FigureStack, HeadingParagraph, RunningHeader, keep_with_next
from .pdf_gc import frozen_heap
from .pdf_placeholder import PhotoFrameFlowable
from .pdf_page import BODY, COVER, FRONT, LANDSCAPE, CoverPage, PageDecor, PageGeometry, ReportDocTemplate
from .pdf_styles import StyleMap, hex_color
from .pdf_table import GridFlowable, GridModel, TableLook
from .pdf_frags import run_frags
from .pdf_text import CJKParagraph, check_text, parts_paragraph, run_parts
from .pdf_toc import PageLedger, TocFlowable, TocRow



def render_pdf(document: dn.Document, theme: Theme, path: Path, pages: dict[str, int] | None = None,
               font_fallback: bool = False) -> Path:
    """Write ``document`` as a PDF at ``path`` (atomically) and return ``path``.

    ``pages`` receives the page of every heading drawn (anchor → page), for the DOCX built
    in the same run to fill its 目录 from when LibreOffice is not there to lay it out.
    Without a Chinese TrueType font it raises FontMissingError, unless ``font_fallback``.

    With SOURCE_DATE_EPOCH set, the file is byte-for-byte reproducible.
    """
    path = Path(path)
    with frozen_heap():
        _render(document, theme, path, pages, font_fallback)
    return path


def _render(document: dn.Document, theme: Theme, path: Path, pages: dict[str, int] | None, font_fallback: bool) -> None:
    styles = StyleMap(theme, load_fonts(theme, allow_fallback=font_fallback))
    geometry, ledger = PageGeometry.of(theme), PageLedger()
    check_printable(document)  # the same strings, refused the same way, as the Word renderer
    story = PdfWalker(styles, ledger, geometry).story(document)
    decor = PageDecor(theme, styles, ledger, document.info)
    with atomic_path(path) as temporary, sane_source_date_epoch() as epoch:
        first = COVER if document.nodes and isinstance(document.nodes[0], dn.Cover) else BODY
        template = ReportDocTemplate(temporary, geometry, decor, epoch is not None, first)
        # Streams are Flate-compressed only: ASCII85 on top makes them a quarter larger and costs time.
        use_a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            template.build(story)
        except LayoutError as error:
            raise RenderError("document", "layout", f"内容无法排入页面：{error}") from error
        finally:
            rl_config.useA85 = use_a85
    if pages is not None:
        pages.update(ledger.pages)


class PdfWalker:
    """Turn document nodes into reportlab flowables, one handler per node kind."""

    def __init__(self, styles: StyleMap, ledger: PageLedger, geometry: PageGeometry) -> None:
        self.styles, self.fonts, self.ledger, self.geometry = styles, styles.fonts, ledger, geometry
        self.record = "document"  # the anchor of the last heading, to name where bad text is
        self.wide = False

    def story(self, document: dn.Document) -> list[Flowable]:
        """Return the flowables of every node, headings kept with what follows them."""
        flowables: list[Flowable] = []
        for index, node in enumerate(document.nodes):
            flowables.extend(self.node(node, f"nodes[{index}]"))
        return keep_with_next(flowables)

    def node(self, node: dn.Node, where: str) -> list[Flowable]:
        """Return the flowables of one node from the handler of its kind (mypy checks every kind has one)."""
        match node:
            case dn.Cover():
                return self.cover(node, where)
            case dn.Toc():
                return self.toc(node, where)
            case dn.Heading():
                return self.heading(node, where)
            case dn.Paragraph():
                return self.paragraph(node, where)
            case dn.BulletList():
                return self.bullet_list(node, where)
            case dn.Figure():
                return self.figure(node, where)
            case dn.TableBlock():
                return self.table_block(node, where)
            case dn.CaseBox():
                return self.case_box(node, where)
            case dn.DistrictEntry():
                return self.district_entry(node, where)
            case dn.Chronology():
                return self.chronology(node, where)
            case dn.PageBreak():
                return self.page_break(node, where)
            case _:
                raise RenderError(self.record, where, f"PDF 渲染器不认识的节点类型：{dn.unhandled(node)}")

    # ------------------------------------------------------------ handlers, one per node kind

    def cover(self, node: dn.Cover, where: str) -> list[Flowable]:
        """Return the cover page; the pages after it use the front-matter template."""
        self.record = "cover"
        top = [self._text(node.year_line, "cover.year", f"{where}.year_line"),
               self._text(node.title, "cover.title", f"{where}.title")]
        if node.title_en:
            top.append(self._text(node.title_en, "cover.title_en", f"{where}.title_en"))
        bottom = [self._text(node.editor_line, "cover.editor", f"{where}.editor_line")] if node.editor_line else []
        return [CoverPage(top, bottom, rule_after=2, color=self.styles.accent()), NextPageTemplate(FRONT)]

    def toc(self, node: dn.Toc, where: str) -> list[Flowable]:
        """Return the 目录 title and its entries with page numbers; body pages follow."""
        self.record = "toc"
        rows = [self._toc_row(entry, f"{where}.entries[{i}]") for i, entry in enumerate(node.entries)]
        return [self._text(node.title, "toc.title", f"{where}.title"), TocFlowable(rows, self.ledger)]

    def heading(self, node: dn.Heading, where: str) -> list[Flowable]:
        """Return the heading's label in its role, reporting its page when drawn."""
        self.record = node.anchor
        text, frags = self._lines_text(node.lines or (node.label,), node.role, node.anchor, "label")
        return [HeadingParagraph(text, self.styles.para(node.role), node, self.ledger.heading_drawn, frags)]

    def paragraph(self, node: dn.Paragraph, where: str) -> list[Flowable]:
        """Return the paragraph in its role; strong runs bold."""
        parts = run_parts(node.runs, self.styles.face(node.role), self.fonts, self.record, where)
        return [parts_paragraph(parts, self.styles.para(node.role), self.fonts)]

    def bullet_list(self, node: dn.BulletList, where: str) -> list[Flowable]:
        """Return each item hanging from the list's marker."""
        return [self._bullet(item, node.marker, f"{where}.items[{i}]") for i, item in enumerate(node.items)]

    def figure(self, node: dn.Figure, where: str) -> list[Flowable]:
        """Return the image, chart or photo frame with the caption under it, kept on one page together."""
        caption = self._text(node.caption, "caption", f"{where}.caption")
        parts = [caption]
        if node.source:
            parts.append(self._text(node.source, "table.note", f"{where}.source"))
        if node.image:
            return [FigureStack([self._image(node.image, where, node.max_height), *parts])]
        if node.chart:
            return [FigureStack([self._chart(node.chart, node.max_height), *parts])]
        if node.frame:
            return [FigureStack([PhotoFrameFlowable(node.frame), *parts])]
        return parts

    def table_block(self, node: dn.TableBlock, where: str) -> list[Flowable]:
        """Return the table as a flowable that splits page by page, caption and header repeated."""
        return [GridFlowable(GridModel(node, self.styles, self.fonts), TableLook.of(self.styles))]

    def case_box(self, node: dn.CaseBox, where: str) -> list[Flowable]:
        """Return a shaded, accent-ruled box: the title kept with the first child, then the children."""
        title = self._text(node.title, "case.title", f"{where}.title")
        title.keep_with_next = True
        children: list[Flowable] = [title]
        for index, child in enumerate(node.children):
            children.extend(self.node(child, f"{where}.children[{index}]"))
        padding = node.padding_mm * mm
        fill = hex_color(self.styles.theme.case_fill)
        return [Box(keep_with_next(children), fill, self.styles.accent(), padding)]

    def district_entry(self, node: dn.DistrictEntry, where: str) -> list[Flowable]:
        """Return the district's heading, introduction and marked items."""
        flowables = self.heading(node.heading, f"{where}.heading")
        flowables += [flow for i, p in enumerate(node.intro) for flow in self.paragraph(p, f"{where}.intro[{i}]")]
        flowables += [self._bullet(item, node.marker, f"{where}.items[{i}]") for i, item in enumerate(node.items)]
        return flowables

    def chronology(self, node: dn.Chronology, where: str) -> list[Flowable]:
        """Return each month's heading and its events, the date in bold."""
        flowables: list[Flowable] = []
        style, face = self.styles.para("chronology.event"), self.styles.face("chronology.event")
        bold = self.fonts.face(self.styles.text("chronology.event").font, bold=True)
        for m, month in enumerate(node.months):
            flowables += self.heading(month.heading, f"{where}.months[{m}].heading")
            for e, event in enumerate(month.events):
                field = f"{where}.months[{m}].events[{e}]"
                date = check_text(event.date, self.record, f"{field}.date")
                text = check_text(node.gap + event.text, self.record, f"{field}.text")
                flowables.append(parts_paragraph([(date, bold, True), (text, face, False)], style, self.fonts))
        return flowables

    def page_break(self, node: dn.PageBreak, where: str) -> list[Flowable]:
        """Return a break to the template of the node's page run and orientation, then its header title.

        No break when the page is still empty; the running header shows ``node.header`` from
        the new page on, as compose decided it.
        """
        self.wide = node.orientation == "landscape"
        template = LANDSCAPE if self.wide else FRONT if node.run == "front" else BODY
        return [PageBreakIfNotEmpty(nextTemplate=template), RunningHeader(self.ledger, node.header)]

    # ------------------------------------------------------------ building blocks

    def _text(self, text: str, role: str, field: str) -> CJKParagraph:
        parts = [(check_text(text, self.record, field), self.styles.face(role), False)]
        return parts_paragraph(parts, self.styles.para(role), self.fonts)

    def _bullet(self, item: dn.Paragraph, marker: str, where: str) -> CJKParagraph:
        parts = run_parts(item.runs, self.styles.face(item.role), self.fonts, self.record, where)
        return parts_paragraph(parts, self.styles.bulleted(item.role, marker), self.fonts, bullet=marker)

    def _toc_row(self, entry: dn.TocEntry, where: str) -> TocRow:
        role = f"toc.level{min(entry.level, 3)}"
        style = self.styles.para(role)
        text, frags = self._lines_text(entry.lines or (entry.label,), role, "toc", f"{where}.label")
        indent = (entry.level - 1) * 2 * self.styles.para("toc.level1").fontSize
        number = self.styles.para("toc.number")
        # One number style and column for all levels, so numbers and leaders of every level end in line.
        number_width = stringWidth("0" * TOC_NUMBER_DIGITS, number.fontName, number.fontSize)
        return TocRow(markup=text, style=style, indent=indent, anchor=entry.anchor, number_width=number_width,
                      number_style=number, frags=frags)

    def _lines_text(self, lines: tuple[str, ...], role: str, record: str, field: str) -> tuple[str, list | None]:
        """Return the text of ``lines`` (compose broke it so) and its frags, or markup joined by forced breaks and None."""
        face = self.styles.face(role)
        checked = [check_text(line, record, field) for line in lines]
        if len(checked) == 1 and (frags := run_frags([(checked[0], face, False)], self.fonts, self.styles.para(role))):
            return checked[0], frags
        return "<br/>".join(self.fonts.markup(line, face) for line in checked), None

    def _frame_size(self) -> tuple[float, float]:
        return self.geometry.text_size(self.wide)

    def _image(self, image: str, where: str, max_height: float) -> Image:
        path = Path(image)
        if (problem := check_image(path)) is not None:  # never decode what validate would refuse
            raise RenderError(self.record, f"{where}.image", problem.message)
        width, height = self._frame_size()
        picture = Image(str(path))
        scale = min(width / picture.imageWidth, height * max_height / picture.imageHeight)
        picture.drawWidth, picture.drawHeight = picture.imageWidth * scale, picture.imageHeight * scale
        return picture

    def _chart(self, chart: dn.Chart, max_height: float) -> Flowable:
        """Return the chart as vector paths scaled to the frame: the figure whose PNG the DOCX embeds."""
        from ..figures.chart_draw import vector_drawing
        from ..figures.charts import drawn_width_mm
        from .pdf_chart import VectorChart

        width, height = self._frame_size()
        drawing = vector_drawing(chart, self.styles.theme, width_mm=drawn_width_mm(width / mm, chart))
        return VectorChart(drawing, min(width * chart.width / drawing.width, height * max_height / drawing.height))
