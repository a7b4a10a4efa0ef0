"""Read a reviewer-edited DOCX back: the paragraphs whose text changed, and the figures that no longer match.

The edited file is compared with the DOCX the dataset builds now (rendered to a temporary
folder and read back the same way), so both sides went through the same renderer and the
same text extraction; only the reviewer's edits differ.
"""

from __future__ import annotations

import difflib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..schema.report import Report


@dataclass(frozen=True)
class Mismatch:
    """Hold a figure the edited paragraph no longer shows, or a typed one that contradicts its indicator."""

    name: str
    year: int
    printed: str
    source: str
    expected: str = ""  # set for a typed figure that contradicts the indicator: what the panel says


@dataclass
class Change:
    """Hold one changed paragraph: its section, the built and the edited text, the figures lost."""

    section: str
    before: str
    after: str
    mismatches: list[Mismatch] = field(default_factory=list)


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """Return (heading above it, text) for every paragraph of the DOCX, table cells included, in order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    heading = ""
    found: list[tuple[str, str]] = []
    for item in Document(str(path)).iter_inner_content():
        paragraphs: list[Any] = []
        if isinstance(item, Paragraph):
            paragraphs = [item]
        elif isinstance(item, Table):
            paragraphs = [p for row in item.rows for cell in row.cells for p in cell.paragraphs]
        for paragraph in paragraphs:
            text = paragraph.text.strip()
            if not text:
                continue
            if paragraph.style is not None and (paragraph.style.name or "").startswith("Heading"):
                heading = text
            found.append((heading, text))
    return found


def audit(edited: Path, report: Report) -> list[Change]:
    """Return the paragraphs of ``edited`` that differ from the DOCX ``report`` builds, with lost figures."""
    from ..api import build

    with tempfile.TemporaryDirectory() as tmp:
        built = build(report, tmp, formats=("docx",))[0]
        expected = docx_paragraphs(built)
    actual = docx_paragraphs(edited)
    from .consistency import patterns_of, typed_figures
    from .panel import Panel

    figures = [(use.printed.indicator, use.printed.text) for use in report._figures if hasattr(use, "printed")]
    panel = Panel(report.indicators)
    patterns = patterns_of(panel)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=[text for _, text in expected], b=[text for _, text in actual], autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = expected[a0:a1], actual[b0:b1]
        for index in range(max(len(olds), len(news))):
            section = (news[index] if index < len(news) else olds[index])[0]
            before = olds[index][1] if index < len(olds) else ""
            after = news[index][1] if index < len(news) else ""
            lost = [Mismatch(item.name, item.year, text, item.source or "") for item, text in figures
                    if _count(text, before) > _count(text, after)]
            lost += [Mismatch(found.name, found.year, found.typed, "", found.expected)
                     for found in typed_figures(panel, patterns, after, report.meta.year) if not found.agrees]
            changes.append(Change(section, before, after, _unique(lost)))
    return changes


def _count(figure: str, text: str) -> int:
    """Return how often ``figure`` stands in ``text`` as a whole number (3家 is not in 23家)."""
    import re

    return len(re.findall(r"(?<![\d.])" + re.escape(figure), text))


def _unique(items: list[Mismatch]) -> list[Mismatch]:
    return list(dict.fromkeys(items))


def print_changes(changes: list[Change]) -> None:
    """Print the changes grouped by section, each lost figure under its paragraph."""
    section = None
    for change in changes:
        if change.section != section:
            section = change.section
            print(f"## {section or '（文档开头）'}")
        print(f"  原文：{change.before or '（无）'}")
        print(f"  修改：{change.after or '（删除）'}")
        for lost in change.mismatches:
            if lost.expected:
                print(f"  ✗ {lost.printed} 与指标“{lost.name}”{lost.year} 年的 {lost.expected} 不一致；请改 indicators.csv 或恢复原文")
            else:
                print(f"  ✗ {lost.printed} 不再与指标“{lost.name}”{lost.year} 年一致（来源 {lost.source}）；请改 indicators.csv 或恢复原文")
