"""Read SOURCE_DATE_EPOCH once for both renderers: the time a reproducible build stamps on its files.

A module of its own so that the PDF renderer gets it without importing python-docx.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold
_ZIP_LAST = 4354819198  # 2107-12-31 23:59:58, the latest


def source_date_epoch() -> int | None:
    """Return SOURCE_DATE_EPOCH as seconds within what a zip entry can hold, or None when unset or not a number.

    A huge or negative value is clamped to 1980-01-01 … 2107-12-31 rather than crash the build.
    """
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "").strip())
    except ValueError:
        return None
    return min(max(epoch, ZIP_EPOCH), _ZIP_LAST)


@contextmanager
def sane_source_date_epoch() -> Iterator[int | None]:
    """Within the block, SOURCE_DATE_EPOCH is the clamped value or unset (reportlab reads it itself)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = source_date_epoch()
    if epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield epoch
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build_time() -> dt.datetime:
    """Return the creation time to record: SOURCE_DATE_EPOCH when set, else now (UTC, whole seconds)."""
    epoch = source_date_epoch()
    if epoch is None:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
