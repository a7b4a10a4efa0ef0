"""Turn parsed Markdown files into overview, chapter, district chapter and conclusion data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import codes
from .markdown import MarkdownFile, describe, skip
from .reader import DatasetReader
from .sources import PathKey

if TYPE_CHECKING:
    from markdown_it.token import Token


_PART_KEYS = frozenset({"title", "templates"})  # templates: true renders {{ 指标(...) }} (nbreport.figures)
_CHAPTER_KEYS = _PART_KEYS | {"kind"}


def _split_sections(tokens: list[Token]) -> tuple[list[Token], list[tuple[Token, list[Token]]]]:
    """Return the tokens before the first ## and each ## heading with its tokens."""
    intro: list[Token] = []
    sections: list[tuple[Token, list[Token]]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.markup == "##" and token.level == 0:  # setext: reported later
            sections.append((tokens[index + 1], []))
            index += 3
            continue
        (sections[-1][1] if sections else intro).append(token)
        index += 1
    return intro, sections


def _heading(md: MarkdownFile, inline: Token, offset: int) -> str:
    """Return a ## heading's text; an empty one is reported and named by its line, so loading goes on."""
    text = md.heading_text(inline, offset)
    if text.strip():
        return text
    line = md.line(inline, offset)
    md.report("E-MD-STRUCTURE", line, codes.detail("md.empty_heading", mark="##"))
    return f"（第 {line} 行）"


def read_chapter(reader: DatasetReader, file: Path, path: PathKey, overview: bool = False) -> dict[str, Any]:
    """Return chapter (or overview, or district chapter) data from one Markdown file."""
    md = MarkdownFile(reader, file)
    meta, tokens, offset = md.read(path, _PART_KEYS if overview else _CHAPTER_KEYS)
    if meta.get("kind") == "districts":
        return read_districts(md, meta, tokens, offset, path)
    intro, sections = _split_sections(tokens)
    data: dict[str, Any] = {"title": meta.get("title", ""), "templates": meta.get("templates", False)}
    if not overview:
        data["kind"] = "chapter"
    data["intro"] = md.blocks(intro, offset, path + ("intro",))
    data["sections"] = []
    for index, (heading, body) in enumerate(sections):
        section_path = path + ("sections", index)
        reader.sources.add(section_path, md.at(md.line(heading, offset)))
        blocks = md.blocks(body, offset, section_path + ("blocks",))
        data["sections"].append({"title": _heading(md, heading, offset), "blocks": blocks})
    return data


def read_districts(md: MarkdownFile, meta: dict[str, Any], tokens: list[Token], offset: int, path: PathKey) -> dict[str, Any]:
    """Return district chapter data: each ## is a district, paragraphs intro, - items ▶ items."""
    intro, sections = _split_sections(tokens)
    districts = []
    for index, (heading, body) in enumerate(sections):
        entry_path = path + ("districts", index)
        md.reader.sources.add(entry_path, md.at(md.line(heading, offset)))
        districts.append(_district(md, _heading(md, heading, offset), body, offset, entry_path))
    return {
        "kind": "districts", "title": meta.get("title", ""), "templates": meta.get("templates", False),
        "intro": md.blocks(intro, offset, path + ("intro",)), "districts": districts,
    }


def _district(md: MarkdownFile, name: str, tokens: list[Token], offset: int, path: PathKey) -> dict[str, Any]:
    """Return one district: paragraphs are its introduction, ``-`` items its ▶ items, in that order."""
    entry: dict[str, Any] = {"name": name, "intro": [], "items": []}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = md.line(token, offset)
        match token.type:
            case "paragraph_open" if entry["items"]:
                # printing it before the items would silently reorder the text
                md.report("E-MD-STRUCTURE", line, codes.detail("md.district_after_items"))
            case "paragraph_open":
                md.reader.sources.add(path + ("intro", len(entry["intro"])), md.at(line))
                entry["intro"].append(md.paragraph(tokens[index + 1], offset))
            case "bullet_list_open":
                items, _ = md.list_items(tokens, index, offset)
                for item_line, item in items:
                    md.reader.sources.add(path + ("items", len(entry["items"])), md.at(item_line))
                    entry["items"].append(item)
            case _:
                md.report("E-MD-STRUCTURE", line, codes.detail("md.district_extra", what=describe(token, hint=False)))
        index = skip(tokens, index)
    return entry


def read_conclusion(reader: DatasetReader, file: Path, path: PathKey) -> dict[str, Any]:
    """Return 结语 data: its title and blocks."""
    md = MarkdownFile(reader, file)
    meta, tokens, offset = md.read(path, _PART_KEYS)
    return {"title": meta.get("title", "结语"), "templates": meta.get("templates", False), "blocks": md.blocks(tokens, offset, path + ("blocks",))}
