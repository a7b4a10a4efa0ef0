"""Editor checks on the report's structure: typed-in numbers, empty parts, bold lead-ins."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .. import codes
from ..findings import Finding
from ..schema.blocks import BulletList, CaseBox
from ..schema.chapters import Chapter, DistrictChapter, Section
from ..schema.inline import Paragraph
from ..schema.report import Report
from .context import CheckContext
from .walk import iter_block_lists

PathKey = tuple[str | int, ...]

# A number typed into a title that compose numbers itself: 第一章, 第1节, 一、, （一）, 1.
_NUMBER = re.compile(
    r"^\s*(第\s*[一二三四五六七八九十百零〇两\d０-９]+\s*[章节篇部]"
    r"|[一二三四五六七八九十]+[、．.]"
    r"|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d{1,2}(?:[、．]|\.(?!\d)))\s*"
)
_SENTENCE_END = ("。", "！", "？")


def check_structure(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield warnings for numbered titles, empty chapters/sections/districts and unclosed lead-ins."""
    if report.overview:
        for index, section in enumerate(report.overview.sections):
            yield from _empty_section(section, ("overview", "sections", index), ctx)
    for number, chapter in enumerate(report.chapters):
        path: PathKey = ("chapters", number)
        yield from _numbered(chapter.title, path, ctx)
        if isinstance(chapter, Chapter):
            yield from _chapter(chapter, path, ctx)
        else:
            yield from _districts(chapter, path, ctx)
    for path, paragraph in iter_paragraphs(report):
        yield from _leads(paragraph, path, ctx)


def _chapter(chapter: Chapter, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for an empty chapter and for its sections."""
    if not chapter.intro and not chapter.sections:
        yield codes.make("W-STRUCT-EMPTY", ctx.at(path), what=codes.detail("what.chapter"), title=chapter.title)
    for index, section in enumerate(chapter.sections):
        yield from _numbered(section.title, path + ("sections", index), ctx)
        yield from _empty_section(section, path + ("sections", index), ctx)


def _districts(chapter: DistrictChapter, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for districts with neither an introduction nor items."""
    for index, entry in enumerate(chapter.districts):
        if not entry.intro and not entry.items:
            where = ctx.at(path + ("districts", index))
            yield codes.make("W-STRUCT-EMPTY", where, what=codes.detail("what.district"), title=entry.name)


def _empty_section(section: Section, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    if not section.blocks:
        yield codes.make("W-STRUCT-EMPTY", ctx.at(path), what=codes.detail("what.section"), title=section.title)


def _numbered(title: str, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield a warning when a title starts with a number compose will add again."""
    match = _NUMBER.match(title)
    if match:
        yield codes.make("W-STRUCT-NUMBERED", ctx.at(path + ("title",)), title=title, number=match.group(1))


def _leads(paragraph: Paragraph, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield a warning for each bold lead-in (bold that opens a sentence) not closed by 。."""
    runs = paragraph.runs
    for index, run in enumerate(runs[:-1]):
        opens_sentence = index == 0 or runs[index - 1].text.rstrip().endswith(_SENTENCE_END)
        lead = run.text.strip()
        if run.strong and opens_sentence and lead and not lead.endswith(_SENTENCE_END):
            fixed = lead.rstrip("，,；;：:、 ") + "。"
            yield codes.make("W-STRUCT-LEAD", ctx.at(path), lead=lead, fixed=fixed)


def iter_paragraphs(report: Report) -> Iterator[tuple[PathKey, Paragraph]]:
    """Yield every paragraph of the narrative (lists, case boxes, districts too) with its path."""
    for path, blocks in iter_block_lists(report):
        yield from _block_paragraphs(blocks, path)
        number = path[1] if path[0] == "chapters" and path[2] == "intro" else None
        chapter = report.chapters[number] if isinstance(number, int) else None
        if isinstance(chapter, DistrictChapter):  # its districts follow its intro, as printed
            for index, entry in enumerate(chapter.districts):
                where: PathKey = (*path[:2], "districts", index)
                yield from ((where + ("intro", n), p) for n, p in enumerate(entry.intro))
                yield from ((where + ("items", n), p) for n, p in enumerate(entry.items))


def _block_paragraphs(blocks: Sequence[object], path: PathKey) -> Iterator[tuple[PathKey, Paragraph]]:
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            yield path + (index,), block
        elif isinstance(block, BulletList):
            # items have no source position of their own: the list's line locates them
            yield from ((path + (index,), item) for item in block.items)
        elif isinstance(block, CaseBox):
            yield from _block_paragraphs(block.blocks, path + (index, "blocks"))
