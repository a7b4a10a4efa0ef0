"""Read YAML keeping line numbers (ruamel.yaml), returning plain data plus positions."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

LinePositions = dict[tuple[str | int, ...], int]


class YamlSyntaxError(Exception):
    """Carry a YAML syntax error with its 1-based line."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, LinePositions]:
    """Return the data of a YAML text and the 1-based line of every key and item."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise YamlSyntaxError(f"{error.problem or error.context}", line) from None
    except YAMLError as error:
        raise YamlSyntaxError(str(error).splitlines()[0], None) from None
    positions: LinePositions = {}
    return _plain(data, (), positions, line_offset), positions


def _plain(node: Any, path: tuple[str | int, ...], positions: LinePositions, offset: int) -> Any:
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            line = node.lc.key(key)[0] + 1 + offset
            positions[path + (str(key),)] = line
            result[str(key)] = _plain(value, path + (str(key),), positions, offset)
        return result
    if isinstance(node, CommentedSeq):
        result_list = []
        for index, value in enumerate(node):
            positions[path + (index,)] = node.lc.item(index)[0] + 1 + offset
            result_list.append(_plain(value, path + (index,), positions, offset))
        return result_list
    if isinstance(node, bool):
        return node
    for kind in (int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node
