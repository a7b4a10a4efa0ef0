"""The layout policy compose writes into the Document: one value each, read by every renderer.

Renderers may not keep copies of these; a bureau that wants other values changes them here
(or, later, in the Theme) and both the Word file and the PDF follow.
"""

from __future__ import annotations

CHRONOLOGY_GAP = "\u3000"  # between a bold event date and its text, as in the printed report
FIGURE_MAX_HEIGHT = 0.6  # share of the text height a picture may take
PHOTO_FRAME_RULE_PT = 0.5  # a hairline: it marks the space, the photo pasted in covers it
PHOTO_FRAME_COLOR = "A6A6A6"  # light grey, so a proof does not read it as a table or box rule
TOC_NUMBER_DIGITS = 3  # the 目录's page-number column holds this many digits
TOC_LEADER_MIN_EM = 3.0  # at least this much dot leader between an entry's text and its number
CASE_PADDING_MM = 3.0  # inside the case box, on every side
KEEP_LAST_ROWS = 3  # a continued piece carries at least this many body rows, or the table moves
KEEP_FIRST_ROWS = 3  # a piece at a page foot carries at least this many body rows, or it moves on
TOP_ALIGN_SPAN = 8  # a merged cell over more rows than this may cross pages: its text sits at the top
CHART_HEIGHT_RATIO = 0.45  # chart height as a share of its width: small, like the report's
CHART_PALETTE = ("C55A11", "7F7F7F", "2E75B6", "A9D18E")  # after the theme's accent colour
CHART_WIDTH = 0.8  # share of the text width a chart takes
