"""Appendices: award lists and other tables printed after the chronology."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .tables import Table


class Appendix(Model):
    """Hold one 附录: its title and its table; landscape None means decide by width."""

    title: str = Field(min_length=1)
    table: Table
    landscape: bool | None = None
