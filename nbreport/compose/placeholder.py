"""Size the framed space a figure still waiting for its photo reserves on the page.

Compose and validate call the same function, so the size the warning names is the size
both renderers draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import blocks as sb
from ..schema.theme import PAGE_SIZES_MM, Theme
from . import policy


@dataclass(frozen=True, slots=True)
class FrameSize:
    """Hold a placeholder's width and height in millimetres."""

    width_mm: float
    height_mm: float


def text_block_mm(theme: Theme) -> tuple[float, float]:
    """Return the portrait text block's width and height in millimetres."""
    width, height = PAGE_SIZES_MM[theme.page_size]
    return (width - theme.margin_left_mm - theme.margin_right_mm,
            height - theme.margin_top_mm - theme.margin_bottom_mm)


def requested_size(figure: sb.Figure, theme: Theme) -> FrameSize:
    """Return the size the block asks for: its width_mm / height_mm, the rest from the theme's photo proportions."""
    text_width, _ = text_block_mm(theme)
    width, height = figure.width_mm, figure.height_mm
    if width is None and height is None:
        width = text_width * theme.photo_width
    if width is None:
        assert height is not None
        width = height / theme.photo_ratio
    if height is None:
        height = width * theme.photo_ratio
    return FrameSize(round(width, 1), round(height, 1))


def limits_mm(theme: Theme, inset_mm: float = 0.0) -> FrameSize:
    """Return the largest frame a page takes: the text width less ``inset_mm`` each side, the figures' share of its height."""
    text_width, text_height = text_block_mm(theme)
    return FrameSize(round(text_width - 2 * inset_mm, 1), round(text_height * policy.FIGURE_MAX_HEIGHT, 1))


def placeholder_size(figure: sb.Figure, theme: Theme, inset_mm: float = 0.0) -> FrameSize:
    """Return the frame's size, scaled down (proportions kept) to what the page or the box takes."""
    asked, room = requested_size(figure, theme), limits_mm(theme, inset_mm)
    scale = min(1.0, room.width_mm / asked.width_mm, room.height_mm / asked.height_mm)
    return FrameSize(round(asked.width_mm * scale, 1), round(asked.height_mm * scale, 1))
