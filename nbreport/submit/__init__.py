"""Excel submissions from districts and departments: templates, validation, the clerk's report, merging.

The names are imported on first use, so ``nbreport build`` never pays for openpyxl.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "PARTS": ".parts", "AnnotateError": ".annotate", "write_annotated": ".annotate",
    "CheckedSubmission": ".check", "validate_submission": ".check",
    "MergeResult": ".merge", "merge_submissions": ".merge", "write_template": ".template",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import an exported name from its module when it is first asked for."""
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name], __name__), name)
