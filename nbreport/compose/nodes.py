"""The composed Document: a closed set of layout-free nodes that every renderer walks.

Compose decides numbering, order, text, captions and table grids here, once.
Renderers map each node kind to their format and decide nothing about content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NoReturn, Union, get_args

from ..schema.inline import Run
from . import policy

Orientation = Literal["portrait", "landscape"]
PageRun = Literal["front", "body", "appendix"]


@dataclass(frozen=True, slots=True)
class Cover:
    """Show the cover: year line, title, English title and the editor line."""

    kind: Literal["cover"] = field(default="cover", init=False, repr=False)
    year_line: str
    title: str
    title_en: str | None
    editor_line: str | None


@dataclass(frozen=True, slots=True)
class TocEntry:
    """Point from the table of contents to one heading by its anchor.

    ``lines`` is the label cut where compose breaks it (compose/titles.py), () when it fits
    one line before the leader and the page number.
    """

    level: int
    label: str
    anchor: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Toc:
    """List the headings that appear in the 目录, in document order."""

    kind: Literal["toc"] = field(default="toc", init=False, repr=False)
    title: str
    entries: tuple[TocEntry, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """Head a part of the document; ``number`` such as 第一章 is None for unnumbered parts."""

    kind: Literal["heading"] = field(default="heading", init=False, repr=False)
    level: int
    text: str
    anchor: str
    role: str
    number: str | None = None
    in_toc: bool = True  # in the 目录 and in the outline / navigation pane of both renderers
    lines: tuple[str, ...] = ()  # the label as compose breaks it over lines; () when it fits one line

    @property
    def label(self) -> str:
        """Return the heading as printed: number, ideographic space, text."""
        return f"{self.number}\u3000{self.text}" if self.number else self.text


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Print one paragraph of runs in a semantic role (body, case.body, bullet...)."""

    kind: Literal["paragraph"] = field(default="paragraph", init=False, repr=False)
    runs: tuple[Run, ...]
    role: str = "body"

    @property
    def text(self) -> str:
        """Return the paragraph's plain text."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class BulletList:
    """List paragraphs, each printed after ``marker``."""

    kind: Literal["bullet_list"] = field(default="bullet_list", init=False, repr=False)
    items: tuple[Paragraph, ...]
    marker: str


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """Hold one resolved series: legend label (name and unit), values, colour (RRGGBB) and mark."""

    label: str
    values: tuple[float, ...]
    color: str
    mark: Literal["bar", "line"]
    value_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """Hold a chart with every choice made: categories, series in drawing order, height per width."""

    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    height_ratio: float = policy.CHART_HEIGHT_RATIO
    width: float = policy.CHART_WIDTH


@dataclass(frozen=True, slots=True)
class PhotoFrame:
    """Reserve a framed space of ``width_mm`` × ``height_mm`` where a photo is still to be placed."""

    width_mm: float
    height_mm: float
    rule_pt: float = policy.PHOTO_FRAME_RULE_PT
    color: str = policy.PHOTO_FRAME_COLOR


@dataclass(frozen=True, slots=True)
class Figure:
    """Show an image, a chart or, with neither, a framed space for the photo, with its caption.

    ``max_height`` is the share of the text height a picture may take; ``frame`` is set
    exactly when there is neither image nor chart.
    """

    kind: Literal["figure"] = field(default="figure", init=False, repr=False)
    caption: str
    image: str | None = None
    chart: Chart | None = None
    source: str | None = None
    max_height: float = policy.FIGURE_MAX_HEIGHT
    frame: PhotoFrame | None = None


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
    """Hold a normalised table: columns, rows of cells with merges resolved, continuation policy.

    Rows never split across pages and the header row repeats on every page; a continued
    piece is captioned ``continued_caption`` and a merge cut by a page break prints its
    ``merge_label`` on the new page. The last ``keep_last_rows`` rows stay on one page, a piece
    at a page foot holds at least ``keep_first_rows`` rows, a table that fits on a page is not
    split, and a
    merged cell over more than ``top_align_span`` rows sets its text at the top.
    """

    columns: tuple[GridColumn, ...]
    rows: tuple[tuple[GridCell, ...], ...]
    continued_caption: str
    continued_suffix: str
    landscape: bool = False
    keep_last_rows: int = policy.KEEP_LAST_ROWS
    keep_first_rows: int = policy.KEEP_FIRST_ROWS
    top_align_span: int = policy.TOP_ALIGN_SPAN


@dataclass(frozen=True, slots=True)
class TableBlock:
    """Print a captioned table from its grid; ``note`` is printed under it."""

    kind: Literal["table"] = field(default="table", init=False, repr=False)
    caption: str | None
    grid: TableGrid
    note: str | None = None
    record: str = ""


@dataclass(frozen=True, slots=True)
class CaseBox:
    """Set a titled story apart from the running text."""

    kind: Literal["case_box"] = field(default="case_box", init=False, repr=False)
    title: str
    children: tuple[Node, ...]
    padding_mm: float = policy.CASE_PADDING_MM


@dataclass(frozen=True, slots=True)
class DistrictEntry:
    """Report one district: heading, introduction and marked items with bold lead-ins."""

    kind: Literal["district"] = field(default="district", init=False, repr=False)
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
    """Hold the 大事记 months in order; ``gap`` separates each bold date from its text."""

    kind: Literal["chronology"] = field(default="chronology", init=False, repr=False)
    months: tuple[ChronologyMonth, ...]
    gap: str = policy.CHRONOLOGY_GAP


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page run in the given orientation; ``header`` is its running-header chapter title.

    ``run`` names the part of the report the pages belong to (front matter, body,
    appendix); ``header`` is printed beside the running title on the pages that follow,
    "" prints the running title alone.
    """

    kind: Literal["page_break"] = field(default="page_break", init=False, repr=False)
    orientation: Orientation = "portrait"
    run: PageRun = "body"
    header: str = ""


Node = Union[
    Cover, Toc, Heading, Paragraph, BulletList, Figure, TableBlock, CaseBox,
    DistrictEntry, Chronology, PageBreak,
]
NODE_KINDS: tuple[type, ...] = get_args(Node)  # the closed union; each kind carries its tag in ``kind``


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


def unhandled(node: NoReturn) -> str:
    """Return the type name of a value no ``case`` matched, for the renderer's error.

    Typed to accept nothing: called in a renderer's last ``case _``, it makes mypy reject a
    ``match`` that misses a node kind, as ``typing.assert_never`` does, while the renderer
    still raises its own RenderError at run time for a value that is not a node.
    """
    return type(node).__name__


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
