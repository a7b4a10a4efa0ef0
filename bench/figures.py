"""Collect measured figures under sections, print them as an aligned table, save them as JSON."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

V = TypeVar("V", bound=float | None)


@dataclass
class Figure:
    """Hold one measured figure; ``value`` None means not measured and ``note`` says why."""

    section: str
    key: str
    label: str
    value: float | None
    unit: str
    note: str = ""

    def shown(self) -> str:
        """Return the value as printed: seconds and ratios to 2–3 figures, "n/a" when missing."""
        if self.value is None:
            return "n/a"
        if self.unit == "s":
            return f"{self.value:.3f} s" if self.value < 10 else f"{self.value:.1f} s"
        if self.unit == "ms":
            return f"{self.value:.0f} ms"
        if self.unit == "MB":
            return f"{self.value:.1f} MB"
        return f"{self.value:.2f} {self.unit}".rstrip()


class Figures:
    """Keep figures in the order they were measured, each findable by its key."""

    def __init__(self) -> None:
        self.items: list[Figure] = []
        self.section = ""

    def start(self, section: str) -> None:
        """Open a new section; figures added next belong to it."""
        self.section = section
        print(f"… {section}", flush=True)

    def add(self, key: str, label: str, value: V, unit: str = "s", note: str = "") -> V:
        """Record one figure and return its value."""
        self.items.append(Figure(self.section, key, label, value, unit, note))
        return value

    def get(self, key: str) -> float | None:
        """Return the value recorded under ``key``; None when it was not measured."""
        return next((f.value for f in self.items if f.key == key), None)

    def ratio(self, key: str, label: str, top: str, bottom: str, note: str = "") -> float | None:
        """Record ``top / bottom`` as a ratio figure; None (n/a) when either is missing."""
        a, b = self.get(top), self.get(bottom)
        value = a / b if a is not None and b else None
        return self.add(key, label, value, "×", note if value is not None else note or f"needs {top} and {bottom}")

    def table(self) -> str:
        """Return every figure as a plain text table with aligned columns, grouped by section."""
        label_w = max(_width(f.label) for f in self.items)
        value_w = max(_width(f.shown()) for f in self.items)
        lines, section = [], None
        for f in self.items:
            if f.section != section:
                section = f.section
                lines.append("")
                lines.append(f"== {section} ==")
            lines.append(f"  {_pad(f.label, label_w)}  {_pad(f.shown(), value_w, right=True)}  {f.note}".rstrip())
        return "\n".join(lines)

    def save(self, path: Path, extra: dict) -> None:
        """Write the figures and ``extra`` (e.g. targets, environment) to ``path`` as JSON."""
        data = {"figures": [asdict(f) for f in self.items], **extra}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _width(text: str) -> int:
    """Return the terminal width of ``text``: wide East Asian characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap
