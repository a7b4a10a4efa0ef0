"""Flatten a composed Document into plain headings, paragraphs, tables and page breaks.

The naive writers and the Markdown reference print exactly this, so they carry the same
words and cells as nbreport's own output, without its styling, TOC, merges or emphasis.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Union

from nbreport.compose import nodes as dn


@dataclass(frozen=True)
class Heading:
    """Hold a heading; level 0 is the document title."""

    level: int
    text: str


@dataclass(frozen=True)
class Para:
    """Hold one paragraph of plain text."""

    text: str


@dataclass(frozen=True)
class Table:
    """Hold a table's header and body rows; a cell covered by a merge is empty."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


@dataclass(frozen=True)
class Break:
    """Start a new page."""


Item = Union[Heading, Para, Table, Break]


def flatten(document: dn.Document) -> list[Item]:
    """Return the printable items of ``document`` in order; the 目录 is left out."""
    return [item for node in document.nodes for item in _items(node)]


def _items(node: dn.Node) -> Iterator[Item]:
    match node:
        case dn.Cover():
            yield Heading(0, f"{node.year_line}{node.title}")
            yield from (Para(text) for text in (node.title_en, node.editor_line) if text)
        case dn.Toc():
            return
        case dn.Heading():
            yield Heading(node.level, node.label)
        case dn.Paragraph():
            yield Para(node.text)
        case dn.BulletList():
            yield from (Para(f"{node.marker} {item.text}") for item in node.items)
        case dn.Figure():
            yield Para(node.caption if not node.source else f"{node.caption}（{node.source}）")
        case dn.TableBlock():
            yield from _table(node)
        case dn.CaseBox():
            yield Para(node.title)
            for child in node.children:
                yield from _items(child)
        case dn.DistrictEntry():
            yield Heading(node.heading.level, node.heading.label)
            yield from (Para(p.text) for p in node.intro)
            yield from (Para(f"{node.marker} {p.text}") for p in node.items)
        case dn.Chronology():
            for month in node.months:
                yield Heading(month.heading.level, month.heading.label)
                yield from (Para(f"{event.date}\u3000{event.text}") for event in month.events)
        case dn.PageBreak():
            yield Break()


def _table(node: dn.TableBlock) -> Iterator[Item]:
    grid = node.grid
    if node.caption:
        yield Para(node.caption)
    rows = tuple(tuple(cell.text if cell.span else "" for cell in row) for row in grid.rows)
    yield Table(tuple(c.name for c in grid.columns), rows, tuple(c.width for c in grid.columns))
    if node.note:
        yield Para(node.note)
