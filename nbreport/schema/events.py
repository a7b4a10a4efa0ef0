"""Top events (年度十件大事) and candidate lists put to a public vote."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model


class TopEvent(Model):
    """Describe one ranked event: its number, title and text; votes when counted."""

    rank: int = Field(ge=1)
    title: str = Field(min_length=1)
    text: str = ""
    votes: int | None = Field(default=None, ge=0)
    selected: bool | None = Field(default=None, description="None: not decided or not known")


class TopEventList(Model):
    """Hold a year's list of big events, announced or still candidates."""

    title: str = Field(min_length=1)
    intro: str | None = None
    status: Literal["announced", "candidates"] = "announced"
    events: list[TopEvent] = Field(min_length=1)
