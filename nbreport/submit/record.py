"""One checked row of a submission: typed values and the cell each came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..findings import Location


@dataclass(slots=True)
class Record:
    """Hold one row with typed values (None where a cell could not be read) and each value's cell."""

    number: int
    values: dict[str, Any]
    places: dict[str, Location]
    ok: bool = True

    def at(self, name: str) -> Location:
        """Return the cell of column ``name``, or the row's first known cell."""
        return self.places.get(name) or next(iter(self.places.values()))
