"""Keep text from becoming a live formula in files nbreport writes for spreadsheet programs (CSV, XLSX).

The rule, one for every writer and the CSV reader:

- Text is *formula-like* when its first character that is not a space or line break is one of
  ``= + - @``, or it starts with a tab or carriage return (Excel and LibreOffice evaluate such
  cells, "CSV injection"), unless the whole text is a plain number (``-1.5``, ``+3``, ``1e5``,
  ``12%``): those stay numbers. Text starting with ``'`` followed by formula-like text is
  formula-like too, so an apostrophe a person typed survives the round trip.
- CSV: formula-like text is written with one ``'`` in front (OWASP); the reader removes exactly
  that one apostrophe again, so what is read back is the exact text.
- XLSX: the cell is stored as a string (data type ``s``), never as a formula; no text changes.
"""

from __future__ import annotations

import re
from typing import Any

ESCAPE = "'"
_TRIGGERS = ("=", "+", "-", "@")
_CONTROL_LEADS = ("\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def formula_like(text: str) -> bool:
    """Return True if a spreadsheet program could take ``text`` for a formula (see the module rule)."""
    if text.startswith(ESCAPE):
        return formula_like(text[1:])
    if text.startswith(_CONTROL_LEADS):
        return True
    stripped = text.lstrip(" \t\r\n")
    return stripped.startswith(_TRIGGERS) and not _NUMBER.fullmatch(text)


def escape_csv_text(text: str) -> str:
    """Return ``text`` as written into a CSV cell: with the protective apostrophe when it is formula-like."""
    return ESCAPE + text if formula_like(text) else text


def unescape_csv_text(text: str) -> str:
    """Return the text a CSV cell holds: the one protective apostrophe of :func:`escape_csv_text` removed."""
    return text[1:] if text.startswith(ESCAPE) and formula_like(text[1:]) else text


def set_text(cell: Any, value: object) -> Any:
    """Put ``value`` in an openpyxl cell; text is stored as a string, so it is never a formula. Return the cell."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"  # openpyxl makes "=…" a formula; "s" keeps it the literal text shown
    return cell
