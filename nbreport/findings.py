"""Findings: validation errors and warnings as values with a code, a place and a message."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Location:
    """Say where a value came from: a file and line, or a sheet and cell, and its path in the report."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None
    path: str | None = None

    def __str__(self) -> str:
        """Return the place as an editor reads it: ``chapters/01.md:12`` or ``'获奖项目'!C14``."""
        parts: list[str] = []
        if self.file:
            where = self.file
            if self.sheet:
                where += f" '{self.sheet}'" + (f"!{self.cell}" if self.cell else "")
            elif self.line:
                where += f":{self.line}" + (f":{self.column}" if self.column else "")
            parts.append(where)
        if self.path and not parts:
            parts.append(self.path)
        return " ".join(parts) or "-"


@dataclass(frozen=True, slots=True)
class Finding:
    """Report one problem: stable code, severity, location, message and how to fix it."""

    code: str
    severity: Severity
    where: Location
    message: str
    hint: str = ""
    params: dict[str, object] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, object]:
        """Return the finding as plain data for JSON output."""
        data = asdict(self)
        data.pop("params")
        data["where"] = {key: value for key, value in data["where"].items() if value is not None}
        return data


@dataclass(slots=True)
class ValidationReport:
    """Collect the findings of loading and checking one dataset or file."""

    target: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """Return the findings of severity error."""
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """Return the findings of severity warning."""
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        """Return True when no error was found (warnings allowed)."""
        return not self.errors

    def codes(self) -> list[str]:
        """Return the codes of all findings, in order."""
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, object]:
        """Return the report as plain data for JSON output."""
        return {
            "target": self.target,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }
