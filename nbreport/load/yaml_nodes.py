"""Compose YAML text into ruamel.yaml's node graph and turn it into plain data, within yamlfile's limits.

Imported by :func:`yamlfile.parse_yaml` on the first text it reads: a build's PDF worker,
forked before any file is read, never loads ruamel.yaml.
"""

from __future__ import annotations

import math
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.parser import RoundTripParser

from .yaml_limits import MAX_DEPTH, MAX_DIGITS, MAX_NODES, LinePositions, YamlSyntaxError, refusal

_CORE = "tag:yaml.org,2002:"
_TEXT_TAGS = {_CORE + "str", _CORE + "timestamp"}  # a date stays as typed: 2023-05-01
_COLLECTION_TAGS = {_CORE + "map", _CORE + "seq"}
_NON_FINITE = {".inf", "+.inf", "-.inf", ".nan"}


def compose(text: str, line_offset: int) -> Node | None:
    """Return the node graph of ``text`` (None when empty); raise YamlSyntaxError for bad syntax or nesting."""
    yaml = _LimitedYAML(line_offset)
    try:
        return yaml.compose(text)  # type: ignore[no-any-return]
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise YamlSyntaxError(f"{error.problem or error.context}", line) from None
    except YAMLError as error:
        raise YamlSyntaxError(str(error).splitlines()[0], None) from None


def plain_data(node: Node, positions: LinePositions, line_offset: int) -> Any:
    """Return the plain value of ``node``, recording the line of every key and item in ``positions``."""
    return _Builder(positions, line_offset).value(node, (), 0)


class _DepthLimitedParser(RoundTripParser):  # the parser of typ="rt"
    """Refuse nesting deeper than MAX_DEPTH as the composer takes each event, before it recurses deeper.

    Counting the events the composer consumes bounds its recursion in the same single pass
    that builds the nodes (a separate counting pass read every file twice).
    """

    _depth = 0

    def get_event(self) -> Any:
        """Return the next event; raise YamlSyntaxError (E-YAML-DEPTH) when it opens one level too many."""
        event = super().get_event()
        if isinstance(event, CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                offset = getattr(self.loader, "line_offset", 0)
                raise refusal("E-YAML-DEPTH", event.start_mark.line + 1 + offset, limit=MAX_DEPTH)
        elif isinstance(event, CollectionEndEvent):
            self._depth -= 1
        return event


class _LimitedYAML(YAML):
    """Compose round-trip YAML through the depth-limited parser; know the text's line offset for its refusals."""

    def __init__(self, line_offset: int) -> None:
        super().__init__(typ="rt")
        self.Parser = _DepthLimitedParser
        self.line_offset = line_offset


class _Builder:
    """Turn a composed node graph into plain data, counting every node it expands."""

    def __init__(self, positions: LinePositions, offset: int) -> None:
        self.positions = positions
        self.offset = offset
        self.nodes = 0

    def line(self, node: Node) -> int:
        """Return the 1-based line of ``node`` in the whole file."""
        return int(node.start_mark.line) + 1 + self.offset

    def value(self, node: Node, path: tuple[str | int, ...], depth: int) -> Any:
        """Return the plain value of ``node``; aliases are expanded and counted each time."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise refusal("E-YAML-NODES", self.line(node), limit=MAX_NODES)
        if depth > MAX_DEPTH:  # an anchor that contains its own alias is a cycle
            raise refusal("E-YAML-DEPTH", self.line(node), limit=MAX_DEPTH)
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if node.tag not in _COLLECTION_TAGS:
            raise refusal("E-YAML-TAG", self.line(node), tag=_shown_tag(node.tag))
        if isinstance(node, SequenceNode):
            return self.sequence(node, path, depth)
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        raise refusal("E-YAML-TAG", self.line(node), tag=_shown_tag(node.tag))

    def sequence(self, node: SequenceNode, path: tuple[str | int, ...], depth: int) -> list[Any]:
        """Return the items of a sequence, recording the line of each."""
        items = []
        for index, item in enumerate(node.value):
            self.positions[path + (index,)] = self.line(item)
            items.append(self.value(item, path + (index,), depth + 1))
        return items

    def mapping(self, node: MappingNode, path: tuple[str | int, ...], depth: int) -> dict[str, Any]:
        """Return a mapping with text keys; refuse duplicate and non-text keys."""
        result: dict[str, Any] = {}
        merged: list[MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                merged.extend(self.merge_sources(value_node))
                continue
            key = self.key(key_node)
            if key in result:
                first = self.positions.get(path + (key,))
                raise refusal("E-YAML-DUPLICATE-KEY", self.line(key_node), key=key[:60], first=first)
            self.positions[path + (key,)] = self.line(key_node)
            result[key] = self.value(value_node, path + (key,), depth + 1)
        written = {key: self.positions[path + (key,)] for key in result}
        for source in merged:  # `<<: *defaults` fills only the keys not written here
            for key, value in self.mapping(source, path, depth).items():
                result.setdefault(key, value)
        self.positions.update({path + (key,): line for key, line in written.items()})
        return result

    def merge_sources(self, node: Node) -> list[MappingNode]:
        """Return the mappings a ``<<`` merge key names (one, or a list of them)."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        if not all(isinstance(source, MappingNode) for source in sources):
            raise refusal("E-YAML-TAG", self.line(node), tag="<<")
        return list(sources)

    def key(self, node: Node) -> str:
        """Return a mapping key as typed; keys must be plain text, numbers or names."""
        if not isinstance(node, ScalarNode) or not str(node.tag).startswith(_CORE):
            raise refusal("E-YAML-TAG", self.line(node), tag=_shown_tag(node.tag))
        return str(node.value)

    def scalar(self, node: ScalarNode) -> Any:
        """Return a scalar as str, int, float, bool or None, by its (resolved) core tag."""
        text, tag = str(node.value), node.tag
        if tag in _TEXT_TAGS:
            return text
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "bool" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if tag == _CORE + "int":
            return self.integer(node, text)
        if tag == _CORE + "float":
            return self.real(node, text)
        raise refusal("E-YAML-TAG", self.line(node), tag=_shown_tag(tag))

    def integer(self, node: ScalarNode, text: str) -> int:
        """Return an integer (decimal, 0x or 0o), refusing more than MAX_DIGITS digits."""
        clean = text.replace("_", "")
        sign = -1 if clean.startswith("-") else 1
        body = clean.lstrip("+-")
        base = {"0x": 16, "0o": 8, "0b": 2}.get(body[:2].lower(), 10)
        digits = body[2:] if base != 10 else body
        if len(digits) > MAX_DIGITS:
            raise refusal("E-YAML-NUMBER", self.line(node), value=_short(text), limit=MAX_DIGITS)
        try:
            return sign * int(digits, base)
        except ValueError:
            raise refusal("E-YAML-NUMBER", self.line(node), value=_short(text), limit=MAX_DIGITS) from None

    def real(self, node: ScalarNode, text: str) -> float:
        """Return a finite float of at most MAX_DIGITS digits; refuse .inf, .nan and overflow."""
        clean = text.replace("_", "")
        digits = sum(ch.isdigit() for ch in clean)
        try:
            value = float(clean) if clean.lower() not in _NON_FINITE and digits <= MAX_DIGITS else math.inf
        except ValueError:
            value = math.inf
        if not math.isfinite(value):
            raise refusal("E-YAML-NUMBER", self.line(node), value=_short(text), limit=MAX_DIGITS)
        return value


def _shown_tag(tag: str | None) -> str:
    """Return a tag as it is written in YAML: ``!!python/object``, ``!foo``."""
    tag = tag or "?"
    return _short("!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
