"""Compose a Report into the Document tree: numbering, order, text and captions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from ..schema import chapters as sc
from ..schema.chronology import Chronology
from ..schema.events import TopEventList
from ..schema.inline import Run
from ..schema.report import Report
from ..schema.theme import Theme
from . import nodes as dn
from .anchors import Anchors
from .blocks import BlockComposer, paragraph
from .title_layout import break_headings, toc_entry_lines
from .numerals import chapter_number, section_number


def compose(report: Report, theme: Theme | None = None) -> dn.Document:
    """Return the Document of ``report``: cover, 目录, parts in order, appendices."""
    theme = theme or Theme()
    root = Path(report._root) if report._root else None
    composer = _Composer(report, theme, BlockComposer(theme, Anchors(), root))
    body = list(break_headings(composer.body(), theme))
    toc = dn.Toc(title="目录", entries=tuple(_toc_entries(body, theme)))
    nodes: list[dn.Node] = [composer.cover(), dn.PageBreak(run="front"), toc, *body]
    return dn.Document(info=composer.info(), nodes=nodes)


def _toc_entries(body: list[dn.Node], theme: Theme) -> Iterator[dn.TocEntry]:
    for heading in dn.headings_of(body):
        if heading.in_toc and heading.level <= theme.toc_levels:
            entry = dn.TocEntry(level=heading.level, label=heading.label, anchor=heading.anchor)
            yield dataclasses.replace(entry, lines=toc_entry_lines(entry, heading.number, theme))


class _Composer:
    def __init__(self, report: Report, theme: Theme, blocks: BlockComposer) -> None:
        self.report = report
        self.theme = theme
        self.blocks = blocks
        self.anchors = blocks.anchors

    def info(self) -> dn.DocumentInfo:
        meta = self.report.meta
        title = meta.full_title
        return dn.DocumentInfo(
            title=title, author=meta.editor or meta.region, subject=meta.title_en or title,
            keywords=tuple(meta.keywords) or (meta.region, "科技进步", meta.year_line),
            language=meta.language, running_title=title,
        )

    def cover(self) -> dn.Cover:
        meta = self.report.meta
        editor = f"{meta.editor}　编" if meta.editor else None
        return dn.Cover(year_line=meta.cover_year_line, title=meta.title, title_en=meta.title_en, editor_line=editor)

    def body(self) -> Iterator[dn.Node]:
        report = self.report
        if report.key_figures and report.indicators:  # without indicators validate warns and the page waits
            yield from self.key_figures(report.key_figures.title)
        if report.overview:
            yield from self.overview(report.overview)
        for number, chapter in enumerate(report.chapters, start=1):
            yield from self.chapter(chapter, number)
        if report.conclusion:
            yield from self.part_heading(report.conclusion.title)
            yield from self.blocks.blocks(report.conclusion.blocks, where="conclusion.blocks")
        if report.chronology and report.chronology.events:
            yield from self.chronology(report.chronology)
        for number, appendix in enumerate(report.appendices, start=1):
            yield from self.appendix(appendix, number)
        if report.top_events:
            yield from self.top_events(report.top_events)

    def part_heading(
        self, text: str, number: str | None = None, orientation: dn.Orientation = "portrait",
        run: dn.PageRun = "body",
    ) -> Iterator[dn.Node]:
        heading = dn.Heading(level=1, text=text, number=number, role="chapter.title", anchor=self.anchors.new("p"))
        yield dn.PageBreak(orientation=orientation, run=run, header=heading.label)
        yield heading

    def section_heading(self, text: str, number: str | None = None) -> dn.Heading:
        return dn.Heading(level=2, text=text, number=number, role="section.title", anchor=self.anchors.new("s"))

    def key_figures(self, title: str) -> Iterator[dn.Node]:
        """Yield the 数说 page: one paragraph per headline figure (value and change from the panel), then its chart."""
        from ..figures.key_figures import key_chart, key_figures

        yield from self.part_heading(title)
        for figure in key_figures(self.report):
            text = f"{figure.text}，{figure.change}" if figure.change else figure.text
            yield dn.Paragraph(runs=(Run(text=f"{figure.name}：", strong=True), Run(text=text)))
        chart = key_chart(self.report)
        if chart is not None:
            yield self.blocks.figure(chart)

    def overview(self, overview: sc.Overview) -> Iterator[dn.Node]:
        yield from self.part_heading(overview.title)
        yield from self.blocks.blocks(overview.intro, where="overview.intro")
        for index, section in enumerate(overview.sections):
            yield self.section_heading(section.title)
            yield from self.blocks.blocks(section.blocks, where=f"overview.sections[{index}].blocks")

    def chapter(self, chapter: sc.AnyChapter, number: int) -> Iterator[dn.Node]:
        where = f"chapters[{number - 1}]"
        yield from self.part_heading(chapter.title, chapter_number(number))
        yield from self.blocks.blocks(chapter.intro, where=f"{where}.intro")
        if isinstance(chapter, sc.DistrictChapter):
            for entry in chapter.districts:
                yield self.district(entry)
            return
        for index, section in enumerate(chapter.sections, start=1):
            yield self.section_heading(section.title, section_number(index))
            yield from self.blocks.blocks(section.blocks, where=f"{where}.sections[{index - 1}].blocks")

    def district(self, entry: sc.DistrictEntry) -> dn.DistrictEntry:
        heading = dn.Heading(level=2, text=entry.name, role="district.title", anchor=self.anchors.new("d"))
        return dn.DistrictEntry(
            heading=heading,
            intro=tuple(paragraph(p, "body") for p in entry.intro),
            items=tuple(paragraph(p, "bullet") for p in entry.items),
            marker=self.theme.bullet_marker,
        )

    def chronology(self, chronology: Chronology) -> Iterator[dn.Node]:
        yield from self.part_heading(chronology.title)
        year = self.report.meta.year
        events = sorted(chronology.events, key=lambda event: event.date.sort_key(year))
        months = []
        for (event_year, month), group in groupby(events, key=lambda e: (e.date.year or year, e.date.month)):
            label = f"{month}月" if event_year == year else f"{event_year}年{month}月"
            heading = dn.Heading(level=2, text=label, role="chronology.month", anchor=self.anchors.new("m"), in_toc=False)
            items = tuple(dn.ChronologyItem(date=e.date.label, text=e.text) for e in group)
            months.append(dn.ChronologyMonth(heading=heading, events=items))
        yield dn.Chronology(months=tuple(months))

    def appendix(self, appendix, number: int) -> Iterator[dn.Node]:
        table = self.blocks.table(appendix.table, f"appendices[{number - 1}].table", appendix.landscape)
        orientation: dn.Orientation = "landscape" if table.grid.landscape else "portrait"
        yield from self.part_heading(appendix.title, f"附录{number}", orientation, run="appendix")
        yield dn.TableBlock(caption=None, grid=table.grid, note=table.note, record=table.record)

    def top_events(self, events: TopEventList) -> Iterator[dn.Node]:
        yield from self.part_heading(events.title)
        yield from _paragraphs(events.intro or "")
        for event in events.events:
            yield self.section_heading(event.title, str(event.rank))
            yield from _paragraphs(event.text)
            if event.votes is not None:
                yield dn.Paragraph(runs=(Run(text="得票：", strong=True), Run(text=f"{event.votes}票")))


def _paragraphs(text: str) -> Iterator[dn.Paragraph]:
    """Yield one body paragraph per blank-line separated part of ``text``."""
    for part in filter(None, (part.strip() for part in text.split("\n\n"))):
        yield dn.Paragraph(runs=(Run(text=part),))
