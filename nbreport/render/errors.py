"""The error a renderer raises for content it cannot put on the page."""

from __future__ import annotations

from ..compose.nodes import Document
from ..compose.walk import iter_text
from ..text import CONTROL


class RenderError(Exception):
    """Report content a renderer cannot write, naming the record and field it came from."""

    def __init__(self, record: str, field: str, message: str) -> None:
        super().__init__(f"{record} {field}: {message}")
        self.record = record
        self.field = field
        self.message = message


def check_printable(document: Document) -> None:
    """Raise RenderError for the first printed string with a character XML cannot carry.

    Both renderers call this before writing anything, on the strings ``iter_text`` lists,
    so bad text is refused the same way, naming the same record and field, in either format.
    """
    for piece in iter_text(document):
        found = CONTROL.search(piece.text)
        if found:
            raise RenderError(
                piece.record, piece.field,
                f"第 {found.start() + 1} 个字符 U+{ord(found.group()):04X} 是不可打印的控制字符，请删除后重试",
            )
