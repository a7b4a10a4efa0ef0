"""Read YAML keeping line numbers, returning plain data plus positions, within firm limits.

ruamel.yaml only parses and composes (yaml_nodes.py); its constructors never run, so no tag can
build a Python object. The node graph is turned into plain data there, accepting only the YAML
core types (text, integer, float, boolean, null, list, mapping) and keeping dates as text.
Limits bound what a small hostile file can cost: its size, nesting depth, nodes after alias
expansion (the "billion laughs"), and the length of numbers.
"""

from __future__ import annotations

from typing import Any

from .. import codes

LinePositions = dict[tuple[str | int, ...], int]

MAX_CHARS = 1_000_000  # a report.yaml is a few KB; long text lives in Markdown files
MAX_YAML_BYTES = 4 * MAX_CHARS  # a larger file has more characters than MAX_CHARS: refuse unread
MAX_DEPTH = 50  # the dataset format nests five levels; the composer recurses per level
MAX_NODES = 100_000  # counted after alias expansion
MAX_DIGITS = 30  # longer numbers are typing accidents or attacks (int() is quadratic)


class YamlSyntaxError(Exception):
    """Carry why a YAML text cannot be read: a finding code, its params and the 1-based line."""

    def __init__(self, message: str, line: int | None, code: str = "E-YAML-SYNTAX",
                 params: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.code = code
        self.params: dict[str, object] = params if params is not None else {"detail": message}

    def __str__(self) -> str:
        """Return the message itself, a codes.Detail when it can be re-made in English."""
        return self.message


def refusal(code: str, line: int | None, **params: object) -> YamlSyntaxError:
    """Return the error for ``code``; its text is the code's message, re-made in English when asked."""
    return YamlSyntaxError(codes.detail(code, **params), line, code, params)


def parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, LinePositions]:
    """Return the data of a YAML text and the 1-based line of every key and item.

    Raise YamlSyntaxError (with a finding code) for bad syntax, unsupported tags and past
    any limit; never build objects other than str, int, float, bool, None, list and dict.
    """
    if len(text) > MAX_CHARS:
        raise refusal("E-YAML-TOO-LARGE", 1 + line_offset, limit=MAX_CHARS)
    from .yaml_nodes import compose, plain_data  # ruamel.yaml loads with the first text, not with nbreport

    node = compose(text, line_offset)
    positions: LinePositions = {}
    if node is None:
        return None, positions
    return plain_data(node, positions, line_offset), positions
