"""Build a small Report from a submission's rows, so the dataset's own rules check it cell by cell."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import codes
from ..checks import AWARD_CATEGORIES, CheckContext, run_checks
from ..findings import Finding, Location
from ..load.pydantic_errors import findings_from_validation
from ..load.sources import PathKey, SourceMap
from ..schema import DistrictEntry, Paragraph, Report
from ..schema.tables import AWARD_COLUMNS
from .normalise import CellProblem, to_choice
from .parts import Part
from .record import Record


_PLACEHOLDER_YEAR = 2000  # dates reach the rules without a year, so any year orders them alike
_DISTRICT = ("chapters", 0, "districts", 0)


def rule_findings(part: Part, records: dict[str, list[Record]], year: int | None,
                  award_categories: Sequence[str], file: str) -> list[Finding]:
    """Return the findings of the dataset rules on the rows of one submission."""
    sources = SourceMap(Path("."))
    builder = {"district": _district, "awards": _awards, "incubators": _incubators,
               "chronology": _chronology, "indicators": _indicators}[part.name]
    body = builder(records, sources)
    if body is None:
        return []
    raw = {"meta": {"year": year or _PLACEHOLDER_YEAR, "region": "-", "title": part.title}, **body}
    try:
        report = Report.model_validate(raw)
    except ValidationError as error:
        return findings_from_validation(error, sources, raw)
    findings = run_checks(report, CheckContext(sources=sources, award_categories=list(award_categories)))
    return [_as_choice(f, (*AWARD_CATEGORIES, *award_categories)) if f.code == "E-AWARD-CATEGORY" else f for f in findings]


def _as_choice(finding: Finding, choices: Sequence[str]) -> Finding:
    """Return an unknown award category as what it is to a clerk: a cell off its drop-down (E-CELL-CHOICE).

    The dataset rule's hint (declare the category in report.yaml) is for editors, not for whoever fills the sheet.
    """
    value = str(finding.params.get("value", ""))
    related = sorted(dict.fromkeys(choices), key=lambda choice: choice[:2] != value[:2])  # 省… first for 省…
    try:
        to_choice(value, tuple(related), "奖励类别")
    except CellProblem as problem:
        return codes.make("E-CELL-CHOICE", finding.where, **{"column": "奖励类别", **problem.params})
    return finding


def district_entry(records: dict[str, list[Record]]) -> DistrictEntry | None:
    """Return the district a submission describes (None without a 区县 row): intro paragraphs and ▶ items."""
    heads = records.get("区县") or []
    if not heads:
        return None
    head = heads[0]
    items = [Paragraph.of(r.values["内容"], lead=r.values["标题（加粗引语）"] or None)
             for r in records.get("工作亮点", []) if r.values["内容"] or r.values["标题（加粗引语）"]]
    return DistrictEntry(name=head.values["区县名称"] or "-", intro=[Paragraph.of(text) for text in head.values["简介"]],
                         items=items)


def _district(records: dict[str, list[Record]], sources: SourceMap) -> dict[str, Any] | None:
    entry = district_entry(records)
    if entry is None:
        return None
    head = records["区县"][0]
    sources.add(_DISTRICT, head.at("区县名称"))
    for index in range(len(entry.intro)):
        sources.add(_DISTRICT + ("intro", index), head.at("简介"))
    kept = [r for r in records.get("工作亮点", []) if r.values["内容"] or r.values["标题（加粗引语）"]]
    for index, record in enumerate(kept):
        path = _DISTRICT + ("items", index)
        sources.add(path, record.at("标题（加粗引语）"))
        runs = entry.items[index].runs
        for run_index, run in enumerate(runs):
            sources.add(path + ("runs", run_index), record.at("标题（加粗引语）" if run.strong else "内容"))
    chapter = {"kind": "districts", "districts": [entry.model_dump(mode="python")]}
    return {"chapters": [chapter]}


def _table(records: list[Record], names: Sequence[str], sources: SourceMap, path: PathKey, **spec: Any) -> dict[str, Any]:
    if records:
        first = records[0].at(names[0])
        sources.add(path, Location(file=first.file, sheet=first.sheet))
    for row_index, record in enumerate(records):
        sources.add(path + ("rows", row_index), record.at(names[0]))
        for column_index, name in enumerate(names):
            sources.add(path + ("rows", row_index, column_index), record.at(name))
    lists, merge = spec.pop("lists", ()), spec.pop("merge", ())
    columns = [{"name": name, "type": "int" if name == "序号" else ("list" if name in lists else "text"),
                "merge": name in merge} for name in names]
    rows = [[record.values[name] for name in names] for record in records]
    return {"kind": "table", "columns": columns, "rows": rows, **spec}


def _awards(records: dict[str, list[Record]], sources: SourceMap) -> dict[str, Any] | None:
    rows = records.get("获奖项目") or []
    if not rows:
        return None
    table = _table(rows, AWARD_COLUMNS, sources, ("appendices", 0, "table"), table_kind="award",
                   lists=("主要完成单位", "主要完成人员"), merge=("奖励类别",))
    return {"appendices": [{"title": "获奖项目", "table": table}]}


def _incubators(records: dict[str, list[Record]], sources: SourceMap) -> dict[str, Any] | None:
    rows = records.get("孵化器") or []
    if not rows:
        return None
    table = _table(rows, ("序号", "科技企业孵化器名称", "依托机构名称"), sources, ("appendices", 0, "table"),
                   table_kind="ranked")
    return {"appendices": [{"title": "孵化器", "table": table}]}


def _chronology(records: dict[str, list[Record]], sources: SourceMap) -> dict[str, Any] | None:
    kept = [r for r in records.get("大事记", []) if r.values["日期"] is not None and r.values["事件"]]
    if not kept:
        return None
    # A submission need not be sorted: merging puts each event at its date.
    kept.sort(key=lambda r: r.values["日期"].sort_key(_PLACEHOLDER_YEAR))
    events = []
    for index, record in enumerate(kept):
        path = ("chronology", "events", index)
        sources.add(path, record.at("日期"))
        sources.add(path + ("date",), record.at("日期"))
        sources.add(path + ("text",), record.at("事件"))
        # The cell layer already held each date to the report year; without one, any year goes.
        events.append({"date": record.values["日期"].model_copy(update={"year": None}), "text": record.values["事件"]})
    return {"chronology": {"events": events}}


def _indicators(records: dict[str, list[Record]], sources: SourceMap) -> dict[str, Any] | None:
    kept = [r for r in records.get("指标", []) if r.ok]
    if not kept:
        return None
    for index, record in enumerate(kept):
        sources.add(("indicators", index), record.at("指标"))
        for field, name in (("name", "指标"), ("year", "年份"), ("source", "来源")):
            sources.add(("indicators", index, field), record.at(name))
        for field, name in (("value", "数值"), ("unit", "单位"), ("qualifier", "限定词")):
            sources.add(("indicators", index, "quantity", field), record.at(name))
    return {"indicators": [_indicator_data(r.values) for r in kept]}


def _indicator_data(values: dict[str, Any]) -> dict[str, Any]:
    """Return schema data of one indicator row."""
    quantity = {"value": values["数值"], "unit": values["单位"] or "", "qualifier": values["限定词"] or None}
    return {"name": values["指标"], "year": values["年份"], "source": values["来源"] or None, "quantity": quantity}
