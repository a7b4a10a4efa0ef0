"""Create a new year's dataset from the previous year's structure, with empty tables.

Headings, table headers and settings are kept; text and rows are emptied. The years the
structure names (2023年度…, appendix titles of 2022年度 awards, keywords "2023") move on by
the difference of the two report years; any other year left in what is kept is a finding,
so the editor checks it.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .codes import make
from .findings import Finding, Location
from .load.markdown import split_front_matter

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
META_YEAR = re.compile(r"(?m)^(\s*year:\s*)(\d{4})\s*$")


class SkeletonError(Exception):
    """Say why a skeleton cannot be created (no source, target exists)."""


@dataclass
class Skeleton:
    """Describe a created skeleton: the files written and the years an editor should check."""

    target: Path
    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def shipped_skeleton() -> Path:
    """Return the dataset skeleton shipped with the package (the 2023 report's structure)."""
    return Path(str(resources.files("nbreport") / "templates" / "dataset"))


def create_skeleton(source: Path, target: Path, year: int) -> Skeleton:
    """Copy the folder layout of ``source`` to ``target`` for ``year``: headings kept, text and rows emptied."""
    report_yaml = source / "report.yaml"
    if not report_yaml.is_file():
        raise SkeletonError(f"{source} 不是数据集目录（缺少 report.yaml）")
    if target.exists():
        raise SkeletonError(f"{target} 已存在，不覆盖；用 --out 指定另一个目录")
    found = META_YEAR.search(report_yaml.read_text(encoding="utf-8-sig"))
    shift = year - int(found.group(2)) if found else 0
    old_years = {int(found.group(2)) - back for back in (0, 1)} if found else set()
    staging = target.with_name(f".{target.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    result = Skeleton(target)
    try:
        for file in sorted(source.rglob("*")):
            relative = file.relative_to(source)
            if not file.is_file() or file.name == "NOTES.md" or "notes" in relative.parts:
                continue
            text = _blank(file, year)
            text = _shift_years(text, shift, old_years, relative.as_posix(), result.findings)
            out = staging / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            result.files.append(target / relative)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _shift_years(text: str, shift: int, old: set[int], shown: str, findings: list[Finding]) -> str:
    """Move the years of the old report (its year and the one before) on by ``shift``; flag the others."""
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if META_YEAR.match(line):
            continue

        def move(match: re.Match[str]) -> str:
            value = int(match.group(1))
            if value in old:
                return str(value + shift)
            findings.append(make("W-INIT-YEAR", Location(file=shown, line=number), value=value))
            return match.group(1)

        lines[number - 1] = YEAR.sub(move, line) if shift else line
    return "\n".join(lines)


def _blank(file: Path, year: int) -> str:
    text = file.read_text(encoding="utf-8-sig")
    if file.name == "report.yaml":
        return META_YEAR.sub(rf"\g<1>{year}", text)
    if file.suffix == ".csv":
        header = next(csv.reader(io.StringIO(text)), [])
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(header)
        return buffer.getvalue()
    if file.suffix == ".md":
        return _blank_markdown(text)
    return text


def _blank_markdown(text: str) -> str:
    front, body, _ = split_front_matter(text)
    kept: list[str] = []
    in_table = False
    for line in body.split("\n"):
        if line.startswith("```table"):
            in_table = True
            kept.append("")
        if in_table or re.match(r"^#{2,4} ", line):
            kept.append(line if in_table else f"\n{line}")
        if in_table and line.strip() == "```":
            in_table = False
    head = f"---\n{front}\n---\n" if front is not None else ""
    return head + "\n".join(kept) + "\n"
