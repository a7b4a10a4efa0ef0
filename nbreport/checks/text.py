"""Rules for all text: no XML-illegal control characters; no duplicate names."""

from __future__ import annotations

from collections.abc import Iterator

from .. import codes
from ..text import BIDI_CONTROL, CONTROL, name_key
from ..findings import Finding
from ..schema.chapters import DistrictChapter
from ..schema.report import Report
from .context import CheckContext, PathKey
from .sizes import MAX_TEXT
from .walk import iter_strings

LONG_TEXT = 5000


def check_text(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for characters XML and PDF cannot carry, bidi controls, and text too long."""
    data = report.model_dump(mode="python", exclude={"indicators"})
    for path, text in iter_strings(data):
        found = sorted(set(CONTROL.findall(text)))
        if found:
            chars = " ".join(f"U+{ord(ch):04X}" for ch in found)
            yield codes.make("E-TEXT-CONTROL", ctx.at(path), chars=chars)
        bidi = sorted(set(BIDI_CONTROL.findall(text)))
        if bidi:
            yield codes.make("E-TEXT-BIDI", ctx.at(path), chars=" ".join(f"U+{ord(ch):04X}" for ch in bidi))
    for path, length in _lengths(data).items():
        if length > MAX_TEXT:
            yield codes.make("E-TEXT-TOO-LONG", ctx.at(path), length=length, limit=MAX_TEXT)
        elif length > LONG_TEXT:
            yield codes.make("W-TEXT-LONG", ctx.at(path), length=length)


def _lengths(data: object) -> dict[PathKey, int]:
    # A paragraph is measured whole: the line breaker lays out all its runs together,
    # so a megabyte split into many bold/plain runs costs as much as one run.
    lengths: dict[PathKey, int] = {}
    for path, text in iter_strings(data):
        if len(path) >= 3 and path[-3] == "runs" and path[-1] == "text":
            path = path[:-3]
        lengths[path] = lengths.get(path, 0) + len(text)
    return lengths


def check_duplicates(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for chapters or districts that appear twice, compared as they print (NFKC)."""
    titles: set[str] = set()
    for number, chapter in enumerate(report.chapters):
        if name_key(chapter.title) in titles:
            yield codes.make("E-DUPLICATE-ID", ctx.at(("chapters", number)), what=codes.detail("what.chapter_title"), value=chapter.title)
        titles.add(name_key(chapter.title))
        if isinstance(chapter, DistrictChapter):
            names: set[str] = set()
            for index, entry in enumerate(chapter.districts):
                if name_key(entry.name) in names:
                    where = ctx.at(("chapters", number, "districts", index))
                    yield codes.make("E-DUPLICATE-ID", where, what=codes.detail("what.district"), value=entry.name)
                names.add(name_key(entry.name))
