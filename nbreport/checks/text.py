"""Rules for all text: no XML-illegal control characters; no duplicate names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import codes
from ..findings import Finding
from ..schema.chapters import DistrictChapter
from ..schema.report import Report
from .context import CheckContext
from .walk import iter_strings

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def check_control_characters(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield a finding for every string holding characters that XML and PDF text cannot carry."""
    data = report.model_dump(mode="python", exclude={"indicators"})
    for path, text in iter_strings(data):
        found = sorted(set(CONTROL.findall(text)))
        if found:
            chars = " ".join(f"U+{ord(ch):04X}" for ch in found)
            yield codes.make("E-TEXT-CONTROL", ctx.at(path), chars=chars)


def check_duplicates(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for chapters or districts that appear twice."""
    titles: set[str] = set()
    for number, chapter in enumerate(report.chapters):
        if chapter.title in titles:
            yield codes.make("E-DUPLICATE-ID", ctx.at(("chapters", number)), what="章标题", value=chapter.title)
        titles.add(chapter.title)
        if isinstance(chapter, DistrictChapter):
            names: set[str] = set()
            for index, entry in enumerate(chapter.districts):
                if entry.name in names:
                    where = ctx.at(("chapters", number, "districts", index))
                    yield codes.make("E-DUPLICATE-ID", where, what="区县", value=entry.name)
                names.add(entry.name)
