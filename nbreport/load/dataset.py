"""Load a dataset folder into a Report, collecting findings instead of stopping at the first."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import codes
from ..findings import Finding, Location
from ..schema.report import Report
from .chronology import read_chronology
from .encoding import DecodeFailure, decode
from .events import read_indicators, read_top_events
from .narrative import read_chapter, read_conclusion
from .pydantic_errors import findings_from_validation
from .sources import PathKey, SourceMap
from .tables import TABLE_KINDS, TABLE_SPEC_KEYS, RawTable, TableReadError, read_table_file, table_from_spec
from .unused import unused_files
from .yamlfile import MAX_CHARS, MAX_YAML_BYTES, YamlSyntaxError, parse_yaml

REPORT_FILE = "report.yaml"
_REPORT_KEYS = {"meta", "overview", "chapters", "conclusion", "chronology", "appendices", "top_events",
                "indicators", "award_categories", "key_figures"}


@dataclass(slots=True)
class LoadResult:
    """Hold what loading produced: the Report (None if it could not be built) and the findings."""

    report: Report | None
    findings: list[Finding] = field(default_factory=list)
    award_categories: list[str] = field(default_factory=list)


class DatasetReader:
    """Read the files of one dataset folder, keeping positions and findings."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.sources = SourceMap(self.root)
        self.findings: list[Finding] = []
        self.used: set[Path] = {self.root / REPORT_FILE}

    def add(self, finding: Finding) -> None:
        """Record a finding."""
        self.findings.append(finding)

    def resolve(self, reference: str, base: Path, where: Location) -> Path | None:
        """Return the file a reference names, or None after a finding if it escapes or is missing."""
        candidate = (base / reference)
        try:
            resolved = candidate.resolve()
            resolved.relative_to(self.root)
        except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            self.add(codes.make("E-PATH-ESCAPE", where, path=reference))
            return None
        if not resolved.is_file():
            self.add(codes.make("E-FILE-MISSING", where, path=reference))
            return None
        self.used.add(resolved)
        return resolved

    def read_text(self, file: Path) -> str | None:
        """Return a UTF-8 file's text with line endings normalised, or None after a finding."""
        try:
            text = decode(file.read_bytes())
        except OSError as error:  # unreadable (permissions, a directory, an I/O error)
            self.add(codes.make("E-FILE-READ", Location(file=self.sources.relative(file)), detail=error.strerror or type(error).__name__))
            return None
        if isinstance(text, DecodeFailure):
            where = Location(file=self.sources.relative(file), line=text.line)
            self.add(codes.make("E-FILE-ENCODING", where, detail=text.detail))
            return None
        return text

    def read_yaml(self, file: Path) -> tuple[Any, dict] | None:
        """Return YAML data and line positions, or None after a finding."""
        try:
            too_big = file.stat().st_size > MAX_YAML_BYTES  # then not read at all: it could be any size
        except OSError:
            too_big = False  # read_text says why it cannot be read
        if too_big:
            self.add(codes.make("E-YAML-TOO-LARGE", Location(file=self.sources.relative(file), line=1), limit=MAX_CHARS))
            return None
        text = self.read_text(file)
        if text is None:
            return None
        try:
            return parse_yaml(text)
        except YamlSyntaxError as error:
            self.add(codes.make(error.code, Location(file=self.sources.relative(file), line=error.line), **error.params))
            return None

    def read_rows(self, file: Path, sheet: str | None = None) -> RawTable | None:
        """Return the rows of a CSV or XLSX file, or None after recording why it cannot be read."""
        try:
            raw = read_table_file(file, self.sources.relative(file), sheet)
        except TableReadError as error:
            self.findings.extend(error.findings)
            return None
        except OSError as error:
            self.add(codes.make("E-FILE-READ", Location(file=self.sources.relative(file)), detail=error.strerror or type(error).__name__))
            return None
        self.findings.extend(raw.findings)  # warnings and cell errors that did not stop the reading
        return raw

    def table(self, spec: dict[str, Any], base: Path, path: PathKey, where: Location) -> dict[str, Any] | None:
        """Return table data from a table spec (caption, file, kind...), recording row positions."""
        unknown = sorted(set(spec) - TABLE_SPEC_KEYS)
        problem = (codes.detail("spec.unknown_keys", keys="、".join(unknown)) if unknown
                   else codes.detail("spec.missing", key="file") if not spec.get("file")
                   else codes.detail("spec.kind", kinds="、".join(TABLE_KINDS)) if spec.get("kind", "plain") not in TABLE_KINDS else None)
        if problem:
            self.add(codes.make("E-MD-FENCE", where, kind="table", detail=problem))
            return None
        file = self.resolve(str(spec["file"]), base, where)
        if file is None:
            return None
        raw = self.read_rows(file, spec.get("sheet"))
        if raw is None:
            return None
        shown = self.sources.relative(file)
        data, findings = table_from_spec(spec, raw, Location(file=shown, line=1), where)
        self.findings.extend(findings)
        self.sources.add(path, Location(file=shown, line=1))
        for index, place in enumerate(raw.places):
            self.sources.add(path + ("rows", index), place)
        return data


def load_dataset(path: str | Path) -> LoadResult:
    """Load a dataset folder (or its report.yaml); never raises for bad input."""
    target = Path(path)
    folder = target.parent if target.is_file() else target
    if not (folder / REPORT_FILE).is_file():
        shown = str(target)
        return LoadResult(None, [codes.make("E-PATH-NOT-FOUND", Location(file=shown), path=f"{shown}/{REPORT_FILE}")])
    reader = DatasetReader(folder)
    loaded = reader.read_yaml(folder / REPORT_FILE)
    if loaded is None:
        return LoadResult(None, reader.findings)
    data, positions = loaded
    if not isinstance(data, dict):
        reader.add(codes.make("E-YAML-SYNTAX", Location(file=REPORT_FILE, line=1), detail=codes.detail("yaml.top_mapping")))
        return LoadResult(None, reader.findings)
    for key, line in positions.items():
        reader.sources.add(key, Location(file=REPORT_FILE, line=line))
    raw = _assemble(reader, data, folder)
    reader.findings.extend(unused_files(reader.root, reader.used))
    if "award_categories" in data:
        raw["award_categories"] = data["award_categories"]  # validated by the Report, like every field
    if "key_figures" in data:
        raw["key_figures"] = data["key_figures"]
    try:
        report = Report.model_validate(raw)
    except ValidationError as error:
        reader.findings.extend(findings_from_validation(error, reader.sources, raw))
        return LoadResult(None, reader.findings)
    report._root = str(reader.root)
    report._sources = reader.sources  # type: ignore[assignment]
    return LoadResult(report, reader.findings, list(report.award_categories))


def _assemble(reader: DatasetReader, data: dict[str, Any], folder: Path) -> dict[str, Any]:
    raw: dict[str, Any] = {"meta": data.get("meta")}
    for key in sorted(set(data) - _REPORT_KEYS):
        reader.add(codes.make("E-SCHEMA-UNKNOWN", reader.sources.locate((key,)), field=key))

    def file_of(key: PathKey, value: Any) -> Path | None:
        if not isinstance(value, str):
            reader.add(codes.make("E-SCHEMA-VALUE", reader.sources.locate(key), field=".".join(map(str, key)), detail=codes.detail("path.file")))
            return None
        return reader.resolve(value, folder, reader.sources.locate(key))

    if (file := data.get("overview")) and (found := file_of(("overview",), file)):
        raw["overview"] = read_chapter(reader, found, ("overview",), overview=True)
    chapters = data.get("chapters") or []
    raw["chapters"] = []
    if not isinstance(chapters, list):
        reader.add(codes.make("E-SCHEMA-VALUE", reader.sources.locate(("chapters",)), field="chapters", detail=codes.detail("path.files")))
        chapters = []
    for index, item in enumerate(chapters):
        if found := file_of(("chapters", index), item):
            raw["chapters"].append(read_chapter(reader, found, ("chapters", len(raw["chapters"]))))
    if (file := data.get("conclusion")) and (found := file_of(("conclusion",), file)):
        raw["conclusion"] = read_conclusion(reader, found, ("conclusion",))
    if (file := data.get("chronology")) and (found := file_of(("chronology",), file)):
        raw["chronology"] = read_chronology(reader, found, ("chronology",))
    appendices = data.get("appendices") or []
    if not isinstance(appendices, list):
        reader.add(codes.make("E-SCHEMA-VALUE", reader.sources.locate(("appendices",)), field="appendices", detail=codes.detail("list")))
        appendices = []
    raw["appendices"] = [_appendix(reader, item, folder, index) for index, item in enumerate(appendices)]
    raw["appendices"] = [item for item in raw["appendices"] if item is not None]
    if (file := data.get("top_events")) and (found := file_of(("top_events",), file)):
        raw["top_events"] = read_top_events(reader, found, ("top_events",))
    if (file := data.get("indicators")) and (found := file_of(("indicators",), file)):
        raw["indicators"] = read_indicators(reader, found, ("indicators",))
    return {key: value for key, value in raw.items() if value is not None}


def _appendix(reader: DatasetReader, item: Any, folder: Path, index: int) -> dict[str, Any] | None:
    where = reader.sources.locate(("appendices", index))
    if not isinstance(item, dict) or not isinstance(item.get("table"), dict):
        reader.add(codes.make("E-SCHEMA-VALUE", where, field=f"appendices[{index}]", detail=codes.detail("appendix.parts")))
        return None
    table = reader.table(item["table"], folder, ("appendices", index, "table"), where)
    if table is None:
        return None
    return {**{k: v for k, v in item.items() if k != "table"}, "table": table}


def load_report(path: str | Path) -> Report:
    """Load a dataset and return its Report; raise DatasetError carrying findings if it has errors."""
    result = load_dataset(path)
    errors = [f for f in result.findings if f.severity == "error"]
    if result.report is None or errors:
        raise DatasetError(result.findings)
    return result.report


class DatasetError(Exception):
    """Raised by load_report when a dataset has errors; ``findings`` lists them all."""

    def __init__(self, findings: list[Finding]) -> None:
        first = next((f for f in findings if f.severity == "error"), findings[0] if findings else None)
        super().__init__(f"{first.where}: {first.message}" if first else "dataset has errors")
        self.findings = findings
