"""Rules for every table: 序号 sequence, blank required cells, empty tables."""

from __future__ import annotations

from collections.abc import Iterator

from .. import codes
from ..findings import Finding
from ..schema.tables import Table
from .context import CheckContext, PathKey

_ALL_REQUIRED = {"award", "people"}


def check_table(table: Table, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for numbering gaps, blank required cells and empty tables."""
    if not table.rows:
        yield codes.make("W-TABLE-EMPTY", ctx.at(path), table=table.caption or table.source or "")
        return
    yield from _sequence(table, path, ctx)
    for column_index, column in enumerate(table.columns):
        required = table.table_kind in _ALL_REQUIRED or column.merge or column.name == "序号"
        if not required:
            continue
        for row_index, row in enumerate(table.rows):
            if row[column_index] in (None, "", []) and column.type != "int":
                yield codes.make("E-CELL-REQUIRED", ctx.cell(path, row_index, column_index), column=column.name)


def _sequence(table: Table, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    column = table.column_index("序号")
    if column is None:
        return
    expected = 1
    for row_index, row in enumerate(table.rows):
        value = row[column]
        if value is None:
            expected += 1
            continue
        if value != expected:
            yield codes.make("E-SEQ-GAP", ctx.cell(path, row_index, column), expected=expected, value=value)
        expected = int(value) + 1 if isinstance(value, int) else expected + 1
