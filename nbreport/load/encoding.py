"""Decode dataset files: UTF-8 (a BOM allowed); name GBK when that is what a file is."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .. import codes


@dataclass(frozen=True, slots=True)
class DecodeFailure:
    """Say where decoding stopped (1-based line) and what the file looks like instead."""

    line: int
    detail: str


def decode(data: bytes) -> str | DecodeFailure:
    """Return the text of UTF-8 bytes with line endings normalised, or where and why it failed."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return DecodeFailure(line=line, detail=_guess(data))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess(data: bytes) -> str:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    return codes.detail("file.looks_gbk")
