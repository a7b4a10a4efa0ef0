"""Builders for small datasets and reports, so a test fixture is a few readable lines."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from nbreport.render.docx_layout import Office, PageLayout
from nbreport.schema import Report

META = "meta:\n  year: 2023\n  region: 宁波市\n  title: 宁波市科技进步报告\n  editor: 宁波市科学技术局\n"
AWARD_HEADER = "奖励类别,项目名称,主要完成单位,主要完成人员\n"


def write_dataset(root: Path, report_yaml: str = "", **files: str) -> Path:
    """Write report.yaml (META plus ``report_yaml``) and other files (name → text) under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "report.yaml").write_text(META + textwrap.dedent(report_yaml), encoding="utf-8")
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def award_dataset(root: Path, rows: str) -> Path:
    """Write a dataset whose only part is one award appendix with ``rows`` (CSV lines)."""
    yaml = "appendices:\n  - title: 获奖项目\n    table:\n      file: awards.csv\n      kind: award\n"
    return write_dataset(root, yaml, **{"awards.csv": AWARD_HEADER + textwrap.dedent(rows)})


def chronology_dataset(root: Path, rows: str, header: str = "日期,事件") -> Path:
    """Write a dataset whose only part is a chronology CSV with ``rows``."""
    return write_dataset(root, "chronology: chronology.csv\n", **{"chronology.csv": header + "\n" + textwrap.dedent(rows)})


def paragraph(text: str, lead: str | None = None) -> dict[str, Any]:
    """Return paragraph block data."""
    runs = ([{"text": lead, "strong": True}] if lead else []) + [{"text": text}]
    return {"kind": "paragraph", "runs": runs}


def small_report(**parts: Any) -> Report:
    """Return a valid Report with the 2023 meta and the given parts."""
    meta = {"year": 2023, "region": "宁波市", "title": "宁波市科技进步报告", "editor": "宁波市科学技术局"}
    return Report.model_validate({"meta": meta, **parts})


class FakeOffice(Office):
    """Be an office and its own session: subclasses say what ``measure`` answers; nothing starts."""

    def session(self, workdir: Path) -> "FakeOffice":
        return self

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass

    def measure(self, docx: bytes) -> PageLayout:
        raise NotImplementedError
