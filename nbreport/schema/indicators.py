"""Figures with qualifiers and units, as Chinese reports quote them."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Model

Qualifier = Literal["突破", "超", "超过", "近", "约", "预计", "逾", "余", "以上"]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]


class Quantity(Model):
    """Hold a quoted figure: value, unit and the qualifier that must never be dropped."""

    value: Decimal
    unit: str = ""
    qualifier: Qualifier | None = None

    @property
    def text(self) -> str:
        """Return the figure as printed: ``突破7000家``, ``888.04亿元``, ``1500余家``."""
        number = format(self.value, "f")  # the value's own precision, as the source prints it
        if self.qualifier == "余":
            return f"{number}余{self.unit}"
        if self.qualifier == "以上":
            return f"{number}{self.unit}以上"
        return f"{self.qualifier or ''}{number}{self.unit}"


class Indicator(Model):
    """Record one indicator's value for one year and where it was stated."""

    name: str = Field(min_length=1)
    year: int = Field(ge=1949, le=2100)
    quantity: Quantity
    source: str | None = None
    aliases: list[str] = Field(default_factory=list, description="names by which the text refers to this indicator")
