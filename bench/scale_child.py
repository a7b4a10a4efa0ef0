"""Measure one format on a synthetic award appendix in this fresh process and print one JSON line.

Run: python bench/scale_child.py (docx|pdf) ROWS [LOOPS]

After an untimed warm-up (imports, fonts, the first render's lazy set-up), compose +
render of a ROWS-row appendix runs LOOPS times back to back under one clock; the totals
are printed. bench/scale.py picks LOOPS so that every size is timed over a window of
seconds, not of tens of milliseconds: on the shared machine the speed changes from one
second to the next, a 50,000-row render averages over those changes, and a single 1,000-row
render (0.1 s) catches either a fast or a slow moment. bench/scale.py reads the process's
peak RSS (os.wait4).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

WARMUP_ROWS = 10


def main(fmt: str, rows: int, loops: int) -> None:
    """Print the wall and CPU seconds of ``loops`` compose + render runs of ``rows`` rows as JSON."""
    from nbreport.compose import compose
    from nbreport.render import RENDERERS, RenderOptions
    from nbreport.render.fonts import load_fonts
    from nbreport.schema.theme import Theme

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import award_report

    theme = Theme()
    report = award_report(rows)
    if fmt == "pdf":
        load_fonts(theme)  # a fixed cost per build, not per row, and cached across builds
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"scale.{fmt}"
        RENDERERS[fmt](compose(award_report(WARMUP_ROWS), theme), theme, out, RenderOptions())
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(loops):
            RENDERERS[fmt](compose(report, theme), theme, out, RenderOptions())
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"rows": rows, "loops": loops, "seconds": seconds, "cpu": cpu}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
