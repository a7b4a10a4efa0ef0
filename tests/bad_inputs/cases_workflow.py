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
