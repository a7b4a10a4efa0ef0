"""Blocks: the content that fills sections, case boxes and the overview."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from .base import Model
from .inline import Paragraph, Run
from .tables import Table


class SubHeading(Model):
    """Head a part of a section: level 3 is a sub-heading, level 4 a minor heading."""

    kind: Literal["subheading"] = "subheading"
    level: Literal[3, 4] = 3
    text: str = Field(min_length=1)


class BulletList(Model):
    """List items, each a paragraph that may start with a bold lead-in."""

    kind: Literal["bullets"] = "bullets"
    items: list[Paragraph] = Field(min_length=1)


class ChartSpec(Model):
    """Describe a chart drawn from data instead of an image file."""

    type: Literal["bar", "line", "bar+line"] = "bar"
    categories: list[str] = Field(min_length=1)
    series: dict[str, list[float]] = Field(min_length=1)
    units: dict[str, str] = Field(default_factory=dict)


class Figure(Model):
    """Show an image or chart with its caption; with neither it is a photo caption alone."""

    kind: Literal["figure"] = "figure"
    caption: str = Field(min_length=1)
    image: str | None = Field(default=None, description="image path inside the dataset")
    chart: ChartSpec | None = None
    source: str | None = Field(default=None, description="来源说明")


class CaseBox(Model):
    """Tell a titled story (案例) set apart from the running text."""

    kind: Literal["case"] = "case"
    title: str = Field(min_length=1)
    blocks: list[Block] = Field(min_length=1)


Block = Annotated[
    Union[Paragraph, SubHeading, BulletList, Figure, CaseBox, Table],
    Field(discriminator="kind"),
]

CaseBox.model_rebuild()

__all__ = ["Block", "BulletList", "CaseBox", "ChartSpec", "Figure", "Paragraph", "Run", "SubHeading", "Table"]
