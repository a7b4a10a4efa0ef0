"""The shape of a bad-input case and the snippets the corpus files share.

A case is files (name → text or bytes) written into a fresh folder; ``report`` is added to
the standard meta of report.yaml unless ``files`` brings its own report.yaml. ``expect``
lists (code, place) pairs: place is the start of ``str(finding.where)`` (``ch.md:7``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

AWARD_HEAD = "奖励类别,项目名称,主要完成单位,主要完成人员\n"
PEOPLE_HEAD = "姓名,工作单位,提名单位\n"
CH = "---\ntitle: 章\n---\n\n## 节\n\n"
CHAPTER = "chapters: [ch.md]\n"
AWARDS = "appendices:\n  - title: 获奖\n    table:\n      file: a.csv\n      kind: award\n"
PEOPLE = "appendices:\n  - title: 人员\n    table:\n      file: p.csv\n      kind: people\n"
CHRONO = "chronology: c.csv\n"
META = "meta:\n  year: 2023\n  region: 宁波市\n  title: 宁波市科技进步报告\n"


@dataclass(frozen=True)
class Case:
    """Describe one bad input and the findings it must produce."""

    id: str
    expect: list[tuple[str, str]]
    files: dict[str, str | bytes] = field(default_factory=dict)
    report: str = ""
    symlink: tuple[str, str] | None = None


def chapter(body: str) -> dict[str, str]:
    return {"ch.md": CH + body}


def table_chapter(spec: str, name: str, text: str | bytes) -> dict[str, str | bytes]:
    return {"ch.md": CH + f"```table\n{spec}\n```\n", name: text}
