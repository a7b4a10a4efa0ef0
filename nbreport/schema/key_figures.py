"""The optional key-figures page (数说): which indicators it shows, and which one it charts."""

from __future__ import annotations

from pydantic import Field

from .base import Model

MAX_KEY_FIGURES = 24  # one page of headline figures


class KeyFigures(Model):
    """Name the headline indicators of the 数说 page; values and changes come from the panel, never typed."""

    title: str = Field(default="数说", min_length=1)
    indicators: list[str] = Field(min_length=1, max_length=MAX_KEY_FIGURES)
    chart: str | None = Field(default=None, min_length=1, description="an indicator charted over the years the panel holds")
