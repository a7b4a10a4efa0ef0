"""Record a matplotlib figure as vector drawing operations that the PDF renderer replays.

matplotlib's own PDF output cannot be placed inside a reportlab page, so a small renderer
takes the figure's paths instead: every mark, and every glyph (text goes through
matplotlib's text-to-path), becomes one :class:`PathOp` in PDF points, origin at the
bottom left. The operations are plain numbers, so a drawing can be cached between builds
and replayed without importing matplotlib.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

_MOVE, _LINE, _CURVE3, _CURVE4, _CLOSE = 1, 2, 3, 4, 79  # matplotlib.path.Path codes


@dataclass(frozen=True, slots=True)
class PathOp:
    """Hold one painted path: its segments and how it is filled and stroked.

    ``segments`` holds ("m", x, y), ("l", x, y), ("c", x1, y1, x2, y2, x3, y3) and ("z",);
    colours are (r, g, b, alpha) in 0–1, None when not painted; ``clip`` a rectangle
    (x, y, width, height) or None.
    """

    segments: tuple[tuple[Any, ...], ...]
    fill: tuple[float, float, float, float] | None
    stroke: tuple[float, float, float, float] | None
    line_width: float
    dashes: tuple[float, tuple[float, ...]] | None
    cap: str
    join: str
    clip: tuple[float, float, float, float] | None


@dataclass(frozen=True, slots=True)
class VectorDrawing:
    """Hold a chart as path operations on a ``width`` × ``height`` point canvas."""

    width: float
    height: float
    ops: tuple[PathOp, ...]

    def to_bytes(self) -> bytes:
        """Return the drawing as compact JSON bytes (the cache's format)."""
        ops = [[list(map(list, op.segments)), op.fill, op.stroke, op.line_width,
                None if op.dashes is None else [op.dashes[0], list(op.dashes[1])], op.cap, op.join, op.clip]
               for op in self.ops]
        return json.dumps([self.width, self.height, ops], separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> VectorDrawing:
        """Return the drawing stored by :meth:`to_bytes`; raise ValueError on anything else."""
        try:
            width, height, ops = json.loads(data)
            return cls(float(width), float(height), tuple(_op(raw) for raw in ops))
        except (TypeError, ValueError, KeyError) as error:
            raise ValueError(f"not a vector drawing: {error}") from None


_ARITY = {"m": 2, "l": 2, "c": 6, "z": 0}


def _op(raw: list[Any]) -> PathOp:
    segments, fill, stroke, width, dashes, cap, join, clip = raw
    if any(_ARITY.get(s[0]) != len(s) - 1 for s in segments):
        raise ValueError("unknown path segment")
    return PathOp(tuple((s[0], *map(float, s[1:])) for s in segments), _colour(fill), _colour(stroke), float(width),
                  None if dashes is None else (float(dashes[0]), tuple(map(float, dashes[1]))), str(cap), str(join),
                  None if clip is None else tuple(map(float, clip)))  # type: ignore[arg-type]


def _colour(raw: list[float] | None) -> tuple[float, float, float, float] | None:
    return None if raw is None else tuple(map(float, raw))  # type: ignore[return-value]


def record(figure: Any) -> VectorDrawing:
    """Return ``figure`` (laid out already) drawn as path operations at 72 dpi."""
    from matplotlib.backend_bases import GraphicsContextBase, RendererBase

    width, height = (float(size) * 72 for size in figure.get_size_inches())

    class Recorder(RendererBase):
        def __init__(self) -> None:
            super().__init__()
            self.ops: list[PathOp] = []

        def flipy(self) -> bool:
            return False

        def get_canvas_width_height(self) -> tuple[float, float]:
            return width, height

        def points_to_pixels(self, points: Any) -> Any:
            return points  # the figure is drawn at 72 dpi: a pixel is a point

        def new_gc(self) -> GraphicsContextBase:
            return GraphicsContextBase()

        def draw_path(self, gc: Any, path: Any, transform: Any, rgbFace: Any = None) -> None:  # noqa: N803 (matplotlib's name)
            op = _path_op(gc, path, transform, rgbFace)
            if op is not None:
                self.ops.append(op)

    saved = figure.dpi
    recorder = Recorder()
    try:
        figure.set_dpi(72)
        figure.draw(recorder)
    finally:
        figure.set_dpi(saved)
    return VectorDrawing(round(width, 3), round(height, 3), tuple(recorder.ops))


def _path_op(gc: Any, path: Any, transform: Any, face: Any) -> PathOp | None:
    segments = _segments(path, transform)
    stroke = _rgba(gc.get_rgb(), gc) if gc.get_linewidth() > 0 else None
    fill = _rgba(face, gc) if face is not None else None
    if not segments or (fill is None and stroke is None):
        return None
    offset, pattern = gc.get_dashes()
    dashes = None if not pattern else (_r(offset or 0.0), tuple(_r(value) for value in pattern))
    box = gc.get_clip_rectangle()
    clip = None if box is None else tuple(_r(value) for value in box.bounds)
    return PathOp(segments, fill, stroke, _r(gc.get_linewidth()), dashes, gc.get_capstyle(), gc.get_joinstyle(), clip)  # type: ignore[arg-type]


def _segments(path: Any, transform: Any) -> tuple[tuple[Any, ...], ...]:
    """Return the path's segments in points, quadratic curves raised to cubic ones (PDF has only cubics)."""
    out: list[tuple[Any, ...]] = []
    last = (0.0, 0.0)
    for points, code in path.iter_segments(transform, simplify=False, curves=True):
        coords = [_r(value) for value in points]
        if code == _MOVE:
            out.append(("m", *coords))
        elif code == _LINE:
            out.append(("l", *coords))
        elif code == _CURVE3:
            (cx, cy), (x, y) = coords[:2], coords[2:]
            out.append(("c", _r(last[0] + 2 / 3 * (cx - last[0])), _r(last[1] + 2 / 3 * (cy - last[1])),
                        _r(x + 2 / 3 * (cx - x)), _r(y + 2 / 3 * (cy - y)), x, y))
        elif code == _CURVE4:
            out.append(("c", *coords))
        elif code == _CLOSE:
            out.append(("z",))
            continue
        last = (coords[-2], coords[-1])
    return tuple(out)


def _rgba(colour: Any, gc: Any) -> tuple[float, float, float, float] | None:
    values = [float(value) for value in colour]
    alpha = gc.get_alpha() if gc.get_forced_alpha() or len(values) < 4 else values[3]
    if alpha == 0:
        return None
    return (_r(values[0]), _r(values[1]), _r(values[2]), _r(alpha))


def _r(value: float) -> float:
    """Round to a thousandth of a point: far below what prints, and the same bytes in every build."""
    return round(float(value), 3) + 0.0  # + 0.0 turns -0.0 into 0.0
