"""Parse narrative Markdown (overview, chapters, districts, conclusion) into schema data.

The dialect: front matter with ``title`` (and ``kind`` in chapters); ``##`` sections,
``###``/``####`` sub-headings; paragraphs with ``**bold**`` runs; ``- `` lists; fenced
``figure`` / ``table`` (YAML) and ````` ````case Title ````` (Markdown) blocks. Every other
construct is recognised by the parser (HTML, pipe tables, strikethrough included) so that it
reaches the default branch of one dispatch and is reported at its line: nothing disappears.
The decisions per construct are in docs/dev/dataset-format.md.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import codes
from ..findings import Location
from ..text import CONTROL
from .md_inline import Note, inline_text, runs
from .reader import DatasetReader
from .sources import PathKey
from .yamlfile import YamlSyntaxError, parse_yaml

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@functools.cache
def _markdown() -> MarkdownIt:
    """Return the one Markdown parser, made (and markdown-it imported) with the first text read, not with nbreport.

    html, table and strikethrough are parsed only to be reported; text_join stays off so that
    escapes and entities remain distinct tokens (an escaped ``\\*\\*`` is not a bold toggle).
    """
    from markdown_it import MarkdownIt

    return (MarkdownIt("commonmark", {"html": True, "typographer": False, "linkify": False})
            .enable(["table", "strikethrough"]).disable("text_join"))


def _deepest() -> int:
    """Return the block nesting at which markdown-it stops reading, silently: past it nothing is read."""
    return int(_markdown().options["maxNesting"]) - 1


_FIGURE_KEYS = {"caption", "image", "source", "chart", "width_mm", "height_mm"}
TITLE_ONLY = frozenset({"title"})
CHAPTER_KINDS = ("chapter", "districts")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter, body, line offset of the body); front matter None if absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 1
    return None, text, 0


class MarkdownFile:
    """Parse one Markdown file of the dataset into blocks, recording positions and findings."""

    def __init__(self, reader: DatasetReader, file: Path) -> None:
        self.reader = reader
        self.file = file
        self.shown = reader.sources.relative(file)

    def at(self, line: int | None) -> Location:
        """Return the location of a 1-based line of this file."""
        return Location(file=self.shown, line=line)

    def report(self, code: str, line: int | None, detail: str) -> None:
        """Record the finding ``code`` at a 1-based line of this file."""
        self.reader.add(codes.make(code, self.at(line), detail=detail))

    def read(self, path: PathKey, keys: frozenset[str] = TITLE_ONLY) -> tuple[dict[str, Any], list[Token], int]:
        """Return the front matter and the tokens of the body with its line offset.

        ``keys`` are the front-matter keys this file may have; any other is a finding at its line.
        """
        text = self.reader.read_text(self.file)
        if text is None:
            return {}, [], 0
        text = self.without_control_characters(text)
        front, body, offset = split_front_matter(text)
        self.reader.sources.add(path, self.at(1))
        meta = self.front_matter(front, keys, path)
        return meta, self.parse(body, offset), offset

    def front_matter(self, front: str | None, keys: frozenset[str], path: PathKey) -> dict[str, Any]:
        """Return the front matter as data, reporting a missing title, unknown keys and a bad kind.

        A missing title is reported here and replaced by the file's name, so that the Report
        can still be built and every other rule runs in the same pass (the build refuses anyway).
        """
        meta: Any = {}
        positions: dict[tuple[str | int, ...], int] = {}
        if front is None:
            self.report("E-MD-FRONTMATTER", 1, codes.detail("md.front_missing"))
        else:
            try:
                meta, positions = parse_yaml(front, line_offset=1)
            except YamlSyntaxError as error:
                self.report("E-MD-FRONTMATTER", error.line, str(error))
            if not isinstance(meta, dict) or "title" not in meta:
                self.report("E-MD-FRONTMATTER", 1, codes.detail("md.title_missing"))
        meta = meta if isinstance(meta, dict) else {}
        if ("title",) in positions:
            self.reader.sources.add(path + ("title",), self.at(positions[("title",)]))
        allowed = " / ".join(sorted(keys))
        for key in sorted(set(meta) - keys, key=lambda k: positions.get((k,), 0)):
            self.report("E-MD-FRONTMATTER", positions.get((key,), 1), codes.detail("md.front_key", key=key, allowed=allowed))
        kind = meta.get("kind", "chapter")
        if "kind" in keys and kind not in CHAPTER_KINDS:
            detail = codes.detail("md.front_kind", kinds=" / ".join(CHAPTER_KINDS), kind=kind)
            self.report("E-MD-FRONTMATTER", positions.get(("kind",), 1), detail)
        known = {key: value for key, value in meta.items() if key in keys}
        title = known.get("title")
        if "title" in known and (not isinstance(title, str) or not title.strip()):
            self.report("E-MD-FRONTMATTER", positions.get(("title",), 1), codes.detail("md.title_text"))
            del known["title"]
        return {"title": self.file.stem, **known}

    def parse(self, text: str, offset: int) -> list[Token]:
        """Return the tokens of a Markdown text, reporting what the parser reads but emits no token for."""
        env: dict[str, Any] = {}
        tokens = _markdown().parse(text, env)
        lines = text.split("\n")
        for start, count in _unread_lines(tokens, env, lines):
            text = _clip(lines[start].strip())
            detail = codes.detail("md.unread_one", text=text) if count == 1 else codes.detail("md.unread_many", text=text, count=count)
            self.report("E-MD-STRUCTURE", start + 1 + offset, detail)
        deepest = _deepest()
        deep = next((t for t in tokens if t.level >= deepest and t.map), None)
        if deep is not None:
            detail = codes.detail("md.too_deep", depth=deepest)
            self.report("E-MD-STRUCTURE", self.line(deep, offset), detail)
        for token in tokens:
            if token.type == "fence" and token.map and not _closed(token, lines):
                detail = codes.detail("md.fence_open", mark=_clip(token.markup))
                where = self.at(self.line(token, offset))
                self.reader.add(codes.make("E-MD-FENCE", where, kind=token.info.strip().partition(" ")[0], detail=detail))
        return tokens

    def without_control_characters(self, text: str) -> str:
        """Report each line holding XML-illegal characters, then drop them so parsing goes on."""
        if not CONTROL.search(text):
            return text
        for number, line in enumerate(text.split("\n"), start=1):
            found = sorted(set(CONTROL.findall(line)))
            if found:
                chars = " ".join(f"U+{ord(ch):04X}" for ch in found)
                self.reader.add(codes.make("E-TEXT-CONTROL", self.at(number), chars=chars))
        return CONTROL.sub("", text)

    # -- inline ---------------------------------------------------------------

    def note(self, inline: Token, offset: int) -> Note:
        """Return a callback that reports an inline construct at its line in this file."""
        first = self.line(inline, offset) or 0

        def report(line: int, code: str, detail: str) -> None:
            self.report(code, first + line, detail)
        return report

    def paragraph(self, inline: Token, offset: int) -> dict[str, Any]:
        """Return paragraph data for an inline token."""
        return {"kind": "paragraph", "runs": runs(inline, self.note(inline, offset))}

    def heading_text(self, inline: Token, offset: int) -> str:
        """Return the text of a heading's inline token."""
        return inline_text(inline, self.note(inline, offset))

    # -- blocks ---------------------------------------------------------------

    def blocks(self, tokens: list[Token], offset: int, path: PathKey, depth: int = 0) -> list[dict[str, Any]]:
        """Return schema block data for a flat token stream (no ## headings in it)."""
        blocks: list[dict[str, Any]] = []
        index = 0
        while index < len(tokens):
            line = self.line(tokens[index], offset)
            block_path = path + (len(blocks),)
            block, index = self.block(tokens, index, offset, block_path, depth)
            if block is not None:
                self.reader.sources.add(block_path, self.at(line))
                blocks.append(block)
        return blocks

    def line(self, token: Token, offset: int) -> int | None:
        """Return the 1-based file line where ``token`` starts."""
        return token.map[0] + 1 + offset if token.map else None

    def block(self, tokens: list[Token], index: int, offset: int, path: PathKey,
              depth: int = 0) -> tuple[dict[str, Any] | None, int]:
        """Return one block starting at ``tokens[index]`` (None if reported) and the index after it."""
        token = tokens[index]
        match token.type:
            case "paragraph_open":
                return self.paragraph(tokens[index + 1], offset), index + 3
            case "heading_open" if token.markup in ("###", "####"):
                text = self.heading_text(tokens[index + 1], offset)
                if not text.strip():
                    self.report("E-MD-STRUCTURE", self.line(token, offset), codes.detail("md.empty_heading", mark=token.markup))
                    return None, index + 3
                return {"kind": "subheading", "level": len(token.markup), "text": text}, index + 3
            case "bullet_list_open":
                items, end = self.list_items(tokens, index, offset)
                return ({"kind": "bullets", "items": [item for _, item in items]} if items else None), end
            case "fence":
                return self.fence(token, offset, path, depth), index + 1
            case _:
                self.report("E-MD-STRUCTURE", self.line(token, offset), describe(token))
                return None, skip(tokens, index)

    def list_items(self, tokens: list[Token], index: int,
                   offset: int) -> tuple[list[tuple[int | None, dict[str, Any]]], int]:
        """Return (line, paragraph) per item of the bullet list at ``index`` and the index after the list.

        An item holds one paragraph; anything else in it (a nested list, a fence, a second
        paragraph) is reported at its line.
        """
        end = skip(tokens, index)
        items: list[tuple[int | None, dict[str, Any]]] = []
        position = index + 1
        while position < end - 1:
            item_end = skip(tokens, position)
            item = self.list_item(tokens[position + 1:item_end - 1], offset)
            if item is not None:
                items.append((self.line(tokens[position], offset), item))
            position = item_end
        return items, end

    def list_item(self, tokens: list[Token], offset: int) -> dict[str, Any] | None:
        """Return the paragraph of one list item (None if empty), reporting anything else in it."""
        item: dict[str, Any] | None = None
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "paragraph_open" and item is None:
                item = self.paragraph(tokens[index + 1], offset)
            else:
                what = codes.detail("md.second_paragraph") if token.type == "paragraph_open" else describe(token, hint=False)
                self.report("E-MD-STRUCTURE", self.line(token, offset), codes.detail("md.item_extra", what=what))
            index = skip(tokens, index)
        return item

    def fence(self, token: Token, offset: int, path: PathKey, depth: int = 0) -> dict[str, Any] | None:
        """Return a figure, table or case box from a fenced block."""
        kind, _, title = token.info.strip().partition(" ")
        line = self.line(token, offset) or 0
        if kind == "case":
            return self.case(token, title.strip(), line, path, depth)
        if kind not in ("figure", "table"):
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind=kind, detail=codes.detail("md.fence_kind")))
            return None
        try:
            spec, positions = parse_yaml(token.content, line_offset=line)
        except YamlSyntaxError as error:
            self.reader.add(codes.make("E-MD-FENCE", self.at(error.line), kind=kind, detail=str(error)))
            return None
        if not isinstance(spec, dict):
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind=kind, detail=codes.detail("md.fence_mapping")))
            return None
        if kind == "figure":
            return self.figure(spec, line, positions)
        return self.reader.table(spec, self.file.parent, path, self.at(line))

    def case(self, token: Token, title: str, line: int, path: PathKey, depth: int) -> dict[str, Any] | None:
        """Return a case box; its body is Markdown, but it may not hold another case box."""
        tokens = self.parse(token.content, line) if title and depth == 0 else []
        problem = (codes.detail("md.case_title") if not title else codes.detail("md.case_nested") if depth > 0
                   else codes.detail("md.case_empty") if not tokens else None)
        if problem:
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind="case", detail=problem))
            return None
        blocks = self.blocks(tokens, line, path + ("blocks",), depth + 1)
        # a body whose every block was reported is left out; its findings say why
        return {"kind": "case", "title": title, "blocks": blocks} if blocks else None

    def figure(self, spec: dict[str, Any], line: int,
               positions: dict[tuple[str | int, ...], int]) -> dict[str, Any] | None:
        """Return figure data; its texts must be text and its image must exist inside the dataset."""
        unknown = set(spec) - _FIGURE_KEYS
        if unknown or not spec.get("caption"):
            detail = codes.detail("md.figure_keys", keys="、".join(sorted(unknown))) if unknown else codes.detail("md.figure_caption")
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind="figure", detail=detail))
            return None
        # YAML reads 2023 as a number and 1.50 as 1.5: turning it back into text could change it
        typed = [key for key in ("caption", "source", "image") if key in spec and not isinstance(spec[key], str)]
        for key in typed:
            detail = codes.detail("md.figure_text", key=key)
            self.reader.add(codes.make("E-MD-FENCE", self.at(positions.get((key,), line)), kind="figure", detail=detail))
        if typed:
            return None
        figure = {"kind": "figure", **spec}
        if spec.get("image"):
            resolved = self.reader.resolve(str(spec["image"]), self.file.parent, self.at(line))
            if resolved is None:
                return None
            figure["image"] = self.reader.sources.relative(resolved)
        return figure


def _unread_lines(tokens: list[Token], env: dict[str, Any], lines: list[str]) -> list[tuple[int, int]]:
    """Return (first line, length) of each run of non-blank lines the parser consumed without a token.

    Link-reference definitions (``[a]: http://x``, also ``[^1]: …``) are such lines; a
    definition repeating a label is not even kept in ``env``, so coverage finds it too.
    """
    covered = [False] * len(lines)
    for token in tokens:
        if token.level == 0 and token.map:
            covered[token.map[0]:token.map[1]] = [True] * (token.map[1] - token.map[0])
    runs = [(ref["map"][0], 1) for ref in env.get("references", {}).values() if covered[ref["map"][0]]]
    start = None
    for number, line in enumerate([*lines, ""]):
        unread = number < len(lines) and not covered[number] and bool(line.strip())
        if unread and start is None:
            start = number
        elif not unread and start is not None:
            runs.append((start, number - start))
            start = None
    return sorted(runs)


def _clip(text: str, width: int = 30) -> str:
    """Return ``text`` cut to ``width`` characters with an ellipsis, for messages."""
    return text if len(text) <= width else text[:width] + "…"


def _closed(fence: Token, lines: list[str]) -> bool:
    """Return True when a fence has its closing line (else it ran to the end of the text)."""
    assert fence.map is not None
    last = fence.map[1] - 1
    if last <= fence.map[0] or last >= len(lines):
        return False
    closing = lines[last].strip()
    return len(closing) >= len(fence.markup) and set(closing) == {fence.markup[0]}


def skip(tokens: list[Token], index: int) -> int:
    """Return the index after the token at ``index`` and everything it opens."""
    depth: int = tokens[index].nesting
    position = index + 1
    while depth > 0 and position < len(tokens):
        depth += tokens[position].nesting
        position += 1
    return position


def describe(token: Token, hint: bool = True) -> str:
    """Return the name of a construct the dialect lacks here (a sub-message); ``hint`` adds which headings fit."""
    if token.type == "heading_open":
        if token.markup in ("=", "-"):
            return codes.detail("md.setext", rule=token.markup * 3)
        return codes.detail("md.heading_hint" if hint else "md.heading", mark=token.markup)
    names = {
        "bullet_list_open": "md.nested_list", "ordered_list_open": "md.ordered_list", "blockquote_open": "md.blockquote",
        "code_block": "md.code_block", "hr": "md.hr", "html_block": "md.html_block", "table_open": "md.pipe_table",
        "fence": "md.fence",
    }
    key = names.get(token.type)
    return codes.detail(key) if key else codes.detail("md.other", kind=token.type)
