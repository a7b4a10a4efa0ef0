"""Print how long the DOCX renderer takes for one synthetic award appendix (default 10,000 rows).

Run: .venv/bin/python bench/docx_award_table.py [rows]
The rows come from bench/synthetic.py, the same appendix run.py's scaling rows use;
run.py reports this figure as "10,000 rows: render DOCX" among all the others.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from nbreport.compose import compose
from nbreport.render.docx import render_docx
from nbreport.schema.theme import Theme

from synthetic import award_report


def main() -> None:
    """Render the appendix three times and print each run's time and file size."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    theme = Theme()
    document = compose(award_report(rows), theme)
    with tempfile.TemporaryDirectory() as folder:
        for attempt in range(3):
            start = time.perf_counter()
            path = render_docx(document, theme, Path(folder) / "awards.docx")
            elapsed = time.perf_counter() - start
            print(f"run {attempt + 1}: {rows:,} rows × 4 columns → {elapsed:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
