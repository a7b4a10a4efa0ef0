"""Judge the measured figures against the performance targets: MET, NOT MET or n/a, with the figure."""

from __future__ import annotations

import operator
from dataclasses import dataclass

from figures import Figures


@dataclass(frozen=True)
class Target:
    """Name one target: the figure it reads, the comparison and the limit."""

    name: str
    key: str
    compare: str  # "<", "<=" or ">="
    limit: float
    unit: str


TARGETS = (
    Target("full styled build, both formats ≤ 1.5 × naive floor", "ratio.build_vs_naive", "<=", 1.5, "×"),
    Target("≥ 8 × faster than pandoc + LibreOffice (cold CLI)", "ratio.reference_vs_cold", ">=", 8.0, "×"),
    Target("10,000-row award appendix, PDF render < 5 s", "scale.10000.pdf", "<", 5.0, "s"),
    Target("10,000-row award appendix, DOCX render < 2 s", "scale.10000.docx", "<", 2.0, "s"),
    Target("50,000 rows ≤ 5.5 × 10,000-row time, DOCX", "scale.ratio.docx", "<=", 5.5, "×"),
    Target("50,000 rows ≤ 5.5 × 10,000-row time, PDF", "scale.ratio.pdf", "<=", 5.5, "×"),
    Target("peak memory < 300 MB, data/2023 build (RSS)", "mem.2023.rss", "<", 300.0, "MB"),
    Target("peak memory < 300 MB, 50,000-row build (RSS)", "mem.50000.rss", "<", 300.0, "MB"),
)
_OPS = {"<": operator.lt, "<=": operator.le, ">=": operator.ge}


def judge(figures: Figures) -> list[dict]:
    """Return one verdict per target: name, figure, limit and MET / NOT MET / n/a."""
    verdicts = []
    for target in TARGETS:
        value = figures.get(target.key)
        verdict = "n/a" if value is None else "MET" if _OPS[target.compare](value, target.limit) else "NOT MET"
        verdicts.append({"target": target.name, "key": target.key, "value": value,
                         "limit": f"{target.compare} {target.limit:g} {target.unit}", "verdict": verdict})
    return verdicts


def format_verdicts(verdicts: list[dict]) -> str:
    """Return the verdicts as aligned lines under a "Targets" heading."""
    name_w = max(len(v["target"]) for v in verdicts)
    lines = ["", "== 8. Targets =="]
    for v in verdicts:
        figure = "not measured" if v["value"] is None else f"{v['value']:.2f}"
        lines.append(f"  {v['target'].ljust(name_w)}  {v['verdict']:>7}  ({figure}; target {v['limit']})")
    return "\n".join(lines)
