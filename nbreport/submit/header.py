"""Match a sheet's header cells to the part's columns: exact, by alias, or by a close spelling."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .. import codes
from ..findings import Finding, Location
from .parts import SheetSpec

CLOSE_MATCH = 0.6


def header_key(text: object) -> str:
    """Return a header as compared: NFKC (full-width brackets → ASCII), no whitespace inside."""
    if text is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


@dataclass(slots=True)
class HeaderMatch:
    """Hold which sheet column (1-based) holds each field, the findings, and how well the row matched."""

    columns: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    score: int = 0


def match_header(spec: SheetSpec, values: Sequence[object], at: Callable[[int | None], Location]) -> HeaderMatch:
    """Return the columns of ``spec`` found in the header ``values``; ``at(column)`` locates a header cell."""
    result = HeaderMatch()
    cells = {index: header_key(value) for index, value in enumerate(values, start=1) if header_key(value)}
    names = {header_key(f.name): f.name for f in spec.fields}
    for column, key in list(cells.items()):
        name = names.get(key)
        if name and name not in result.columns:
            result.columns[name] = column
            result.score += 2
            del cells[column]
    for column, key in cells.items():
        intended = _intended(spec, key, result.columns)
        if intended is None:
            result.findings.append(codes.make("W-XLSX-EXTRA-COLUMN", at(column), column=str(values[column - 1]).strip(),
                                              expected="、".join(spec.names)))
            continue
        result.columns[intended] = column
        result.score += 1
        result.findings.append(codes.make("W-XLSX-COLUMN-RENAMED", at(column), column=str(values[column - 1]).strip(),
                                          intended=intended))
    for f in spec.fields:
        if f.required and f.name not in result.columns:
            result.findings.append(codes.make("E-TABLE-COLUMN-MISSING", at(None), column=f.name, expected="、".join(spec.names)))
    return result


def _intended(spec: SheetSpec, key: str, taken: dict[str, int]) -> str | None:
    """Return the still unmatched field that ``key`` most likely means, by alias then by spelling."""
    spellings: dict[str, str] = {}
    for f in spec.fields:
        if f.name in taken:
            continue
        for spelling in (f.name, *f.aliases):
            spellings.setdefault(header_key(spelling), f.name)
    if key in spellings:
        return spellings[key]
    close = difflib.get_close_matches(key, list(spellings), n=1, cutoff=CLOSE_MATCH)
    return spellings[close[0]] if close else None
