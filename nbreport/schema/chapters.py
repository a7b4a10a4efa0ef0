"""Chapters: the overview, numbered chapters with sections, the district chapter, 结语."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from .base import Model
from .blocks import Block
from .inline import Paragraph


class Section(Model):
    """Hold one 节 (or one headed part of the overview) and its blocks."""

    title: str = Field(min_length=1)
    blocks: list[Block] = Field(default_factory=list)


class Overview(Model):
    """Hold the 科技进步综述: an introduction and unnumbered headed sections."""

    title: str = "科技进步综述"
    templates: bool = Field(default=False, description="render {{ 指标(...) }} references in this part's text")
    intro: list[Block] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Chapter(Model):
    """Hold one numbered 章: its introduction and its numbered 节."""

    kind: Literal["chapter"] = "chapter"
    title: str = Field(min_length=1)
    templates: bool = Field(default=False, description="render {{ 指标(...) }} references in this part's text")
    intro: list[Block] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class DistrictEntry(Model):
    """Report one district (区、县、市): introduction and ▶ items with bold lead-ins."""

    name: str = Field(min_length=1)
    intro: list[Paragraph] = Field(default_factory=list)
    items: list[Paragraph] = Field(default_factory=list)


class DistrictChapter(Model):
    """Hold the chapter of district reports, one entry per district."""

    kind: Literal["districts"] = "districts"
    title: str = "区（县、市）科技创新工作"
    templates: bool = Field(default=False, description="render {{ 指标(...) }} references in this part's text")
    intro: list[Block] = Field(default_factory=list)
    districts: list[DistrictEntry] = Field(min_length=1)


AnyChapter = Annotated[Union[Chapter, DistrictChapter], Field(discriminator="kind")]


class Conclusion(Model):
    """Hold the 结语."""

    title: str = "结语"
    templates: bool = Field(default=False, description="render {{ 指标(...) }} references in this part's text")
    blocks: list[Block] = Field(default_factory=list)
