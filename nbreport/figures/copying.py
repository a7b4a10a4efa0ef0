"""Copy a report for the figure passes, deep only where they write.

Templates and chart references rewrite a few parts of a report (a chapter's paragraphs, a
figure's chart); the caller's report must stay as it was. Deep-copying the whole report,
tables and chronology included, cost more than the passes themselves, so only the top-level
parts the passes touch are copied deeply; the others are shared, never written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..schema.report import Report

PathKey = tuple[str | int, ...]


def copy_parts(report: Report, paths: Iterable[PathKey]) -> Report:
    """Return a shallow copy of ``report`` whose parts on ``paths`` (their first one or two keys) are deep copies."""
    updates: dict[str, Any] = {}
    for path in paths:
        name = str(path[0])
        value = getattr(report, name)
        if isinstance(value, list):
            copied = updates.setdefault(name, list(value))
            index = path[1]
            assert isinstance(index, int)
            if copied[index] is value[index]:
                copied[index] = value[index].model_copy(deep=True)
        elif name not in updates:
            updates[name] = value.model_copy(deep=True)
    copy = report.model_copy(update=updates)
    copy._sources, copy._root = report._sources, report._root
    return copy
