"""Tables: caption, typed columns and rows, with the rendering hints they need."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from .base import Model

if TYPE_CHECKING:
    import pandas

TableKind = Literal["plain", "ranked", "award", "people", "institution"]
ColumnType = Literal["text", "int", "list"]
Cell = str | int | list[str] | None

AWARD_COLUMNS = ("奖励类别", "项目名称", "主要完成单位", "主要完成人员")
PEOPLE_COLUMNS = ("姓名", "工作单位", "提名单位")


class Column(Model):
    """Describe one column: its printed name, the type of its cells, whether runs merge."""

    name: str = Field(min_length=1)
    type: ColumnType = "text"
    merge: bool = Field(default=False, description="equal consecutive cells print as one merged cell")


class Table(Model):
    """Hold one table; merged cells are stored as a value on every row."""

    kind: Literal["table"] = "table"
    caption: str | None = None
    table_kind: TableKind = "plain"
    layout: Literal["single", "two-up"] = "single"
    columns: list[Column] = Field(min_length=1)
    rows: list[list[Cell]] = Field(default_factory=list)
    note: str | None = None
    source: str | None = Field(default=None, description="the file the rows were read from")

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        width = len(self.columns)
        for index, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"第 {index + 1} 行有 {len(row)} 个单元格，表头有 {width} 列")
        return self

    def column_index(self, name: str) -> int | None:
        """Return the position of the column called ``name``, or None if absent."""
        for index, column in enumerate(self.columns):
            if column.name == name:
                return index
        return None

    def text_of(self, row: int, column: int) -> str:
        """Return a cell as printed text: lists joined by 、, None as empty."""
        return cell_text(self.rows[row][column])

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the rows as a DataFrame named by the columns (cells as stored); imports pandas on first use."""
        import pandas  # lazily: a build never calls this

        return pandas.DataFrame([list(row) for row in self.rows], columns=[column.name for column in self.columns])


def cell_text(cell: Cell) -> str:
    """Return the printed text of one cell."""
    if cell is None:
        return ""
    if isinstance(cell, list):
        return "、".join(cell)
    return str(cell)
