"""Chinese numerals for chapter and section numbers (第一章, 第十二节)."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Return ``n`` (1–99) in Chinese numerals: 1 → 一, 10 → 十, 21 → 二十一."""
    if not 1 <= n <= 99:
        raise ValueError(f"chapter numbers run from 1 to 99, not {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def chapter_number(n: int) -> str:
    """Return the label of the n-th chapter, e.g. 第一章."""
    return f"第{chinese_number(n)}章"


def section_number(n: int) -> str:
    """Return the label of the n-th section, e.g. 第一节."""
    return f"第{chinese_number(n)}节"
