"""The 目录 with real page numbers, and the ledger of where headings are drawn.

The document is laid out once. A TOC number never changes the TOC's size (it sits
in a fixed, right-aligned slot after the leader), so each number is drawn as a
reference to a PDF form XObject that does not exist yet; the :class:`PageLedger`
records the page of every heading as it is drawn and, just before the file is
saved, defines each form as that page's number (empty for a heading never drawn).
Forms draw in page coordinates, so text extractors that read a form's text
without the page's transformation (pypdf) still see each number where it is.
The printed number is the physical page number, the same number the footer prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..compose.nodes import Heading
from .pdf_flow import Stack
from .pdf_text import CJKParagraph



class PageLedger:
    """Record the page of each heading, add its bookmark and outline entry, and number the TOC forms."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self.chapter = ""
        self._depth = 0
        self._slots: list[NumberSlot] = []

    def start_pass(self) -> None:
        """Start recording afresh (the build is one pass; a rebuild starts over)."""
        self.pages = {}
        self.chapter = ""
        self._depth = 0

    def number_slot(self, anchor: str, style) -> NumberSlot:
        """Return a new slot whose form will print the page of ``anchor`` in ``style``."""
        slot = NumberSlot(f"tocpage{len(self._slots)}", anchor, style)
        self._slots.append(slot)
        return slot

    def heading_drawn(self, canv, heading: Heading, height: float) -> None:
        """Note the page of ``heading``, bookmark its top edge, add it to the outline."""
        self.pages.setdefault(heading.anchor, canv.getPageNumber())
        canv.bookmarkHorizontal(heading.anchor, 0, height)
        if heading.in_toc:  # compose decides which headings enter the outline
            # An outline level may only go one deeper than the entry before it.
            level = min(heading.level - 1, self._depth)
            canv.addOutlineEntry(heading.label, heading.anchor, level=level)
            self._depth = level + 1

    def define_forms(self, canv) -> None:
        """Define every TOC number form as its heading's page, right-aligned at the form's origin.

        Call after the last page and before saving; a heading never drawn gets an empty form,
        so every reference in the file resolves.
        """
        for slot in self._slots:
            page = self.pages.get(slot.anchor)
            number = "" if page is None else str(page)
            style, x, y = slot.style, slot.x, slot.y
            size = style.fontSize
            width = stringWidth(number, style.fontName, size)
            canv.beginForm(slot.name, lowerx=x - width - size, lowery=y - size, upperx=x + size, uppery=y + 2 * size)
            if number:
                canv.setFont(style.fontName, size)
                canv.setFillColor(style.textColor)
                canv.drawRightString(x, y, number)
            canv.endForm()


@dataclass
class NumberSlot:
    """Name the form of one TOC page number and hold where its right edge and baseline fall on the page."""

    name: str
    anchor: str
    style: Any  # a reportlab ParagraphStyle (reportlab has no type hints)
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class TocRow:
    """Hold one printed TOC entry: its label markup (or text and frags) and style, indent, target anchor, number column and style.

    Every row of a 目录 gets the same ``number_style`` and ``number_width``: the page numbers
    of all levels print in one face and size, right-aligned at one edge, and the leaders end
    in line at the number column.
    """

    markup: str
    style: Any  # a reportlab ParagraphStyle (reportlab has no type hints)
    indent: float
    anchor: str
    number_width: float
    number_style: Any = None  # None: the label's style
    frags: list | None = None  # the label's frags when made without the markup parser (pdf_frags)


class TocFlowable(Flowable):
    """Print TOC rows with dotted leaders and page numbers the ledger fills in when the file is saved."""

    def __init__(self, rows: Sequence[TocRow], ledger: PageLedger) -> None:
        super().__init__()
        self.rows = list(rows)
        self._lines = [TocLine(row, ledger.number_slot(row.anchor, row.number_style or row.style)) for row in self.rows]
        self._stack = Stack(self._lines)

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Return the size of all lines."""
        return self._stack.wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return the lines, so the TOC flows over as many pages as it needs."""
        return list(self._lines)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803
        """Draw all lines when the TOC fits on one page."""
        self._stack.drawOn(canvas, x, y, _sW)


class TocLine(Flowable):
    """Draw one TOC entry: label, dotted leader, right-aligned page number (a form), all one link."""

    def __init__(self, row: TocRow, slot: NumberSlot) -> None:
        super().__init__()
        self.row = row
        self.slot = slot
        self.label = CJKParagraph(row.markup, row.style, frags=row.frags)
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
        canv.saveState()
        leader = self.row.number_style or style
        canv.setFont(leader.fontName, leader.fontSize)
        canv.setFillColor(leader.textColor)
        self._dots(text_end, baseline)
        # The page number: a form defined at the end, in page coordinates, so undo the translation.
        self.slot.x, self.slot.y = canv.absolutePosition(self.width, baseline)
        origin_x, origin_y = canv.absolutePosition(0, 0)
        canv.translate(-origin_x, -origin_y)
        canv.doForm(self.slot.name)
        canv.restoreState()
        canv.linkRect("", self.row.anchor, (0, 0, self.width, self.height), relative=1, thickness=0)

    def _dots(self, start: float, baseline: float) -> None:
        """Draw the leader's dots on one pitch counted back from one end, so they stand in columns on every row.

        The pitch and the end are the number style's, the same on every row whatever its level;
        the leader keeps one pitch clear of the entry's text.
        """
        style = self.row.number_style or self.row.style
        pitch = stringWidth(" .", style.fontName, style.fontSize)
        end = self.width - self._number_width - style.fontSize * 0.25
        count = int((end - start - pitch) // pitch)
        if count > 0:
            self.canv.drawRightString(end, baseline, " ." * count)
