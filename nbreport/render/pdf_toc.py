"""The 目录 with real page numbers, and the ledger of where headings are drawn.

The document is built in passes (reportlab ``multiBuild``): each pass the
:class:`PageLedger` records the page of every heading as it is drawn, and the
:class:`TocFlowable` prints the pages recorded by the pass before. The build stops
when the numbers printed equal the pages found. The printed number is the
physical page number, the same number the footer prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus.tableofcontents import IndexingFlowable

from ..compose.nodes import Heading
from .pdf_flow import Stack
from .pdf_text import CJKParagraph

_OUTLINE_LEVELS = 2  # headings deeper than this get an anchor but no outline entry


class PageLedger:
    """Record, pass by pass, the page of each heading; add its bookmark and outline entry."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self.previous: dict[str, int] = {}
        self.chapter = ""
        self._depth = 0

    def start_pass(self) -> None:
        """Keep the last pass's pages for the TOC and start recording afresh."""
        self.previous, self.pages = self.pages, {}
        self.chapter = ""
        self._depth = 0

    def heading_drawn(self, canv, heading: Heading, height: float) -> None:
        """Note the page of ``heading``, bookmark its top edge, add it to the outline."""
        self.pages.setdefault(heading.anchor, canv.getPageNumber())
        canv.bookmarkHorizontal(heading.anchor, 0, height)
        if heading.level <= _OUTLINE_LEVELS:
            # An outline level may only go one deeper than the entry before it.
            level = min(heading.level - 1, self._depth)
            canv.addOutlineEntry(heading.label, heading.anchor, level=level)
            self._depth = level + 1
        if heading.level == 1:
            self.chapter = heading.label


@dataclass(frozen=True)
class TocRow:
    """Hold one printed TOC line: its label markup, style, indent and target anchor."""

    markup: str
    style: object
    indent: float
    anchor: str
    number_width: float


class TocFlowable(IndexingFlowable):
    """Print TOC rows with dotted leaders and the page numbers the ledger found last pass."""

    def __init__(self, rows: Sequence[TocRow], ledger: PageLedger) -> None:
        super().__init__()
        self.rows = list(rows)
        self.ledger = ledger
        self._lines: list[TocLine] = []
        self._stack = Stack([])

    def isSatisfied(self):  # noqa: N802 - reportlab's name
        """Return whether every printed page number equals the page the heading landed on."""
        return all(self.ledger.pages.get(row.anchor) == self.ledger.previous.get(row.anchor) for row in self.rows)

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Return the size of all lines, numbered from the previous pass."""
        pages = self.ledger.previous
        self._lines = [TocLine(row, pages.get(row.anchor)) for row in self.rows]
        self._stack = Stack(self._lines)
        return self._stack.wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return the lines, so the TOC flows over as many pages as it needs."""
        self.wrap(availWidth, availHeight)
        return list(self._lines)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803
        """Draw all lines when the TOC fits on one page."""
        self._stack.drawOn(canvas, x, y, _sW)


class TocLine(Flowable):
    """Draw one TOC entry: label, dotted leader, right-aligned page number, all one link."""

    def __init__(self, row: TocRow, page: int | None) -> None:
        super().__init__()
        self.row = row
        self.page = page
        self.label = CJKParagraph(row.markup, row.style)
        self._number_width = row.number_width

    def getSpaceBefore(self):  # noqa: N802
        """Return the label style's space before."""
        return self.row.style.spaceBefore

    def getSpaceAfter(self):  # noqa: N802
        """Return the label style's space after."""
        return self.row.style.spaceAfter

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Return the width and the label's height, wrapped clear of the number column."""
        text_width = availWidth - self.row.indent - self._number_width
        _, self.height = self.label.wrap(text_width, availHeight)
        self.width = availWidth
        return self.width, self.height

    def draw(self):
        """Draw label, leader dots and number on the label's last line, and the link."""
        canv, style = self.canv, self.row.style
        self.label.drawOn(canv, self.row.indent, 0)
        lines = self.label.getActualLineWidths0()
        baseline = self.height - style.fontSize - (len(lines) - 1) * style.leading
        text_end = self.row.indent + (lines[-1] if lines else 0)
        number = "" if self.page is None else str(self.page)
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        self._dots(text_end, baseline)
        canv.drawRightString(self.width, baseline, number)
        canv.restoreState()
        canv.linkRect("", self.row.anchor, (0, 0, self.width, self.height), relative=1, thickness=0)

    def _dots(self, start: float, baseline: float) -> None:
        style = self.row.style
        dot = stringWidth(" .", style.fontName, style.fontSize)
        end = self.width - self._number_width * 0.75
        count = int((end - start - dot) // dot)
        if count > 0:
            self.canv.drawRightString(end, baseline, " ." * count)
