"""Let the DOCX be written while the PDF that numbers its 目录 is still being drawn.

Without LibreOffice the DOCX's 目录 shows the PDF's page numbers, which exist only once the
PDF is done. Rather than wait, the DOCX walks its nodes with :class:`PageTokens` standing
in for the pages: each number asked for becomes a token no text can contain (a fresh nonce
between private-use marks). When the tree is built, :func:`fill_pages` puts the real numbers
in the tokens' place, so the package is the one a DOCX rendered after the PDF would be;
when a heading has no page (the sequential build would print none), it says so and the
caller renders again with the pages in hand.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from docx.oxml.ns import qn
from lxml import etree


class PageTokens(dict[str, int]):
    """Answer every page lookup with a token to be filled later; remember which anchor each stands for."""

    def __init__(self) -> None:
        super().__init__()
        self._nonce = secrets.token_hex(8)
        self.asked: dict[str, str] = {}  # token → anchor

    def get(self, anchor: str, default: object = None) -> str:  # type: ignore[override]
        """Return a token for ``anchor``'s page."""
        token = f"\ue000{self._nonce}.{len(self.asked)}\ue001"
        self.asked[token] = anchor
        return token


def fill_pages(body: etree._Element, tokens: PageTokens, pages: Mapping[str, int]) -> bool:
    """Replace every token under ``body`` by its anchor's page; False (nothing usable) if one has no page."""
    if any(anchor not in pages for anchor in tokens.asked.values()):
        return False
    found = 0
    for text in body.iter(qn("w:t")):
        anchor = tokens.asked.get(text.text or "")
        if anchor is not None:
            text.text = str(pages[anchor])
            found += 1
    return found == len(tokens.asked)
