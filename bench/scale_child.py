"""Measure one format on a synthetic award appendix in this fresh process and print JSON.

Run: python bench/scale_child.py (docx|pdf) ROWS

When bench/<fmt>_scale.py exists and defines ``measure(rows: int)`` returning a dict or a
dataclass (keys ``seconds`` and optionally ``cpu``/``cpu_seconds``, ``rss_mb``/``peak_rss_mb``),
that is called: the renderer's owner decides what one row costs. Otherwise the appendix is made (untimed) and compose + render of that format is
timed. bench/scale.py reads the process's CPU time and peak RSS (os.wait4) when the dict
has none.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fallback(fmt: str, rows: int) -> dict:
    """Time compose + render of ``fmt`` for ``rows`` synthetic rows, after the renderer is imported and its fonts loaded."""
    from nbreport.compose import compose
    from nbreport.render import RENDERERS, RenderOptions
    from nbreport.schema.theme import Theme

    from synthetic import award_report

    report, theme = award_report(rows), Theme()
    _warm(fmt, theme)  # a fixed cost per build, not per row: kept out of the per-1,000-row time
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"scale.{fmt}"
        start, cpu = time.perf_counter(), time.process_time()
        RENDERERS[fmt](compose(report, theme), theme, out, RenderOptions())
        return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                "mb": out.stat().st_size / 2**20, "via": "bench/scale_child.py"}


def _warm(fmt: str, theme: object) -> None:
    if fmt == "pdf":
        from nbreport.render.fonts import load_fonts
        from nbreport.render.pdf import render_pdf  # noqa: F401

        load_fonts(theme)  # type: ignore[arg-type]
    else:
        from nbreport.render.docx import render_docx  # noqa: F401


def _as_dict(result: object) -> dict:
    """Return a measure() result as the agreed keys: seconds, cpu, rss_mb (a dataclass's cpu_seconds, peak_rss_mb too)."""
    figures = dataclasses.asdict(result) if dataclasses.is_dataclass(result) and not isinstance(result, type) else result
    if not isinstance(figures, dict):
        return {}
    for key, alias in (("cpu", "cpu_seconds"), ("rss_mb", "peak_rss_mb")):
        if key not in figures and alias in figures:
            figures[key] = figures[alias]
    return figures


def _takes_rows(measure: object) -> bool:
    """Return whether ``measure`` has the agreed interface: its first parameter is ``rows``."""
    if not callable(measure):
        return False
    parameters = list(inspect.signature(measure).parameters)
    return bool(parameters) and parameters[0] == "rows"


def main(fmt: str, rows: int) -> None:
    """Print the figures of ``fmt`` at ``rows`` rows as one JSON line."""
    module = HERE / f"{fmt}_scale.py"
    if module.exists():
        sys.path.insert(0, str(HERE))
        loaded = importlib.import_module(f"{fmt}_scale")
        if _takes_rows(getattr(loaded, "measure", None)):
            figures = _as_dict(loaded.measure(rows))
            if "seconds" in figures:
                print(json.dumps({"via": module.name, **figures}))
                return
    print(json.dumps(fallback(fmt, rows)))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
