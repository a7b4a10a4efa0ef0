"""Read top-events lists (YAML) and indicator tables (CSV/XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import codes
from ..findings import Location
from .reader import DatasetReader
from .sources import PathKey
from .tables import cell_location


INDICATOR_COLUMNS = ("指标", "年份", "数值", "单位", "限定词", "来源")
# Optional: other names by which the text refers to the indicator, joined by 、 (see docs/guide/figures.md).
ALIAS_COLUMN = "别名"


def read_top_events(reader: DatasetReader, file: Path, path: PathKey) -> Any:
    """Return the data of a top-events YAML file, recording the line of every key."""
    loaded = reader.read_yaml(file)
    if loaded is None:
        return None
    data, positions = loaded
    shown = reader.sources.relative(file)
    reader.sources.add(path, Location(file=shown, line=1))
    for key, line in positions.items():
        reader.sources.add(path + key, Location(file=shown, line=line))
    return data


def read_indicators(reader: DatasetReader, file: Path, path: PathKey) -> list[dict[str, Any]] | None:
    """Return indicator rows as schema data: name, year, quantity (value, unit, qualifier), source."""
    raw = reader.read_rows(file)
    if raw is None:
        return None
    shown = reader.sources.relative(file)
    where = Location(file=shown, line=1)
    missing = [name for name in INDICATOR_COLUMNS if name not in raw.header]
    for name in missing:
        reader.add(codes.make("E-TABLE-COLUMN-MISSING", where, column=name, expected="、".join(INDICATOR_COLUMNS)))
    if missing:
        return None
    at = {name: raw.header.index(name) for name in INDICATOR_COLUMNS}
    rows = []
    for index, (row, place) in enumerate(zip(raw.rows, raw.places)):
        row_path = path + (index,)
        reader.sources.add(row_path, place)
        for field, column in (("name", "指标"), ("year", "年份"), ("source", "来源")):
            reader.sources.add(row_path + (field,), cell_location(place, at[column]))
        for field, column in (("value", "数值"), ("unit", "单位"), ("qualifier", "限定词")):
            reader.sources.add(row_path + ("quantity", field), cell_location(place, at[column]))
        cell = {name: row[at[name]].strip() for name in INDICATOR_COLUMNS}
        record: dict[str, Any] = {
            "name": cell["指标"], "year": cell["年份"], "source": cell["来源"] or None,
            "quantity": {"value": cell["数值"], "unit": cell["单位"], "qualifier": cell["限定词"] or None},
        }
        if ALIAS_COLUMN in raw.header:
            aliases = row[raw.header.index(ALIAS_COLUMN)]
            record["aliases"] = [name.strip() for name in aliases.split("、") if name.strip()]
            reader.sources.add(row_path + ("aliases",), cell_location(place, raw.header.index(ALIAS_COLUMN)))
        rows.append(record)
    return rows
