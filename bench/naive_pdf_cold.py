"""Write the naive PDF: a plain reportlab platypus story on the JSON that bench/naive.py dumped.

Run: python bench/naive_pdf_cold.py TEXT.json OUT.pdf
SimpleDocTemplate; the CJK TrueType fonts nbreport embeds (body face, heading face) registered
once; a Paragraph per paragraph and one platypus Table (repeatRows=1) per table; no TOC.
It imports nothing of nbreport, so it measures what the library alone costs from a cold start.
"""

import json
import sys
import time
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

MARGIN = 25 * mm


def main(source: str, target: str) -> None:
    """Read the items and fonts of ``source`` and build ``target`` as a PDF."""
    with open(source, encoding="utf-8") as stream:
        data = json.load(stream)
    styles = _styles(*_register(data["fonts"]))
    frame_width = A4[0] - 2 * MARGIN
    story = []
    for item in data["items"]:
        kind = item["kind"]
        if kind == "heading":
            story.append(Paragraph(escape(item["text"]), styles[min(item["level"], 4)]))
        elif kind == "para":
            story.append(Paragraph(escape(item["text"]), styles["body"]))
        elif kind == "table":
            cells = [[Paragraph(escape(text), styles["cell"]) for text in row] for row in [item["header"], *item["rows"]]]
            widths = [share * frame_width for share in item["widths"]]
            story.append(Table(cells, colWidths=widths, repeatRows=1, style=[
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
        elif kind == "break":
            story.append(PageBreak())
    SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                      topMargin=MARGIN, bottomMargin=MARGIN).build(story)


def _register(fonts: list) -> tuple:
    """Register the body and heading fonts (the heading face is the body's when only one is given)."""
    names = []
    for number, path in enumerate(fonts[:2] or [""]):
        name = f"Naive{number}"
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        names.append(name)
    return names[0], names[-1]


def _styles(body: str, heading: str) -> dict:
    """Return one CJK-wrapping style per heading level (0–4), for body text and for cells."""
    def style(name: str, font: str, size: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.5, wordWrap="CJK")

    headings = {level: style(f"h{level}", heading, size) for level, size in enumerate((26, 20, 16, 14, 12))}
    return {**headings, "body": style("body", body, 10.5), "cell": style("cell", body, 9)}


if __name__ == "__main__":
    START = time.perf_counter()  # after the imports: the caller times the whole process too
    main(*sys.argv[1:3])
    print(json.dumps({"seconds": time.perf_counter() - START}))
