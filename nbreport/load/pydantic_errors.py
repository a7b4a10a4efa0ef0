"""Turn pydantic validation errors into findings with codes and file positions."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .. import codes
from ..findings import Finding
from .sources import SourceMap, path_text, without_union_tags

_CHRONO_TYPES = {"chrono_date_format", "chrono_date_invalid"}


def findings_from_validation(error: ValidationError, sources: SourceMap, raw: Any) -> list[Finding]:
    """Return one finding per pydantic error, located through the source map."""
    findings = []
    for item in error.errors(include_url=False):
        loc = without_union_tags(tuple(item["loc"]))
        where = sources.locate(loc)
        field = path_text(tuple(part for part in loc if not isinstance(part, int)))[-40:] or "-"
        kind = item["type"]
        if kind in codes.CATALOGUE:
            findings.append(_coded(kind, item, loc, sources))
        elif kind in _CHRONO_TYPES:
            why = str((item.get("ctx") or {}).get("why", "format"))
            findings.append(codes.make("E-CHRONO-DATE", where, detail=codes.detail(f"chrono.{why}", text=_ctx(item, "text"))))
        elif kind == "chart_data":
            findings.append(codes.make("E-CHART-DATA", where, detail=(item.get("ctx") or {}).get("detail", item["msg"])))
        elif kind == "missing":
            findings.append(codes.make("E-SCHEMA-MISSING", where, field=field))
        elif kind == "extra_forbidden":
            findings.append(codes.make("E-SCHEMA-UNKNOWN", where, field=str(loc[-1])))
        elif kind in ("string_too_short", "too_short") and loc and loc[-1] in ("text", "title", "caption", "name"):
            findings.append(codes.make("E-CELL-REQUIRED", where, column=str(loc[-1])))
        else:
            findings.append(codes.make("E-SCHEMA-VALUE", where, field=field, detail=_message(item)))
    return findings


def _coded(code: str, item: Any, loc: tuple[Any, ...], sources: SourceMap) -> Finding:
    """Return the finding a validator named by raising PydanticCustomError(code, ..., params).

    A param ``at`` (a path below the error's location) points at the key to blame, e.g. the
    unknown role inside ``styles``; it is not shown.
    """
    params = dict(item.get("ctx") or {})
    at = tuple(params.pop("at", ()))
    return codes.make(code, sources.locate(loc + at), **params)


def _ctx(item: Any, name: str) -> str:
    return str((item.get("ctx") or {}).get(name, item.get("input", "")))


def _message(item: Any) -> str:
    value = item.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return codes.detail("pydantic", msg=item["msg"], value=shown[:60])
