"""Charts: drawn from the panel's own values, in PNG (300 dpi), PDF and SVG; bad specs refused."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from conftest import DATA
from nbreport.api import load
from nbreport.figures.charts import draw_chart, font_file, problems, spec_from_panel
from nbreport.figures.panel import Panel
from nbreport.figures.values import FigureError
from nbreport.schema import Theme
from nbreport.schema.blocks import ChartSpec


@pytest.fixture(scope="module")
def panel():
    return Panel(load(DATA / "2023").indicators)


def test_the_high_tech_firms_series_comes_from_the_seeds(panel):
    spec = spec_from_panel(panel, ["高新技术企业数"])
    assert spec.categories == ["2017年", "2020年", "2022年", "2023年", "2024年"]
    assert spec.series == {"高新技术企业数": [1479, 3100, 5300, 7014, 8800]}
    assert spec.units == {"高新技术企业数": "家"}


@pytest.mark.parametrize(("names", "years", "code"), [
    (["不存在"], None, "E-TEMPLATE-INDICATOR"),
    (["高新技术企业数"], [2018], "E-TEMPLATE-YEAR"),
    (["享受研发后补助企业数"], [2023], "E-TEMPLATE-AMBIGUOUS"),
])
def test_panel_references_that_cannot_be_drawn_are_refused(panel, names, years, code):
    with pytest.raises(FigureError) as raised:
        spec_from_panel(panel, names, years)
    assert raised.value.code == code


def test_png_is_300_dpi_and_wider_than_the_page_needs(panel):
    png = draw_chart(spec_from_panel(panel, ["高新技术企业数"]), Theme(), "png", source="seeds/000–003")
    image = Image.open(io.BytesIO(png))
    assert round(image.info["dpi"][0]) == 300
    assert image.width >= 1500


def test_pdf_and_svg_are_vector_and_the_pdf_embeds_the_cjk_truetype_font(panel):
    spec = spec_from_panel(panel, ["高新技术企业数"])
    pdf = draw_chart(spec, Theme(), "pdf")
    svg = draw_chart(spec, Theme(), "svg")
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" not in pdf
    if font_file(Theme()) is not None:
        assert b"FontFile2" in pdf
    assert svg.lstrip().startswith(b"<?xml") and b"<image" not in svg


def test_drawing_is_reproducible(panel):
    spec = spec_from_panel(panel, ["高新技术企业数"])
    assert draw_chart(spec, Theme(), "pdf") == draw_chart(spec, Theme(), "pdf")
    assert draw_chart(spec, Theme(), "svg") == draw_chart(spec, Theme(), "svg")


def test_bar_and_line_on_a_second_axis(panel):
    spec = ChartSpec(type="bar+line", categories=["2022年", "2023年"],
                     series={"高新技术企业数": [5300, 7014], "高新技术企业数增幅": [36.4, 31]},
                     units={"高新技术企业数": "家", "高新技术企业数增幅": "%"})
    assert draw_chart(spec, Theme(), "png").startswith(b"\x89PNG")


@pytest.mark.parametrize(("series", "kind", "expected"), [
    ({"a": [1.0]}, "bar", "有 1 个数值"),
    ({"a": [1.0, math.nan]}, "line", "NaN"),
    ({"a": [1.0, math.inf]}, "bar", "无穷大"),
    ({"a": [1.0, 2.0]}, "bar+line", "两个系列"),
])
def test_specs_that_cannot_be_drawn_are_refused(series, kind, expected):
    # The schema refuses such specs at validate time; a spec built without validation is refused here too.
    spec = ChartSpec.model_construct(type=kind, categories=["2022年", "2023年"], series=series, units={})
    assert any(expected in problem for problem in problems(spec))
    with pytest.raises(ValueError):
        draw_chart(spec, Theme())


def test_the_composed_chart_node_is_drawn_as_compose_resolved_it(panel):
    from nbreport.compose.chart import resolve_chart
    from nbreport.figures.charts import draw_resolved

    chart = resolve_chart(spec_from_panel(panel, ["高新技术企业数"]), Theme().accent_color)
    assert draw_resolved(chart, Theme(), "svg") == draw_chart(spec_from_panel(panel, ["高新技术企业数"]), Theme(), "svg")


def test_a_chart_is_drawn_once_per_build_and_again_when_it_changes(monkeypatch, tmp_path):
    from nbreport.compose.chart import resolve_chart
    from nbreport.figures import chart_draw as charts
    from nbreport.schema import Theme
    from nbreport.schema.blocks import ChartSpec

    monkeypatch.setenv("NBREPORT_CACHE_DIR", str(tmp_path))
    drawn = []
    real = charts._figure
    monkeypatch.setattr(charts, "_figure", lambda *args: drawn.append(1) or real(*args))
    charts._DRAWN.clear()
    chart = resolve_chart(ChartSpec(categories=["2022年", "2023年"], series={"企业数": [5300, 7014]}), "1F4E79")
    first = charts.draw_resolved(chart, Theme(), width_mm=80)
    assert charts.draw_resolved(chart, Theme(), width_mm=80) == first and len(drawn) == 1
    other = resolve_chart(ChartSpec(categories=["2022年", "2023年"], series={"企业数": [5300, 7041]}), "1F4E79")
    assert charts.draw_resolved(other, Theme(), width_mm=80) != first and len(drawn) == 2


def test_a_fresh_process_takes_a_drawn_chart_from_the_cache_folder_and_a_damaged_one_is_drawn_again(monkeypatch, tmp_path):
    from nbreport.compose.chart import resolve_chart
    from nbreport.figures import chart_draw
    from nbreport.schema import Theme
    from nbreport.schema.blocks import ChartSpec

    monkeypatch.setenv("NBREPORT_CACHE_DIR", str(tmp_path))
    chart = resolve_chart(ChartSpec(categories=["2022年", "2023年"], series={"企业数": [5300, 7014]}), "1F4E79")
    chart_draw._DRAWN.clear()
    first = {fmt: chart_draw.draw_resolved(chart, Theme(), fmt, width_mm=80) for fmt in ("png", "svg")}
    first_vector = chart_draw.vector_drawing(chart, Theme(), width_mm=80)
    drawn = []
    real = chart_draw._figure
    monkeypatch.setattr(chart_draw, "_figure", lambda *args: drawn.append(1) or real(*args))
    chart_draw._DRAWN.clear()  # as in a new process
    assert {fmt: chart_draw.draw_resolved(chart, Theme(), fmt, width_mm=80) for fmt in ("png", "svg")} == first
    assert chart_draw.vector_drawing(chart, Theme(), width_mm=80) == first_vector and drawn == []
    for entry in (tmp_path / "charts").iterdir():
        entry.write_bytes(entry.read_bytes()[:-3])
    chart_draw._DRAWN.clear()
    assert chart_draw.vector_drawing(chart, Theme(), width_mm=80) == first_vector and drawn == [1]


def test_the_vector_drawing_survives_its_stored_form_and_refuses_anything_else():
    from nbreport.compose.chart import resolve_chart
    from nbreport.figures import chart_draw
    from nbreport.figures.chart_vector import VectorDrawing
    from nbreport.schema import Theme
    from nbreport.schema.blocks import ChartSpec

    chart = resolve_chart(ChartSpec(type="bar+line", categories=["2022年", "2023年"],
                                    series={"企业数": [5300, 7014], "增速": [3.0, 31.0]}), "1F4E79")
    drawing = chart_draw.vector_drawing(chart, Theme(), width_mm=80)
    assert VectorDrawing.from_bytes(drawing.to_bytes()) == drawing
    assert {segment[0] for op in drawing.ops for segment in op.segments} <= {"m", "l", "c", "z"}
    assert abs(drawing.width - 80 / 25.4 * 72) < 0.01
    for bad in (b"", b"[1,2]", b'[1,2,[[[["x",1]],null,null,1,null,"butt","miter",null]]]', b"\xff"):
        with pytest.raises(ValueError):
            VectorDrawing.from_bytes(bad)
