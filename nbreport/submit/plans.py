"""Plan how checked submissions change the dataset files, one planner per part; find the conflicts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import codes
from ..checks.walk import iter_tables
from ..findings import Finding, Location
from ..load.events import INDICATOR_COLUMNS
from ..load.raw import TableReadError
from ..schema import DistrictChapter, DistrictEntry, EventDate, Report
from ..schema.tables import AWARD_COLUMNS
from ..text import text_key
from .as_report import district_entry
from .check import CheckedSubmission, Record
from .edits import CsvTable, district_markdown, put_section, read_csv_table
from .near import EventIndex, day_key
from .parts import DISTRICTS

INCUBATOR_COLUMNS = ("序号", "科技企业孵化器名称", "依托机构名称")


@dataclass(slots=True)
class Dataset:
    """Hold what planning needs of the dataset: its folder, Report, report.yaml data and the --target option."""

    root: Path
    report: Report
    settings: dict[str, Any]
    target: str | None = None


@dataclass(slots=True)
class Plan:
    """Collect the new text of every file to change, what each submission adds, districts to read back, findings."""

    texts: dict[Path, str] = field(default_factory=dict)
    tables: dict[Path, CsvTable] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)
    districts: list[DistrictEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def table(self, file: Path) -> CsvTable:
        """Return the CSV being edited at ``file`` (read once, then kept with the edits so far)."""
        if file not in self.tables:
            self.tables[file] = read_csv_table(file)
        return self.tables[file]


def plan_district(ds: Dataset, plan: Plan, subs: list[CheckedSubmission]) -> None:
    """Add or replace each submitted district's section in the district chapter's Markdown."""
    file = _district_file(ds)
    if file is None:
        plan.findings.append(codes.make("E-MERGE-TARGET", Location(file=subs[0].file), detail="数据集中没有 kind: districts 的章节"))
        return
    text = plan.texts.get(file) or file.read_text(encoding="utf-8")
    claimed: dict[str, Location] = {}
    for sub in subs:
        entry = district_entry(sub.records)
        if entry is None:
            continue
        where = sub.records["区县"][0].at("区县名称")
        if entry.name in claimed:
            plan.findings.append(codes.make("E-MERGE-CONFLICT", where, what="区县", value=entry.name, other=str(claimed[entry.name])))
            continue
        claimed[entry.name] = where
        text, replaced = put_section(text, entry.name, district_markdown(entry), DISTRICTS)
        plan.districts.append(entry)
        plan.changes.append(f"{sub.file} → {_rel(ds, file)}：{'替换' if replaced else '新增'}区县“{entry.name}”"
                            f"（简介 {len(entry.intro)} 段，工作亮点 {len(entry.items)} 条）")
    plan.texts[file] = text


def plan_awards(ds: Dataset, plan: Plan, subs: list[CheckedSubmission]) -> None:
    """Insert award rows after the last row of the same category (else at the end) of their award table.

    With --target, or one award table, every row goes there. With several tables, each row goes to the
    one table that already holds its category; a category held by none or by several is refused.
    """
    sources = [a.table.source for a in ds.report.appendices if a.table.table_kind == "award" and a.table.source]
    one = ds.target or len(sources) <= 1
    names: list[str | None] = [sources[0] if sources else None] if one else list(sources)
    files = [_target(ds, plan, subs, name, AWARD_COLUMNS, "数据集中没有 kind: award 的附录表") for name in names]
    if None in files:
        return
    tables = {file: plan.table(file) for file in files if file is not None}
    seen: dict[str, str] = {}
    for file, table in tables.items():
        seen.update(_existing(ds, file, table, _column_key(table.columns(AWARD_COLUMNS)["项目名称"])))
    for sub in subs:
        added: dict[Path, int] = dict.fromkeys(tables, 0)
        for record in _ok(sub, "获奖项目"):
            into = _award_table(ds, plan, tables, record)
            if into is None or _conflict(plan, seen, _key(record.values["项目名称"]), record.at("项目名称"),
                                         "获奖项目", record.values["项目名称"]):
                continue
            _insert_award(tables[into], record)
            added[into] += 1
        plan.changes += [f"{sub.file} → {_rel(ds, file)}：新增获奖项目 {count} 项"
                         for file, count in added.items() if count or len(tables) == 1]


def _award_table(ds: Dataset, plan: Plan, tables: dict[Path, CsvTable], record: Record) -> Path | None:
    """Return the table a row goes to: the only one, or the one holding its category; None after a finding."""
    if len(tables) == 1:
        return next(iter(tables))
    category = record.values["奖励类别"]
    holding = [file for file, table in tables.items()
               if any(row[table.columns(AWARD_COLUMNS)["奖励类别"]] == category for row in table.rows)]
    if len(holding) == 1:
        return holding[0]
    listed = "、".join(_rel(ds, file) for file in (holding or tables))
    detail = (f"奖励类别“{category}”同时出现在 {listed} 中" if holding
              else f"奖励类别“{category}”不在任何获奖附录表（{listed}）中")
    plan.findings.append(codes.make("E-MERGE-TARGET", record.at("奖励类别"), detail=detail))
    return None


def _insert_award(table: CsvTable, record: Record) -> None:
    """Insert the row after the last one of its category: the category's merged cell stays whole."""
    column = table.columns(AWARD_COLUMNS)
    row = [""] * len(table.header)
    for name in AWARD_COLUMNS:
        value = record.values[name]
        row[column[name]] = "、".join(value) if isinstance(value, list) else str(value)
    same = [i for i, old in enumerate(table.rows) if old[column["奖励类别"]] == record.values["奖励类别"]]
    position = same[-1] + 1 if same else len(table.rows)
    table.rows.insert(position, row)
    table.lines.insert(position, None)


def plan_incubators(ds: Dataset, plan: Plan, subs: list[CheckedSubmission]) -> None:
    """Append incubators to the matching table, numbering them on from its last 序号."""
    candidates = [t.source for _, t in iter_tables(ds.report)
                  if t.source and tuple(c.name for c in t.columns) == INCUBATOR_COLUMNS]
    default = candidates[0] if len(candidates) == 1 else None
    problem = (f"数据集中有 {len(candidates)} 个孵化器名单（{'、'.join(candidates)}）" if candidates
               else "数据集中没有孵化器名单（表头为 序号、科技企业孵化器名称、依托机构名称 的表）")
    file = _target(ds, plan, subs, default, INCUBATOR_COLUMNS, problem)
    if file is None:
        return
    table = plan.table(file)
    at = table.columns(INCUBATOR_COLUMNS)
    seen = _existing(ds, file, table, lambda row: _key(row[at["科技企业孵化器名称"]]))
    for sub in subs:
        added = 0
        for record in _ok(sub, "孵化器"):
            name = record.values["科技企业孵化器名称"]
            if _conflict(plan, seen, _key(name), record.at("科技企业孵化器名称"), "孵化器", name):
                continue
            row = [""] * len(table.header)
            row[at["序号"]] = str(len(table.rows) + 1)
            row[at["科技企业孵化器名称"]] = name
            row[at["依托机构名称"]] = record.values["依托机构名称"]
            table.rows.append(row)
            table.lines.append(None)
            added += 1
        plan.changes.append(f"{sub.file} → {_rel(ds, file)}：新增孵化器 {added} 个（序号接续已有名单）")


def plan_chronology(ds: Dataset, plan: Plan, subs: list[CheckedSubmission]) -> None:
    """Insert events into the 大事记 at their dates (after existing events of the same date)."""
    default = ds.settings.get("chronology") if isinstance(ds.settings.get("chronology"), str) else None
    file = _target(ds, plan, subs, default, ("日期", "事件"), "report.yaml 中没有 chronology")
    if file is None:
        return
    table = plan.table(file)
    at = table.columns(("日期", "事件"))
    date_at, text_at = at["日期"], at["事件"]
    year = ds.report.meta.year
    seen = _existing(ds, file, table, lambda row: _key(row[text_at]))
    events = EventIndex()
    for row, line in zip(table.rows, table.lines):
        events.add(day_key(EventDate.parse(row[date_at]), year), row[text_at], f"{_rel(ds, file)}:{line}")
    for sub in subs:
        added = 0
        for record in _ok(sub, "大事记"):
            date: EventDate = record.values["日期"]
            text, where = record.values["事件"], record.at("事件")
            if _conflict(plan, seen, _key(text), where, "大事记事件", text[:30]):
                continue
            earlier = events.add(day_key(date, year), text, str(where))
            if earlier is not None:  # not the same text, so not a conflict: both go in, but a person should look
                plan.findings.append(codes.make("W-MERGE-NEAR-DUPLICATE", where, value=text[:30], other=earlier))
            keys = [EventDate.parse(row[date_at]).sort_key(year) for row in table.rows]
            position = sum(1 for key in keys if key <= date.sort_key(year))  # after events of the same date
            row = [""] * len(table.header)
            row[date_at], row[text_at] = date.label, record.values["事件"]
            table.rows.insert(position, row)
            table.lines.insert(position, None)
            added += 1
        plan.changes.append(f"{sub.file} → {_rel(ds, file)}：新增大事记 {added} 条（按日期排入）")


def plan_indicators(ds: Dataset, plan: Plan, subs: list[CheckedSubmission]) -> None:
    """Append indicator rows to the indicators CSV; the same indicator and year twice is a conflict."""
    default = ds.settings.get("indicators") if isinstance(ds.settings.get("indicators"), str) else None
    file = _target(ds, plan, subs, default, INDICATOR_COLUMNS, "report.yaml 中没有 indicators")
    if file is None:
        return
    table = plan.table(file)
    at = table.columns(INDICATOR_COLUMNS)
    seen = _existing(ds, file, table, lambda row: _key(row[at["指标"]]) + "|" + row[at["年份"]].strip())
    for sub in subs:
        added = 0
        for record in _ok(sub, "指标"):
            values = record.values
            key = _key(values["指标"]) + "|" + str(values["年份"])
            if _conflict(plan, seen, key, record.at("指标"), "指标", f"{values['指标']} {values['年份']}年"):
                continue
            row = [""] * len(table.header)
            cells = {"指标": values["指标"], "年份": str(values["年份"]), "数值": format(values["数值"], "f"),
                     "单位": values["单位"] or "", "限定词": values["限定词"] or "", "来源": values["来源"] or ""}
            for name, text in cells.items():
                row[at[name]] = text
            table.rows.append(row)
            table.lines.append(None)
            added += 1
        plan.changes.append(f"{sub.file} → {_rel(ds, file)}：新增指标 {added} 条")


PLANNERS: dict[str, Callable[[Dataset, Plan, list[CheckedSubmission]], None]] = {
    "district": plan_district, "awards": plan_awards, "incubators": plan_incubators,
    "chronology": plan_chronology, "indicators": plan_indicators,
}


def _district_file(ds: Dataset) -> Path | None:
    chapters = ds.settings.get("chapters") or []
    for index, chapter in enumerate(ds.report.chapters):
        if isinstance(chapter, DistrictChapter) and index < len(chapters):
            return inside(ds.root, str(chapters[index]))
    return None


def _target(ds: Dataset, plan: Plan, subs: list[CheckedSubmission], default: str | None,
            columns: tuple[str, ...], missing: str) -> Path | None:
    """Return the file named by --target (relative to the dataset) or the default; None after a finding."""
    where = Location(file=subs[0].file)
    name = ds.target or default
    if name is None:
        plan.findings.append(codes.make("E-MERGE-TARGET", where, detail=missing))
        return None
    file = inside(ds.root, name)
    if file is None:
        plan.findings.append(codes.make("E-PATH-ESCAPE", where, path=name))
        return None
    if not file.is_file() or file.suffix.lower() != ".csv":
        plan.findings.append(codes.make("E-MERGE-TARGET", where, detail=f"{name} 不存在或不是 CSV 文件"))
        return None
    try:
        header = plan.table(file).header
    except TableReadError as error:
        plan.findings.append(codes.make("E-MERGE-TARGET", where, detail=f"{name} 无法读取：{error.findings[0].message}"))
        return None
    lacking = [column for column in columns if column not in header]
    if lacking:
        detail = f"{name} 的表头缺少 {'、'.join(lacking)}，不是这类报送表对应的文件"
        plan.findings.append(codes.make("E-MERGE-TARGET", where, detail=detail))
        return None
    return file


def inside(root: Path, name: str | Path) -> Path | None:
    """Return ``name`` (relative to ``root``) resolved, or None if it leaves ``root`` (by .., an absolute path or a symlink).

    The rule is the loader's (``DatasetReader.resolve``): the fully resolved path must lie under the resolved root.
    """
    try:
        file = (root / name).resolve()
        file.relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return None
    return file


def _column_key(at: int) -> Callable[[list[str]], str]:
    """Return the conflict key of a row: its text in column ``at``."""
    return lambda row: _key(row[at])


def _existing(ds: Dataset, file: Path, table: CsvTable, key: Callable[[list[str]], str]) -> dict[str, str]:
    """Return key → where it already is (``file:line``) for the rows of ``table``."""
    return {key(row): f"{_rel(ds, file)}:{line}" for row, line in zip(table.rows, table.lines)}


def _conflict(plan: Plan, seen: dict[str, str], key: str, where: Location, what: str, value: object) -> bool:
    """Record ``key`` as taken by ``where``; return True (after a finding) if it already was."""
    if key in seen:
        plan.findings.append(codes.make("E-MERGE-CONFLICT", where, what=what, value=value, other=seen[key]))
        return True
    seen[key] = str(where)
    return False


def _ok(sub: CheckedSubmission, sheet: str) -> list[Record]:
    return [record for record in sub.records.get(sheet, []) if record.ok]


def _key(text: object) -> str:
    """Return text as compared for conflicts: the key the dataset's own duplicate checks use."""
    return text_key(str(text))


def _rel(ds: Dataset, file: Path) -> str:
    try:
        return file.relative_to(ds.root).as_posix()
    except ValueError:
        return str(file)
