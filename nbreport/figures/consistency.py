"""Find figures typed in the text or a table that contradict the panel, and figures typed that a reference should print.

How text names an indicator (docs/guide/figures.md): the indicator's name or one of its
aliases (column 别名), then at most a few linking characters (达、为、共、累计、增至…), an
optional qualifier, the number and the indicator's unit. The year is the last ``20xx年``
earlier in the same clause, else the report's year. District entries are skipped: their
figures are a district's, the panel's are the city's; so is a name right after a word of
``PART_OF`` (新材料领域技术交易额).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import codes
from ..findings import Finding, Location
from ..schema.chapters import DistrictChapter
from ..schema.tables import Table
from .panel import Panel
from .templates import PathKey, _paragraphs, _templated_parts

if TYPE_CHECKING:
    from ..schema.report import Report

LINK = r"[达到为共计累增至提升总数量是]{0,4}"
QUALIFIER = r"(?P<qualifier>突破|超过|超|近|约|预计|逾)?"
NUMBER = r"(?P<number>\d+(?:\.\d+)?)(?P<more>余)?"
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
CLAUSE_END = re.compile(r"[，。；：！？、,;]")
YEAR = re.compile(r"(\d{4})年")
TOTAL_ROWS = ("合计", "总计", "全市")
# A name right after one of these names a part (新材料领域技术交易额), not the city's figure.
PART_OF = ("领域", "行业", "产业", "区", "县", "园区", "高校", "院所", "平台", "基地")


def check_consistency(report: Report) -> list[Finding]:
    """Return a finding for each typed figure that contradicts the panel, or that a reference should print."""
    panel = Panel(report.indicators)
    if not panel.indicators:
        return []
    findings: list[Finding] = list(_check_panel(report))
    patterns = patterns_of(panel)
    templated = set(_templated_parts(report))
    for path, text in _texts(report):
        findings.extend(_check_text(panel, patterns, report, path, text, path[:2] in templated or path[:1] in templated))
    for path, table in _tables(report, report, ()):
        findings.extend(_check_table(panel, report, path, table))
    return findings


def _check_panel(report: Report) -> Iterator[Finding]:
    """Report aliases that name two indicators (or another's name) and indicators stated in two units."""
    names = {item.name for item in report.indicators}
    owner: dict[str, str] = {}
    units: dict[str, str] = {}
    for index, item in enumerate(report.indicators):
        unit = units.setdefault(item.name, item.quantity.unit)
        if unit != item.quantity.unit:
            where = _where(report, ("indicators", index, "quantity", "unit"))
            yield codes.make("E-INDICATOR-UNIT", where, name=item.name, unit=item.quantity.unit, first=unit)
        for alias in item.aliases:
            other = alias if alias in names and alias != item.name else owner.setdefault(alias, item.name)
            if other != item.name:
                where = _where(report, ("indicators", index, "aliases"))
                yield codes.make("E-INDICATOR-ALIAS", where, alias=alias, name=item.name, other=other)


def patterns_of(panel: Panel) -> list[tuple[str, re.Pattern[str]]]:
    """Return one pattern per name or alias, longest first so 技术登记交易额 wins over 交易额."""
    found = []
    for alias, name in sorted(panel.aliases().items(), key=lambda item: -len(item[0])):
        unit = panel.unit(name) or ""
        found.append((name, re.compile(re.escape(alias) + LINK + QUALIFIER + NUMBER + re.escape(unit) + r"(?![\d.])")))
    return found


def _texts(report: Report) -> Iterator[tuple[PathKey, str]]:
    """Yield each narrative paragraph's text (templates blanked out) with its path; district entries skipped."""
    parts: list[tuple[PathKey, object]] = [(("overview",), report.overview), (("conclusion",), report.conclusion)]
    parts += [(("chapters", index), chapter) for index, chapter in enumerate(report.chapters)]
    for path, part in parts:
        if part is None:
            continue
        node = part.model_copy(update={"districts": []}) if isinstance(part, DistrictChapter) else part
        for paragraph_path, paragraph in _paragraphs(node, path):
            yield paragraph_path, TEMPLATE.sub("〔〕", "".join(run.text for run in paragraph.runs))


@dataclass(frozen=True)
class Typed:
    """Hold a figure typed in a text next to an indicator's name: what it says and what the panel says."""

    name: str
    year: int
    typed: str
    agrees: bool
    expected: str
    single: bool  # the panel has one wording for the year, so a reference could print it


def typed_figures(panel: Panel, patterns: list[tuple[str, re.Pattern[str]]], text: str, year: int) -> Iterator[Typed]:
    """Yield each figure ``text`` types after an indicator's name or alias, compared with the panel."""
    claimed: set[int] = set()
    for name, pattern in patterns:
        for match in pattern.finditer(text):
            if match.start("number") in claimed or text[:match.start()].endswith(PART_OF):
                continue  # a longer alias already spoke for this number, or it is a part's figure
            claimed.add(match.start("number"))
            when = _year_of(text, match.start(), year)
            stated = {item.quantity.value for _, item in panel.rows(name, when)}
            if not stated:
                continue
            wordings = panel.distinct(name, when)
            typed = text[match.start("qualifier") if match.group("qualifier") else match.start("number"):match.end()]
            yield Typed(name, when, typed, Decimal(match.group("number")) in stated,
                        "、".join(item.quantity.text for item in wordings), len(wordings) == 1)


def _check_text(panel: Panel, patterns: list[tuple[str, re.Pattern[str]]], report: Report, path: PathKey,
                text: str, templated: bool) -> Iterator[Finding]:
    for found in typed_figures(panel, patterns, text, report.meta.year):
        if not found.agrees:
            yield codes.make("W-FIGURE-CONTRADICTS", _where(report, path), name=found.name, year=found.year,
                             typed=found.typed, expected=found.expected)
        elif templated and found.single:
            yield codes.make("W-FIGURE-LITERAL", _where(report, path), name=found.name, year=found.year, typed=found.typed)


def _year_of(text: str, at: int, default: int) -> int:
    """Return the last 20xx年 in the clause before ``at``, else ``default``."""
    start = max((match.end() for match in CLAUSE_END.finditer(text, 0, at)), default=0)
    years = YEAR.findall(text, start, at)
    return int(years[-1]) if years else default


def _tables(report: Report, node: object, path: PathKey) -> Iterator[tuple[PathKey, Table]]:
    """Yield every table of the report (sections, case boxes, appendices) with its path."""
    from pydantic import BaseModel

    if isinstance(node, Table):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name != "indicators":
                yield from _tables(report, getattr(node, name), path + (name,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _tables(report, item, path + (index,))


def _check_table(panel: Panel, report: Report, path: PathKey, table: Table) -> Iterator[Finding]:
    """Compare the total row's cells (合计/总计/全市) with the indicator its column is named after."""
    year = report.meta.year
    for row_index, row in enumerate(table.rows):
        if table.text_of(row_index, 0).strip() not in TOTAL_ROWS:
            continue
        for column_index, column in enumerate(table.columns[1:], start=1):
            name = panel.resolve(column.name)
            if name is None or panel.value(name, year) is None:
                continue
            typed = table.text_of(row_index, column_index).strip()
            if _number(typed) not in {item.quantity.value for _, item in panel.rows(name, year)}:
                expected = "、".join(item.quantity.text for item in panel.distinct(name, year))
                where = _where(report, path + ("rows", row_index, column_index))
                yield codes.make("W-FIGURE-TABLE-CONTRADICTS", where, name=name, year=year, typed=typed, expected=expected)


def _number(text: str) -> Decimal | None:
    match = re.fullmatch(r"\D*?(\d+(?:\.\d+)?)\D*", text.replace(",", ""))
    return Decimal(match.group(1)) if match else None


def _where(report: Report, path: PathKey) -> Location:
    from ..load.sources import SourceMap, path_text

    sources = report._sources
    return sources.locate(path) if isinstance(sources, SourceMap) else Location(path=path_text(path))
