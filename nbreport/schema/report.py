"""The whole annual report: the single source of truth that compose reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, PrivateAttr, StringConstraints

from .appendices import Appendix
from .base import Model
from .chapters import AnyChapter, Conclusion, Overview
from .chronology import Chronology
from .events import TopEventList
from .indicators import Indicator
from .key_figures import KeyFigures
from .meta import ReportMeta

if TYPE_CHECKING:
    import pandas


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
    key_figures: KeyFigures | None = Field(default=None, description="the optional 数说 page of headline figures")
    award_categories: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(
        default_factory=list,
        description="Award categories the dataset adds to the known ones (省科技进步特别奖...), a list of names.",
    )

    _root: str | None = PrivateAttr(default=None)
    _sources: dict[tuple[str | int, ...], object] = PrivateAttr(default_factory=dict)
    _figures: list[Any] = PrivateAttr(default_factory=list)  # figures printed by templates (nbreport.figures)

    def indicators_frame(self) -> pandas.DataFrame:
        """Return the indicators as a DataFrame (one row per stated value); imports pandas on first use."""
        from ..figures.panel import Panel

        return Panel(self.indicators).frame()

    def appendix(self, key: int | str) -> Appendix:
        """Return an appendix by its printed label (``"附录3"`` or ``3``) or by its exact title.

        Raise KeyError naming the labels and titles there are.
        """
        number = key if isinstance(key, int) else _label_number(key)
        if number is not None and 1 <= number <= len(self.appendices):
            return self.appendices[number - 1]
        for appendix in self.appendices:
            if isinstance(key, str) and appendix.title == key.strip():
                return appendix
        there = "、".join(f"附录{n}（{a.title}）" for n, a in enumerate(self.appendices, start=1)) or "none"
        raise KeyError(f"no appendix {key!r}; there are: {there}")


def _label_number(key: str) -> int | None:
    """Return N of a label ``附录N`` (spaces allowed), or None."""
    text = key.replace(" ", "").removeprefix("附录")
    return int(text) if text.isascii() and text.isdigit() and text != key.strip() else None

