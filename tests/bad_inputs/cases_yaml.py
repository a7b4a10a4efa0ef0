"""Bad inputs for one area of the code; the shape of a case is in cases_base.

Hostile YAML: every YAML file the loader reads (report.yaml, a top-events file, Markdown
front matter) is refused with a finding at its line, never with a traceback or a blow-up.
"""

from __future__ import annotations

from bad_inputs.cases_base import CHAPTER, Case

TOP = "top_events: t.yaml\n"


def _laughs(levels: int) -> str:
    """Return a "billion laughs" YAML value: each level lists the previous one nine times."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]\n")
    return "".join(lines)


def _front(yaml_text: str) -> dict[str, str]:
    """Return a chapter whose front matter is ``yaml_text`` followed by a title."""
    return {"ch.md": f"---\n{yaml_text}title: 章\n---\n\n## 节\n\n正文。\n"}


CASES: list[Case] = [
    # alias expansion ("billion laughs"): bounded by the nodes built, aliases counted each time
    Case("yaml-billion-laughs", [("E-YAML-NODES", "report.yaml")], report=_laughs(9)),
    Case("yaml-billion-laughs-top-events", [("E-YAML-NODES", "t.yaml")], report=TOP,
         files={"t.yaml": _laughs(9) + "title: 十件大事\n"}),
    Case("yaml-billion-laughs-front-matter", [("E-MD-FRONTMATTER", "ch.md")], report=CHAPTER, files=_front(_laughs(9))),
    # nesting depth: refused before the recursive composer sees it
    Case("yaml-deep-flow-list", [("E-YAML-DEPTH", "report.yaml:5")], report="x: " + "[" * 3000 + "]" * 3000 + "\n"),
    Case("yaml-deep-flow-map", [("E-YAML-DEPTH", "report.yaml:5")], report="x: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n"),
    Case("yaml-deep-block-map", [("E-YAML-DEPTH", "report.yaml")],
         report="".join("  " * level + f"k{level}:\n" for level in range(80)) + "  " * 80 + "v: 1\n"),
    Case("yaml-self-referencing-anchor", [("E-YAML-DEPTH", "report.yaml:5")], report="x: &loop [*loop]\n"),
    Case("yaml-deep-top-events", [("E-YAML-DEPTH", "t.yaml:1")], report=TOP, files={"t.yaml": "[" * 200 + "]" * 200 + "\n"}),
    # tags: no constructor runs, only the core types are read
    Case("yaml-python-object", [("E-YAML-TAG", "report.yaml:5")], report="x: !!python/object/apply:os.system ['id']\n"),
    Case("yaml-python-name", [("E-YAML-TAG", "report.yaml:6")], report="chapters: []\nx: !!python/name:os.system\n"),
    Case("yaml-local-tag", [("E-YAML-TAG", "report.yaml:5")], report="chapters: !foo [ch.md]\n"),
    Case("yaml-binary", [("E-YAML-TAG", "t.yaml:1")], report=TOP, files={"t.yaml": "title: !!binary 5Y2B5Lu25aSn5LqL\n"}),
    Case("yaml-set", [("E-YAML-TAG", "report.yaml:5")], report="award_categories: !!set {省科技进步一等奖}\n"),
    Case("yaml-omap-in-meta", [("E-YAML-TAG", "report.yaml:1")],
         files={"report.yaml": "meta: !!omap [year: 2023, region: 宁波市, title: 宁波市科技进步报告]\n"}),
    Case("yaml-tag-in-front-matter", [("E-MD-FRONTMATTER", "ch.md:2")], report=CHAPTER, files=_front("kind: !!python/object:os.system {}\n")),
    # timestamps are text: a date in a title field is kept as typed, not turned into a date object
    Case("yaml-date-where-a-number-is-due", [("E-SCHEMA-VALUE", "report.yaml:2")],
         files={"report.yaml": "meta:\n  year: 2023-05-01\n  region: 宁波市\n  title: 宁波市科技进步报告\n"}),
    # numbers: digits and magnitude are bounded
    Case("yaml-huge-integer", [("E-YAML-NUMBER", "report.yaml:2")],
         files={"report.yaml": "meta:\n  year: " + "9" * 5000 + "\n  region: 宁波市\n  title: 宁波市科技进步报告\n"}),
    Case("yaml-float-overflow", [("E-YAML-NUMBER", "t.yaml:3")], report=TOP,
         files={"t.yaml": "title: 十件大事\nevents:\n  - rank: 1e99999\n    title: 甲\n"}),
    Case("yaml-infinity", [("E-YAML-NUMBER", "t.yaml:3")], report=TOP,
         files={"t.yaml": "title: 十件大事\nevents:\n  - rank: -.inf\n    title: 甲\n"}),
    Case("yaml-long-float", [("E-YAML-NUMBER", "report.yaml:5")], report="x: 0." + "3" * 5000 + "\n"),
    # duplicate keys, wherever the mapping is
    Case("yaml-duplicate-meta-key", [("E-YAML-DUPLICATE-KEY", "report.yaml:4")],
         files={"report.yaml": "meta:\n  year: 2023\n  region: 宁波市\n  year: 2024\n  title: 宁波市科技进步报告\n"}),
    Case("yaml-duplicate-top-events-key", [("E-YAML-DUPLICATE-KEY", "t.yaml:2")], report=TOP, files={"t.yaml": "title: 甲\ntitle: 乙\n"}),
    Case("yaml-duplicate-front-matter-key", [("E-MD-FRONTMATTER", "ch.md:3")], report=CHAPTER, files=_front("title: 甲\n")),
    # size: a YAML file is small; a huge one is refused before it is parsed
    Case("yaml-too-large", [("E-YAML-TOO-LARGE", "report.yaml:1")], report="# " + "x" * 1_000_001 + "\n"),
    Case("yaml-too-large-top-events", [("E-YAML-TOO-LARGE", "t.yaml:1")], report=TOP,
         files={"t.yaml": "title: 甲\n" + "#\n" * 600_000}),
    Case("yaml-huge-file-left-unread", [("E-YAML-TOO-LARGE", "t.yaml:1")], report=TOP, files={"t.yaml": "#" * 4_000_001}),
    Case("yaml-too-large-front-matter", [("E-MD-FRONTMATTER", "ch.md:2")], report=CHAPTER,
         files=_front("intro: " + "长" * 1_000_001 + "\n")),
]
