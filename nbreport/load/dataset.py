"""Load a dataset folder into a Report, collecting findings instead of stopping at the first."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import codes
from ..finding_cap import listed
from ..findings import Finding, Location
from ..schema.report import Report
from .chronology import read_chronology
from .events import read_indicators, read_top_events
from .narrative import read_chapter, read_conclusion
from .pydantic_errors import findings_from_validation
from .reader import REPORT_FILE, DatasetReader
from .sources import PathKey
from .unused import unused_files
_REPORT_KEYS = {"meta", "overview", "chapters", "conclusion", "chronology", "appendices", "top_events",
                "indicators", "award_categories", "key_figures"}


@dataclass(slots=True)
class LoadResult:
    """Hold what loading produced: the Report (None if it could not be built) and the findings."""

    report: Report | None
    findings: list[Finding] = field(default_factory=list)
    award_categories: list[str] = field(default_factory=list)


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
        raise DatasetError(listed(result.findings))
    return result.report


class DatasetError(Exception):
    """Raised by load_report when a dataset has errors; ``findings`` lists them all."""

    def __init__(self, findings: list[Finding]) -> None:
        first = next((f for f in findings if f.severity == "error"), findings[0] if findings else None)
        super().__init__(f"{first.where}: {first.message}" if first else "dataset has errors")
        self.findings = findings
