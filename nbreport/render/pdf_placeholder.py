"""The framed space a figure without its photo reserves: a dashed hairline rectangle, nothing inside.

Dashed, so neither a reader nor the layout checker takes it for a table or box rule; empty,
because the PDF prints nothing the data does not hold (the caption below says what goes there).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..compose.nodes import PhotoFrame
from .pdf_styles import hex_color

DASH_PT = (3.0, 2.0)  # on, off


class PhotoFrameFlowable(Flowable):
    """Draw ``frame``'s rectangle centred on the measure, at the size compose gave it."""

    def __init__(self, frame: PhotoFrame) -> None:
        super().__init__()
        self.frame = frame
        self.box_width, self.box_height = frame.width_mm * mm, frame.height_mm * mm
        self.spaceBefore = 4  # noqa: N815 - reportlab's name; as far from the text above as a caption
        self._avail = self.box_width

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        """Return the measure's width (the frame centres itself on it) and the frame's height."""
        self._avail = max(availWidth, self.box_width)
        return self._avail, self.box_height

    def draw(self) -> None:
        """Stroke the dashed rectangle, inset by half the rule so its ink stays inside the reserved size."""
        canvas, half = self.canv, self.frame.rule_pt / 2
        canvas.saveState()
        canvas.setStrokeColor(hex_color(self.frame.color))
        canvas.setLineWidth(self.frame.rule_pt)
        canvas.setDash(*DASH_PT)
        left = (self._avail - self.box_width) / 2
        canvas.rect(left + half, half, self.box_width - 2 * half, self.box_height - 2 * half, stroke=1, fill=0)
        canvas.restoreState()
