"""Tell what a submitted file really is before openpyxl opens it: the container check of the one workbook reader."""

from __future__ import annotations

from ..load.workbook import WorkbookUnreadable as Unreadable
from ..load.workbook import check_container as sniff

__all__ = ["Unreadable", "sniff"]
