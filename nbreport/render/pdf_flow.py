"""Small flowables the report needs beyond reportlab's: stacks, keep-with-next, headings, boxes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.platypus import ActionFlowable, Flowable, PageBreak
from reportlab.rl_config import _FUZZ

from ..compose.nodes import Heading
from .pdf_text import CJKParagraph


def gap(above: Flowable, below: Flowable) -> float:
    """Return the space a Frame leaves between two flowables (reportlab overlaps the two spaces)."""
    after, before = above.getSpaceAfter(), below.getSpaceBefore()
    return max(after, before) if rl_config.overlapAttachedSpace else after + before


_BOX_MIN_LINES = 2  # lines a box piece keeps on each side of a page break
_BOX_TRIES = 12  # lines moved at most to mend a split box; past that the box moves whole


def _line_count(flowables: Sequence[Flowable], canv: Any, width: float) -> int:
    """Return how many lines ``flowables`` print, counting up to the minimum (a non-text part counts as enough)."""
    total = 0
    for flowable in flowables:
        if isinstance(flowable, Stack):
            total += _line_count(flowable.items, canv, width)
        elif isinstance(flowable, CJKParagraph):
            _wrap(flowable, canv, width, 1e6)
            total += len(getattr(flowable.blPara, "lines", ()))
        else:
            total += _BOX_MIN_LINES
        if total >= _BOX_MIN_LINES:
            break
    return total


def _last_leading(flowable: Flowable) -> float:
    """Return the height of the last line of ``flowable``: what moving one line over the break frees."""
    if isinstance(flowable, Stack) and flowable.items:
        return _last_leading(flowable.items[-1])
    style = getattr(flowable, "style", None)
    leading = getattr(style, "leading", None)
    return float(leading) if leading else max(float(getattr(flowable, "height", 0.0)), 1.0)


def _wrap(flowable: Flowable, canv, width: float, height: float) -> tuple[float, float]:
    return flowable.wrapOn(canv, width, height) if canv is not None else flowable.wrap(width, height)


def _split(flowable: Flowable, canv, width: float, height: float) -> list[Flowable]:
    if height <= 0:
        return []
    return flowable.splitOn(canv, width, height) if canv is not None else flowable.split(width, height)


class Stack(Flowable):
    """Draw flowables one under another as a single unit, spaced as a Frame would space them."""

    def __init__(self, items: Sequence[Flowable]) -> None:
        super().__init__()
        self.items = list(items)
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        """Return the width and the height of all items with the gaps between them."""
        canv = getattr(self, "canv", None)
        self._sizes = [_wrap(item, canv, availWidth, availHeight) for item in self.items]
        gaps = sum(gap(a, b) for a, b in zip(self.items, self.items[1:]))
        self.width = availWidth
        self.height = sum(height for _, height in self._sizes) + gaps
        return self.width, self.height

    def getSpaceBefore(self):  # noqa: N802
        """Return the first item's space before."""
        return self.items[0].getSpaceBefore() if self.items else 0

    def getSpaceAfter(self):  # noqa: N802
        """Return the last item's space after."""
        return self.items[-1].getSpaceAfter() if self.items else 0

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803
        """Draw the items top-down inside the box whose lower left corner is (x, y)."""
        top = y + self.height
        previous = None
        for item, (width, height) in zip(self.items, self._sizes):
            if previous is not None:
                top -= gap(previous, item)
            item.drawOn(canvas, x, top - height, _sW=self.width - width)
            top -= height
            previous = item

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return the items, so the frame places them one by one."""
        return list(self.items)


class RunningHeader(ActionFlowable):
    """Set the chapter title the running header prints from the page being filled on.

    An action, not content: it takes no room and does not make a page count as started.
    """

    def __init__(self, ledger: Any, header: str) -> None:
        super().__init__()
        self.ledger, self.header = ledger, header

    def apply(self, doc: Any) -> None:
        """Record the header title in the ledger the page decoration reads at the page's end."""
        self.ledger.chapter = self.header


class FigureStack(Stack):
    """Stack a picture or chart with its caption: never split, they move to the next page together.

    Handing the frame the items one by one let a chart that did not fit fail the whole
    layout (reportlab cannot split a Drawing) and could part a caption from its picture.
    """

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return nothing, so the frame moves the figure to the next page."""
        return []


class KeepWithNext(Stack):
    """Keep a heading (or a case title) on the same page as the start of what follows it."""

    def __init__(self, first: Flowable, following: Flowable) -> None:
        super().__init__([first, following])

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return [first + the piece of the next that fits, the rest], or [] to move both to the next page."""
        first, following = self.items
        canv = getattr(self, "canv", None)
        _, head = _wrap(first, canv, availWidth, availHeight)
        room = availHeight - head - gap(first, following)
        if hasattr(self, "_frame"):
            following._frame = self._frame  # lets a table know whether it could wait for a fresh page
        parts = _split(following, canv, availWidth, room)
        if parts and _wrap(parts[0], canv, availWidth, room)[1] <= room + _FUZZ:
            return [Stack([first, parts[0]]), *parts[1:]]
        if self._at_top():
            return [first, following]  # a fresh page cannot do better: let them flow apart
        return []

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)
        return bool(frame is not None and getattr(frame, "_atTop", False))


def keep_with_next(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Return ``flowables`` with each one marked ``keep_with_next`` joined to the content after it."""
    out: list[Flowable] = []
    for flowable in reversed(flowables):
        if getattr(flowable, "keep_with_next", False) and out and is_content(out[-1]):
            out[-1] = KeepWithNext(flowable, out[-1])
        else:
            out.append(flowable)
    out.reverse()
    return out


def is_content(flowable: Flowable) -> bool:
    """Return whether ``flowable`` prints something (not a page break or template switch)."""
    return not isinstance(flowable, (ActionFlowable, PageBreak))


class HeadingParagraph(CJKParagraph):
    """Print a heading, never split it, and report where it was drawn (bookmarks, TOC pages)."""

    keep_with_next = True

    def __init__(self, text: str, style, heading: Heading, on_draw: Callable, frags: list | None = None) -> None:
        super().__init__(text, style, frags=frags)
        self.heading = heading
        self._on_draw = on_draw

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return [] so a heading that does not fit moves to the next page whole."""
        return []

    def draw(self):
        """Draw the heading, then report it with its height for the bookmark position."""
        super().draw()
        self._on_draw(self.canv, self.heading, self.height)


class Box(Flowable):
    """Shade a column of flowables with a border; split between children or inside one.

    A piece that continues on the next page leaves its bottom edge open, the
    continuation its top edge, so the reader sees one box across the page break.
    """

    def __init__(self, children: Sequence[Flowable], fill: Color, stroke: Color, padding: float,
                 open_top: bool = False, open_bottom: bool = False) -> None:
        super().__init__()
        self.children = list(children)
        self.fill, self.stroke, self.padding = fill, stroke, padding
        self.open_top, self.open_bottom = open_top, open_bottom
        self._stack = Stack(self.children)
        # Keep the box clear of the text around it by its own padding.
        self.spaceBefore = 0.0 if open_top else padding
        self.spaceAfter = 0.0 if open_bottom else padding

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Return the frame width and the children's height plus padding."""
        self._stack.canv = getattr(self, "canv", None)
        _, inner = self._stack.wrap(availWidth - 2 * self.padding, availHeight)
        self.width, self.height = availWidth, inner + 2 * self.padding
        return self.width, self.height

    def draw(self):
        """Draw the shading and the edges, then the children inside the padding."""
        canv, width, height = self.canv, self.width, self.height
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.rect(0, 0, width, height, stroke=0, fill=1)
        canv.setStrokeColor(self.stroke)
        canv.setLineWidth(0.8)
        canv.line(0, 0, 0, height)
        canv.line(width, 0, width, height)
        if not self.open_top:
            canv.line(0, height, width, height)
        if not self.open_bottom:
            canv.line(0, 0, width, 0)
        canv.restoreState()
        self._stack.drawOn(canv, self.padding, self.padding)

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return [the children that fit, the rest] as two boxes, or [] if nothing fits.

        Neither side may hold a single line: a lone caption or closing line pulls lines
        of the text above it over the break (the title already keeps with its first lines).
        """
        canv = getattr(self, "canv", None)
        width, room = availWidth - 2 * self.padding, availHeight - 2 * self.padding
        for _ in range(_BOX_TRIES):
            taken, rest, used = self._fill(canv, width, room)
            if not rest:
                return [self]  # it fits after all (rounding): keep it whole
            if not taken or _line_count(taken, canv, width) < _BOX_MIN_LINES:
                return []
            if _line_count(rest, canv, width) >= _BOX_MIN_LINES:
                return [self._piece(taken, self.open_top, True), self._piece(rest, True, self.open_bottom)]
            room = used - _last_leading(taken[-1])  # give one more line to the next page
        return []

    def _fill(self, canv, width: float, room: float) -> tuple[list[Flowable], list[Flowable], float]:
        """Return the children (or the first piece of one) that fit into ``room``, the rest and the height used."""
        taken: list[Flowable] = []
        rest = list(self.children)
        used = 0.0
        while rest:
            space = used + (gap(taken[-1], rest[0]) if taken else 0)
            _, height = _wrap(rest[0], canv, width, room - space)
            if space + height <= room + _FUZZ:
                taken.append(rest.pop(0))
                used = space + height
                continue
            parts = _split(rest[0], canv, width, room - space)
            if parts:
                height = _wrap(parts[0], canv, width, room - space)[1]
                if space + height <= room + _FUZZ:
                    taken.append(parts[0])
                    used = space + height
                    rest[0:1] = parts[1:]
            break
        return taken, rest, used

    def _piece(self, children: list[Flowable], open_top: bool, open_bottom: bool) -> Box:
        return Box(children, self.fill, self.stroke, self.padding, open_top, open_bottom)
