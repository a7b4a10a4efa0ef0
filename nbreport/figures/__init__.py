"""Figures stated once: the indicator panel, narrative templates, consistency checks and audit.

Nothing here imports pandas, jinja2 or matplotlib at import time: each is imported by the
function that needs it, so a build that uses none of them does not pay for them.
"""

from __future__ import annotations

from .panel import Panel

__all__ = ["Panel"]
