"""Give each heading and 目录 entry that is too long for one line its line breaks (compose/titles.py).

The measure is the theme's text width (landscape pages are wider) in em of the role's
size; a 目录 entry also leaves room for its indent, a dot leader and the page number.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from ..schema.theme import PAGE_SIZES_MM, Theme
from . import nodes as dn
from . import policy
from .titles import LATIN_EM, break_title

PT_PER_MM = 72 / 25.4


def text_width_pt(theme: Theme, landscape: bool = False) -> float:
    """Return the text block's width in points, on a portrait or a landscape page."""
    width, height = PAGE_SIZES_MM[theme.page_size]
    return ((height if landscape else width) - theme.margin_left_mm - theme.margin_right_mm) * PT_PER_MM


def heading_lines(heading: dn.Heading, theme: Theme, landscape: bool = False) -> tuple[str, ...]:
    """Return the heading's label cut into the lines it prints on, () when it fits one."""
    style = theme.style(heading.role)
    measure = text_width_pt(theme, landscape) / style.size - style.first_line_chars
    return break_title(heading.label, measure, _number_end(heading.number))


def toc_entry_lines(entry: dn.TocEntry, number: str | None, theme: Theme) -> tuple[str, ...]:
    """Return the 目录 entry's label cut into lines that leave room for indent, leader and page number."""
    size = theme.style(toc_role(entry.level)).size
    indent = (entry.level - 1) * 2 * theme.style("toc.level1").size
    digits = policy.TOC_NUMBER_DIGITS * LATIN_EM * theme.style("toc.number").size
    measure = (text_width_pt(theme) - indent - digits) / size - policy.TOC_LEADER_MIN_EM
    return break_title(entry.label, measure, _number_end(number))


def toc_role(level: int) -> str:
    """Return the style role of a 目录 entry of ``level`` (levels past 3 share level 3)."""
    return f"toc.level{min(max(level, 1), 3)}"


def break_headings(nodes: Iterable[dn.Node], theme: Theme) -> Iterator[dn.Node]:
    """Yield ``nodes`` with every heading's ``lines`` set, on the page orientation it is printed in."""
    landscape = False
    for node in nodes:
        if isinstance(node, dn.PageBreak):
            landscape = node.orientation == "landscape"
            yield node
        elif isinstance(node, dn.Heading):
            yield dataclasses.replace(node, lines=heading_lines(node, theme, landscape))
        elif isinstance(node, dn.DistrictEntry):
            yield dataclasses.replace(node, heading=dataclasses.replace(
                node.heading, lines=heading_lines(node.heading, theme, landscape)))
        else:
            yield node


def _number_end(number: str | None) -> int:
    return len(number) if number else -1
