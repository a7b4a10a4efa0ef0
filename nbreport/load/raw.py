"""A table file as read, before its spec gives it columns and types; and the error that stops reading one."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding, Location


@dataclass(slots=True)
class RawTable:
    """Hold a table file as read: header, rows of strings, where each row is, and findings that did not stop reading."""

    header: list[str]
    rows: list[list[str]]
    places: list[Location]
    findings: list[Finding] = field(default_factory=list)


class TableReadError(Exception):
    """Carry the findings that stopped a table file from being read."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message)
        self.findings = findings
