"""The naive floor: bare python-docx and bare reportlab platypus, no styling, no TOC.

run.py measures the pair as cold subprocesses (naive_docx_cold.py, naive_pdf_cold.py): ``dump``
writes the composed text and the CJK font files nbreport embeds to JSON (untimed) and
``command`` gives each script's argv. They import only python-docx or reportlab, as a first
script would. ``naive_docx`` / ``naive_pdf`` are the same writers in-process, for the
renderers' own benches (bench/pdf_scale.py, bench/docx_scale.py).
All walk the composed Document through ``flatten``, so they print the same words and cells
as nbreport.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import asdict
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from reportlab.platypus import Table as PdfTable

from nbreport.compose import nodes as dn
from nbreport.render.fonts import theme_font_files
from nbreport.schema.theme import Theme

from flatten import Break, Heading, Item, Para, Table, flatten

CJK_FONT = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
FONT_NAME = "NaiveUMing"
MARGIN = 25 * mm
HERE = Path(__file__).resolve().parent
SCRIPTS = {"docx": HERE / "naive_docx_cold.py", "pdf": HERE / "naive_pdf_cold.py"}


def naive_docx(document: dn.Document, path: Path) -> Path:
    """Write ``document`` with bare python-docx calls and return ``path``."""
    out = docx.Document()
    for item in flatten(document):
        match item:
            case Heading():
                out.add_heading(item.text, min(item.level, 9))
            case Para():
                out.add_paragraph(item.text)
            case Table():
                table = out.add_table(rows=len(item.rows) + 1, cols=len(item.header))
                for row, values in zip(table.rows, (item.header, *item.rows)):
                    for cell, text in zip(row.cells, values):
                        cell.text = text
            case Break():
                out.add_page_break()
    out.save(str(path))
    return path


def naive_pdf(document: dn.Document, path: Path) -> Path:
    """Write ``document`` with a plain platypus story and one embedded CJK font; return ``path``."""
    styles = _styles(_register_font())
    frame_width = A4[0] - 2 * MARGIN
    story = []
    for item in flatten(document):
        match item:
            case Heading():
                story.append(Paragraph(escape(item.text), styles[min(item.level, 4)]))
            case Para():
                story.append(Paragraph(escape(item.text), styles["body"]))
            case Table():
                cells = [[Paragraph(escape(text), styles["cell"]) for text in row] for row in (item.header, *item.rows)]
                widths = [share * frame_width for share in item.widths]
                story.append(PdfTable(cells, colWidths=widths, repeatRows=1, style=[
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]))
            case Break():
                story.append(PageBreak())
    template = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN)
    template.build(story)
    return path


@functools.cache
def _register_font() -> str:
    """Register the CJK TrueType font once per process and return its reportlab name."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(CJK_FONT), subfontIndex=0))
    return FONT_NAME


def _styles(font: str) -> dict:
    """Return one CJK-wrapping style per heading level (0–4), for body text and for cells."""
    def style(name: str, size: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.5, wordWrap="CJK")

    headings = {level: style(f"h{level}", size) for level, size in enumerate((26, 20, 16, 14, 12))}
    return {**headings, "body": style("body", 10.5), "cell": style("cell", 9)}


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
