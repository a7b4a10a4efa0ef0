"""Draw a composed chart with matplotlib: PNG (300 dpi) for the DOCX, vector paths for the PDF.

matplotlib is imported on first use and runs on the Agg backend; text uses the theme's
TrueType CJK font, found the way the PDF renderer finds it (render/fonts.py). Compose
decides marks, colours and labels (compose/chart.py, the Chart node); this module only
draws. Both pictures come from one laid-out figure, so the two outputs show the same chart.

Drawing costs a second or more in a fresh process (importing matplotlib, laying out the
text), so each picture is kept twice: in memory for the rest of the build, and in the
user's cache folder (nbreport/cache.py) for the next one, keyed by everything it depends
on: the chart node, the theme, the size, matplotlib's version and the font file.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from .. import cache
from ..compose import nodes as dn
from ..schema.theme import Theme
from .chart_vector import VectorDrawing, record

Format = Literal["png", "pdf", "svg"]
DPI = 300
_VERSION = 1  # bump when the drawing code changes what it draws

# The DOCX and the PDF of one build draw the same charts: each picture is made once (a few, bounded).
_DRAWN: OrderedDict[str, bytes] = OrderedDict()
_DRAWN_KEPT = 16


def draw_resolved(chart: dn.Chart, theme: Theme, fmt: Format = "png", source: str | None = None,
                  width_mm: float = 150.0) -> bytes:
    """Return the composed ``chart`` (marks, colours, labels decided by compose) as ``fmt`` bytes."""
    return _kept(fmt, chart, theme, source, width_mm, lambda figure: _save(figure, fmt))


def vector_drawing(chart: dn.Chart, theme: Theme, source: str | None = None, width_mm: float = 150.0) -> VectorDrawing:
    """Return the composed ``chart`` as vector path operations, the same picture as its PNG."""
    return VectorDrawing.from_bytes(_kept("vector", chart, theme, source, width_mm, lambda figure: record(figure).to_bytes()))


def _kept(fmt: str, chart: dn.Chart, theme: Theme, source: str | None, width_mm: float,
          make: Callable[[Any], bytes]) -> bytes:
    """Return the picture from memory, else from the cache folder, else drawn (and kept in both)."""
    key = cache.digest(_VERSION, fmt, repr(chart), theme.model_dump_json(), source, width_mm, *_drawing_tools(theme))
    if key not in _DRAWN:
        stored = cache.load("charts", key)
        if stored is None:  # cache.load has checked the entry's digest: what it returns is what was stored
            stored = make(_figure(chart, theme, source, width_mm))
            cache.store("charts", key, stored)
        _DRAWN[key] = stored
        while len(_DRAWN) > _DRAWN_KEPT:
            _DRAWN.popitem(last=False)
    _DRAWN.move_to_end(key)
    return _DRAWN[key]


def _drawing_tools(theme: Theme) -> tuple[str, str]:
    """Return what a drawing depends on besides its inputs: matplotlib's version and the font file's identity."""
    try:
        version = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:
        version = "none"
    path = font_file(theme)
    if path is None:
        return version, "default font"
    try:
        stat = path.stat()
    except OSError:
        return version, str(path)
    return version, f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def _figure(chart: dn.Chart, theme: Theme, source: str | None, width_mm: float) -> Any:
    """Return the chart as a laid-out matplotlib figure (Agg canvas, 300 dpi)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = _font(theme)
    figure = Figure(figsize=(width_mm / 25.4, width_mm / 25.4 * chart.height_ratio * 1.2), dpi=DPI)
    FigureCanvasAgg(figure)
    _plot(figure.add_subplot(), chart, font)
    if source:
        figure.text(0.01, 0.01, f"资料来源：{source}", fontproperties=font, fontsize=7, color="#595959")
    figure.tight_layout(rect=(0, 0.05 if source else 0, 1, 1))
    return figure


def _save(figure: Any, fmt: Format) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    metadata_: dict[str, Any] = {"png": {"Software": None}, "pdf": {"CreationDate": None, "Producer": None},
                                 "svg": {"Date": None}}[fmt]
    with matplotlib.rc_context({"pdf.fonttype": 42, "svg.fonttype": "path", "svg.hashsalt": "nbreport"}):
        figure.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata_)
    return buffer.getvalue()


def _plot(axis: Any, chart: dn.Chart, font: Any) -> None:
    """Draw bars and/or lines with data labels; bars with lines put the lines on a second axis."""
    positions = list(range(len(chart.categories)))
    bars = [series for series in chart.series if series.mark == "bar"]
    lines = [series for series in chart.series if series.mark == "line"]
    width = 0.8 / max(len(bars), 1)
    for index, series in enumerate(bars):
        shifted = [x + (index - (len(bars) - 1) / 2) * width for x in positions]
        drawn = axis.bar(shifted, series.values, width=width, color=f"#{series.color}", label=series.label)
        axis.bar_label(drawn, labels=list(_labels(series)), fontproperties=font, fontsize=7)
    line_axis = axis.twinx() if bars and lines else axis
    for series in lines:
        line_axis.plot(positions, series.values, marker="o", color=f"#{series.color}", label=series.label)
        for x, value, label in zip(positions, series.values, _labels(series)):
            line_axis.annotate(label, (x, value), textcoords="offset points", xytext=(0, 5),
                               ha="center", fontproperties=font, fontsize=7)
    axis.set_xticks(positions, list(chart.categories), fontproperties=font, fontsize=8)
    if bars:
        axis.set_ylabel(_unit(bars[0].label), fontproperties=font, fontsize=8, rotation=0, labelpad=10)  # CJK reads upright
    if lines:
        line_axis.set_ylabel(_unit(lines[0].label), fontproperties=font, fontsize=8, rotation=0, labelpad=10)
    handles = [*axis.get_legend_handles_labels()[0], *(line_axis.get_legend_handles_labels()[0] if line_axis is not axis else [])]
    axis.legend(handles=handles, prop=font, loc="upper left", frameon=False)
    for side in ("top", "right") if line_axis is axis else ("top",):
        axis.spines[side].set_visible(False)
    for drawn in {id(axis): axis, id(line_axis): line_axis}.values():
        drawn.tick_params(labelsize=7)
        drawn.margins(y=0.18)  # headroom for the data labels and the legend


def _labels(series: dn.ChartSeries) -> tuple[str, ...]:
    if len(series.value_labels) == len(series.values):
        return series.value_labels
    return tuple(_number(value) for value in series.values)


def _unit(label: str) -> str:
    """Return the unit in a legend label 名称（单位）, or "" if it has none."""
    return label[label.rindex("（") + 1:-1] if label.endswith("）") and "（" in label else ""


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _font(theme: Theme) -> Any:
    """Return FontProperties of the theme's first TrueType sans (else serif) CJK font, or matplotlib's default."""
    from matplotlib.font_manager import FontProperties

    path = font_file(theme)
    return FontProperties(fname=str(path), size=8) if path else FontProperties(size=8)


def font_file(theme: Theme) -> Path | None:
    """Return the TrueType CJK font file the chart uses (sans first), or None if the machine has none."""
    from ..render.font_files import candidate_paths, outline_kind

    for family in (theme.sans, theme.serif):
        for path in candidate_paths(family.files, family.names):
            try:
                if outline_kind(path) == "truetype":
                    return path
            except OSError:
                continue
    return None
