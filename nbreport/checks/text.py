"""Rules for all text: no XML-illegal control characters; no duplicate names."""

from __future__ import annotations

from collections.abc import Iterator

from .. import codes
from ..text import CONTROL, name_key
from ..findings import Finding
from ..schema.chapters import DistrictChapter
from ..schema.report import Report
from .context import CheckContext
from .walk import iter_strings

LONG_TEXT = 5000


def check_text(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for characters XML and PDF cannot carry, and for suspiciously long text."""
    data = report.model_dump(mode="python", exclude={"indicators"})
    for path, text in iter_strings(data):
        found = sorted(set(CONTROL.findall(text)))
        if found:
            chars = " ".join(f"U+{ord(ch):04X}" for ch in found)
            yield codes.make("E-TEXT-CONTROL", ctx.at(path), chars=chars)
        if len(text) > LONG_TEXT:
            yield codes.make("W-TEXT-LONG", ctx.at(path), length=len(text))


def check_duplicates(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for chapters or districts that appear twice, compared as they print (NFKC)."""
    titles: set[str] = set()
    for number, chapter in enumerate(report.chapters):
        if name_key(chapter.title) in titles:
            yield codes.make("E-DUPLICATE-ID", ctx.at(("chapters", number)), what="章标题", value=chapter.title)
        titles.add(name_key(chapter.title))
        if isinstance(chapter, DistrictChapter):
            names: set[str] = set()
            for index, entry in enumerate(chapter.districts):
                if name_key(entry.name) in names:
                    where = ctx.at(("chapters", number, "districts", index))
                    yield codes.make("E-DUPLICATE-ID", where, what="区县", value=entry.name)
                names.add(name_key(entry.name))
