"""Text rules shared by loading, checking and rendering."""

from __future__ import annotations

import re

# Characters that XML 1.0 (DOCX) cannot hold and PDF text should never carry; lone
# surrogates cannot come from a decoded file but can from a Report built in code.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
