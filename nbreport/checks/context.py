"""What a rule needs besides the report: positions and dataset settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Location
from ..load.sources import SourceMap, path_text

PathKey = tuple[str | int, ...]


@dataclass(slots=True)
class CheckContext:
    """Carry the source map (None for a Report built in code) and extra award categories."""

    sources: SourceMap | None = None
    award_categories: list[str] = field(default_factory=list)

    def at(self, path: PathKey) -> Location:
        """Return where the value at ``path`` came from, or just its path."""
        if self.sources is None:
            return Location(path=path_text(path))
        return self.sources.locate(path)

    def cell(self, table_path: PathKey, row: int, column: int) -> Location:
        """Return the location of one table cell."""
        return self.at(table_path + ("rows", row, column))
