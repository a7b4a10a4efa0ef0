"""Judge the measured figures against issue 15's targets, as ratios measured in the same run: MET, NOT MET or n/a."""

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


# "Time per 1,000 rows flat from 1,000 to 50,000 rows" is judged on the rows' own cost: CPU
# past the set-up (a 10-row render), and CPU per 1,000 rows never growing with size. The raw wall
# per 1,000 rows is not judged: a DOCX file's fixed cost (template, styles, zip: about 30 ms) is
# as large as 1,000 rows' compose and render, so that figure falls with size for any writer,
# python-docx's own included. The sizes are timed in turns in one process, each turn a window of
# seconds, and every ratio is taken within a round (bench/scale_child.py): one 0.1 s render's CPU
# moved by 40 % from one run to the next on the shared machine, and separate processes minutes
# apart differed by 10-50 %, more than the 15 % judged here.
TARGETS = (
    Target("cold build of data/2023, both formats ≤ 1.0 × naive cold pair (wall)", "ratio.cold_vs_naive", "<=", 1.0, "×"),
    Target("≥ 8 × faster than pandoc + LibreOffice (cold)", "ratio.reference_vs_cold", ">=", 8.0, "×"),
    Target("10,000-row appendix PDF ≤ 0.5 × naive reportlab platypus", "ratio.10000.pdf", "<=", 0.5, "×"),
    Target("50,000-row appendix: DOCX peak RSS ≤ 250 MB", "mem.50000.docx.rss", "<=", 250.0, "MB"),
    Target("50,000-row appendix: PDF peak RSS ≤ 250 MB", "mem.50000.pdf.rss", "<=", 250.0, "MB"),
    Target("DOCX CPU per 1,000 rows past the fixed set-up flat within 15 % (1k–50k)", "scale.flat.docx.marginal", "<=", 1.15, "×"),
    Target("PDF CPU per 1,000 rows past the fixed set-up flat within 15 % (1k–50k)", "scale.flat.pdf.marginal", "<=", 1.15, "×"),
    Target("DOCX CPU per 1,000 rows, set-up included, never grows > 15 % with size", "scale.growth.docx", "<=", 1.15, "×"),
    Target("PDF CPU per 1,000 rows, set-up included, never grows > 15 % with size", "scale.growth.pdf", "<=", 1.15, "×"),
    Target("layout checker: 0 faults in the data/2023 PDF", "layout.faults", "<=", 0.0, ""),
)
_OPS = {"<": operator.lt, "<=": operator.le, ">=": operator.ge}


def judge(figures: Figures) -> list[dict]:
    """Return one verdict per target: name, figure, limit and MET / NOT MET / n/a."""
    verdicts = []
    for target in TARGETS:
        value = figures.get(target.key)
        verdict = "n/a" if value is None else "MET" if _OPS[target.compare](value, target.limit) else "NOT MET"
        verdicts.append({"target": target.name, "key": target.key, "value": value,
                         "limit": f"{target.compare} {target.limit:g} {target.unit}".rstrip(), "verdict": verdict})
    return verdicts


def format_verdicts(verdicts: list[dict]) -> str:
    """Return the verdicts as aligned lines under a "Targets" heading."""
    name_w = max(len(v["target"]) for v in verdicts)
    lines = ["", "== Targets (issue 15) =="]
    for v in verdicts:
        figure = "not measured" if v["value"] is None else f"{v['value']:.2f}"
        lines.append(f"  {v['target'].ljust(name_w)}  {v['verdict']:>7}  ({figure}; target {v['limit']})")
    return "\n".join(lines)
