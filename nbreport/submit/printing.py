"""Set up a sheet nbreport writes so it prints: one page wide, header row on every page, landscape when wide."""

from __future__ import annotations

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

CHARS_PER_WIDTH = 1.0  # a column of width w holds about w Latin characters, w/2 Chinese ones
LINE_HEIGHT = 15  # points per line of 11-point text


def fit_to_page(ws: Worksheet, landscape: bool, title_rows: str | None = "1:1") -> None:
    """Fit ``ws`` to one page wide (any number tall), repeat ``title_rows`` on every page, choose the orientation."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    setup = ws.sheet_properties.pageSetUpPr
    if setup is None:  # a clerk's workbook may carry none
        setup = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    setup.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def wrapped_height(texts: list[tuple[str, float]]) -> float:
    """Return the row height (points) that shows every (text, column width) pair wrapped in full."""
    lines = 1
    for text, width in texts:
        per_line = max(1, int(width * CHARS_PER_WIDTH / 2))  # count every character as a wide (Chinese) one
        lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in text.split("\n")))
    return min(409.0, LINE_HEIGHT * lines + 4)  # 409 points is Excel's highest row
