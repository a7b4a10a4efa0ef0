"""Merge checked submissions into a dataset folder: all of them or nothing, and the dataset stays valid."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import codes
from ..codes import Messages
from ..findings import Finding, Location, ValidationReport
from ..load import load_dataset
from ..load.yamlfile import YamlSyntaxError, parse_yaml
from ..schema import DistrictChapter, DistrictEntry
from .check import CheckedSubmission, validate_submission
from .parts import PARTS
from .plans import PLANNERS, Dataset, Plan, inside
from .staging import stage_and_replace

_NEED_TARGET = ("awards", "incubators", "chronology", "indicators")


@dataclass(slots=True)
class MergeResult:
    """Say what a merge did: every finding, what each submission added, the files written.

    ``readable`` False means a submission or the dataset could not be read at all (exit code 2).
    """

    report: ValidationReport
    changes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    readable: bool = True

    @property
    def ok(self) -> bool:
        """Return True when the merge went through (or would, in a dry run)."""
        return self.readable and self.report.ok


def merge_submissions(dataset: str | Path, submissions: Sequence[str | Path], part: str | None = None,
                      target: str | None = None, dry_run: bool = False, lang: str = "zh") -> MergeResult:
    """Add the submissions to ``dataset``; change nothing unless every one is clean and the result validates.

    ``part`` None reads each workbook's part from its template; ``target`` names the CSV
    (relative to the dataset) for awards, incubators, chronology or indicators.
    """
    from ..api import validate

    root = Path(dataset).resolve()
    result = MergeResult(ValidationReport(target=str(dataset)))
    checked = validate(root)
    if not checked.ok:
        result.readable = "E-PATH-NOT-FOUND" not in checked.codes()
        result.report.findings = [*checked.errors, codes.make("E-MERGE-DATASET", Location(file=str(dataset)),
                                                              count=len(checked.errors), path=str(dataset))]
        return _localised(result, lang)
    loaded = load_dataset(root)
    assert loaded.report is not None  # validate() just said it loads
    ds = Dataset(root, loaded.report, _settings(root), target)
    subs = [validate_submission(path, part, loaded.report.meta.year, award_categories=loaded.award_categories)
            for path in submissions]
    findings = [finding for sub in subs for finding in sub.report.findings]
    result.readable = all(sub.readable for sub in subs)
    plan = _plan(ds, [sub for sub in subs if sub.readable and sub.part is not None])
    findings += plan.findings
    result.changes = plan.changes
    result.report.findings = findings
    if result.ok:
        texts = _texts(plan)
        result.report.findings += _trial(root, texts, plan.districts)
        if result.ok and not dry_run:
            result.written, failed = _write(root, texts)
            result.report.findings += failed
    if not result.ok:
        result.changes = []
    return _localised(result, lang)


def _settings(root: Path) -> dict[str, Any]:
    try:
        data, _ = parse_yaml((root / "report.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, YamlSyntaxError):
        return {}
    return data if isinstance(data, dict) else {}


def _plan(ds: Dataset, subs: list[CheckedSubmission]) -> Plan:
    plan = Plan()
    groups = {name: [sub for sub in subs if sub.part is not None and sub.part.name == name] for name in PARTS}
    tabular = [name for name in _NEED_TARGET if groups[name]]
    if ds.target and len(tabular) > 1:
        detail = f"--target 只能在一次并入一种表格时使用（本次有 {'、'.join(tabular)}）"
        plan.findings.append(codes.make("E-MERGE-TARGET", Location(file=ds.target), detail=detail))
        return plan
    for name, group in groups.items():
        if group:
            PLANNERS[name](ds, plan, group)
    return plan


def _texts(plan: Plan) -> dict[Path, str]:
    """Return the new text of every file that changes."""
    texts = dict(plan.texts)
    texts.update({file: table.text() for file, table in plan.tables.items()})
    return {file: text for file, text in texts.items() if _current(file) != text}


def _current(file: Path) -> str | None:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _trial(root: Path, texts: dict[Path, str], districts: list[DistrictEntry]) -> list[Finding]:
    """Apply ``texts`` to a copy of the dataset and return why the copy would not validate (or read back)."""
    from ..api import validate

    with tempfile.TemporaryDirectory(prefix="nbreport-merge-") as scratch:
        copy = Path(scratch) / root.name
        shutil.copytree(root, copy, symlinks=True)
        for file, text in texts.items():
            if file.is_relative_to(root):
                (copy / file.relative_to(root)).write_bytes(text.encode("utf-8"))
        errors: dict[tuple[str | None, str], Finding] = {}
        for error in validate(copy).errors:
            errors.setdefault((error.where.file, error.message), error)  # one construct may yield several
        findings = [codes.make("E-MERGE-INVALID", f.where, detail=f.message) for f in errors.values()]
        if findings or not districts:
            return findings
        report = load_dataset(copy).report
        written = {e.name: e for c in (report.chapters if report else []) if isinstance(c, DistrictChapter) for e in c.districts}
        for entry in districts:
            back = written.get(entry.name)
            if back is None or back.intro != entry.intro or back.items != entry.items:
                detail = f"区县“{entry.name}”写入后读回的内容与报送表不一致"
                findings.append(codes.make("E-MERGE-INVALID", Location(file=root.name), detail=detail))
        return findings


def _write(root: Path, texts: dict[Path, str]) -> tuple[list[Path], list[Finding]]:
    """Write every text or none: stage all to temporary files, then rename; on any failure put the originals back."""
    outside = [file for file in texts if inside(root, file) is None]
    if outside:  # planners only name files inside; this is the last guard before anything is written
        return [], [codes.make("E-PATH-ESCAPE", Location(file=str(file)), path=str(file)) for file in outside]
    try:
        return stage_and_replace(texts), []
    except OSError as error:
        file = error.filename or root
        return [], [codes.make("E-MERGE-WRITE", Location(file=_relative(root, Path(file))),
                               path=_relative(root, Path(file)), detail=error.strerror or str(error))]


def _relative(root: Path, file: Path) -> str:
    try:
        return file.resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return str(file)


def _localised(result: MergeResult, lang: str) -> MergeResult:
    if lang.startswith("en"):
        messages = Messages(lang)
        result.report.findings = [messages.localise(f) for f in result.report.findings]
    return result
