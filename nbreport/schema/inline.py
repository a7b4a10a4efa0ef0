"""Inline text: runs of plain or bold text inside a paragraph."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model


class Run(Model):
    """Hold a stretch of text with one emphasis; ``strong`` marks bold."""

    text: str
    strong: bool = False


class Paragraph(Model):
    """Hold one paragraph as runs; a leading strong run is its lead-in (加粗引语)."""

    kind: Literal["paragraph"] = "paragraph"
    runs: list[Run] = Field(min_length=1)

    @classmethod
    def of(cls, text: str, lead: str | None = None) -> Paragraph:
        """Build a paragraph from plain text and an optional bold lead-in."""
        runs = [Run(text=lead, strong=True)] if lead else []
        if text or not runs:
            runs.append(Run(text=text))
        return cls(runs=runs)

    @property
    def lead(self) -> str | None:
        """Return the bold lead-in, or None when the paragraph starts plain."""
        first = self.runs[0]
        return first.text if first.strong else None

    @property
    def plain_text(self) -> str:
        """Return the paragraph's text without emphasis."""
        return "".join(run.text for run in self.runs)
