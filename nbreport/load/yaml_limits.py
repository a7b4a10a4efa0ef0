"""The limits and the error of reading YAML, shared by yamlfile (the entry) and yaml_nodes (the ruamel side)."""

from __future__ import annotations

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
