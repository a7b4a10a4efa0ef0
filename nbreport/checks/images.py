"""Rules for figure images: inside the dataset, readable PNG or JPEG, of a size a page can take.

Only the file headers are read (PNG IHDR, JPEG SOF): a decompression bomb declares its
pixel count up front, so it is refused without decoding a pixel. The renderers call
:func:`check_image` too, so an image handed to them directly is refused, not decoded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from .. import codes
from ..findings import Finding, Location
from ..schema.blocks import Figure
from ..schema.report import Report
from ..schema.theme import Theme
from ..text import shorten
from ..compose.blocks import CASE_INSET_MM
from ..compose.placeholder import limits_mm, placeholder_size, requested_size
from .context import CheckContext, PathKey
from .walk import iter_blocks_of

MAX_PIXELS = 40_000_000  # 40 megapixels: a full-page photo at 300 dpi needs under 9
MAX_BYTES = 30 * 1024 * 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_TAIL = 64 * 1024
_MAX_SEGMENTS = 1000
_EXTENSIONS = {"png": (".png",), "jpeg": (".jpg", ".jpeg")}
# JPEG start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) do not.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class ImageProblem:
    """Say why an image cannot be printed: a finding code and its message parameters."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """Return the Chinese message, for a renderer's RenderError."""
        return codes.make(self.code, Location(), **self.params).message


def check_image(path: Path) -> ImageProblem | None:
    """Return why the image file at ``path`` cannot be printed, or None if it can.

    Checks the file exists, is at most MAX_BYTES, is a complete PNG or JPEG whose
    content matches its extension, and declares at most MAX_PIXELS pixels.
    """
    shown = path.name
    if not path.is_file():
        return ImageProblem("E-FILE-MISSING", {"path": shown})
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            detail = f"{size // (1024 * 1024)} MB，上限 {MAX_BYTES // (1024 * 1024)} MB"
            return ImageProblem("E-IMAGE-TOO-LARGE", {"path": shown, "detail": detail})
        with path.open("rb") as handle:
            return _check_content(shown, path.suffix.lower(), handle, size)
    except OSError as error:
        return ImageProblem("E-IMAGE-READ", {"path": shown, "detail": error.strerror or type(error).__name__})


def _check_content(shown: str, suffix: str, handle: BinaryIO, size: int) -> ImageProblem | None:
    head = handle.read(32)
    kind = "png" if head.startswith(_PNG_SIGNATURE) else "jpeg" if head.startswith(b"\xff\xd8\xff") else None
    if kind is None:
        return ImageProblem("E-IMAGE-READ", {"path": shown, "detail": codes.detail("image.kind")})
    if suffix not in _EXTENSIONS[kind]:
        return ImageProblem("E-IMAGE-READ", {"path": shown, "detail": codes.detail("image.suffix", suffix=suffix, kind=kind.upper())})
    dimensions = _png_size(head) if kind == "png" else _jpeg_size(handle)
    handle.seek(max(0, size - _TAIL))
    tail = handle.read()
    # A PNG ends with its IEND chunk; a JPEG's end-of-image marker may be followed by a short trailer.
    complete = tail.endswith(_PNG_END) if kind == "png" else b"\xff\xd9" in tail
    if dimensions is None or not complete:
        return ImageProblem("E-IMAGE-READ", {"path": shown, "detail": codes.detail("image.damaged")})
    width, height = dimensions
    if width * height > MAX_PIXELS:
        detail = codes.detail("image.pixels", width=width, height=height, limit=MAX_PIXELS // 1_000_000)
        return ImageProblem("E-IMAGE-TOO-LARGE", {"path": shown, "detail": detail})
    return None


def _png_size(head: bytes) -> tuple[int, int] | None:
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    return (width, height) if width and height else None


def _jpeg_size(handle: BinaryIO) -> tuple[int, int] | None:
    # Walk the segments from the start (EXIF and ICC segments can push the frame header
    # far into the file); each step reads a few bytes, at most _MAX_SEGMENTS steps.
    handle.seek(2)
    for _ in range(_MAX_SEGMENTS):
        marker = handle.read(2)
        while marker[:1] == b"\xff" and marker[1:] == b"\xff":  # fill bytes before a marker
            marker = b"\xff" + handle.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        segment = handle.read(7)
        if len(segment) < 2:
            return None
        length = int.from_bytes(segment[:2], "big")
        if marker[1] in _SOF:
            if len(segment) < 7:
                return None
            height, width = int.from_bytes(segment[3:5], "big"), int.from_bytes(segment[5:7], "big")
            return (width, height) if width and height else None
        if marker[1] == 0xDA or length < 2:  # image data before any frame header: broken
            return None
        handle.seek(length - len(segment), 1)
    return None


def check_images(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Yield findings for figure images outside the report's root, missing, unreadable or too large.

    Image paths are relative to the report's root: the dataset folder of a loaded report;
    for a Report built in code, the current folder. Absolute paths and ``..`` are refused.
    """
    root = Path(report._root) if report._root else Path.cwd()
    for path, figure in iter_figures(report):
        if figure.image:
            yield from _image_findings(figure.image, root, ctx, path + ("image",))


def check_photo_frames(report: Report, ctx: CheckContext, theme: Theme | None = None) -> Iterator[Finding]:
    """Yield a warning for each figure with neither image nor chart, naming the frame the build leaves.

    A frame asked for (width_mm, height_mm) that the page cannot take is an error: the
    build would have to shrink it, and the layout the editor proofs would not be final.
    """
    theme = theme or Theme()
    for path, figure in iter_figures(report):
        if figure.image or figure.chart is not None:
            continue
        asked, room = requested_size(figure, theme), limits_mm(theme)
        if asked.width_mm > room.width_mm or asked.height_mm > room.height_mm:
            key = "width_mm" if figure.width_mm is not None else "height_mm"
            why = codes.detail("figure.too_large", width=f"{asked.width_mm:g}", height=f"{asked.height_mm:g}",
                               room_width=f"{room.width_mm:g}", room_height=f"{room.height_mm:g}")
            yield codes.make("E-FIGURE-SIZE", ctx.at(path + (key,)), detail=why)
            continue
        drawn = placeholder_size(figure, theme, CASE_INSET_MM * _box_depth(path))
        yield codes.make("W-FIGURE-NO-IMAGE", ctx.at(path), caption=shorten(figure.caption),
                         width=f"{drawn.width_mm:g}", height=f"{drawn.height_mm:g}")


def _box_depth(path: PathKey) -> int:
    """Return how many case boxes hold the block at ``path`` (each adds an ``index, "blocks"`` step)."""
    return sum(1 for before, key in zip(path, path[1:]) if isinstance(before, int) and key == "blocks")


def _image_findings(image: str, root: Path, ctx: CheckContext, path: PathKey) -> Iterator[Finding]:
    where = ctx.at(path)
    if not is_relative_inside(image):
        yield codes.make("E-PATH-ESCAPE", where, path=image)
        return
    try:
        resolved = (root / image).resolve()
        inside = resolved.is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # symlink loops, NUL bytes
        inside = False
    if not inside:
        yield codes.make("E-PATH-ESCAPE", where, path=image)
        return
    problem = check_image(resolved)
    if problem is not None:
        yield codes.make(problem.code, where, **{**problem.params, "path": image})


def is_relative_inside(image: str) -> bool:
    """Return whether ``image`` is a relative path that never climbs out with ``..`` (POSIX or Windows)."""
    if "\x00" in image:
        return False
    for pure in (PurePosixPath(image), PureWindowsPath(image)):
        if pure.is_absolute() or pure.drive or pure.anchor or ".." in pure.parts:
            return False
    return bool(image.strip())


def iter_figures(report: Report) -> Iterator[tuple[PathKey, Figure]]:
    """Yield every figure of the report (overview, chapters, case boxes, conclusion) with its path."""
    return iter_blocks_of(report, Figure)
