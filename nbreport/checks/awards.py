"""Rules for award and people tables: known categories, duplicates, names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import codes
from ..findings import Finding, Location
from ..text import INVISIBLE, WIDE_SPACES, name_key
from ..schema.tables import Table
from .context import CheckContext, PathKey

_LEVELS = ("特等奖", "一等奖", "二等奖", "三等奖")
AWARD_CATEGORIES: tuple[str, ...] = tuple(
    f"{prefix}{kind}{level}"
    for prefix, kinds in (
        ("国家", ("自然科学", "技术发明", "科学技术进步")),
        ("省", ("自然科学", "技术发明", "科技进步")),
        ("浙江省", ("自然科学", "技术发明", "科学技术进步")),
        ("宁波市", ("自然科学", "技术发明", "科学技术进步")),
    )
    for kind in kinds
    for level in _LEVELS
)
_SPACED_NAME = re.compile(r"^[\u4e00-\u9fff]+[ \u3000]+[\u4e00-\u9fff]+$")
PERSON_COLUMNS = ("主要完成人员", "姓名")


def check_award_table(table: Table, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for unknown categories and duplicate rows of an award table."""
    category = table.column_index("奖励类别")
    project = table.column_index("项目名称")
    known = set(AWARD_CATEGORIES) | set(ctx.award_categories)
    seen: dict[str, int] = {}
    for row_index, row in enumerate(table.rows):
        if category is not None and row[category] and row[category] not in known:
            yield codes.make("E-AWARD-CATEGORY", ctx.cell(path, row_index, category), value=row[category])
        if project is None or not row[project]:
            continue
        # Compared as printed: NFD sequences, compatibility ideographs and invisible spaces fold away.
        key = "|".join(name_key(table.text_of(row_index, c)) for c in range(len(row)) if c != category)
        if key in seen:
            other = ctx.cell(path, seen[key], project)
            yield codes.make("E-AWARD-DUPLICATE", ctx.cell(path, row_index, project),
                             value=row[project], other=other.line or other.cell or seen[key] + 1)
        else:
            seen[key] = row_index


def check_person_names(table: Table, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield a warning for each Chinese person name typed with a space or an invisible character inside."""
    for name in PERSON_COLUMNS:
        column = table.column_index(name)
        if column is None:
            continue
        for row_index, row in enumerate(table.rows):
            cell = row[column]
            for person in cell if isinstance(cell, list) else [cell or ""]:
                yield from _person(str(person), ctx.cell(path, row_index, column))


def _person(person: str, where: Location) -> Iterator[Finding]:
    # Zero-width characters and odd spaces look like nothing or like a space, but make the
    # name differ from itself elsewhere (search, duplicates); U+3000 is an ordinary W-NAME-SPACE.
    hidden = sorted(set(INVISIBLE.findall(person)) - {"\u3000"})
    spaced = INVISIBLE.sub(lambda m: " " if m.group() in WIDE_SPACES else "", person).strip()
    if _SPACED_NAME.match(spaced):
        spaced = re.sub(r"[ \u3000]+", "", spaced)
    if hidden:
        chars = " ".join(f"U+{ord(ch):04X}" for ch in hidden)
        yield codes.make("W-NAME-INVISIBLE", where, value=spaced, chars=chars, fixed=spaced)
    elif spaced != person.strip():
        yield codes.make("W-NAME-SPACE", where, value=person, fixed=spaced)
