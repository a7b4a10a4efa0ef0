"""Pages of the PDF: geometry, the four page templates, running header, footer and cover art."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, B5, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..compose.nodes import DocumentInfo
from ..schema.theme import Theme
from .pdf_streams import compress_finished_page
from .pdf_styles import StyleMap, hex_color
from .pdf_toc import PageLedger

COVER, FRONT, BODY, LANDSCAPE = "cover", "front", "body", "landscape"
_PAGE_SIZES = {"A4": A4, "B5": B5, "Letter": LETTER}


@dataclass(frozen=True)
class PageGeometry:
    """Hold the portrait page size and the margins, in points."""

    size: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float

    @classmethod
    def of(cls, theme: Theme) -> PageGeometry:
        """Return the geometry the theme asks for (margins are given in mm)."""
        return cls(
            size=_PAGE_SIZES[theme.page_size], left=theme.margin_left_mm * mm, right=theme.margin_right_mm * mm,
            top=theme.margin_top_mm * mm, bottom=theme.margin_bottom_mm * mm,
        )

    def page(self, wide: bool = False) -> tuple[float, float]:
        """Return the page size, turned for landscape pages."""
        return landscape(self.size) if wide else self.size

    def text_size(self, wide: bool = False) -> tuple[float, float]:
        """Return the width and height of the text frame inside the margins."""
        width, height = self.page(wide)
        return width - self.left - self.right, height - self.top - self.bottom

    def frame(self, wide: bool = False) -> Frame:
        """Return the text frame inside the margins."""
        width, height = self.text_size(wide)
        return Frame(
            self.left, self.bottom, width, height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text",
        )


class PageDecor:
    """Draw what surrounds the text: cover bands, running header and rule, page number."""

    def __init__(self, theme: Theme, styles: StyleMap, ledger: PageLedger, info: DocumentInfo) -> None:
        self.theme, self.styles, self.ledger, self.info = theme, styles, ledger, info

    def templates(self, geometry: PageGeometry) -> list[PageTemplate]:
        """Return the cover, front matter (目录), portrait body and landscape body templates."""
        return [
            PageTemplate(COVER, [geometry.frame()], onPage=self.cover, pagesize=geometry.page()),
            PageTemplate(FRONT, [geometry.frame()], onPageEnd=self.front, pagesize=geometry.page()),
            PageTemplate(BODY, [geometry.frame()], onPageEnd=self.body, pagesize=geometry.page()),
            PageTemplate(LANDSCAPE, [geometry.frame(True)], onPageEnd=self.body, pagesize=geometry.page(True)),
        ]

    def cover(self, canv, doc) -> None:
        """Draw the cover's accent bands at the top and bottom edges."""
        width, height = doc.pageTemplate.pagesize
        accent, light = self.styles.accent(), hex_color(self.theme.case_fill)
        canv.saveState()
        canv.setFillColor(accent)
        canv.rect(0, height - 16 * mm, width, 16 * mm, stroke=0, fill=1)
        canv.setFillColor(light)
        canv.rect(0, height - 19 * mm, width, 3 * mm, stroke=0, fill=1)
        canv.rect(0, 0, width, 12 * mm, stroke=0, fill=1)
        canv.setFillColor(accent)
        canv.rect(0, 12 * mm, width, 1.2 * mm, stroke=0, fill=1)
        canv.restoreState()

    def front(self, canv, doc) -> None:
        """Draw the 目录 pages' header (running title only) and page number."""
        self._header(canv, doc, "")
        self._footer(canv, doc)

    def body(self, canv, doc) -> None:
        """Draw the running title, the current chapter, the rule and the page number."""
        self._header(canv, doc, self.ledger.chapter)
        self._footer(canv, doc)

    def _header(self, canv, doc, chapter: str) -> None:
        if not self.theme.running_header:
            return
        width, height = doc.pageTemplate.pagesize
        style, geometry = self.styles.para("running"), PageGeometry.of(self.theme)
        baseline = height - geometry.top * 0.55
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        title = self.info.running_title
        canv.drawString(geometry.left, baseline, title)
        room = width - geometry.left - geometry.right - stringWidth(title + "\u3000\u3000", style.fontName, style.fontSize)
        canv.drawRightString(width - geometry.right, baseline, _fit(chapter, room, style.fontName, style.fontSize))
        canv.setStrokeColor(self.styles.accent())
        canv.setLineWidth(0.6)
        rule = baseline - style.fontSize * 0.6
        canv.line(geometry.left, rule, width - geometry.right, rule)
        canv.restoreState()

    def _footer(self, canv, doc) -> None:
        width, _ = doc.pageTemplate.pagesize
        style, geometry = self.styles.para("running"), PageGeometry.of(self.theme)
        before, after = self.theme.page_number_parts()
        text = before + str(canv.getPageNumber()) + after
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize * 1.15)
        canv.setFillColor(style.textColor)
        canv.drawCentredString(width / 2, geometry.bottom * 0.45, text)
        canv.restoreState()


def _fit(text: str, width: float, font: str, size: float) -> str:
    """Return ``text``, shortened with … if it is wider than ``width`` (long appendix titles)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


class ReportDocTemplate(BaseDocTemplate):
    """Build the report's pages in one pass; the TOC numbers are filled in just before saving."""

    def __init__(self, path: Path, geometry: PageGeometry, decor: PageDecor, invariant: bool, first: str = COVER) -> None:
        info = decor.info
        super().__init__(
            str(path), pagesize=geometry.page(), leftMargin=geometry.left, rightMargin=geometry.right,
            topMargin=geometry.top, bottomMargin=geometry.bottom, title=info.title, author=info.author,
            subject=info.subject, keywords=list(info.keywords), creator="nbreport", lang=info.language,
            invariant=1 if invariant else None, displayDocTitle=1,
            initialFontName=decor.styles.para("body").fontName,
        )
        self.ledger = decor.ledger
        self.setPageCallBack(self._compress_page)
        # reportlab starts with the first template: the cover only if the document has one.
        templates = decor.templates(geometry)
        self.addPageTemplates(sorted(templates, key=lambda template: template.id != first))

    def beforeDocument(self):  # noqa: N802 - reportlab's hook
        """Start the build: reset the ledger, show the outline when the PDF opens."""
        self.ledger.start_pass()
        self.canv.showOutline()

    def _compress_page(self, page_number: int) -> None:
        """Compress the page just finished now, not at save: a 1,700-page table keeps KBs per page, not its text."""
        compress_finished_page(self.canv._doc.Pages.pages[-1])

    def _endBuild(self):  # noqa: N802 - reportlab's method
        """Finish the last page, define the TOC number forms from the pages found, then save."""
        self._doSave = 0
        super()._endBuild()
        self.ledger.define_forms(self.canv)
        self.canv.save()


class CoverPage(Flowable):
    """Fill the cover frame: the title block in the upper half, the editor line low down.

    ``top`` paragraphs stack from 30% below the top of the frame; an accent rule is
    drawn after the first ``rule_after`` of them; ``bottom`` sits near the foot.
    """

    def __init__(self, top: Sequence[Flowable], bottom: Sequence[Flowable], rule_after: int, color) -> None:
        super().__init__()
        self.top, self.bottom, self.rule_after, self.color = list(top), list(bottom), rule_after, color

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Take the whole frame."""
        self.width, self.height = availWidth, availHeight - 1e-6
        return self.width, self.height

    def draw(self):
        """Draw the title block, the rule and the editor line."""
        y = self.height * 0.72
        for index, item in enumerate(self.top):
            _, height = item.wrap(self.width, self.height)
            y -= item.getSpaceBefore() if index else 0
            item.drawOn(self.canv, 0, y - height)
            y -= height + item.getSpaceAfter()
            if index + 1 == self.rule_after:
                y -= 10
                self._rule(y)
                y -= 18
        y = self.height * 0.10
        for item in reversed(self.bottom):
            _, height = item.wrap(self.width, self.height)
            item.drawOn(self.canv, 0, y)
            y += height + item.getSpaceBefore()

    def _rule(self, y: float) -> None:
        canv, inset = self.canv, self.width * 0.18
        canv.saveState()
        canv.setStrokeColor(self.color)
        canv.setLineWidth(2.2)
        canv.line(inset, y, self.width - inset, y)
        canv.restoreState()
