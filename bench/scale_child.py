"""Measure one format on synthetic award appendices in this fresh process and print one JSON line.

Run: python bench/scale_child.py (docx|pdf) ROWS [LOOPS]
     python bench/scale_child.py (docx|pdf) --paired ROWS:LOOPS,ROWS:LOOPS,... ROUNDS

After an untimed warm-up (imports, fonts, the first render's lazy set-up), compose +
render of a ROWS-row appendix runs LOOPS times back to back under one clock; the totals
are printed. bench/scale.py picks LOOPS so that every size is timed over a window of
seconds, not of tens of milliseconds: on the shared machine the speed changes from one
second to the next, a 50,000-row render averages over those changes, and a single 1,000-row
render (0.1 s) catches either a fast or a slow moment. bench/scale.py reads the process's
peak RSS (os.wait4).

--paired times every size in turns, round after round, in this one process (the order
rotated each round), and prints each round's CPU and wall seconds per render by size. A
size's cost per row is then compared with the set-up and the 1,000 rows timed in the same
round, seconds apart: the machine's speed drifts by 10-50 % over minutes, which a
comparison between processes run minutes apart cannot tell from the code's own growth.
Each size's report is built just before its turn and let go after it, so the heap a render
sees is that of a one-report build, not of every size held at once.
"""

from __future__ import annotations

import atexit
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WARMUP_ROWS = 10


def main(argv: list[str]) -> None:
    """Print the figures of the single-size or the paired measurement as one JSON line."""
    if len(argv) > 1 and argv[1] == "--paired":
        plan = [tuple(int(part) for part in unit.split(":")) for unit in argv[2].split(",")]
        print(json.dumps({"rounds": paired(argv[0], plan, int(argv[3]))}))
    else:
        rows, loops = int(argv[1]), int(argv[2]) if len(argv) > 2 else 1
        seconds, cpu = single(argv[0], rows, loops)
        print(json.dumps({"rows": rows, "loops": loops, "seconds": seconds, "cpu": cpu}))


def single(fmt: str, rows: int, loops: int) -> tuple[float, float]:
    """Return the wall and CPU seconds of ``loops`` compose + render runs of ``rows`` rows."""
    from synthetic import award_report

    render = _renderer(fmt)
    report = award_report(rows)
    return _timed(lambda: render(report), loops)


def paired(fmt: str, plan: list[tuple[int, ...]], rounds: int) -> list[dict[str, dict[str, float]]]:
    """Return, per round, the CPU and wall seconds per render of each (rows, loops) in ``plan``, timed in turns."""
    from synthetic import award_report

    render = _renderer(fmt)
    found = []
    for round_ in range(rounds):
        shift = round_ % len(plan)
        figures = {}
        for rows, loops in plan[shift:] + plan[:shift]:
            report = award_report(rows)
            gc.collect()
            seconds, cpu = _timed(lambda: render(report), loops)
            figures[str(rows)] = {"seconds": seconds / loops, "cpu": cpu / loops}
            del report
        found.append(figures)
    return found


def _renderer(fmt: str) -> Callable[[object], None]:
    """Return a function that composes and renders a report to a temporary file, after one untimed warm-up."""
    from nbreport.compose import compose
    from nbreport.render import RENDERERS, RenderOptions
    from nbreport.render.fonts import load_fonts
    from nbreport.schema.theme import Theme
    from synthetic import award_report

    theme = Theme()
    if fmt == "pdf":
        load_fonts(theme)  # a fixed cost per build, not per row, and cached across builds
    folder = tempfile.TemporaryDirectory()
    atexit.register(folder.cleanup)
    out = Path(folder.name) / f"scale.{fmt}"

    def render(report: object) -> None:
        RENDERERS[fmt](compose(report, theme), theme, out, RenderOptions())  # type: ignore[arg-type]

    render(award_report(WARMUP_ROWS))
    return render


def _timed(fn: Callable[[], None], loops: int) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(loops):
        fn()
    return time.perf_counter() - start, time.process_time() - cpu


if __name__ == "__main__":
    main(sys.argv[1:])
