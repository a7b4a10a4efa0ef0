"""Turn parsed Markdown files into overview, chapter, district chapter and conclusion data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from .. import codes
from .markdown import MarkdownFile, inline_text, list_items, runs
from .sources import PathKey

if TYPE_CHECKING:
    from .dataset import DatasetReader


def _split_sections(tokens: list[Token]) -> tuple[list[Token], list[tuple[Token, list[Token]]]]:
    """Return the tokens before the first ## and each ## heading with its tokens."""
    intro: list[Token] = []
    sections: list[tuple[Token, list[Token]]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.tag == "h2":
            sections.append((tokens[index + 1], []))
            index += 3
            continue
        (sections[-1][1] if sections else intro).append(token)
        index += 1
    return intro, sections


def read_chapter(reader: DatasetReader, file: Path, path: PathKey, overview: bool = False) -> dict[str, Any]:
    """Return chapter (or overview, or district chapter) data from one Markdown file."""
    md = MarkdownFile(reader, file)
    meta, tokens, offset = md.read(path)
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
        data["sections"].append({"title": inline_text(heading), "blocks": blocks})
    return data


def read_districts(md: MarkdownFile, meta: dict[str, Any], tokens: list[Token], offset: int, path: PathKey) -> dict[str, Any]:
    """Return district chapter data: each ## is a district, paragraphs intro, - items ▶ items."""
    intro, sections = _split_sections(tokens)
    districts = []
    for index, (heading, body) in enumerate(sections):
        entry_path = path + ("districts", index)
        md.reader.sources.add(entry_path, md.at(md.line(heading, offset)))
        districts.append(_district(md, inline_text(heading), body, offset, entry_path))
    return {
        "kind": "districts", "title": meta.get("title", ""), "templates": meta.get("templates", False),
        "intro": md.blocks(intro, offset, path + ("intro",)), "districts": districts,
    }


def _district(md: MarkdownFile, name: str, tokens: list[Token], offset: int, path: PathKey) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "intro": [], "items": []}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = md.line(token, offset)
        if token.type == "paragraph_open":
            md.reader.sources.add(path + ("intro", len(entry["intro"])), md.at(line))
            entry["intro"].append({"kind": "paragraph", "runs": runs(tokens[index + 1])})
            index += 3
        elif token.type == "bullet_list_open":
            items, index = list_items(tokens, index)
            for item in items:
                md.reader.sources.add(path + ("items", len(entry["items"])), md.at(line))
                entry["items"].append(item)
        else:
            detail = "区县条目中只能有段落和 - 列表"
            md.reader.add(codes.make("E-MD-STRUCTURE", md.at(line), detail=detail))
            index += 1
    return entry


def read_conclusion(reader: DatasetReader, file: Path, path: PathKey) -> dict[str, Any]:
    """Return 结语 data: its title and blocks."""
    md = MarkdownFile(reader, file)
    meta, tokens, offset = md.read(path)
    return {"title": meta.get("title", "结语"), "templates": meta.get("templates", False), "blocks": md.blocks(tokens, offset, path + ("blocks",))}
