"""Read a built PDF back line by line and report what a proofreader would send back.

The text block is taken from the running-header rule (the widest horizontal rule in
the top tenth of a page), else from the margins given. Each fault names its page and
line (1-based, in reading order of the page's text lines) and shows the line's text.

Kinds of fault:

- ``inserted-space``: a space read back that the data does not hold (needs the data's text);
- ``leading-space``: a wrapped line that begins with a space;
- ``over-margin``: a line whose glyphs pass the right edge of the text block;
- ``short-line``: a non-final paragraph line ending more than 3 pt short of the edge;
- ``over-rule``: a character drawn across a table or box rule;
- ``table-sliver``: a page holding only one or two rows of a table continued from or to another page;
- ``box-sliver``: a box split across pages leaving one line (its title or caption) on one side;
- ``heading-at-foot``: a heading that is the last line of its page.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf

_NAMES = {
    "inserted-space": "多出的空格", "leading-space": "行首空格", "over-margin": "超出版心", "short-line": "未对齐版心",
    "over-rule": "字压线", "table-sliver": "续表过短", "box-sliver": "框被拆得只剩一行", "heading-at-foot": "标题落在页脚",
}
KINDS = (
    "inserted-space", "leading-space", "over-margin", "short-line", "over-rule", "table-sliver", "box-sliver",
    "heading-at-foot",
)
SHORT_PT = 3.0  # a justified line ends within this of the edge
OVER_PT = 0.5  # glyphs may touch the edge by rounding, not more
# Full-width marks whose ink fills one half of the em: the blank half may pass an edge or a rule.
INK_LEFT = frozenset("，。、；：！？）」』》〉】〕”’")
INK_RIGHT = frozenset("（「『《〈【〔“‘")


@dataclass(frozen=True, slots=True)
class LayoutFault:
    """Describe one fault: its kind, page and line (1-based), the line's text and what was measured."""

    kind: str
    page: int
    line: int
    text: str
    detail: str


@dataclass(slots=True)
class _Line:
    """Hold one text line read back: its characters with their ink boxes, font size and font."""

    chars: list[tuple[str, float, float, float, float]]  # (char, x0, y0, x1, y1) of the ink
    size: float
    font: str
    block: int
    start: float  # where the first character's em box begins
    end_font: str = ""  # the font of the line's last run

    @property
    def text(self) -> str:
        return "".join(char for char, *_ in self.chars)

    @property
    def x0(self) -> float:
        return min(box[1] for box in self.chars)

    @property
    def x1(self) -> float:
        return max(box[3] for box in self.chars if not box[0].isspace()) if self.text.strip() else self.x0

    @property
    def y0(self) -> float:
        return min(box[2] for box in self.chars)

    @property
    def y1(self) -> float:
        return max(box[4] for box in self.chars)


def check_pdf(path: Path | str, data_text: str | None = None, margins: tuple[float, float] | None = None) -> list[LayoutFault]:
    """Return the layout faults of the PDF at ``path``.

    ``data_text`` is every string of the composed document joined (see :func:`document_text`);
    None skips the inserted-space check. ``margins`` (left, right, in points) is used on pages
    without a running-header rule; None skips the margin checks on those pages.
    """
    faults: list[LayoutFault] = []
    with pymupdf.open(str(path)) as pdf:
        facts = [_page_facts(page, margins) for page in pdf]
    pages = [(lines, rules, block) for lines, rules, _, block in facts]
    for number, (lines, rules, frames, block) in enumerate(facts, start=1):
        faults.extend(_line_faults(number, lines, block, _boxes(rules), data_text))
        faults.extend(_rule_faults(number, lines, rules + frames))
        faults.extend(_foot_faults(number, lines, block))
    faults.extend(_sliver_faults([rules for _, rules, _ in pages], [block for *_, block in pages]))
    faults.extend(_box_faults(pages, [frames for _, _, frames, _ in facts]))
    faults.extend(_page_end_faults(pages))
    return faults


def run(pdf: str, data: str | None = None) -> int:
    """Print the faults of ``pdf`` by page and line and a count per kind; return 0 if none, 1 if any, 2 if unreadable.

    ``data`` is the dataset folder the PDF was built from (enables the inserted-space check).
    """
    try:
        data_text = _data_text(data) if data else None
        faults = check_pdf(pdf, data_text)
    except (OSError, RuntimeError, ValueError) as error:  # pymupdf raises these for missing or damaged files
        print(f"无法读取：{pdf}（{error}）", file=sys.stderr)
        return 2
    for fault in faults:
        print(f"第 {fault.page} 页 第 {fault.line} 行  {_NAMES[fault.kind]}：{fault.detail}  {fault.text.strip()[:40]}")
    print("；".join(f"{_NAMES[kind]} {number}" for kind, number in count(faults).items()))
    return 1 if faults else 0


def _data_text(folder: str) -> str:
    from . import api  # late: the checker reads PDFs without loading a dataset otherwise
    from .compose import compose

    report, checked = api.check_dataset(folder)
    if report is None:
        raise ValueError(f"数据集无法读取：{folder}")
    return document_text(compose(report))


def count(faults: Iterable[LayoutFault]) -> dict[str, int]:
    """Return the number of faults of each kind, every kind listed."""
    counts = dict.fromkeys(KINDS, 0)
    for fault in faults:
        counts[fault.kind] += 1
    return counts


def document_text(node: Any) -> str:
    """Return every string held in a composed Document (or any node), joined by newlines."""
    return "\n".join(_strings(node))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif hasattr(value, "model_dump"):  # Pydantic runs inside nodes
        for item in type(value).model_fields:
            yield from _strings(getattr(value, item))


_Block = tuple[float, float, float, float] | None  # left, right, top, bottom of the text block


_Rules = list[tuple[float, float, float, float]]


def _page_facts(page: Any, margins: tuple[float, float] | None) -> tuple[list[_Line], _Rules, _Rules, _Block]:
    """Return the page's lines, its solid rules, its dashed rules (photo frames) and its text block."""
    rules, frames = _rules(page)
    block = _text_block(page, rules, margins)
    return _lines(page), rules, frames, block


def _rules(page: Any) -> tuple[_Rules, _Rules]:
    """Return the stroked straight lines of the page as (x0, y0, x1, y1), rectangles as four edges: solid, then dashed.

    A dashed rectangle is the frame of a photo still to come (render/pdf_placeholder.py): no
    text is set inside it, so it is no box or table; a glyph drawn across it is still a fault.
    """
    solid: _Rules = []
    dashed: _Rules = []
    for drawing in page.get_drawings():
        if drawing.get("color") is None:
            continue  # a fill only: no rule
        found = dashed if _dashed(drawing.get("dashes")) else solid
        for item in drawing["items"]:
            if item[0] == "l":
                a, b = item[1], item[2]
                found.append((min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y)))
            elif item[0] == "re":
                r = item[1]
                found += [(r.x0, r.y0, r.x1, r.y0), (r.x0, r.y1, r.x1, r.y1), (r.x0, r.y0, r.x0, r.y1), (r.x1, r.y0, r.x1, r.y1)]
    return solid, dashed


def _dashed(dashes: object) -> bool:
    """Return whether PyMuPDF's dash string (``"[ 3 2 ] 0"``; ``"[] 0"`` or None when solid) sets a dash."""
    return isinstance(dashes, str) and dashes.split("]")[0].strip("[ ") != ""


def _text_block(page: Any, rules: list[tuple[float, float, float, float]], margins: tuple[float, float] | None) -> _Block:
    height = page.rect.height
    top = [rule for rule in rules if rule[1] == rule[3] and rule[1] < height * 0.1]
    if top:
        rule = max(top, key=lambda r: r[2] - r[0])
        return rule[0], rule[2], rule[1], height * 0.94  # the page number sits below 94 %
    if margins is None:
        return None
    return margins[0], page.rect.width - margins[1], height * 0.06, height * 0.94


def _lines(page: Any) -> list[_Line]:
    lines = []
    for index, block in enumerate(page.get_text("rawdict")["blocks"]):
        for line in block.get("lines", ()):
            chars, size, font, start = [], 0.0, "", line["bbox"][0]
            for span in line["spans"]:
                size, font = max(size, span["size"]), font or span["font"]
                chars += [_ink(char, span["size"]) for char in span["chars"]]
            if chars:
                lines.append(_Line(chars, size, font, index, start, line["spans"][-1]["font"]))
    lines.sort(key=lambda line: (round(line.y1), line.x0))
    return lines


def _ink(char: dict[str, Any], size: float) -> tuple[str, float, float, float, float]:
    """Return a character's box with the blank half of a full-width mark left out."""
    x0, y0, x1, y1 = char["bbox"]
    mark = char["c"]
    if mark in INK_LEFT:
        x1 = min(x1, x0 + size / 2)
    elif mark in INK_RIGHT:
        x0 = max(x0, x1 - size / 2)
    return mark, x0, y0, x1, y1


def _inside(line: _Line, block: _Block) -> bool:
    return block is not None and line.y0 >= block[2] and line.y1 <= block[3] and line.x0 >= block[0] - OVER_PT


def _measure(line: _Line, block: tuple[float, float, float, float], boxes: list[tuple[float, float, float, float]],
             lines: list[_Line]) -> tuple[float, float, float, float]:
    """Return the measure ``line`` is set on: the text block, or the inside of the box holding it."""
    for left, top, right, bottom in boxes:
        if left < line.x0 and line.x0 < right and top < line.y0 and line.y1 < bottom:
            inner = min(other.start for other in lines if left < other.x0 < right and top < other.y0 and other.y1 < bottom)
            return inner, right - (inner - left), block[2], block[3]  # the padding is the same on both sides
    return block


def _line_faults(page: int, lines: list[_Line], block: _Block, boxes: list[tuple[float, float, float, float]],
                 data_text: str | None) -> Iterator[LayoutFault]:
    for number, line in enumerate(lines, start=1):
        if block is not None and _inside(line, block):
            yield from _measure_faults(page, number, lines, _measure(line, block, boxes, lines), data_text)


def _measure_faults(page: int, number: int, lines: list[_Line], block: tuple[float, float, float, float],
                    data_text: str | None) -> Iterator[LayoutFault]:
    """Yield the faults of line ``number`` (1-based) set on the measure ``block``."""
    line = lines[number - 1]
    text = line.text
    if data_text is not None:
        for at, char in enumerate(text):
            if char == " " and 0 < at < len(text) - 1 and not _in_data(text, at, data_text):
                yield LayoutFault("inserted-space", page, number, text, f"第 {at + 1} 个字符")
    if text.startswith(" ") and _continues(lines, number - 2, block):
        yield LayoutFault("leading-space", page, number, text, "行首空格")
    if line.x1 > block[1] + OVER_PT:
        yield LayoutFault("over-margin", page, number, text, f"超出版心 {line.x1 - block[1]:.1f} pt")
    elif _is_body(line, block) and _continues(lines, number - 1, block) and block[1] - line.x1 > SHORT_PT:
        yield LayoutFault("short-line", page, number, text, f"距版心右边 {block[1] - line.x1:.1f} pt")


def _in_data(text: str, at: int, data_text: str) -> bool:
    """Return whether the space at ``at`` with its neighbours occurs in the data."""
    if ". ." in text and "." in text[at - 1:at + 2]:
        return True  # the 目录's dot leaders are drawn spaced
    left = text[max(0, at - 2):at].lstrip()
    right = text[at + 1:at + 3].rstrip()
    # A space where two strings of the data meet (a date and its event) is the renderer's gap, not in a word.
    return any(f"{left}{gap}{right}" in data_text for gap in (" ", "\u3000", "\n"))


def _is_body(line: _Line, block: tuple[float, float, float, float]) -> bool:
    """Return whether ``line`` is set on the full measure (starts at the block's left edge or 2 em in)."""
    indent = line.start - block[0]
    return abs(indent) < 1.0 or abs(indent - 2 * line.size) < 1.0


def _continues(lines: list[_Line], after: int, block: tuple[float, float, float, float]) -> bool:
    """Return whether the line at index ``after`` + 1 continues the paragraph of the line at ``after``."""
    if after < 0 or after + 1 >= len(lines):
        return False
    line, following = lines[after], lines[after + 1]
    return (
        following.block == line.block and abs(following.size - line.size) < 0.1 and following.font == line.font
        and abs(following.start - block[0]) < 1.0 and 0 < following.y1 - line.y1 < 1.8 * line.size
    )


def _rule_faults(page: int, lines: list[_Line], rules: list[tuple[float, float, float, float]]) -> Iterator[LayoutFault]:
    for number, line in enumerate(lines, start=1):
        for char, x0, y0, x1, y1 in line.chars:
            if not char.isspace() and _crosses(x0, y0, x1, y1, rules):
                yield LayoutFault("over-rule", page, number, line.text, f"“{char}”压线")


def _crosses(x0: float, y0: float, x1: float, y1: float, rules: list[tuple[float, float, float, float]]) -> bool:
    pad = 0.3  # ink boxes are the em box: a rule within rounding of its edge does not touch the glyph
    for rx0, ry0, rx1, ry1 in rules:
        if rx0 == rx1 and x0 + pad < rx0 < x1 - pad and ry0 < y1 - pad and y0 + pad < ry1:
            return True
        if ry0 == ry1 and y0 + 2 * pad < ry0 < y1 - 2 * pad and rx0 < x1 - pad and x0 + pad < rx1:
            return True
    return False


def _foot_faults(page: int, lines: list[_Line], block: _Block) -> Iterator[LayoutFault]:
    body = [line for line in lines if _inside(line, block)]
    if len(body) < 2:
        return
    last, (font, size) = body[-1], _body_face(body)
    above = body[-2]
    if abs(above.size - last.size) < 0.1 and block is not None and block[1] - above.x1 <= SHORT_PT:
        return  # the last line of a paragraph whose line above fills the measure (on a page of small table text)
    if last.font != font and last.size > size + 0.5 and block is not None and block[3] - last.y1 < 0.25 * (block[3] - block[2]):
        yield LayoutFault("heading-at-foot", page, lines.index(last) + 1, last.text, "标题落在页脚")


def _body_face(lines: list[_Line]) -> tuple[str, float]:
    """Return the font and size most characters of ``lines`` are set in."""
    faces: dict[tuple[str, float], int] = {}
    for line in lines:
        faces[line.font, line.size] = faces.get((line.font, line.size), 0) + len(line.chars)
    return max(faces, key=lambda face: faces[face])


def _sliver_faults(pages: list[list[tuple[float, float, float, float]]], blocks: list[_Block]) -> Iterator[LayoutFault]:
    """Yield a fault for each page whose table piece, continued across a page break, has one or two rows."""
    for index, rules in enumerate(pages):
        block = blocks[index]
        if block is None:
            continue
        for top, bottom, rows in _tables(rules):
            at_top = top - block[2] < 60  # the piece opens the page (after a 续表 caption)
            at_foot = block[3] - bottom < 60
            before = index > 0 and any(block[3] - b < 80 for _, b, _ in _tables(pages[index - 1]))
            after = index + 1 < len(pages) and any(t - block[2] < 80 for t, _, _ in _tables(pages[index + 1]))
            body_rows = rows - 1  # the header row is repeated on each piece
            if body_rows <= 2 and ((at_top and before) or (at_foot and after)):
                yield LayoutFault("table-sliver", index + 1, 0, "", f"续表只有 {body_rows} 行")


def _tables(rules: list[tuple[float, float, float, float]]) -> list[tuple[float, float, int]]:
    """Return (top, bottom, rows) of each grid: three or more vertical rules of one height, rows between its rules."""
    columns: dict[tuple[float, float], list[float]] = {}
    for x0, y0, x1, y1 in rules:
        if x0 == x1 and y1 - y0 > 5:
            columns.setdefault((round(y0, 1), round(y1, 1)), []).append(x0)
    found = []
    for (top, bottom), xs in columns.items():
        if len(xs) < 3:
            continue  # a box has two sides, a table at least one column rule besides
        left, right = min(xs), max(xs)
        levels = {round(y0, 1) for x0, y0, x1, y1 in rules if y0 == y1 and top - 0.5 <= y0 <= bottom + 0.5
                  and x0 >= left - 0.5 and x1 <= right + 0.5}
        found.append((top, bottom, max(1, len(levels) - 1)))
    return found


_Grid = tuple[float, float, float, float]  # left, top, right, bottom


def _boxes(rules: list[tuple[float, float, float, float]]) -> list[_Grid]:
    """Return each box: exactly two vertical rules of one height (a table has more)."""
    sides: dict[tuple[float, float], list[float]] = {}
    for x0, y0, x1, y1 in rules:
        if x0 == x1 and y1 - y0 > 5:
            sides.setdefault((round(y0, 1), round(y1, 1)), []).append(x0)
    return [(min(xs), top, max(xs), bottom) for (top, bottom), xs in sides.items() if len(set(xs)) == 2]


def _box_faults(pages: list[tuple[list[_Line], list[tuple[float, float, float, float]], _Block]],
                frames: list[_Rules]) -> Iterator[LayoutFault]:
    """Yield a fault for each box piece, continued across a page break, that holds a single line.

    A photo frame inside the piece is content enough, as a picture is for the PDF's box splitter.
    """
    boxes = [_boxes(rules) for _, rules, _ in pages]
    for index, (lines, _, block) in enumerate(pages):
        if block is None:
            continue
        for left, top, right, bottom in boxes[index]:
            if any(left < x0 < right and top < y0 < bottom for x0, y0, *_ in frames[index]):
                continue
            inside = [line for line in lines if left < line.x0 and line.x1 < right + OVER_PT and top < line.y0 and line.y1 < bottom]
            before = index > 0 and top - block[2] < 40 and any(block[3] - box[3] < 60 for box in boxes[index - 1])
            after = index + 1 < len(pages) and block[3] - bottom < 60 and any(box[1] - block[2] < 40 for box in boxes[index + 1])
            if len(inside) <= 1 and (before or after):
                text = inside[0].text if inside else ""
                yield LayoutFault("box-sliver", index + 1, lines.index(inside[0]) + 1 if inside else 0, text, "框的一侧只剩一行")


def _page_end_faults(pages: list[tuple[list[_Line], list[tuple[float, float, float, float]], _Block]]) -> Iterator[LayoutFault]:
    """Yield a short-line fault for a page's last body line whose paragraph goes on at the next page's top."""
    for index in range(len(pages) - 1):
        (lines, _, block), (following, _, next_block) = pages[index], pages[index + 1]
        body = [line for line in lines if block is not None and _inside(line, block)]
        after = [line for line in following if next_block is not None and _inside(line, next_block)]
        if not body or not after or block is None:
            continue
        last, first = body[-1], after[0]
        # A new paragraph may open with a bold run (a date, a lead-in): the continuation is in the last run's font.
        goes_on = first.font == last.end_font and abs(first.size - last.size) < 0.1 and abs(first.start - block[0]) < 1.0
        if goes_on and _is_body(last, block) and block[1] - last.x1 > SHORT_PT:
            yield LayoutFault("short-line", index + 1, lines.index(last) + 1, last.text, f"距版心右边 {block[1] - last.x1:.1f} pt（段落转下页）")
