"""Stable anchors for headings: bookmarks, outline entries and TOC links use them."""

from __future__ import annotations


class Anchors:
    """Hand out unique anchor names in document order."""

    def __init__(self) -> None:
        self._count: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        """Return the next anchor with ``prefix``, e.g. ``h12``."""
        self._count[prefix] = self._count.get(prefix, 0) + 1
        return f"{prefix}{self._count[prefix]}"
