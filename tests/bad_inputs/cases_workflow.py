"""Bad inputs of the editor's workflow: files the dataset holds but never uses."""

from __future__ import annotations

from bad_inputs.cases_base import AWARD_HEAD, CHAPTER, Case, chapter

CASES: list[Case] = [
    Case("unused-table-file", [("W-FILE-UNUSED", "tables/forgotten.csv")], report=CHAPTER,
         files={**chapter("正文。\n"), "tables/forgotten.csv": AWARD_HEAD}),
    Case("unused-chapter-file", [("W-FILE-UNUSED", "chapters/07-new.md")], report=CHAPTER,
         files={**chapter("正文。\n"), "chapters/07-new.md": "---\ntitle: 新章\n---\n"}),
    Case("unused-image", [("W-FILE-UNUSED", "images/photo.png")], report=CHAPTER,
         files={**chapter("正文。\n"), "images/photo.png": b"\x89PNG\r\n\x1a\n"}),
    Case("unused-theme-yaml", [("W-FILE-UNUSED", "old-theme.yaml")], report=CHAPTER,
         files={**chapter("正文。\n"), "old-theme.yaml": "body: {size: 12}\n"}),
]

# A table spec's merge: and lists: name columns of the table, as a list.
_PEOPLE_TABLE = "```table\nfile: p.csv\nkind: people\n{spec}\n```\n"
_PEOPLE_ROWS = "姓名,工作单位,提名单位\n蒲波,宁波德图科技有限公司,北仑区人民政府\n"
CASES += [
    Case("table-merge-as-a-string", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER,
         files={**chapter(_PEOPLE_TABLE.format(spec="merge: 工作单位")), "p.csv": _PEOPLE_ROWS}),
    Case("table-merge-unknown-column", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER,
         files={**chapter(_PEOPLE_TABLE.format(spec="merge: [单位]")), "p.csv": _PEOPLE_ROWS}),
    Case("table-lists-as-a-number", [("E-MD-FENCE", "ch.md:7")], report=CHAPTER,
         files={**chapter(_PEOPLE_TABLE.format(spec="lists: 5")), "p.csv": _PEOPLE_ROWS}),
]
