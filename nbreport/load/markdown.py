"""Parse narrative Markdown (overview, chapters, districts, conclusion) into schema data.

The dialect: front matter with ``title``; ``##`` sections, ``###``/``####`` sub-headings;
paragraphs with ``**bold**`` runs; ``- `` lists; fenced ``figure`` / ``table`` (YAML) and
````` ````case Title ````` (Markdown) blocks. Raw HTML is off: user text stays text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import codes
from ..findings import Location
from ..text import CONTROL
from .sources import PathKey
from .yamlfile import YamlSyntaxError, parse_yaml

if TYPE_CHECKING:
    from .dataset import DatasetReader

_MD = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False})
_FIGURE_KEYS = {"caption", "image", "source", "chart"}


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

    def read(self, path: PathKey) -> tuple[dict[str, Any], list[Token], int]:
        """Return the front matter and the tokens of the body with its line offset."""
        text = self.reader.read_text(self.file)
        if text is None:
            return {}, [], 0
        text = self.without_control_characters(text)
        front, body, offset = split_front_matter(text)
        meta: dict[str, Any] = {}
        if front is None:
            self.reader.add(codes.make("E-MD-FRONTMATTER", self.at(1), detail="缺少 --- 开头的 title"))
        else:
            try:
                meta, _ = parse_yaml(front, line_offset=1)
            except YamlSyntaxError as error:
                self.reader.add(codes.make("E-MD-FRONTMATTER", self.at(error.line), detail=str(error)))
            if not isinstance(meta, dict) or "title" not in meta:
                self.reader.add(codes.make("E-MD-FRONTMATTER", self.at(1), detail="缺少 title"))
                meta = meta if isinstance(meta, dict) else {}
        self.reader.sources.add(path, self.at(1))
        return meta, _MD.parse(body), offset

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

    # -- blocks ---------------------------------------------------------------

    def blocks(self, tokens: list[Token], offset: int, path: PathKey) -> list[dict[str, Any]]:
        """Return schema block data for a flat token stream (no ## headings in it)."""
        blocks: list[dict[str, Any]] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            line = self.line(token, offset)
            block_path = path + (len(blocks),)
            block, index = self.block(tokens, index, offset, block_path)
            if block is not None:
                self.reader.sources.add(block_path, self.at(line))
                blocks.append(block)
        return blocks

    def line(self, token: Token, offset: int) -> int | None:
        """Return the 1-based file line where ``token`` starts."""
        return token.map[0] + 1 + offset if token.map else None

    def block(self, tokens: list[Token], index: int, offset: int, path: PathKey) -> tuple[dict[str, Any] | None, int]:
        """Return one block starting at ``tokens[index]`` and the index after it."""
        token = tokens[index]
        line = self.line(token, offset)
        if token.type == "paragraph_open":
            return {"kind": "paragraph", "runs": runs(tokens[index + 1])}, index + 3
        if token.type == "heading_open" and token.tag in ("h3", "h4"):
            text = inline_text(tokens[index + 1])
            return {"kind": "subheading", "level": int(token.tag[1]), "text": text}, index + 3
        if token.type == "bullet_list_open":
            items, end = list_items(tokens, index)
            return {"kind": "bullets", "items": items}, end
        if token.type == "fence":
            return self.fence(token, offset, path), index + 1
        self.reader.add(codes.make("E-MD-STRUCTURE", self.at(line), detail=_describe(token)))
        return None, _skip(tokens, index)

    def fence(self, token: Token, offset: int, path: PathKey) -> dict[str, Any] | None:
        """Return a figure, table or case box from a fenced block."""
        info = token.info.strip()
        kind, _, title = info.partition(" ")
        line = self.line(token, offset) or 0
        if kind == "case":
            if not title.strip():
                self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind="case", detail="缺少标题"))
                return None
            inner = _MD.parse(token.content)
            return {"kind": "case", "title": title.strip(), "blocks": self.blocks(inner, line, path + ("blocks",))}
        if kind not in ("figure", "table"):
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind=kind, detail="只支持 figure、table、case"))
            return None
        try:
            spec, _ = parse_yaml(token.content, line_offset=line)
        except YamlSyntaxError as error:
            self.reader.add(codes.make("E-MD-FENCE", self.at(error.line), kind=kind, detail=str(error)))
            return None
        if not isinstance(spec, dict):
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind=kind, detail="内容应为 键: 值"))
            return None
        if kind == "figure":
            return self.figure(spec, line)
        return self.reader.table(spec, self.file.parent, path, self.at(line))

    def figure(self, spec: dict[str, Any], line: int) -> dict[str, Any] | None:
        """Return figure data; its image must exist inside the dataset."""
        unknown = set(spec) - _FIGURE_KEYS
        if unknown or not spec.get("caption"):
            detail = f"未知的键 {'、'.join(sorted(unknown))}" if unknown else "缺少 caption"
            self.reader.add(codes.make("E-MD-FENCE", self.at(line), kind="figure", detail=detail))
            return None
        figure = {"kind": "figure", **spec}
        if spec.get("image"):
            resolved = self.reader.resolve(str(spec["image"]), self.file.parent, self.at(line))
            if resolved is None:
                return None
            figure["image"] = self.reader.sources.relative(resolved)
        return figure


def runs(inline: Token) -> list[dict[str, Any]]:
    """Return the runs of a paragraph: ``**`` toggles bold, line breaks are joined.

    CommonMark will not close ``**`` after CJK punctuation followed by a letter
    (``**引语。**正文``), which is exactly how bold lead-ins are written, so the
    raw inline source is split on ``**`` here instead.
    """
    text = "".join(line.strip() for line in inline.content.split("\n"))
    parts = text.replace("\\*", "\x00").split("**")
    if len(parts) % 2 == 0:  # an unmatched ** stays literal
        parts[-2:] = [parts[-2] + "**" + parts[-1]]
    result: list[dict[str, Any]] = []
    for index, part in enumerate(parts):
        if part:
            _append(result, part.replace("\x00", "*"), index % 2 == 1)
    return result or [{"text": "", "strong": False}]


def _append(result: list[dict[str, Any]], text: str, strong: bool) -> None:
    if result and result[-1]["strong"] == strong:
        result[-1]["text"] += text
    else:
        result.append({"text": text, "strong": strong})


def inline_text(inline: Token) -> str:
    """Return the plain text of an inline token."""
    return "".join(run["text"] for run in runs(inline))


def list_items(tokens: list[Token], index: int) -> tuple[list[dict[str, Any]], int]:
    """Return the paragraphs of a bullet list and the index after it."""
    items: list[dict[str, Any]] = []
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        depth += token.nesting if token.type.endswith(("list_open", "list_close")) else 0
        if token.type == "inline" and depth == 1:
            items.append({"kind": "paragraph", "runs": runs(token)})
        if depth == 0:
            return items, position + 1
    return items, len(tokens)


def _skip(tokens: list[Token], index: int) -> int:
    depth = tokens[index].nesting
    position = index + 1
    while depth > 0 and position < len(tokens):
        depth += tokens[position].nesting
        position += 1
    return position


def _describe(token: Token) -> str:
    names = {
        "heading_open": f"{token.markup or '#'} 级标题（此处只能用 ## ### ####）",
        "ordered_list_open": "编号列表（请用 - 列表或把编号写进文字）",
        "blockquote_open": "引用块 >",
        "code_block": "缩进代码块（行首有 4 个空格？）",
        "hr": "分隔线 ---",
        "html_block": "HTML",
    }
    return names.get(token.type, token.type)
