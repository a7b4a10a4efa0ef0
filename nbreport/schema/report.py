"""The whole annual report: the single source of truth that compose reads."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PrivateAttr, StringConstraints

from .appendices import Appendix
from .base import Model
from .chapters import AnyChapter, Conclusion, Overview
from .chronology import Chronology
from .events import TopEventList
from .indicators import Indicator
from .meta import ReportMeta


class Report(Model):
    """Hold one year's report; every part but the metadata is optional."""

    meta: ReportMeta
    overview: Overview | None = None
    chapters: list[AnyChapter] = Field(default_factory=list)
    conclusion: Conclusion | None = None
    chronology: Chronology | None = None
    appendices: list[Appendix] = Field(default_factory=list)
    top_events: TopEventList | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    award_categories: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(
        default_factory=list,
        description="Award categories the dataset adds to the known ones (省科技进步特别奖...), a list of names.",
    )

    _root: str | None = PrivateAttr(default=None)
    _sources: dict[tuple[str | int, ...], object] = PrivateAttr(default_factory=dict)
