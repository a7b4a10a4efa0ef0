"""Rules for award and people tables: known categories, duplicates, names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import codes
from ..findings import Finding
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
        key = "|".join(table.text_of(row_index, c) for c in range(len(row)) if c != category)
        if key in seen:
            other = ctx.cell(path, seen[key], project)
            yield codes.make("E-AWARD-DUPLICATE", ctx.cell(path, row_index, project),
                             value=row[project], other=other.line or other.cell or seen[key] + 1)
        else:
            seen[key] = row_index


def check_person_names(table: Table, path: PathKey, ctx: CheckContext) -> Iterator[Finding]:
    """Yield a warning for each Chinese person name typed with a space inside."""
    for name in PERSON_COLUMNS:
        column = table.column_index(name)
        if column is None:
            continue
        for row_index, row in enumerate(table.rows):
            cell = row[column]
            for person in cell if isinstance(cell, list) else [cell or ""]:
                if _SPACED_NAME.match(person.strip()):
                    fixed = re.sub(r"[ \u3000]+", "", person.strip())
                    yield codes.make("W-NAME-SPACE", ctx.cell(path, row_index, column), value=person, fixed=fixed)
