"""Numbers a table cell may hold: bounded in digits and magnitude, whatever file they come from.

Kept apart from the workbook reader so reading a CSV never imports openpyxl.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import codes

MAX_DIGITS = 15  # significant digits a number may carry: what a spreadsheet itself keeps
MAX_MAGNITUDE = 15  # |value| < 10**15 and, when not zero, ≥ 10**-15


def number_problem(value: Any) -> str | None:
    """Return why ``value`` is refused as a number (None if it is fine or is no number).

    Numbers (int, float, Decimal) and text that spells one (``1e99999999``, ``１２.５``) are
    checked; a plain run of 16 or more digits is an identifier, not a number, and passes.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "").removesuffix("%")
        if len(text) > 400 or not any(ch.isdigit() for ch in text) or (text.isdigit() and len(text) > MAX_DIGITS):
            return None
        try:
            value = Decimal(text)
        except (InvalidOperation, ValueError):
            return None
    if isinstance(value, float):
        value = Decimal(repr(value)) if value == value and value not in (float("inf"), float("-inf")) else Decimal("NaN")
    if not isinstance(value, (int, Decimal)):
        return None
    number = Decimal(value)
    if not number.is_finite():
        return codes.detail("number.infinite")
    if number.is_zero():
        return None
    digits = len("".join(map(str, number.as_tuple().digits)).rstrip("0"))  # no normalize(): it may overflow
    if digits > MAX_DIGITS:
        return codes.detail("number.digits", limit=MAX_DIGITS)
    if not -MAX_MAGNITUDE <= number.adjusted() < MAX_MAGNITUDE:
        return codes.detail("number.magnitude", limit=MAX_MAGNITUDE)
    return None
