"""The library API: load a dataset, validate it, build the DOCX and PDF."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from .checks import CheckContext, run_checks
from .codes import Messages
from .compose import Document, compose
from .findings import Finding, ValidationReport
from .load import DatasetError, load_dataset
from .load.sources import SourceMap
from .outdir import locked_output
from .schema.report import Report
from .schema.theme import Theme

FORMATS = ("docx", "pdf")


def load(path: str | Path) -> Report:
    """Load the dataset folder at ``path``; raise DatasetError (with all findings) if it has errors."""
    report, checked = check_dataset(path, "zh")
    if report is None or not checked.ok:
        raise DatasetError(checked.findings)
    return report


def validate(target: Report | str | Path, lang: str = "zh") -> ValidationReport:
    """Return every finding for a dataset folder or a Report; never raises for bad input."""
    if isinstance(target, Report):
        sources = target._sources if isinstance(target._sources, SourceMap) else None
        findings: list[Finding] = []
        target = _with_templates(target, findings)
        findings += run_checks(target, CheckContext(sources=sources))
        return _localised(ValidationReport(target=f"{target.meta.year}", findings=findings), lang)
    return check_dataset(target, lang)[1]


def check_dataset(path: str | Path, lang: str = "zh") -> tuple[Report | None, ValidationReport]:
    """Return the dataset's Report (None if it cannot be built) and all its findings."""
    result = load_dataset(path)
    findings = list(result.findings)
    report = result.report
    if report is not None:
        report = _with_templates(report, findings)
        ctx = CheckContext(sources=report._sources, award_categories=result.award_categories)  # type: ignore[arg-type]
        findings.extend(run_checks(report, ctx))
    return report, _localised(ValidationReport(target=str(path), findings=findings), lang)


def _with_templates(report: Report, findings: list[Finding]) -> Report:
    """Return ``report`` with its narrative templates rendered, adding their and the figure checks' findings."""
    from .figures.consistency import check_consistency
    from .figures.templates import render_templates

    rendered, more = render_templates(report)
    findings.extend(more + check_consistency(report))
    return rendered


def _localised(report: ValidationReport, lang: str) -> ValidationReport:
    if lang.startswith("zh"):
        return report
    messages = Messages(lang)
    report.findings = [messages.localise(f) for f in report.findings]
    return report


def build(
    report: Report | str | Path,
    out_dir: str | Path = "out",
    formats: Sequence[str] = FORMATS,
    theme: Theme | None = None,
    docx_template: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Validate, compose and render ``report`` into ``out_dir``; return the files written.

    Raises DatasetError when the report has errors, RenderError when content cannot be laid
    out: nothing is written then. All formats are written, or none (earlier outputs stay).
    Builds into one folder take turns (OutputBusy after five minutes of waiting); files staged
    by a build that was killed are removed.
    """
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    say = progress or (lambda message: None)
    if not isinstance(report, Report):
        report = load(report)
    else:
        checked = validate(report)
        if not checked.ok:
            raise DatasetError(checked.findings)
        report = _with_templates(report, [])  # a Report made in code: its templates print too
    say("load")
    theme = theme or Theme()
    document = compose(report, theme)
    say("compose")
    targets = [Path(out_dir) / f"{output_name(report)}.{fmt}" for fmt in formats]
    staged = [target.with_name(f".{target.name}.building") for target in targets]
    with locked_output(Path(out_dir)):
        try:
            for fmt, path in zip(formats, staged):
                _render(fmt, document, theme, path, docx_template)
                say(fmt)
            for path, target in zip(staged, targets):
                os.replace(path, target)
        finally:
            for path in staged:
                path.unlink(missing_ok=True)
    return targets


def output_name(report: Report) -> str:
    """Return the base file name of the outputs, e.g. ``2023年度宁波市科技进步报告``."""
    name = report.meta.full_title
    return "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip() or str(report.meta.year)


def _render(fmt: str, document: Document, theme: Theme, path: Path, docx_template: str | Path | None) -> Path:
    if fmt == "docx":
        from .render.docx import render_docx

        return render_docx(document, theme, path, Path(docx_template) if docx_template else None)
    if fmt == "pdf":
        from .render.pdf import render_pdf

        return render_pdf(document, theme, path)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
