"""The photo frame of the Word file: a PNG of a dashed rectangle, placed inline at the frame's size.

A picture, not a bordered table cell or paragraph: LibreOffice sized those differently when
counting pages and when exporting, which put its 目录 numbers out, while it places a picture
of a given size the same way in both. The editor replaces it with the photo (Word: 更改图片
keeps the size). The PNG is made here, byte for byte the same for the same size and colour.
"""

from __future__ import annotations

import functools
import struct
import zlib

DPI = 150  # enough for a hairline to print crisp; a 80 × 60 mm frame is a few kilobytes
DASH_MM = (1.06, 0.71)  # on, off: the PDF's 3 pt, 2 pt
MIN_RULE_PX = 2  # one pixel of light grey all but vanishes when Word or LibreOffice scales the picture down


@functools.lru_cache(maxsize=32)  # a report has a few frame sizes, printed dozens of times
def frame_png(width_mm: float, height_mm: float, color: str, rule_pt: float) -> bytes:
    """Return a greyscale PNG of ``width_mm`` × ``height_mm`` at DPI: white, ringed by a dashed rule of ``color``."""
    px = DPI / 25.4
    width, height = max(2, round(width_mm * px)), max(2, round(height_mm * px))
    rule = max(MIN_RULE_PX, round(rule_pt / 72 * DPI))
    red, green, blue = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    ink = round(0.299 * red + 0.587 * green + 0.114 * blue)
    on, off = (max(1, round(length * px)) for length in DASH_MM)

    def dashed(length: int) -> bytes:
        return bytes(ink if i % (on + off) < on else 255 for i in range(length))

    edge = dashed(width)
    side = dashed(height)
    rows = []
    for y in range(height):
        if y < rule or y >= height - rule:
            row = edge
        else:
            mark = side[y]
            row = bytes([mark]) * rule + b"\xff" * (width - 2 * rule) + bytes([mark]) * rule
        rows.append(b"\x00" + row)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    dpm = round(DPI / 0.0254)
    physical = struct.pack(">IIB", dpm, dpm, 1)  # pixels per metre, so Word sizes it at DPI
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"pHYs", physical)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
