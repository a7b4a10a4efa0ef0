"""Read YAML keeping line numbers, returning plain data plus positions, within firm limits.

ruamel.yaml only parses and composes (yaml_nodes.py); its constructors never run, so no tag can
build a Python object. The node graph is turned into plain data there, accepting only the YAML
core types (text, integer, float, boolean, null, list, mapping) and keeping dates as text.
Limits bound what a small hostile file can cost: its size, nesting depth, nodes after alias
expansion (the "billion laughs"), and the length of numbers.
"""

from __future__ import annotations

from typing import Any

from .yaml_limits import (MAX_CHARS, MAX_DEPTH, MAX_DIGITS, MAX_NODES, MAX_YAML_BYTES, LinePositions,
                          YamlSyntaxError, refusal)

__all__ = ["MAX_CHARS", "MAX_DEPTH", "MAX_DIGITS", "MAX_NODES", "MAX_YAML_BYTES", "LinePositions",
           "YamlSyntaxError", "parse_yaml", "refusal"]


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
