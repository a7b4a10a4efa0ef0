"""Compare two years of indicators: both values as printed and the change, computed from the panel."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..schema.indicators import Indicator
from .panel import Panel


@dataclass(frozen=True)
class Line:
    """Hold one indicator's row of the comparison: both years' printed figures and the change."""

    name: str
    unit: str
    before: str
    after: str
    change: str


def resolve(target: str, data: Path) -> tuple[Path | None, int | None]:
    """Return (dataset folder, year) for a folder path, or for a year (its folder data/<year> if present)."""
    path = Path(target)
    if path.is_dir():
        return path, None
    if target.isdigit() and len(target) == 4:
        folder = data / target
        return (folder if folder.is_dir() else None), int(target)
    return None, None


def compare(indicators: list[Indicator], before: int, after: int) -> list[Line]:
    """Return a line for each indicator with a value in either year, in the panel's order."""
    panel = Panel(_unique(indicators))
    lines = []
    for name in panel.names():
        if not panel.rows(name, before) and not panel.rows(name, after):
            continue
        change = _change(panel, name, before, after)
        lines.append(Line(name, panel.unit(name) or "", _texts(panel, name, before), _texts(panel, name, after), change))
    return lines


def _unique(indicators: list[Indicator]) -> list[Indicator]:
    """Drop statements repeated across datasets (same name, year and printed text)."""
    seen: dict[tuple[str, int, str], Indicator] = {}
    for item in indicators:
        seen.setdefault((item.name, item.year, item.quantity.text), item)
    return list(seen.values())


def _texts(panel: Panel, name: str, year: int) -> str:
    return "、".join(item.quantity.text for item in panel.distinct(name, year)) or "—"


def _change(panel: Panel, name: str, before: int, after: int) -> str:
    first, last = panel.value(name, before), panel.value(name, after)
    if first is None or last is None:
        return "—"
    if panel.unit(name) == "%":
        return f"{_signed(last - first)} 个百分点"
    if first == 0:
        return "—"
    return f"{_signed((last - first) / first * 100)}%"


def _signed(value: Decimal) -> str:
    return f"{'+' if value > 0 else ''}{value.quantize(Decimal('0.1'))}"


def print_lines(lines: list[Line], before: int, after: int, tty: bool) -> None:
    """Print the comparison: a rich table on a terminal, tab-separated lines otherwise."""
    head = ("指标", "单位", f"{before}年", f"{after}年", "变化")
    rows = [(line.name, line.unit, line.before, line.after, line.change) for line in lines]
    if not tty:
        for row in (head, *rows):
            print("\t".join(row))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*head)
    for row in rows:
        table.add_row(*row)
    Console().print(table)
