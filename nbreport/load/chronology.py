"""Read 大事记 from CSV/XLSX (日期, 事件, optionally 月份 as typed under a month heading)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import codes
from ..text import parse_int
from ..findings import Location
from .reader import DatasetReader
from .sources import PathKey
from .tables import cell_location


COLUMNS = ("日期", "事件")
OPTIONAL = ("月份",)


def read_chronology(reader: DatasetReader, file: Path, path: PathKey) -> dict[str, Any] | None:
    """Return chronology data with each event's position; columns are checked by name."""
    raw = reader.read_rows(file)
    if raw is None:
        return None
    shown = reader.sources.relative(file)
    where = Location(file=shown, line=1)
    reader.sources.add(path, where)
    expected = "、".join(COLUMNS + OPTIONAL)
    for name in COLUMNS:
        if name not in raw.header:
            reader.add(codes.make("E-TABLE-COLUMN-MISSING", where, column=name, expected=expected))
    for name in raw.header:
        if name not in COLUMNS + OPTIONAL:
            reader.add(codes.make("E-TABLE-COLUMN-UNKNOWN", where, column=name, suggestion="", expected=expected))
    if any(name not in raw.header for name in COLUMNS):
        return None
    date_at, text_at = raw.header.index("日期"), raw.header.index("事件")
    month_at = raw.header.index("月份") if "月份" in raw.header else None
    events = []
    for index, (row, place) in enumerate(zip(raw.rows, raw.places)):
        event_path = path + ("events", index)
        reader.sources.add(event_path, place)
        reader.sources.add(event_path + ("date",), cell_location(place, date_at))
        reader.sources.add(event_path + ("text",), cell_location(place, text_at))
        event: dict[str, Any] = {"date": row[date_at].strip(), "text": row[text_at].strip()}
        if month_at is not None and row[month_at].strip():
            month = row[month_at].strip().removesuffix("月")
            event["filed_month"] = month if (number := parse_int(month)) is None else number
            reader.sources.add(event_path + ("filed_month",), cell_location(place, month_at))
        events.append(event)
    return {"events": events}
