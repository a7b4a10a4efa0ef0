"""Prepare the naive reference pair: the composed text as JSON, and the commands of the two bare scripts.

The scripts (naive_docx_cold.py, naive_pdf_cold.py) run as cold subprocesses, as a first
script would: they import only python-docx or reportlab, read the JSON and write one file.
Writing the JSON is untimed; it carries the same words and cells as nbreport prints
(through ``flatten``) and the CJK font files nbreport's PDF would embed.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from nbreport.compose import nodes as dn
from nbreport.render.fonts import theme_font_files
from nbreport.schema.theme import Theme

from flatten import Break, Heading, Item, Para, Table, flatten

HERE = Path(__file__).resolve().parent
SCRIPTS = {"docx": HERE / "naive_docx_cold.py", "pdf": HERE / "naive_pdf_cold.py"}


def dump(document: dn.Document, path: Path, theme: Theme | None = None) -> Path:
    """Write ``document``'s printable items and the theme's CJK font files (body, headings) to ``path`` as JSON."""
    fonts = [str(font) for font in theme_font_files(theme or Theme())[:2]]
    data = {"fonts": fonts, "items": [_item(item) for item in flatten(document)]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def command(fmt: str, text_json: Path, out: Path) -> list[str]:
    """Return the argv of the naive script for ``fmt`` ("docx" or "pdf")."""
    return [sys.executable, str(SCRIPTS[fmt]), str(text_json), str(out)]


def _item(item: Item) -> dict:
    match item:
        case Heading() | Para() | Table():
            return {"kind": type(item).__name__.lower(), **asdict(item)}
        case Break():
            return {"kind": "break"}
