"""Print a TableGrid across pages in linear time, header and caption repeated.

reportlab's Table splits long tables in time that grows faster than the row count
and refuses to split inside a merged cell (an award level merged over 40 rows
raises "too large"). :class:`GridFlowable` therefore measures each row once per
width (cached prefix sums), takes as many whole rows as fit, and emits a small
reportlab Table for that chunk: header row, rows, and SPAN commands cut to the
chunk. A merged run cut by a page break continues on the next page under its
``merge_label`` (三等奖（续）); continuation pieces carry ``continued_caption`` (续表).
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.rl_config import _FUZZ

from ..compose.nodes import TableBlock
from .fonts import FontSet
from .pdf_flow import Stack
from .pdf_styles import StyleMap, hex_color
from .pdf_text import CellParagraph, CJKParagraph, check_text, parts_paragraph

_PAD_H = 0.35  # cell padding in units of the cell font size
_PAD_V = 0.25
_RULE = 0.5  # points: thin grid lines


class _Measure:
    """Hold the layout of a grid at one width: column widths and row heights, measured on demand.

    Rows are measured in order, only as far as a page needs them, so a 50,000-row table
    never holds the paragraphs of every row at once; prefix sums make range heights O(1).
    """

    def __init__(self, widths: list[float], header: float, count: int, row_height) -> None:
        self.widths, self.header, self.count = widths, header, count
        self._row_height = row_height
        self.rows = array("d")  # floats unboxed, as _merge_runs's rows
        self.cumulative = array("d", [0.0])

    def _extend(self, end: int) -> None:
        while len(self.rows) < min(end, self.count):
            height = self._row_height(len(self.rows), self.rows)
            self.rows.append(height)
            self.cumulative.append(self.cumulative[-1] + height)

    def total(self, start: int, end: int) -> float:
        """Return the height of rows ``start`` to ``end`` (exclusive) as measured."""
        self._extend(end)
        return self.cumulative[end] - self.cumulative[start]

    def heights(self, start: int, end: int) -> list[float]:
        """Return the heights of rows ``start`` to ``end`` (exclusive)."""
        self._extend(end)
        return self.rows[start:end].tolist()

    def fit(self, start: int, room: float) -> int:
        """Return the largest end such that rows start..end fit into ``room``."""
        self._extend(start)
        limit = self.cumulative[start] + room + _FUZZ
        while len(self.rows) < self.count and self.cumulative[-1] <= limit:
            self._extend(len(self.rows) + 1)
        return max(start, bisect.bisect_right(self.cumulative, limit) - 1)


class GridModel:
    """Prepare the cells of one TableBlock once and measure them once per width."""

    def __init__(self, block: TableBlock, styles: StyleMap, fonts: FontSet) -> None:
        self.block = block
        self.grid = block.grid
        self.styles = styles
        self.fonts = fonts
        self.record = block.record or "table"
        self.cell_size = styles.para("table.cell").fontSize
        self.pad_h, self.pad_v = _PAD_H * self.cell_size, _PAD_V * self.cell_size
        self.run_start, self.run_end = _merge_runs(self.grid.rows)
        self._merged = [c for c in range(len(self.grid.columns)) if any(row[c].span != 1 for row in self.grid.rows)]
        self.header = [self._para(column.name, "table.header", "center", f"columns[{i}].name")
                       for i, column in enumerate(self.grid.columns)]
        self._rows: dict[int, list[CJKParagraph | None]] = {}
        self._labels: dict[tuple[int, int], CJKParagraph] = {}
        self._measures: dict[float, _Measure] = {}
        self._extras: dict[tuple[str, str], CJKParagraph] = {}

    def extra(self, role: str, text: str, where: str) -> CJKParagraph:
        """Return a caption or note paragraph in ``role``, built once."""
        key = (role, text)
        if key not in self._extras:
            self._extras[key] = self._para(text, role, self.styles.text(role).align, where)
        return self._extras[key]

    def _para(self, text: str, role: str, align: str, where: str) -> CJKParagraph:
        style = self.styles.aligned(role, align)
        parts = [(check_text(text, self.record, where), self.styles.face(role), False)]
        return parts_paragraph(parts, style, self.fonts, kind=CellParagraph)

    def row(self, index: int) -> list[CJKParagraph | None]:
        """Return the paragraphs of row ``index``; None where a merge above covers the cell."""
        paras = self._rows.get(index)
        if paras is None:
            paras = [
                None if cell.span == 0 else self._para(cell.text, "table.cell", column.align, f"rows[{index}][{c}]")
                for c, (cell, column) in enumerate(zip(self.grid.rows[index], self.grid.columns))
            ]
            self._rows[index] = paras
        return paras

    def forget_before(self, index: int) -> None:
        """Drop the paragraphs of rows before ``index``: the PDF is laid out once, they are placed."""
        for row in [r for r in self._rows if r < index]:
            del self._rows[row]
        for key in [k for k in self._labels if k[0] < index]:
            del self._labels[key]

    def label(self, index: int, column: int) -> CJKParagraph:
        """Return the continuation label (e.g. 三等奖（续）) of the merge covering a cell."""
        key = (index, column)
        if key not in self._labels:
            cell = self.grid.rows[self.run_start[column][index]][column]
            text = cell.merge_label or cell.text
            align = self.grid.columns[column].align
            self._labels[key] = self._para(text, "table.cell", align, f"rows[{index}][{column}].merge_label")
        return self._labels[key]

    def measure(self, width: float) -> _Measure:
        """Return the layout at frame width ``width``, computed once."""
        found = self._measures.get(width)
        if found is None:
            found = self._measures[width] = self._measure(width)
        return found

    def _measure(self, width: float) -> _Measure:
        total = sum(column.width for column in self.grid.columns) or 1.0
        widths = [width * column.width / total for column in self.grid.columns]
        header = max((self.height_of(p, w) for p, w in zip(self.header, widths)), default=0.0)
        return _Measure(widths, header, len(self.grid.rows), lambda r, above: self._row_height(r, widths, above))

    def height_of(self, para: CJKParagraph | None, width: float) -> float:
        """Return the cell height of ``para`` in a column ``width`` wide, padding included."""
        if para is None:
            return 0.0
        return para.wrap(width - 2 * self.pad_h, 1e6)[1] + 2 * self.pad_v

    def _row_height(self, index: int, widths: list[float], above: list[float]) -> float:
        """Return row ``index``'s height; the last row of a merge grows if the merged cell needs it."""
        cells = self.grid.rows[index]
        heights = [self.height_of(p, w) for p, w, cell in zip(self.row(index), widths, cells) if cell.span == 1]
        height = max(heights, default=self.cell_size + 2 * self.pad_v)
        for c in self._merged:
            first = self.run_start[c][index]
            if self.run_end[c][index] == index and index > first:
                need = self.height_of(self.row(first)[c], widths[c]) - sum(above[first:index]) - height
                height += max(need, 0.0)
        return height

    def merged_columns(self) -> list[int]:
        """Return the columns that hold at least one merge."""
        return self._merged


def _merge_runs(rows) -> tuple[list[array[int]], list[array[int]]]:
    """Return, per column and row, the first and last row of the merge holding that cell.

    Arrays, not lists: a list of row numbers holds an int object per row, 36 bytes against 4,
    about 13 MB of a 50,000-row, four-column appendix's peak.
    """
    count = len(rows)
    columns = len(rows[0]) if rows else 0
    starts = [array("i", range(count)) for _ in range(columns)]
    ends = [array("i", range(count)) for _ in range(columns)]
    for c in range(columns):
        for r in range(count):
            span = rows[r][c].span
            if span > 1:
                last = min(r + span - 1, count - 1)
                for k in range(r, last + 1):
                    starts[c][k], ends[c][k] = r, last
    return starts, ends


def _frame_height(frame: Any) -> float:
    """Return the height a whole frame offers its content (its padding taken off)."""
    return float(frame._height - frame._topPadding - frame._bottomPadding)


@dataclass(frozen=True)
class TableLook:
    """Carry the colours of tables: header fill and rule colour."""

    header_fill: Color
    rule: Color

    @classmethod
    def of(cls, styles: StyleMap) -> TableLook:
        """Return the look the theme asks for."""
        return cls(header_fill=hex_color(styles.theme.table_header_fill), rule=styles.rule_color())


class GridFlowable(Flowable):
    """Print rows ``start`` to the end of a grid; split into a page's chunk and a continued rest."""

    def __init__(self, model: GridModel, look: TableLook, start: int = 0, continued: bool = False) -> None:
        super().__init__()
        self.model, self.look, self.start, self.continued = model, look, start, continued

    def identity(self, maxLen=None):  # noqa: N803 - reportlab's name
        """Name the table's record and rows in layout errors."""
        return f"table {self.model.record} rows {self.start + 1}–{len(self.model.grid.rows)}"

    def getSpaceBefore(self):  # noqa: N802
        """Return the caption's space before (none without a caption)."""
        caption = self._caption()
        return caption.getSpaceBefore() if caption is not None else 0.0

    def getSpaceAfter(self):  # noqa: N802
        """Return the note's space after, else the caption style's space before, mirrored."""
        return self._tail_space(len(self.model.grid.rows))

    def _tail_space(self, end: int) -> float:
        if end != len(self.model.grid.rows):
            return 0.0
        note = self._note(end)
        if note is not None:
            return note.getSpaceAfter()
        return self.model.styles.para("table.caption").spaceBefore

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Return the height of the remaining rows with caption, header and note (at least more than fits)."""
        n = len(self.model.grid.rows)
        # Measure only as far as the frame reaches: past it, the height just has to be too big.
        end = min(n, self.model.measure(availWidth).fit(self.start, availHeight) + 1)
        self.width, self.height = availWidth, self._height(availWidth, self.start, end)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803
        """Draw the remaining rows: wrap said they fit."""
        piece = self._build(self.width, self.start, len(self.model.grid.rows))
        piece.wrap(self.width, self.height)
        piece.drawOn(canvas, x, y, _sW)

    def split(self, availWidth, availHeight):  # noqa: N803
        """Return [this page's chunk, the continued rest], or [] when not even one row fits."""
        model, n = self.model, len(self.model.grid.rows)
        measure = model.measure(availWidth)
        room = availHeight - self._height(availWidth, self.start, self.start)
        end = measure.fit(self.start, room)
        while end > self.start and self._height(availWidth, self.start, end) > availHeight + _FUZZ:
            end -= 1  # a merge cut by this page needed more room than its rows: give back a row
        end = self._policy_end(availWidth, end)
        if end == self.start:
            return []
        chunk = self._build(availWidth, self.start, end)
        model.forget_before(self.start)  # the chunk holds its own rows; a long table stays small in memory
        if end == n:
            return [chunk]
        return [chunk, GridFlowable(model, self.look, start=end, continued=True)]

    def _policy_end(self, width: float, end: int) -> int:
        """Return where this page's piece ends under the grid's policy, ``self.start`` to move the table on.

        On a fresh page (the frame at its top) whatever fits is printed: it cannot do better.
        Elsewhere a table that fits on a page is not split, a piece holds ``keep_first_rows``
        rows and leaves the continuation ``keep_last_rows``, or the table moves to the next page.
        """
        grid, n, start = self.model.grid, len(self.model.grid.rows), self.start
        if end == start:
            return end
        frame = getattr(self, "_frame", None)
        fresh = frame is None or getattr(frame, "_atTop", False)
        if not fresh and start == 0 and self._height(width, 0, n) <= _frame_height(frame) + _FUZZ:
            return start
        first = min(grid.keep_first_rows, n - start)
        if 0 < n - end < grid.keep_last_rows and n - grid.keep_last_rows - start >= (1 if fresh else first):
            return n - grid.keep_last_rows  # no widow rows: the last rows stay together under 续表
        if not fresh and (end - start < first or 0 < n - end < grid.keep_last_rows):
            return start
        return end

    def _height(self, width: float, start: int, end: int) -> float:
        """Return the height of caption, header, rows start..end and the note if ``end`` closes the grid."""
        measure = self.model.measure(width)
        total = measure.header + measure.total(start, end) + sum(self._extra(measure, start, end).values())
        caption = self._caption()
        if caption is not None:
            total += caption.wrap(width, 1e6)[1] + caption.getSpaceAfter()
        note = self._note(end)
        if note is not None:
            total += note.getSpaceBefore() + note.wrap(width, 1e6)[1]
        return total

    def _caption(self) -> CJKParagraph | None:
        model = self.model
        text = model.grid.continued_caption if self.continued else model.block.caption
        if not text:
            return None
        return model.extra("table.caption", text, "caption")

    def _note(self, end: int) -> CJKParagraph | None:
        model = self.model
        if not model.block.note or end != len(model.grid.rows):
            return None
        return model.extra("table.note", model.block.note, "note")

    def _extra(self, measure: _Measure, start: int, end: int) -> dict[int, float]:
        """Return extra height per row where a merge cut by a page edge needs more room than its rows."""
        extra: dict[int, float] = {}
        if end <= start:
            return extra
        for c in self.model.merged_columns():
            for first, last, para in self._cut_runs(c, start, end):
                need = self.model.height_of(para, measure.widths[c]) - measure.total(first, last + 1)
                if need > extra.get(last, 0.0):
                    extra[last] = need
        return extra

    def _cut_runs(self, c: int, start: int, end: int):
        """Yield (first, last, paragraph) of merges in column ``c`` cut by the chunk's edges."""
        model = self.model
        if model.run_start[c][start] < start:
            yield start, min(model.run_end[c][start], end - 1), model.label(start, c)
        last_first = model.run_start[c][end - 1]
        if model.run_end[c][end - 1] >= end and last_first >= start:
            yield last_first, end - 1, model.row(last_first)[c]

    def _build(self, width: float, start: int, end: int) -> Stack:
        """Return caption, the chunk's reportlab Table and the closing note as one Stack."""
        model = self.model
        measure = model.measure(width)
        heights = measure.heights(start, end)
        for row, more in self._extra(measure, start, end).items():
            heights[row - start] += more
        data = [list(model.header)] + [self._cells(r, start) for r in range(start, end)]
        table = Table(
            data, colWidths=measure.widths, rowHeights=[measure.header, *heights],
            style=self._style(start, end), spaceAfter=0.0 if self._note(end) else self._tail_space(end),
        )
        return Stack([part for part in (self._caption(), table, self._note(end)) if part is not None])

    def _cells(self, index: int, start: int) -> list:
        row = self.model.row(index)
        if index != start:
            return [para or "" for para in row]
        return [self.model.label(index, c) if para is None else para for c, para in enumerate(row)]

    def _style(self, start: int, end: int) -> TableStyle:
        model, look = self.model, self.look
        commands = [
            ("GRID", (0, 0), (-1, -1), _RULE, look.rule),
            ("BACKGROUND", (0, 0), (-1, 0), look.header_fill),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, -1), model.styles.para("table.cell").fontName),  # for empty cells
            ("LEFTPADDING", (0, 0), (-1, -1), model.pad_h),
            ("RIGHTPADDING", (0, 0), (-1, -1), model.pad_h),
            ("TOPPADDING", (0, 0), (-1, -1), model.pad_v),
            ("BOTTOMPADDING", (0, 0), (-1, -1), model.pad_v),
        ]
        for c in model.merged_columns():
            r = start
            while r < end:
                last = min(model.run_end[c][r], end - 1)
                if last > r:
                    commands.append(("SPAN", (c, r - start + 1), (c, last - start + 1)))
                r = last + 1
        return TableStyle(commands)

