"""Check a submission in two layers: each cell against its column, then the dataset's own rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import codes
from ..codes import Messages
from ..finding_cap import FindingList, listed
from ..findings import Finding, Location, ValidationReport
from .as_report import rule_findings
from .normalise import CellProblem, to_choice, to_date, to_int, to_list, to_number, to_paragraphs, to_text, to_year
from .parts import Field, Part, SheetSpec
from .read import RawRow, RawSheet, RawSubmission, Uncached, read_submission
from .record import Record
from .sniff import Unreadable


@dataclass(slots=True)
class CheckedSubmission:
    """Hold what checking a workbook produced: its part, year, typed rows per sheet and the findings.

    ``readable`` False means the file could not be read at all (exit code 2); ``part`` is then None.
    """

    file: str
    report: ValidationReport
    part: Part | None = None
    year: int | None = None
    records: dict[str, list[Record]] = field(default_factory=dict)
    readable: bool = True


def validate_submission(path: str | Path, part: str | None = None, year: int | None = None, lang: str = "zh",
                        award_categories: Sequence[str] = ()) -> CheckedSubmission:
    """Read and check the workbook at ``path``; never raises for a bad file (see ``readable``)."""
    path = Path(path)
    try:
        raw = read_submission(path, part)
    except Unreadable as error:
        report = ValidationReport(target=str(path), findings=error.findings)
        return CheckedSubmission(file=path.name, report=_localised(report, lang), readable=False)
    checked = check_submission(raw, year, award_categories)
    checked.report.target = str(path)
    checked.report = _localised(checked.report, lang)
    return checked


def check_submission(raw: RawSubmission, year: int | None = None, award_categories: Sequence[str] = ()) -> CheckedSubmission:
    """Return the typed rows of ``raw`` and every finding; ``year`` (None: the template's) is the report year."""
    findings = FindingList(raw.findings, unique=True)  # a cell rule and a dataset rule may both see one blank cell
    if year is not None and raw.year is not None and raw.year != year:
        findings.append(codes.make("W-XLSX-YEAR", Location(file=raw.file), found=raw.year, year=year))
    year = year if year is not None else raw.year
    records: dict[str, list[Record]] = {}
    for spec in raw.part.sheets:
        sheet = raw.sheets.get(spec.name)
        if sheet is None:
            continue
        records[spec.name] = [_record(spec, sheet, row, year, findings) for row in sheet.rows]
        findings.extend(_sheet_rules(spec, sheet, records[spec.name], raw.file))
    findings.extend(rule_findings(raw.part, records, year, award_categories, raw.file))
    report = ValidationReport(target=raw.file, findings=listed(findings))
    return CheckedSubmission(raw.file, report, raw.part, year, records)


def _record(spec: SheetSpec, sheet: RawSheet, row: RawRow, year: int | None, findings: list[Finding]) -> Record:
    record = Record(row.number, {}, dict(row.places))
    for column in spec.fields:
        value = row.values.get(column.name)
        if isinstance(value, Uncached):  # the reader said so (E-XLSX-FORMULA): not "required but empty"
            record.values[column.name] = _blank(column)
            record.ok = False
            continue
        if value is None:
            record.values[column.name] = _blank(column)
            if column.required and column.name in sheet.columns:
                findings.append(codes.make("E-CELL-REQUIRED", row.places[column.name], column=column.name))
                record.ok = False
            continue
        try:
            record.values[column.name] = _convert(column, value, year)
        except CellProblem as problem:
            params = {"column": column.name, **problem.params}
            if problem.code == "E-CELL-TYPE" and column.example:
                params["example"] = f"，例如 {column.example}"  # the column's own example, not a 序号's
            findings.append(codes.make(problem.code, row.places[column.name], **params))
            record.values[column.name] = _blank(column)
            record.ok = False
    _percent(record, findings)
    return record


def _blank(column: Field) -> Any:
    return {"text": "", "list": [], "paragraphs": []}.get(column.type)


def _convert(column: Field, value: Any, year: int | None) -> Any:
    match column.type:
        case "text":
            return to_text(value)
        case "paragraphs":
            return to_paragraphs(value)
        case "list":
            return to_list(value)
        case "int":
            return to_int(value)
        case "year":
            return to_year(value)
        case "number":
            return to_number(value)
        case "date":
            return to_date(value, year)
        case "choice":
            return to_choice(value, column.choices, column.name, column.strict)
    raise AssertionError(column.type)


def _percent(record: Record, findings: list[Finding]) -> None:
    """Unpack a number typed as 12.5% into the value and the unit %."""
    number = record.values.get("数值")
    if not isinstance(number, tuple):
        return
    value, percent = number
    record.values["数值"] = value
    if percent and record.values.get("单位") in (None, ""):
        record.values["单位"] = "%"
    elif percent and record.values.get("单位") != "%":
        findings.append(codes.make("E-CELL-TYPE", record.at("数值"), column="数值", expected="数字（单位写在“单位”列）",
                                   example="，例如 数值填 12.5、单位填 %",
                                   value=f"{value}%"))
        record.ok = False


def _sheet_rules(spec: SheetSpec, sheet: RawSheet, records: list[Record], file: str) -> list[Finding]:
    """Return findings about the sheet as a whole: empty, one row only, 序号 sequence, repeated keys."""
    where = Location(file=file, sheet=sheet.title)
    if not records:
        return [codes.make("E-XLSX-EMPTY", where, sheet=sheet.title)]
    findings: list[Finding] = []
    if spec.single and len(records) > 1:
        findings.append(codes.make("E-XLSX-ONE-ROW", records[1].at(spec.fields[0].name), sheet=sheet.title, count=len(records)))
    if "序号" in spec.names:
        expected = 1
        for record in records:
            value = record.values.get("序号")
            if isinstance(value, int) and value != expected:
                findings.append(codes.make("E-SEQ-GAP", record.at("序号"), expected=expected, value=value))
            expected = value + 1 if isinstance(value, int) else expected + 1
    if spec.unique:
        seen: dict[tuple[str, ...], Record] = {}
        for record in records:
            key = tuple("".join(str(record.values.get(name) or "").split()) for name in spec.unique)
            if not all(key):
                continue
            if key in seen:
                findings.append(codes.make("E-DUPLICATE-ID", record.at(spec.unique[0]), what="/".join(spec.unique),
                                           value=" / ".join(str(record.values.get(n)) for n in spec.unique)))
            seen.setdefault(key, record)
    return findings


def _localised(report: ValidationReport, lang: str) -> ValidationReport:
    if not lang.startswith("en"):
        return report
    messages = Messages(lang)
    report.findings = [messages.localise(f) for f in report.findings]
    return report
