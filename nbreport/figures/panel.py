"""Hold the indicators of a report as one panel: lookups by name or alias, derived figures, DataFrames."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ..schema.indicators import Indicator

if TYPE_CHECKING:
    import pandas

FRAME_COLUMNS = ("指标", "年份", "数值", "单位", "限定词", "来源", "文本", "同比增幅%")


class Panel:
    """Index indicators by name (or alias) and year; compute derived figures, never store them."""

    def __init__(self, indicators: Sequence[Indicator]) -> None:
        self.indicators = list(indicators)
        self._rows: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        self._names: dict[str, str] = {}
        for index, item in enumerate(self.indicators):
            self._rows[item.name][item.year].append(index)
            self._names[item.name] = item.name
        for item in self.indicators:
            for alias in item.aliases:
                self._names.setdefault(alias, item.name)

    def names(self) -> list[str]:
        """Return the indicator names in the order they first appear."""
        return list(self._rows)

    def aliases(self) -> dict[str, str]:
        """Return every name and alias mapped to its indicator's name."""
        return dict(self._names)

    def resolve(self, name: str) -> str | None:
        """Return the indicator called ``name`` (directly or by alias), or None if there is none."""
        return self._names.get(name)

    def years(self, name: str) -> list[int]:
        """Return the years for which the indicator ``name`` has a value, in order."""
        return sorted(self._rows.get(self.resolve(name) or "", {}))

    def rows(self, name: str, year: int) -> list[tuple[int, Indicator]]:
        """Return (row index, indicator) for every stated value of ``name`` in ``year``."""
        found = self._rows.get(self.resolve(name) or "", {}).get(year, [])
        return [(index, self.indicators[index]) for index in found]

    def distinct(self, name: str, year: int) -> list[Indicator]:
        """Return the year's values of ``name`` with different printed text (one per wording)."""
        seen: dict[str, Indicator] = {}
        for _, item in self.rows(name, year):
            seen.setdefault(item.quantity.text, item)
        return list(seen.values())

    def value(self, name: str, year: int) -> Decimal | None:
        """Return the year's value of ``name`` when all its statements agree on the number, else None."""
        values = {item.quantity.value for _, item in self.rows(name, year)}
        return values.pop() if len(values) == 1 else None

    def yoy(self, name: str, year: int) -> Decimal | None:
        """Return the change on the year before in percent; None if either year is missing or zero."""
        return _change(self.value(name, year - 1), self.value(name, year))

    def exact_yoy(self, name: str, year: int) -> Decimal | None:
        """Return yoy only when both years' values are exact: a change worked out from 突破5300 or 约7000 is not a fact."""
        exact = all(item.quantity.qualifier is None for y in (year - 1, year) for _, item in self.rows(name, y))
        return self.yoy(name, year) if exact else None

    def cagr(self, name: str, start: int, end: int) -> Decimal | None:
        """Return the compound annual growth rate in percent from ``start`` to ``end``; None if not computable."""
        first, last = self.value(name, start), self.value(name, end)
        if first is None or last is None or first <= 0 or last < 0 or end <= start:
            return None
        ratio = float(last / first) ** (1.0 / (end - start))
        return Decimal(repr((ratio - 1.0) * 100))

    def share(self, part: str, whole: str, year: int) -> Decimal | None:
        """Return ``part`` as a percentage of ``whole`` in ``year``; None if missing, zero or in other units."""
        numerator, denominator = self.value(part, year), self.value(whole, year)
        if numerator is None or not denominator or self.unit(part) != self.unit(whole):
            return None
        return numerator / denominator * 100

    def rank(self, name: str, year: int) -> int | None:
        """Return the year's place among all years of ``name`` (1 = largest value); None if missing."""
        value = self.value(name, year)
        if value is None:
            return None
        others = {self.value(name, other) for other in self.years(name)}
        return 1 + sum(1 for other in others if other is not None and other > value)

    def unit(self, name: str) -> str | None:
        """Return the unit of ``name`` (its first row's), or None if unknown."""
        years = self.years(name)
        return self.rows(name, years[0])[0][1].quantity.unit if years else None

    def frame(self) -> pandas.DataFrame:
        """Return the panel as a DataFrame, one row per stated value, with the computed change."""
        import pandas  # lazily: only analysts and compare pay for it

        records = [
            (item.name, item.year, item.quantity.value, item.quantity.unit, item.quantity.qualifier or "",
             item.source or "", item.quantity.text, self.yoy(item.name, item.year))
            for item in self.indicators
        ]
        return pandas.DataFrame.from_records(records, columns=list(FRAME_COLUMNS))


def _change(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    """Return the change from ``before`` to ``after`` in percent, None when it cannot be computed."""
    if before is None or after is None or before == 0:
        return None
    try:
        return (after - before) / before * 100
    except InvalidOperation:
        return None
