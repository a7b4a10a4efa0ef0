"""Walk a Document for every string a renderer prints: one list both renderers check and tests read back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import nodes as dn


@dataclass(frozen=True, slots=True)
class TextPiece:
    """Name one printed string: its node kind, the record it belongs to, the field, the text.

    ``record`` is the anchor of the heading above (or a table's source record) and ``field``
    the path inside the node, so an error can say where bad text came from. ``always`` is
    False for text printed only where a page breaks (续表, 三等奖（续）) and for a chart's
    labels, which both outputs print inside the chart's picture, not as text.
    """

    kind: str
    record: str
    field: str
    text: str
    always: bool = True


def iter_text(document: dn.Document) -> Iterator[TextPiece]:
    """Yield every string ``document`` prints, in document order, with the running title first."""
    info = document.info
    for name in ("title", "author", "subject", "running_title"):
        yield TextPiece("info", "document.info", name, getattr(info, name), always=name == "running_title")
    walker = _Walker()
    for index, node in enumerate(document.nodes):
        yield from walker.node(node, f"nodes[{index}]")


class _Walker:
    """Remember the record (the last heading's anchor) while yielding the pieces of each node."""

    def __init__(self) -> None:
        self.record = "document"

    def node(self, node: dn.Node, where: str) -> Iterator[TextPiece]:
        match node:
            case dn.Cover():
                self.record = "cover"
                for name in ("year_line", "title", "title_en", "editor_line"):
                    if getattr(node, name):
                        yield self.piece(node, f"{where}.{name}", getattr(node, name))
            case dn.Toc():
                self.record = "toc"
                yield self.piece(node, f"{where}.title", node.title)
                for i, entry in enumerate(node.entries):
                    yield self.piece(node, f"{where}.entries[{i}].label", entry.label)
            case dn.Heading():
                yield from self.heading(node, where)
            case dn.Paragraph():
                yield from self.paragraph(node, where)
            case dn.BulletList():
                for i, item in enumerate(node.items):
                    yield self.piece(node, f"{where}.marker", node.marker)
                    yield from self.paragraph(item, f"{where}.items[{i}]", node.kind)
            case dn.Figure():
                yield from self.figure(node, where)
            case dn.TableBlock():
                yield from self.table(node, where)
            case dn.CaseBox():
                yield self.piece(node, f"{where}.title", node.title)
                for i, child in enumerate(node.children):
                    yield from self.node(child, f"{where}.children[{i}]")
            case dn.DistrictEntry():
                yield from self.heading(node.heading, f"{where}.heading")
                for i, intro in enumerate(node.intro):
                    yield from self.paragraph(intro, f"{where}.intro[{i}]", node.kind)
                for i, item in enumerate(node.items):
                    yield self.piece(node, f"{where}.marker", node.marker)
                    yield from self.paragraph(item, f"{where}.items[{i}]", node.kind)
            case dn.Chronology():
                for m, month in enumerate(node.months):
                    yield from self.heading(month.heading, f"{where}.months[{m}].heading")
                    for e, event in enumerate(month.events):
                        yield self.piece(node, f"{where}.months[{m}].events[{e}].date", event.date)
                        yield self.piece(node, f"{where}.months[{m}].events[{e}].text", event.text)
            case dn.PageBreak():
                if node.header:
                    yield self.piece(node, f"{where}.header", node.header)
            case _:
                raise TypeError(f"iter_text: no case for {dn.unhandled(node)}")

    def piece(self, node: dn.Node, field: str, text: str, always: bool = True, record: str | None = None) -> TextPiece:
        return TextPiece(node.kind, record or self.record, field, text, always)

    def heading(self, node: dn.Heading, where: str) -> Iterator[TextPiece]:
        self.record = node.anchor
        yield self.piece(node, f"{where}.label", node.label)

    def paragraph(self, node: dn.Paragraph, where: str, kind: str | None = None) -> Iterator[TextPiece]:
        for i, run in enumerate(node.runs):
            piece = self.piece(node, f"{where}.runs[{i}]", run.text)
            yield TextPiece(kind or piece.kind, piece.record, piece.field, piece.text)

    def figure(self, node: dn.Figure, where: str) -> Iterator[TextPiece]:
        if node.chart:
            for i, category in enumerate(node.chart.categories):
                yield self.piece(node, f"{where}.chart.categories[{i}]", category, always=False)
            for i, series in enumerate(node.chart.series):
                yield self.piece(node, f"{where}.chart.series[{i}].label", series.label, always=False)
        yield self.piece(node, f"{where}.caption", node.caption)
        if node.source:
            yield self.piece(node, f"{where}.source", node.source)

    def table(self, node: dn.TableBlock, where: str) -> Iterator[TextPiece]:
        record, grid = node.record or self.record, node.grid
        if node.caption:
            yield self.piece(node, "caption", node.caption, record=record)
        yield self.piece(node, "continued_caption", grid.continued_caption, always=False, record=record)
        for c, column in enumerate(grid.columns):
            yield self.piece(node, f"columns[{c}].name", column.name, record=record)
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row):
                if cell.span != 0:
                    yield self.piece(node, f"rows[{r}][{c}]", cell.text, record=record)
                if cell.merge_label:
                    yield self.piece(node, f"rows[{r}][{c}].merge_label", cell.merge_label, always=False, record=record)
        if node.note:
            yield self.piece(node, "note", node.note, record=record)
