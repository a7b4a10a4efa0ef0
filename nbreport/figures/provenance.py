"""List every figure the templates printed, where and from which source: the ``build --audit`` sidecar."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..render.atomic import atomic_path
from .templates import PathKey, Use

if TYPE_CHECKING:
    from ..schema.report import Report

COLUMNS = ("章", "节", "段落", "文件", "行", "指标", "年份", "数值", "单位", "限定词", "印出", "来源", "指标表位置")


def figure_rows(report: Report) -> list[dict[str, Any]]:
    """Return one record per printed figure: chapter, section, paragraph, value, text and source."""
    uses: list[Use] = [use for use in report._figures if isinstance(use, Use)]
    return [_row(report, use) for use in uses]


def _row(report: Report, use: Use) -> dict[str, Any]:
    indicator = use.printed.indicator
    where = _locate(report, use.path)
    row_where = _locate(report, ("indicators", use.printed.row))
    chapter, section, paragraph = _place(report, use.path)
    return {
        "章": chapter, "节": section, "段落": paragraph, "文件": where.get("file"), "行": where.get("line"),
        "指标": indicator.name, "年份": indicator.year, "数值": format(indicator.quantity.value, "f"),
        "单位": indicator.quantity.unit, "限定词": indicator.quantity.qualifier or "", "印出": use.printed.text,
        "来源": indicator.source or "", "指标表位置": f"{row_where.get('file') or ''}:{row_where.get('line') or ''}",
    }


def _locate(report: Report, path: PathKey) -> dict[str, Any]:
    from ..load.sources import SourceMap

    sources = report._sources
    if not isinstance(sources, SourceMap):
        return {}
    found = sources.locate(path)
    return {"file": found.file, "line": found.line}


def _place(report: Report, path: PathKey) -> tuple[str, str, int]:
    """Return the part's title, the section's (or district's) title and the 1-based paragraph number."""
    node: Any = report
    titles: list[str] = []
    for key in path:
        node = node[key] if isinstance(key, int) else getattr(node, key)
        title = getattr(node, "title", None) or getattr(node, "name", None)
        if isinstance(title, str) and not isinstance(key, str):
            titles.append(title)
        elif key in ("overview", "conclusion") and isinstance(title, str):
            titles.append(title)
    numbers = [key for key in path if isinstance(key, int)]
    return (titles[0] if titles else "", titles[1] if len(titles) > 1 else "", (numbers[-1] + 1) if numbers else 0)


def write_sidecar(report: Report, target: Path) -> list[Path]:
    """Write ``target``.figures.csv and .figures.json atomically; return both paths."""
    rows = figure_rows(report)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    written = []
    for suffix, text in ((".figures.csv", buffer.getvalue()), (".figures.json", json.dumps(rows, ensure_ascii=False, indent=2))):
        path = target.with_name(target.name + suffix)
        with atomic_path(path) as temporary:
            temporary.write_text(text, encoding="utf-8-sig" if suffix.endswith("csv") else "utf-8")
        written.append(path)
    return written
