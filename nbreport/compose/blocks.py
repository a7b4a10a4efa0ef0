"""Turn schema blocks into document nodes (shared by chapters, overview and case boxes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..schema import blocks as sb
from ..schema.inline import Paragraph as SchemaParagraph
from ..schema.theme import Theme
from . import nodes as dn
from . import policy
from .anchors import Anchors
from .chart import resolve_chart
from .grid import build_grid
from .placeholder import placeholder_size

# A case box narrows the text by its padding and its accent rule on each side.
CASE_INSET_MM = policy.CASE_PADDING_MM + 1.0


class BlockComposer:
    """Compose blocks with one theme, one anchor registry and the dataset root for images."""

    def __init__(self, theme: Theme, anchors: Anchors, root: Path | None) -> None:
        self.theme = theme
        self.anchors = anchors
        self.root = root
        self.inset_mm = 0.0  # how far a case box holding the current block narrows the text width, each side

    def blocks(self, blocks: list[sb.Block], role: str = "body", where: str = "") -> Iterator[dn.Node]:
        """Yield the nodes of ``blocks``; paragraphs take ``role``."""
        for index, block in enumerate(blocks):
            yield self.block(block, role, f"{where}[{index}]")

    def block(self, block: sb.Block, role: str, where: str) -> dn.Node:
        """Return the node of one block."""
        match block:
            case SchemaParagraph():
                return paragraph(block, role)
            case sb.SubHeading():
                return self.subheading(block)
            case sb.BulletList():
                items = tuple(paragraph(item, "bullet") for item in block.items)
                return dn.BulletList(items=items, marker="•")
            case sb.Figure():
                return self.figure(block, self.inset_mm)
            case sb.CaseBox():
                outer, self.inset_mm = self.inset_mm, self.inset_mm + CASE_INSET_MM
                try:
                    children = tuple(self.blocks(block.blocks, "case.body", f"{where}.blocks"))
                finally:
                    self.inset_mm = outer
                return dn.CaseBox(title=block.title, children=children)
            case sb.Table():
                return self.table(block, where)

    def subheading(self, block: sb.SubHeading) -> dn.Heading:
        """Return a level 3 or 4 heading, in the TOC only if the theme lists that level."""
        role = "subheading" if block.level == 3 else "minorheading"
        return dn.Heading(
            level=block.level, text=block.text, role=role,
            anchor=self.anchors.new("h"), in_toc=block.level <= self.theme.toc_levels,
        )

    def figure(self, block: sb.Figure, inset_mm: float = 0.0) -> dn.Figure:
        """Return a figure whose image path is resolved inside the dataset; with no picture, a frame for the photo."""
        image = str(self.root / block.image) if block.image and self.root else block.image
        # A chart still naming an indicator (the panel never resolved it) has no data to draw.
        drawable = block.chart is not None and bool(block.chart.series)
        chart = resolve_chart(block.chart, self.theme.accent_color) if block.chart and drawable else None
        frame = None
        if not block.image and block.chart is None:
            size = placeholder_size(block, self.theme, inset_mm)
            frame = dn.PhotoFrame(width_mm=size.width_mm, height_mm=size.height_mm)
        return dn.Figure(caption=block.caption, image=image, chart=chart, source=block.source, frame=frame)

    def table(self, block: sb.Table, where: str, landscape: bool | None = False) -> dn.TableBlock:
        """Return a captioned table with its normalised grid."""
        grid = build_grid(block, self.theme, landscape)
        return dn.TableBlock(caption=block.caption, grid=grid, note=block.note, record=block.source or where)


def paragraph(block: SchemaParagraph, role: str) -> dn.Paragraph:
    """Return a paragraph node in ``role``."""
    return dn.Paragraph(runs=tuple(block.runs), role=role)
