"""Walk a Report: every table with its path, every string with its path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..schema.blocks import CaseBox
from ..schema.chapters import Chapter
from ..schema.report import Report
from ..schema.tables import Table

PathKey = tuple[str | int, ...]


def iter_tables(report: Report) -> Iterator[tuple[PathKey, Table]]:
    """Yield every table of the report (body, case boxes, appendices) with its path."""
    if report.overview:
        yield from _block_tables(report.overview.intro, ("overview", "intro"))
        for index, section in enumerate(report.overview.sections):
            yield from _block_tables(section.blocks, ("overview", "sections", index, "blocks"))
    for number, chapter in enumerate(report.chapters):
        yield from _block_tables(chapter.intro, ("chapters", number, "intro"))
        if isinstance(chapter, Chapter):
            for index, section in enumerate(chapter.sections):
                yield from _block_tables(section.blocks, ("chapters", number, "sections", index, "blocks"))
    if report.conclusion:
        yield from _block_tables(report.conclusion.blocks, ("conclusion", "blocks"))
    for index, appendix in enumerate(report.appendices):
        yield ("appendices", index, "table"), appendix.table


def _block_tables(blocks: list, path: PathKey) -> Iterator[tuple[PathKey, Table]]:
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            yield path + (index,), block
        elif isinstance(block, CaseBox):
            yield from _block_tables(block.blocks, path + (index, "blocks"))


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
