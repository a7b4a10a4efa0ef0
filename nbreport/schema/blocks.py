"""Blocks: the content that fills sections, case boxes and the overview."""

from __future__ import annotations

import math
from typing import Annotated, Literal, Union

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..codes import Detail, detail

from ..text import shorten
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


MAX_CATEGORIES = 60  # labels under a chart one text-width wide stay legible up to about this
MAX_SERIES = 8
MAX_ABS_VALUE = 1e15  # beyond any report figure; keeps axis arithmetic finite


class ChartSpec(Model):
    """Describe a chart drawn from data instead of an image file.

    Every series has one finite number per category; a chart the renderers could not
    draw (no points, unequal lengths, NaN or infinity) is refused here, with a
    ``chart_data`` error the loader turns into E-CHART-DATA.
    """

    type: Literal["bar", "line", "bar+line"] = "bar"
    categories: list[str] = Field(default_factory=list)
    series: dict[str, list[float]] = Field(default_factory=dict)
    units: dict[str, str] = Field(default_factory=dict)
    indicator: str | None = Field(default=None, min_length=1, description="指标名称：图表的数据取自指标表，不手写")
    years: list[int] | None = Field(default=None, min_length=1, description="指标的年份；缺省为指标表中的全部年份")

    @model_validator(mode="after")
    def _drawable(self) -> ChartSpec:
        problem = chart_problem(self)
        if problem:
            raise PydanticCustomError("chart_data", "图表数据有误：{detail}", {"detail": problem})  # problem keeps its key
        return self


def chart_problem(chart: ChartSpec) -> Detail | None:
    """Return what makes ``chart`` undrawable (a sub-message in both languages), or None when it can be drawn.

    A chart naming an ``indicator`` takes its data from the panel (figures/charts.py resolves
    it after loading), so it may not type categories, series or units besides.
    """
    if chart.indicator is not None:
        typed = [key for key in ("categories", "series", "units") if getattr(chart, key)]
        return detail("chart.reference", key=typed[0]) if typed else None
    if chart.years is not None:
        return detail("chart.years")
    if not chart.categories or not chart.series:
        return detail("chart.empty")
    count = len(chart.categories)
    if count > MAX_CATEGORIES:
        return detail("chart.categories", count=count, limit=MAX_CATEGORIES)
    if len(chart.series) > MAX_SERIES:
        return detail("chart.series", count=len(chart.series), limit=MAX_SERIES)
    for name, values in chart.series.items():
        if len(values) != count:
            return detail("chart.length", name=shorten(name), values=len(values), count=count)
        for index, value in enumerate(values):
            if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
                return detail("chart.value", name=shorten(name), index=index + 1, value=value)
    unknown = sorted(set(chart.units) - set(chart.series))
    if unknown:
        return detail("chart.units", name=shorten(unknown[0]))
    return None


MAX_FIGURE_MM = 400.0  # larger than any page: a typo such as 800 for 80 is refused here


class Figure(Model):
    """Show an image or chart with its caption; with neither, a framed space for the photo to come.

    ``width_mm`` and ``height_mm`` size that space (one of them keeps the theme's photo
    proportions); they belong to a figure still waiting for its photo, so they are refused
    beside an image or a chart, whose own proportions decide.
    """

    kind: Literal["figure"] = "figure"
    caption: str = Field(min_length=1)
    image: str | None = Field(default=None, description="image path inside the dataset")
    chart: ChartSpec | None = None
    source: str | None = Field(default=None, description="来源说明")
    width_mm: float | None = Field(default=None, gt=0, le=MAX_FIGURE_MM, description="待补照片的占位框宽度（毫米）")
    height_mm: float | None = Field(default=None, gt=0, le=MAX_FIGURE_MM, description="待补照片的占位框高度（毫米）")

    @model_validator(mode="after")
    def _size_for_placeholder(self) -> Figure:
        if (self.width_mm is not None or self.height_mm is not None) and (self.image or self.chart):
            key = "width_mm" if self.width_mm is not None else "height_mm"
            why = detail("figure.with_picture", key=key)
            raise PydanticCustomError("E-FIGURE-SIZE", "图的占位尺寸有误：{detail}", {"detail": why, "at": (key,)})
        return self


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
