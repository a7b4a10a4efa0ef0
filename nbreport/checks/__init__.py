"""Cross-field rules over a Report; each returns findings, none stops the others."""

from __future__ import annotations

from ..finding_cap import FindingList
from ..findings import Finding
from ..schema.report import Report
from ..schema.theme import Theme
from .awards import AWARD_CATEGORIES, check_award_table, check_person_names
from .chronology import check_chronology
from .context import CheckContext
from .glyphs import check_glyphs
from .images import check_images, check_photo_frames
from .sizes import check_headings, check_table_fits, check_titles
from .structure import check_structure
from .tables import check_table
from .text import check_text, check_duplicates
from .walk import iter_tables


def run_checks(report: Report, ctx: CheckContext | None = None, theme: Theme | None = None) -> list[Finding]:
    """Return the findings of every rule on ``report``, in a stable order.

    ``theme`` is the one the build will use (page size, fonts); None means the default.
    Table sizes and glyph coverage depend on it.
    """
    ctx = ctx or CheckContext()
    findings: list[Finding] = FindingList()
    findings.extend(check_titles(report, ctx))
    findings.extend(check_headings(report, ctx))
    findings.extend(check_chronology(report, ctx))
    for path, table in iter_tables(report):
        findings.extend(check_table(table, path, ctx))
        findings.extend(check_table_fits(table, path, ctx, _landscape(report, path), theme))
        if table.table_kind == "award":
            findings.extend(check_award_table(table, path, ctx))
        findings.extend(check_person_names(table, path, ctx))
    findings.extend(check_images(report, ctx))
    findings.extend(check_photo_frames(report, ctx, theme))
    findings.extend(check_text(report, ctx))
    findings.extend(check_glyphs(report, ctx, theme))
    findings.extend(check_duplicates(report, ctx))
    findings.extend(check_structure(report, ctx))
    return findings


def _landscape(report: Report, path: tuple[str | int, ...]) -> bool | None:
    # Body tables print on portrait pages; an appendix may ask for landscape (None: by width).
    if path[0] == "appendices" and isinstance(path[1], int):
        return report.appendices[path[1]].landscape
    return False


__all__ = ["AWARD_CATEGORIES", "CheckContext", "run_checks"]
