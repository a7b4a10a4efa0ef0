"""Bound the findings of one file: at most FINDINGS_PER_KIND of one code, the rest counted.

A 1 MB CSV of 199,000 rows with blank cells made 796,000 findings: 700 MB of memory and
89 MB of output, of which no one reads past the first screen. The findings are kept in a
FindingList where they are collected, so the ones beyond the limit are never held; when
the report is made, ``listed`` puts one E-FINDINGS-MORE / W-FINDINGS-MORE in their place,
saying how many there were and where the first of them is.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import SupportsIndex

from . import codes
from .findings import Finding

FINDINGS_PER_KIND = 100  # per code, per file (and per sheet of a workbook)
MORE_CODES = ("E-FINDINGS-MORE", "W-FINDINGS-MORE")  # the summaries; params["count"] is how many they stand for

Kind = tuple[str, str | None, str | None]


def _digest(finding: Finding) -> bytes:
    """Return a 128-bit digest of the finding's code and place."""
    return hashlib.blake2b(f"{finding.code}\0{finding.where}".encode(), digest_size=16).digest()


def _kind(finding: Finding) -> Kind:
    return finding.code, finding.where.file, finding.where.sheet


class FindingList(list[Finding]):
    """Keep findings in order, dropping those past FINDINGS_PER_KIND of one kind and counting them."""

    def __init__(self, findings: Iterable[Finding] = (), unique: bool = False) -> None:
        """Start with ``findings``; when ``unique``, a finding of a code and place seen before is dropped."""
        super().__init__()
        self.kept: Counter[Kind] = Counter()
        self.omitted: dict[Kind, tuple[int, Finding]] = {}  # count and the first one left out
        # Checked before the limit, so that the count of left-out ones never counts a repeat twice.
        # Digests, not the findings, so that a flood of findings past the limit is not held; 128
        # bits, not hash(): Python's string hash changes per process, and a collision of 64 bits
        # would drop a real finding in one run and not the next.
        self.seen: set[bytes] | None = set() if unique else None
        self.extend(findings)

    def append(self, finding: Finding) -> None:
        """Add ``finding`` unless its kind already has FINDINGS_PER_KIND; then only count it."""
        if self.seen is not None:
            place = _digest(finding)
            if place in self.seen:
                return
            self.seen.add(place)
        kind = _kind(finding)
        if self.kept[kind] < FINDINGS_PER_KIND:
            self.kept[kind] += 1
            super().append(finding)
            return
        count, first = self.omitted.get(kind, (0, finding))
        self.omitted[kind] = (count + 1, first)

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add every finding of ``findings`` (and the counts another FindingList left out)."""
        for finding in findings:
            self.append(finding)
        if isinstance(findings, FindingList):
            for kind, (count, first) in findings.omitted.items():
                mine = self.omitted.get(kind, (0, first))
                self.omitted[kind] = (mine[0] + count, mine[1])

    def __iadd__(self, findings: Iterable[Finding]) -> FindingList:  # type: ignore[override,misc]
        self.extend(findings)
        return self

    def insert(self, index: SupportsIndex, finding: Finding) -> None:
        """Refuse: the limit is kept by append and extend only."""
        raise TypeError("FindingList keeps its order by append; insert is not supported")


def listed(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings as a plain list, each omitted kind's summary after the last one kept of it."""
    if not isinstance(findings, FindingList):
        findings = FindingList(findings)
    if not findings.omitted:
        return list(findings)
    last = {_kind(finding): index for index, finding in enumerate(findings)}
    after: dict[int, list[Finding]] = {}
    for kind, (count, first) in findings.omitted.items():
        after.setdefault(last[kind], []).append(_summary(first, count))
    out: list[Finding] = []
    for index, finding in enumerate(findings):
        out.append(finding)
        out.extend(after.get(index, ()))
    return out


def _summary(first: Finding, count: int) -> Finding:
    code = MORE_CODES[0] if first.severity == "error" else MORE_CODES[1]
    return codes.make(code, first.where, count=count, kind=first.code, limit=FINDINGS_PER_KIND)
