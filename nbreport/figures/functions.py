"""The functions a narrative template may call: figures from the panel and figures derived from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .panel import Panel
from .values import Derived, FigureError, Printed


@dataclass
class Exposed:
    """Expose the panel to templates for one report year; record every figure printed."""

    panel: Panel
    year: int
    printed: list[Printed] = field(default_factory=list)

    def functions(self) -> dict[str, Callable[..., object]]:
        """Return the template globals: the only names a template can call."""
        return {"指标": self.figure, "增幅": self.change, "年均增速": self.growth, "占比": self.share, "排名": self.rank}

    def _name(self, name: object) -> str:
        if not isinstance(name, str) or self.panel.resolve(name) is None:
            raise FigureError("E-TEMPLATE-INDICATOR", name=name)
        return self.panel.resolve(name) or name

    def _year(self, name: str, year: object) -> int:
        chosen = self.year if year is None else year
        if not isinstance(chosen, int) or isinstance(chosen, bool) or not self.panel.rows(name, chosen):
            raise FigureError("E-TEMPLATE-YEAR", name=name, year=chosen)
        return chosen

    def figure(self, name: object, 年份: object = None) -> Printed:
        """Return the indicator's figure for the year (default: the report's), as the source prints it."""
        resolved = self._name(name)
        year = self._year(resolved, 年份)
        wordings = self.panel.distinct(resolved, year)
        if len(wordings) > 1:
            raise FigureError("E-TEMPLATE-AMBIGUOUS", name=resolved, year=year,
                              values="、".join(item.quantity.text for item in wordings))
        row, indicator = self.panel.rows(resolved, year)[0]
        printed = Printed(indicator, row, indicator.quantity.text)
        self.printed.append(printed)
        return printed

    def change(self, name: object, 年份: object = None, 位数: int = 1) -> Derived:
        """Return the change on the year before in percent, computed from the panel."""
        resolved = self._name(name)
        year = self._year(resolved, 年份)
        self._year(resolved, year - 1)
        return _derived(self.panel.yoy(resolved, year), 位数, resolved, year)

    def growth(self, name: object, 起: object, 止: object = None, 位数: int = 1) -> Derived:
        """Return the compound annual growth rate between two years in percent."""
        resolved = self._name(name)
        start, end = self._year(resolved, 起), self._year(resolved, 止)
        return _derived(self.panel.cagr(resolved, start, end), 位数, resolved, end)

    def share(self, part: object, whole: object, 年份: object = None, 位数: int = 1) -> Derived:
        """Return one indicator as a percentage of another in the same year."""
        numerator, denominator = self._name(part), self._name(whole)
        year = self._year(numerator, 年份)
        self._year(denominator, year)
        return _derived(self.panel.share(numerator, denominator, year), 位数, numerator, year)

    def rank(self, name: object, 年份: object = None) -> int:
        """Return the year's place among the indicator's years, 1 for the largest value."""
        resolved = self._name(name)
        year = self._year(resolved, 年份)
        return self.panel.rank(resolved, year) or 0


def _derived(value: object, digits: int, name: str, year: int) -> Derived:
    if value is None:
        raise FigureError("E-TEMPLATE-DERIVED", name=name, year=year)
    if not isinstance(digits, int) or not 0 <= digits <= 6:
        raise FigureError("E-TEMPLATE-FILTER", detail=f"位数应为 0–6 的整数，而不是 {digits!r}")
    return Derived(value, digits)  # type: ignore[arg-type]
