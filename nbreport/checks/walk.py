"""Walk a Report: every table with its path, every string with its path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from ..schema.blocks import CaseBox
from ..schema.chapters import Chapter
from ..schema.report import Report
from ..schema.tables import Table

B = TypeVar("B")

PathKey = tuple[str | int, ...]


def iter_block_lists(report: Report) -> Iterator[tuple[PathKey, list[Any]]]:
    """Yield every top-level list of blocks of the narrative (overview, chapter intros and sections, 结语) with its path.

    Case boxes nest block lists of their own: each walker below descends into them.
    """
    if report.overview:
        yield ("overview", "intro"), report.overview.intro
        for index, section in enumerate(report.overview.sections):
            yield ("overview", "sections", index, "blocks"), section.blocks
    for number, chapter in enumerate(report.chapters):
        yield ("chapters", number, "intro"), chapter.intro
        if isinstance(chapter, Chapter):
            for index, section in enumerate(chapter.sections):
                yield ("chapters", number, "sections", index, "blocks"), section.blocks
    if report.conclusion:
        yield ("conclusion", "blocks"), report.conclusion.blocks


def iter_blocks_of(report: Report, kind: type[B]) -> Iterator[tuple[PathKey, B]]:
    """Yield every block of ``kind`` in the narrative, inside case boxes too, with its path."""
    for path, blocks in iter_block_lists(report):
        yield from _nested(blocks, path, kind)


def iter_tables(report: Report) -> Iterator[tuple[PathKey, Table]]:
    """Yield every table of the report (body, case boxes, appendices) with its path."""
    yield from iter_blocks_of(report, Table)
    for index, appendix in enumerate(report.appendices):
        yield ("appendices", index, "table"), appendix.table


def _nested(blocks: list[Any], path: PathKey, kind: type[B]) -> Iterator[tuple[PathKey, B]]:
    for index, block in enumerate(blocks):
        if isinstance(block, kind):
            yield path + (index,), block
        elif isinstance(block, CaseBox):
            yield from _nested(block.blocks, path + (index, "blocks"), kind)


def iter_strings(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Yield every string inside plain data (a model_dump) with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from iter_strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_strings(value, path + (index,))
