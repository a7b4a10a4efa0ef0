"""Measure one format on a synthetic award appendix in this fresh process and print one JSON line.

Run: python bench/scale_child.py (docx|pdf) ROWS [PAIRS]

After an untimed warm-up (imports, fonts, the first render's lazy set-up), each of PAIRS
rounds times compose + render of a SETUP_ROWS-row appendix and then of a ROWS-row one,
between two runs of a fixed CPU workload (``calibrate``). The small render is the big one's
reference: what is left after subtracting it is what the rows cost. The calibration says
how fast the machine ran just then: on a shared 2-core machine the same render took 0.64
and 0.92 s of CPU per 1,000 rows in two runs a minute apart, and the calibration moved with
it (0.117 and 0.152 s). bench/scale.py reads the process's peak RSS (os.wait4).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

SETUP_ROWS = 10  # a render this small is all set-up: subtracted, it leaves what each row costs
CALIBRATION_LOOPS = 150_000


def calibrate() -> float:
    """Return the CPU seconds of a fixed workload shaped like a render (small objects, dicts, str formatting)."""
    start = time.process_time()
    cells: dict[str, str] = {}
    for index in range(CALIBRATION_LOOPS):
        key = f"r{index % 997}"
        cells[key] = (cells.get(key, "") + f"{index * 7 % 13:d},")[-40:]
    return time.process_time() - start


def main(fmt: str, rows: int, pairs: int) -> None:
    """Print the CPU and wall times of ``pairs`` (set-up, ``rows``) render pairs and their calibrations as JSON."""
    from nbreport.compose import compose
    from nbreport.render import RENDERERS, RenderOptions
    from nbreport.render.fonts import load_fonts
    from nbreport.schema.theme import Theme

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import award_report

    theme = Theme()
    small, big = award_report(SETUP_ROWS), award_report(rows)
    if fmt == "pdf":
        load_fonts(theme)  # a fixed cost per build, not per row, and cached across builds
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"scale.{fmt}"

        def timed(report: object) -> tuple[float, float]:
            start, cpu = time.perf_counter(), time.process_time()
            RENDERERS[fmt](compose(report, theme), theme, out, RenderOptions())  # type: ignore[arg-type]
            return time.perf_counter() - start, time.process_time() - cpu

        timed(small)
        runs = []
        for _ in range(pairs):
            before = calibrate()
            small_wall, small_cpu = timed(small)
            big_wall, big_cpu = timed(big)
            runs.append({"seconds": big_wall, "cpu": big_cpu, "setup_cpu": small_cpu, "setup_seconds": small_wall,
                         "calibration": (before + calibrate()) / 2})
    print(json.dumps({"rows": rows, "runs": runs}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
