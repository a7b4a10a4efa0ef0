"""Draw a chart in the PDF as vector paths: the drawing figures/chart_vector.py recorded, scaled to fit."""

from __future__ import annotations

from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.platypus import Flowable

from ..figures.chart_vector import PathOp, VectorDrawing

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


class VectorChart(Flowable):
    """Place a :class:`VectorDrawing` at ``scale``; it never splits (its caption keeps with it)."""

    def __init__(self, drawing: VectorDrawing, scale: float) -> None:
        super().__init__()
        self.drawing, self.scale = drawing, scale
        self.width, self.height = drawing.width * scale, drawing.height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Return the scaled size: fixed, whatever the frame offers."""
        return self.width, self.height

    def draw(self) -> None:
        """Replay every path operation on the canvas, in the order matplotlib painted them."""
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        for op in self.drawing.ops:
            _paint(canvas, op)
        canvas.restoreState()


def _paint(canvas, op: PathOp) -> None:
    canvas.saveState()
    if op.clip is not None:
        x, y, width, height = op.clip
        box = canvas.beginPath()
        box.rect(x, y, width, height)
        canvas.clipPath(box, stroke=0, fill=0)
    if op.fill is not None:
        canvas.setFillColorRGB(*op.fill[:3], alpha=op.fill[3])
    if op.stroke is not None:
        canvas.setStrokeColorRGB(*op.stroke[:3], alpha=op.stroke[3])
        canvas.setLineWidth(op.line_width)
        canvas.setLineCap(_CAPS.get(op.cap, 0))
        canvas.setLineJoin(_JOINS.get(op.join, 0))
        if op.dashes is not None:
            canvas.setDash(list(op.dashes[1]), op.dashes[0])
    canvas.drawPath(_path(canvas, op), stroke=int(op.stroke is not None), fill=int(op.fill is not None),
                    fillMode=FILL_NON_ZERO)
    canvas.restoreState()


def _path(canvas, op: PathOp):
    path = canvas.beginPath()
    for segment in op.segments:
        match segment[0]:
            case "m":
                path.moveTo(*segment[1:])
            case "l":
                path.lineTo(*segment[1:])
            case "c":
                path.curveTo(*segment[1:])
            case "z":
                path.close()
    return path
