"""Compute new dataset file texts: a district's section in the chapter Markdown, rows in a CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..load.safe_cells import escape_csv_text
from ..load.tables import read_csv
from ..schema import DistrictEntry, Paragraph

_BOM = "\ufeff"


@dataclass(slots=True)
class CsvTable:
    """Hold a dataset CSV for editing: header, rows, the file line of each existing row, and its BOM."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int | None]
    bom: bool = False

    def columns(self, names: tuple[str, ...]) -> dict[str, int]:
        """Return the position of each column in ``names``; raise ValueError if one is missing."""
        return {name: self.header.index(name) for name in names}

    def text(self) -> str:
        """Return the file text: UTF-8 CSV with \\n line ends (the BOM kept if it had one), formula-like text escaped."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([escape_csv_text(cell) for cell in self.header])
        writer.writerows([escape_csv_text(cell) for cell in row] for row in self.rows)
        return (_BOM if self.bom else "") + buffer.getvalue()


def read_csv_table(file: Path) -> CsvTable:
    """Read a dataset CSV (already validated) for editing; raise TableReadError if it cannot be read."""
    raw = read_csv(file, file.name)
    width = len(raw.header)
    rows = [(row + [""] * width)[:width] for row in raw.rows]
    return CsvTable(raw.header, rows, [place.line for place in raw.places], file.read_bytes().startswith(b"\xef\xbb\xbf"))


def district_markdown(entry: DistrictEntry) -> list[str]:
    """Return the lines of a district's section: ``## 名称``, intro paragraphs, ``- **标题**内容`` items."""
    lines = [f"## {entry.name}", ""]
    for paragraph in entry.intro:
        lines += [_escape(paragraph.plain_text), ""]
    lines += [f"- {_item(item)}" for item in entry.items]
    return lines


def _item(item: Paragraph) -> str:
    lead = item.lead
    rest = "".join(run.text for run in item.runs[1 if lead else 0:])
    return (f"**{_escape(lead)}**" if lead else "") + _escape(rest)


def _escape(text: str) -> str:
    """Return text safe inside a Markdown paragraph: a typed * must not open a bold run."""
    return text.replace("*", "\\*")


def put_section(text: str, name: str, section: list[str], order: Sequence[str]) -> tuple[str, bool]:
    """Return ``text`` with the ``## name`` section replaced by ``section`` (or inserted in ``order``), and whether it existed.

    Other sections are kept byte for byte; ``##`` inside fenced blocks is not a heading.
    """
    lines = text.split("\n")
    headings = _headings(lines)
    names = [title for _, title in headings]
    if name in names:
        at = names.index(name)
        start = headings[at][0]
        end = headings[at + 1][0] if at + 1 < len(headings) else len(lines)
        replaced = True
    else:
        rank = {title: index for index, title in enumerate(order)}
        mine = rank.get(name, len(order))
        later = [line for line, title in headings if rank.get(title, len(order) + 1) > mine]
        start = end = later[0] if later else len(lines)
        replaced = False
    before = _trim(lines[:start])
    after = lines[end:]
    block = section + [""] if after else section
    new = (before + [""] if before else []) + block + after
    result = "\n".join(new)
    return (result if result.endswith("\n") else result + "\n"), replaced


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _headings(lines: list[str]) -> list[tuple[int, str]]:
    """Return (line index, title) of every ``## `` heading outside fenced blocks."""
    found: list[tuple[int, str]] = []
    fence = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and stripped.strip("`~") == "":
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            marker = stripped[0]
            fence = marker * (len(stripped) - len(stripped.lstrip(marker)))
            continue
        if line.startswith("## "):
            found.append((index, line[3:].strip()))
    return found
