"""The library API: load a dataset, validate it, build the DOCX and PDF."""

from __future__ import annotations

import contextlib
import os
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from . import codes, overlap
from .codes import Messages
from .compose import Document, compose
from .finding_cap import FindingList, listed
from .findings import Finding, Location, ValidationReport
from .load import DatasetError, load_dataset
from .load.reader import REPORT_FILE
from .load.encoding import DecodeFailure, decode
from .load.pydantic_errors import findings_from_validation
from .load.sources import SourceMap
from .load.yamlfile import MAX_CHARS, MAX_YAML_BYTES, YamlSyntaxError, parse_yaml
from .outdir import locked_output
from .render import RENDERERS, RenderOptions
from .schema.report import Report
from .schema.theme import Theme

FORMATS = tuple(RENDERERS)


def load(path: str | Path) -> Report:
    """Load the dataset folder at ``path``; raise DatasetError (with all findings) if it has errors."""
    report, checked = check_dataset(path, "zh")
    if report is None or not checked.ok:
        raise DatasetError(checked.findings)
    return report


def validate(target: Report | str | Path, lang: str = "zh", theme: Theme | None = None) -> ValidationReport:
    """Return every finding for a dataset folder or a Report; never raises for bad input.

    ``theme`` is the one the report will be built with (page size, fonts: what fits and what
    prints); None means the default theme.
    """
    if not isinstance(target, (Report, str, os.PathLike)):
        refused = codes.make("E-PATH-NOT-DATASET", Location(), path=_shown(target))
        return _localised(ValidationReport(target=_shown(target), findings=[refused]), lang)
    if isinstance(target, Report):
        return _localised(_check_report(target, theme)[1], lang)
    return check_dataset(target, lang, theme)[1]


def _check_report(report: Report, theme: Theme | None) -> tuple[Report, ValidationReport]:
    """Return a Report made in code with its templates rendered, and all its findings."""
    sources = report._sources if isinstance(report._sources, SourceMap) else None
    findings: list[Finding] = FindingList()
    rendered = _with_templates(report, findings)
    findings += _figure_findings(report, rendered)
    findings += _dataset_checks(rendered, sources, theme)
    return rendered, ValidationReport(target=f"{report.meta.year}", findings=listed(findings))


def check_dataset(path: str | Path, lang: str = "zh", theme: Theme | None = None,
                  loaded: Callable[[Report], None] | None = None) -> tuple[Report | None, ValidationReport]:
    """Return the dataset's Report (None if it cannot be built) and all its findings (for ``theme``, see validate).

    ``loaded`` is called with the Report once it is read and its templates printed without
    an error, before the remaining checks: a build starts its PDF there (prepared_pdf).
    """
    refused = _not_a_dataset(path)
    if refused is not None:
        return None, _localised(ValidationReport(target=_shown(path), findings=[refused]), lang)
    result = load_dataset(path)
    findings = FindingList(result.findings)
    report = result.report
    if report is not None:
        typed, report = report, _with_templates(report, findings)
        if loaded is not None and not any(finding.severity == "error" for finding in findings):
            loaded(report)  # the report is final here; the checks below only find, and run while the PDF draws
        findings.extend(_figure_findings(typed, report))
        findings.extend(_dataset_checks(report, report._sources, theme))  # type: ignore[arg-type]
    return report, _localised(ValidationReport(target=str(path), findings=listed(findings)), lang)


def _with_templates(report: Report, findings: list[Finding]) -> Report:
    """Return ``report`` with its narrative templates rendered and its charts' references resolved, adding their findings."""
    from .figures.charts import resolve_references
    from .figures.templates import render_templates

    rendered, more = render_templates(report)
    findings.extend(more)
    charted, more = resolve_references(rendered)  # charts that name an indicator take its data from the panel
    findings.extend(more)
    return charted


def _dataset_checks(report: Report, sources: SourceMap | None, theme: Theme | None) -> list[Finding]:
    """Return the findings of the dataset checks; imported here, as a build draws its PDF before they run."""
    from .checks import CheckContext, run_checks

    return run_checks(report, CheckContext(sources=sources, award_categories=report.award_categories), theme)


def _figure_findings(typed: Report, printed: Report) -> list[Finding]:
    """Return the figure checks' findings: the text as typed against the panel, the key figures as printed."""
    from .figures.consistency import check_consistency
    from .figures.key_figures import check_key_figures

    return check_consistency(typed) + check_key_figures(printed)


def _not_a_dataset(path: object) -> Finding | None:
    """Return why ``path`` names no dataset folder (not a path, empty, another file), or None."""
    if not isinstance(path, (str, os.PathLike)) or not str(os.fspath(path)).strip():
        return codes.make("E-PATH-NOT-DATASET", Location(), path=_shown(path))
    target = Path(path)
    if target.is_file() and target.name != REPORT_FILE:
        return codes.make("E-PATH-NOT-DATASET", Location(file=str(target)), path=str(target))
    return None


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, (str, os.PathLike)) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _localised(report: ValidationReport, lang: str) -> ValidationReport:
    if lang.startswith("zh"):
        return report
    messages = Messages(lang)
    report.findings = [messages.localise(f) for f in report.findings]
    return report


def build(
    report: Report | str | Path,
    out_dir: str | Path = "out",
    formats: Sequence[str] | str = FORMATS,
    theme: Theme | None = None,
    docx_template: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
    font_fallback: bool = False,
    jobs: int | None = None,
) -> list[Path]:
    """Validate, compose and render ``report`` into ``out_dir``; return the files written.

    Raises DatasetError when the report has errors, RenderError when content cannot be laid
    out: nothing is written then. All formats are written, or none (earlier outputs stay).
    Builds into one folder take turns (OutputBusy after five minutes of waiting); files staged
    by a build that was killed are removed.
    Without a Chinese font the PDF is refused (FontMissingError) unless ``font_fallback``.
    ``jobs`` 1 renders the formats strictly in turn (see write_checked).
    """
    formats = _formats(formats)
    say = progress or (lambda message: None)
    theme = theme or Theme()
    with prepared_pdf(formats, jobs, theme, font_fallback) as worker:
        if isinstance(report, Report):
            report, checked = _check_report(report, theme)  # a Report made in code: its templates print too
        else:
            loaded, checked = check_dataset(report, theme=theme, loaded=worker.begin if worker is not None else None)
            report = loaded if loaded is not None else report
        if not isinstance(report, Report) or not checked.ok:
            raise DatasetError(checked.findings)
        say("load")
        return write_checked(report, out_dir, formats, theme, docx_template, say, font_fallback, jobs, worker)


def prepared_pdf(formats: Sequence[str] | str, jobs: int | None, theme: Theme,
                 font_fallback: bool) -> contextlib.AbstractContextManager[overlap.PdfWorker | None]:
    """Return a block in which a PDF worker prepares (imports, fonts) while the dataset is checked, or None.

    Only a build with a PDF that may overlap gets one (nbreport.overlap); hand it to
    write_checked. It is stopped when the block ends, whether or not it was used.
    """
    return overlap.pdf_worker(_render, _formats(formats), jobs, theme, font_fallback)


def write_checked(report: Report, out_dir: str | Path, formats: Sequence[str] | str, theme: Theme,
                  docx_template: str | Path | None, say: Callable[[str], None], font_fallback: bool,
                  jobs: int | None = None, worker: overlap.PdfWorker | None = None) -> list[Path]:
    """Compose and render a report that has been validated (templates rendered), as build does after its checks.

    The command line validates once, prints the findings, then calls this. With a PDF and a
    free core, the PDF is drawn in a forked process (same bytes; nbreport.overlap) while the
    DOCX, if asked for, is written here; ``jobs`` 1 (or NBREPORT_JOBS=1) keeps them in turn.
    ``worker`` is one prepared meanwhile (prepared_pdf), else one is forked after compose.
    """
    formats = _formats(formats)
    if worker is not None and worker.document is not None and worker.theme != theme:
        worker.stop()  # begun with another theme: its PDF would not match this DOCX
        worker = None
    early = worker.document if worker is not None else None  # composed while the checks ran (PdfWorker.begin)
    document = early if early is not None else compose(report, theme)
    say("compose")
    targets = [Path(out_dir) / f"{output_name(report)}.{fmt}" for fmt in formats]
    staged = [target.with_name(f".{target.name}.building") for target in targets]
    options = RenderOptions(docx_template=Path(docx_template) if docx_template else None, font_fallback=font_fallback)
    with locked_output(Path(out_dir)):
        try:
            if overlap.sequential_reason(formats, jobs) is None:
                overlap.render_overlapped(_render, document, theme, dict(zip(formats, staged)), options, say, worker)
            else:  # the PDF first: its heading pages fill the DOCX's 目录 when LibreOffice is not installed
                for fmt, path in sorted(zip(formats, staged), key=lambda pair: pair[0] != "pdf"):
                    _render(fmt, document, theme, path, options)
                    say(fmt)
            for path, target in zip(staged, targets):
                os.replace(path, target)
        finally:
            for path in staged:
                path.unlink(missing_ok=True)
    return targets


def load_theme(path: str | Path) -> Theme:
    """Return the Theme of a YAML file, merged onto the defaults; raise DatasetError with findings."""
    theme, findings = read_theme(path)
    if theme is None:
        raise DatasetError(findings)
    return theme


def read_theme(path: str | Path) -> tuple[Theme | None, list[Finding]]:
    """Return the Theme of a YAML file (None if unusable) and the findings at its lines."""
    shown = str(path)
    text = _theme_text(path, shown)
    if isinstance(text, Finding):
        return None, [text]
    try:
        data, positions = parse_yaml(text)
    except YamlSyntaxError as error:
        return None, [codes.make(error.code, Location(file=shown, line=error.line), **error.params)]
    sources = SourceMap(Path(shown))
    sources.add((), Location(file=shown, line=1))
    for key, line in positions.items():
        sources.add(key, Location(file=shown, line=line))
    try:
        return Theme.model_validate(data if data is not None else {}), []
    except ValidationError as error:
        return None, findings_from_validation(error, sources, data)


def _theme_text(path: str | Path, shown: str) -> str | Finding:
    """Return the text of a theme file, or the finding that says why it cannot be read."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_YAML_BYTES + 1)  # bounded: the path may be /dev/zero or a pipe
    except FileNotFoundError:
        return codes.make("E-PATH-NOT-FOUND", Location(file=shown), path=shown)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        detail = getattr(error, "strerror", None) or type(error).__name__
        return codes.make("E-FILE-READ", Location(file=shown), detail=detail)
    if len(data) > MAX_YAML_BYTES:  # a theme is a few hundred bytes
        return codes.make("E-YAML-TOO-LARGE", Location(file=shown, line=1), limit=MAX_CHARS)
    text = decode(data)
    if isinstance(text, DecodeFailure):
        return codes.make("E-FILE-ENCODING", Location(file=shown, line=text.line), detail=text.detail)
    return text


def _formats(formats: Sequence[str] | str) -> tuple[str, ...]:
    """Return the formats asked for: one name alone ("pdf") is one format, never its letters."""
    chosen = (formats,) if isinstance(formats, str) else tuple(formats)
    unknown = [fmt for fmt in chosen if fmt not in FORMATS]
    if unknown or not chosen:
        shown = repr(unknown[0]) if unknown else "(none)"
        raise ValueError(f"unknown format {shown}; choose from {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(chosen))


def output_name(report: Report) -> str:
    """Return a safe base file name of the outputs, e.g. ``2023年度宁波市科技进步报告``.

    The title is user text: characters no file system or shell should see are dropped
    (controls, line separators, bidi controls, path separators, Windows' reserved
    characters), leading dots and trailing dots/spaces go, Windows device names get a
    suffix, and the name is cut to NAME_MAX_CHARS characters and NAME_MAX_BYTES UTF-8 bytes.
    """
    year = str(report.meta.year)
    kept = "".join(ch for ch in report.meta.full_title if not _unsafe_in_name(ch))
    name = " ".join(kept.split()).lstrip(". ")[:NAME_MAX_CHARS]
    while len(name.encode("utf-8")) > NAME_MAX_BYTES:
        name = name[:-1]
    name = name.rstrip(". ")
    if name.split(".")[0].upper() in _WINDOWS_DEVICES:
        name += f"_{year}"
    return name or year


NAME_MAX_CHARS = 100
NAME_MAX_BYTES = 200  # of 255: room for ".docx", the ".building" temporary name and a suffix
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}


def _unsafe_in_name(char: str) -> bool:
    # Cc: C0/C1 controls and DEL; Cf: bidi controls, zero-width and BOM; Zl/Zp: U+2028/U+2029;
    # Cs/Co/Cn: surrogates, private use, unassigned.
    return char in '\\/:*?"<>|' or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def _render(fmt: str, document: Document, theme: Theme, path: Path, options: RenderOptions) -> Path:
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return renderer(document, theme, path, options)
