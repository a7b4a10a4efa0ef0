"""Cross-field rules over a Report; each returns findings, none stops the others."""

from __future__ import annotations

from ..findings import Finding
from ..schema.report import Report
from .awards import AWARD_CATEGORIES, check_award_table, check_person_names
from .chronology import check_chronology
from .context import CheckContext
from .structure import check_structure
from .tables import check_table
from .text import check_text, check_duplicates
from .walk import iter_tables


def run_checks(report: Report, ctx: CheckContext | None = None) -> list[Finding]:
    """Return the findings of every rule on ``report``, in a stable order."""
    ctx = ctx or CheckContext()
    findings: list[Finding] = []
    findings.extend(check_chronology(report, ctx))
    for path, table in iter_tables(report):
        findings.extend(check_table(table, path, ctx))
        if table.table_kind == "award":
            findings.extend(check_award_table(table, path, ctx))
        findings.extend(check_person_names(table, path, ctx))
    findings.extend(check_text(report, ctx))
    findings.extend(check_duplicates(report, ctx))
    findings.extend(check_structure(report, ctx))
    return findings


__all__ = ["AWARD_CATEGORIES", "CheckContext", "run_checks"]
