"""The error a renderer raises for content it cannot put on the page."""

from __future__ import annotations


class RenderError(Exception):
    """Report content a renderer cannot write, naming the record and field it came from."""

    def __init__(self, record: str, field: str, message: str) -> None:
        super().__init__(f"{record} {field}: {message}")
        self.record = record
        self.field = field
        self.message = message
