"""Where every loaded value came from, keyed by its path in the report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..findings import Location

PathKey = tuple[str | int, ...]

# Pydantic puts the tag of a discriminated union into error locations; our paths do not have it.
_UNION_TAGS = {"chapter", "districts", "paragraph", "subheading", "bullets", "figure", "case", "table"}


_UNION_LISTS = {"blocks", "intro", "chapters"}


def without_union_tags(path: PathKey) -> PathKey:
    """Drop the tags pydantic inserts after an item of a union-typed list (``blocks[3].table``)."""
    kept: list[str | int] = []
    for index, part in enumerate(path):
        after_union_item = index >= 2 and isinstance(path[index - 1], int) and path[index - 2] in _UNION_LISTS
        if not (after_union_item and part in _UNION_TAGS):
            kept.append(part)
    return tuple(kept)


def path_text(path: PathKey) -> str:
    """Return a path as ``chapters[0].sections[1]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class SourceMap:
    """Map report paths to the file positions they were read from."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._places: dict[PathKey, Location] = {}

    def add(self, path: PathKey, location: Location) -> None:
        """Remember that the value at ``path`` came from ``location``."""
        self._places[path] = location

    def relative(self, file: Path) -> str:
        """Return ``file`` relative to the dataset root, as findings show it."""
        try:
            return file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(file)

    def locate(self, path: PathKey) -> Location:
        """Return the best known location of ``path``: itself, else its nearest recorded parent."""
        clean = path
        for end in range(len(clean), -1, -1):
            found = self._places.get(clean[:end])
            if found is not None:
                return self._refine(found, clean, end)
        return Location(path=path_text(clean))

    def _refine(self, found: Location, path: PathKey, matched: int) -> Location:
        """Add the column when ``path`` names a cell inside a recorded table row."""
        rest = path[matched:]
        is_cell = len(rest) == 1 and isinstance(rest[0], int) and matched >= 2 and path[matched - 2] == "rows"
        if not is_cell:
            return replace(found, path=path_text(path))
        from .tables import cell_location

        return replace(cell_location(found, int(rest[0])), path=path_text(path))
