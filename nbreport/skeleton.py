"""Create a new year's dataset from the previous year's structure, with empty tables."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

from .load.markdown import split_front_matter


class SkeletonError(Exception):
    """Say why a skeleton cannot be created (no source, target exists)."""


def create_skeleton(source: Path, target: Path, year: int) -> list[Path]:
    """Copy the folder layout of ``source`` to ``target``: headings kept, text and rows emptied."""
    if not (source / "report.yaml").is_file():
        raise SkeletonError(f"{source} 不是数据集目录（缺少 report.yaml）")
    if target.exists():
        raise SkeletonError(f"{target} 已存在，不覆盖")
    staging = target.with_name(f".{target.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    written: list[Path] = []
    for file in sorted(source.rglob("*")):
        if not file.is_file() or file.name == "NOTES.md" or "notes" in file.relative_to(source).parts:
            continue
        out = staging / file.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_blank(file, year), encoding="utf-8")
        written.append(target / file.relative_to(source))
    staging.rename(target)
    return written


def _blank(file: Path, year: int) -> str:
    text = file.read_text(encoding="utf-8-sig")
    if file.name == "report.yaml":
        return re.sub(r"(?m)^(\s*year:\s*)\d{4}", rf"\g<1>{year}", text)
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
