"""mypy accepts nbreport/compose and nbreport/render: among others, every renderer's ``match`` covers every node kind.

render/fonts.py belongs to the checks area and is left to it; errors in modules these import
are theirs too (``--follow-imports=silent``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_passes_on_compose_and_render(tmp_path):
    files = sorted(
        str(path.relative_to(ROOT)) for package in ("compose", "render")
        for path in (ROOT / "nbreport" / package).glob("*.py") if path.name != "fonts.py"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--cache-dir", str(tmp_path), *files],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
