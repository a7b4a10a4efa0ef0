"""The composed Document: a closed set of layout-free nodes that every renderer walks.

Compose decides numbering, order, text, captions and table grids here, once.
Renderers map each node kind to their format and decide nothing about content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from ..schema.blocks import ChartSpec
from ..schema.inline import Run

Orientation = Literal["portrait", "landscape"]
PageRun = Literal["front", "body", "appendix"]


@dataclass(frozen=True, slots=True)
class Cover:
    """Show the cover: year line, title, English title and the editor line."""

    year_line: str
    title: str
    title_en: str | None
    editor_line: str | None


@dataclass(frozen=True, slots=True)
class TocEntry:
    """Point from the table of contents to one heading by its anchor."""

    level: int
    label: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Toc:
    """List the headings that appear in the 目录, in document order."""

    title: str
    entries: tuple[TocEntry, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """Head a part of the document; ``number`` such as 第一章 is None for unnumbered parts."""

    level: int
    text: str
    anchor: str
    role: str
    number: str | None = None
    in_toc: bool = True

    @property
    def label(self) -> str:
        """Return the heading as printed: number, ideographic space, text."""
        return f"{self.number}\u3000{self.text}" if self.number else self.text


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Print one paragraph of runs in a semantic role (body, case.body, bullet...)."""

    runs: tuple[Run, ...]
    role: str = "body"

    @property
    def text(self) -> str:
        """Return the paragraph's plain text."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class BulletList:
    """List paragraphs, each printed after ``marker``."""

    items: tuple[Paragraph, ...]
    marker: str


@dataclass(frozen=True, slots=True)
class Figure:
    """Show an image or a chart with its caption; neither means the caption alone."""

    caption: str
    image: str | None = None
    chart: ChartSpec | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class GridColumn:
    """Describe one grid column: header text, share of the table width, alignment."""

    name: str
    width: float
    align: Literal["left", "center"] = "left"


@dataclass(frozen=True, slots=True)
class GridCell:
    """Hold one cell; ``span`` rows are merged downward, 0 marks a cell covered by a merge."""

    text: str
    span: int = 1
    merge_label: str | None = None


@dataclass(frozen=True, slots=True)
class TableGrid:
    """Hold a normalised table: columns, rows of cells with merges resolved, conventions."""

    columns: tuple[GridColumn, ...]
    rows: tuple[tuple[GridCell, ...], ...]
    continued_caption: str
    continued_suffix: str
    landscape: bool = False


@dataclass(frozen=True, slots=True)
class TableBlock:
    """Print a captioned table from its grid; ``note`` is printed under it."""

    caption: str | None
    grid: TableGrid
    note: str | None = None
    record: str = ""


@dataclass(frozen=True, slots=True)
class CaseBox:
    """Set a titled story apart from the running text."""

    title: str
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class DistrictEntry:
    """Report one district: heading, introduction and marked items with bold lead-ins."""

    heading: Heading
    intro: tuple[Paragraph, ...]
    items: tuple[Paragraph, ...]
    marker: str


@dataclass(frozen=True, slots=True)
class ChronologyItem:
    """Print one event with its date label in bold."""

    date: str
    text: str


@dataclass(frozen=True, slots=True)
class ChronologyMonth:
    """Group the events of one month under a heading derived from their dates."""

    heading: Heading
    events: tuple[ChronologyItem, ...]


@dataclass(frozen=True, slots=True)
class Chronology:
    """Hold the 大事记 months in order."""

    months: tuple[ChronologyMonth, ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page run in the given orientation; ``header`` is its running-header chapter title.

    ``run`` names the part of the report the pages belong to (front matter, body,
    appendix); ``header`` is printed beside the running title on the pages that follow,
    "" prints the running title alone.
    """

    orientation: Orientation = "portrait"
    run: PageRun = "body"
    header: str = ""


Node = Union[
    Cover, Toc, Heading, Paragraph, BulletList, Figure, TableBlock, CaseBox,
    DistrictEntry, Chronology, PageBreak,
]
NODE_KINDS: tuple[type, ...] = Node.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Carry the document properties and the running header text."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    running_title: str


@dataclass(slots=True)
class Document:
    """Hold the composed report: its properties and its nodes in order."""

    info: DocumentInfo
    nodes: list[Node] = field(default_factory=list)

    def headings(self) -> list[Heading]:
        """Return every heading in document order, including those inside nodes."""
        return headings_of(self.nodes)


def headings_of(nodes: list[Node]) -> list[Heading]:
    """Return the headings of ``nodes`` in order, including district and chronology month headings."""
    found: list[Heading] = []
    for node in nodes:
        if isinstance(node, Heading):
            found.append(node)
        elif isinstance(node, DistrictEntry):
            found.append(node.heading)
        elif isinstance(node, Chronology):
            found.extend(month.heading for month in node.months)
    return found
