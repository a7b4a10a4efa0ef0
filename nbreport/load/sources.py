"""Where every loaded value came from, keyed by its path in the report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..findings import Location

PathKey = tuple[str | int, ...]

# Pydantic puts the tag of a discriminated union into error locations; our paths do not have it.
_UNION_TAGS = {"chapter", "districts", "paragraph", "subheading", "bullets", "figure", "case", "table"}


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
        clean = tuple(part for part in path if part not in _UNION_TAGS)
        for end in range(len(clean), -1, -1):
            found = self._places.get(clean[:end])
            if found is not None:
                return self._refine(found, clean, end)
        return Location(path=path_text(clean))

    def _refine(self, found: Location, path: PathKey, matched: int) -> Location:
        rest = path[matched:]
        column = rest[0] if len(rest) == 1 and isinstance(rest[0], int) and found.sheet is None else None
        if column is not None and found.line and path[matched - 1:matched] != ("rows",):
            column = None
        if column is not None:
            return replace(found, column=column + 1, path=path_text(path))
        return replace(found, path=path_text(path))
