"""The reader context of one dataset folder: resolving references, reading files, keeping positions and findings.

Every file reader in load/ (chapters, tables, chronology, top events, indicators) takes a
DatasetReader; load_dataset (dataset.py) makes one and calls them, so no reader imports the
module that drives it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import codes
from ..finding_cap import FindingList
from ..findings import Finding, Location
from .encoding import DecodeFailure, decode
from .sources import PathKey, SourceMap
from .raw import RawTable, TableReadError
from .tables import TABLE_KINDS, TABLE_SPEC_KEYS, read_table_file, table_from_spec
from .yamlfile import MAX_CHARS, MAX_YAML_BYTES, YamlSyntaxError, parse_yaml

REPORT_FILE = "report.yaml"


class DatasetReader:
    """Read the files of one dataset folder, keeping positions and findings."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.sources = SourceMap(self.root)
        self.findings: list[Finding] = FindingList()
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
                   else codes.detail("spec.kind", kinds=" / ".join(TABLE_KINDS)) if spec.get("kind", "plain") not in TABLE_KINDS else None)
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
