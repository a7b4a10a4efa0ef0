"""Print figures the way the source prints them, and the filters that print them otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..schema.indicators import Indicator, Quantity


class FigureError(Exception):
    """Raised inside a template by an exposed function; becomes the finding ``code`` with ``params``."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Printed:
    """Hold one figure a template printed: the indicator row it came from and its text."""

    indicator: Indicator
    row: int
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Derived:
    """Hold a figure computed from the panel (a change, a share, a rate), in percent."""

    value: Decimal
    digits: int

    def __str__(self) -> str:
        return f"{fixed(self.value, self.digits)}%"


def fixed(value: Decimal, digits: int) -> str:
    """Return ``value`` rounded half up to ``digits`` decimals (0–6)."""
    if not isinstance(digits, int) or not 0 <= digits <= 6:
        raise FigureError("E-TEMPLATE-FILTER", detail=f"位数应为 0–6 的整数，而不是 {digits!r}")
    return format(value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP), "f")


def _quantity(figure: object, name: str) -> Quantity:
    if isinstance(figure, Printed):
        return figure.indicator.quantity
    raise FigureError("E-TEMPLATE-FILTER", detail=f"过滤器 {name} 只能用于 指标(...) 的结果")


def number_only(figure: object) -> str:
    """Return the number alone, as stated (数值): 7014."""
    return format(_quantity(figure, "数值").value, "f")


def without_qualifier(figure: object) -> str:
    """Return the figure without its qualifier (无限定): 7014家."""
    quantity = _quantity(figure, "无限定")
    return f"{format(quantity.value, 'f')}{quantity.unit}"


def with_digits(figure: object, digits: int = 0) -> str:
    """Return the figure with ``digits`` decimals, qualifier and unit kept (位数): 突破7014.0家."""
    if isinstance(figure, Derived):
        return str(Derived(figure.value, digits))
    quantity = _quantity(figure, "位数")
    rounded = Quantity(value=Decimal(fixed(quantity.value, digits)), unit=quantity.unit, qualifier=quantity.qualifier)
    return rounded.text


def in_units(figure: object, scale: str = "万") -> str:
    """Return the number divided by 万 or 亿, with the scale word before the unit (换算): 0.7014万家."""
    quantity = _quantity(figure, "换算")
    factors = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
    if scale not in factors or quantity.unit[:1] in factors:
        raise FigureError("E-TEMPLATE-FILTER", detail=f"换算只接受 万 或 亿，且单位中不能已有万、亿（{quantity.unit}）")
    value = (quantity.value / factors[scale]).normalize()
    return Quantity(value=value, unit=scale + quantity.unit, qualifier=quantity.qualifier).text


FILTERS = {"数值": number_only, "无限定": without_qualifier, "位数": with_digits, "换算": in_units}
