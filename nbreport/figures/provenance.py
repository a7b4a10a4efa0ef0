"""List every figure printed from the panel, where and from which source: the ``build --audit`` sidecar.

Three kinds of place print panel figures: narrative templates (``{{ 指标(…) }}``), charts that
name an indicator (one figure per bar or point, its data label), and the 数说 page (each
headline figure and its change on the year before, computed from both years' rows).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..render.atomic import atomic_path
from .charts import ChartUse
from .templates import PathKey, Use

if TYPE_CHECKING:
    from ..schema.indicators import Indicator
    from ..schema.report import Report
    from .panel import Panel

COLUMNS = ("章", "节", "段落", "文件", "行", "指标", "年份", "数值", "单位", "限定词", "印出", "来源", "指标表位置")


def figure_rows(report: Report) -> list[dict[str, Any]]:
    """Return one record per printed figure: chapter, section, paragraph, value, text and source."""
    from .panel import Panel

    panel, rows = Panel(report.indicators), []
    for use in report._figures:
        if isinstance(use, Use):
            rows.append(_row(report, use.path, _place(report, use.path), use.printed.indicator, use.printed.row,
                             use.printed.text))
        elif isinstance(use, ChartUse):
            rows += _chart_rows(report, panel, use.path, _place(report, use.path), use.indicator, use.years)
    return rows + _key_figure_rows(report, panel)


def _row(report: Report, path: PathKey, place: tuple[str, str, int], indicator: Indicator, row: int,
         printed: str) -> dict[str, Any]:
    where = _locate(report, path)
    row_where = _locate(report, ("indicators", row))
    chapter, section, paragraph = place
    return {
        "章": chapter, "节": section, "段落": paragraph, "文件": where.get("file"), "行": where.get("line"),
        "指标": indicator.name, "年份": indicator.year, "数值": format(indicator.quantity.value, "f"),
        "单位": indicator.quantity.unit, "限定词": indicator.quantity.qualifier or "", "印出": printed,
        "来源": indicator.source or "", "指标表位置": f"{row_where.get('file') or ''}:{row_where.get('line') or ''}",
    }


def _chart_rows(report: Report, panel: Panel, path: PathKey, place: tuple[str, str, int], name: str,
                years: tuple[int, ...]) -> list[dict[str, Any]]:
    """Return a record per bar or point of a chart drawn from the panel, printed as its data label."""
    from ..compose.chart import value_label

    rows = []
    for year in years:
        found = panel.rows(name, year)
        if found:
            row, indicator = found[0]
            rows.append(_row(report, path, place, indicator, row, value_label(float(indicator.quantity.value))))
    return rows


def _key_figure_rows(report: Report, panel: Panel) -> list[dict[str, Any]]:
    """Return the 数说 page's figures: each headline value, and its change on the year before when printed."""
    from .key_figures import key_figures

    page = report.key_figures
    if page is None:
        return []
    rows, headline = [], key_figures(report)
    for index, shown in enumerate(headline):
        path: PathKey = ("key_figures", "indicators", shown.index)
        place = (page.title, "", index + 1)
        row, indicator = panel.rows(shown.name, report.meta.year)[0]
        rows.append(_row(report, path, place, indicator, row, shown.text))
        if shown.change:
            rows.append(_change_row(report, path, place, indicator, row, shown.change, panel))
    name = panel.resolve(page.chart) if page.chart is not None else None
    if name is not None:  # the page's chart follows its headline figures
        rows += _chart_rows(report, panel, ("key_figures", "chart"), (page.title, "", len(headline) + 1), name,
                            tuple(panel.years(name)))
    return rows


def _change_row(report: Report, path: PathKey, place: tuple[str, str, int], indicator: Indicator, row: int,
                change: str, panel: Panel) -> dict[str, Any]:
    """Return the record of a printed change: computed from this year's row and the year before's."""
    record = _row(report, path, place, indicator, row, change)
    before = panel.rows(indicator.name, indicator.year - 1)
    sources = [indicator.source, *(earlier.source for _, earlier in before[:1])]
    record.update({"数值": format(panel.exact_yoy(indicator.name, indicator.year), "f"), "单位": "%", "限定词": "",
                   "来源": "；".join(dict.fromkeys(s for s in sources if s)) + f"（由{indicator.year - 1}、{indicator.year}年数值计算）"})
    return record


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
