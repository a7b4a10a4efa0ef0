"""Specify that the figure passes leave the caller's report as it was, sharing only what they do not write."""

from __future__ import annotations

from conftest import DATA
from nbreport.figures.charts import resolve_references
from nbreport.figures.templates import render_templates
from nbreport.load.dataset import load_dataset


def test_rendering_templates_and_charts_leaves_the_loaded_report_as_it_was():
    report = load_dataset(DATA / "2023").report  # as read: templates not yet rendered
    assert report is not None
    before = report.model_dump()
    rendered, _ = render_templates(report)
    charted, _ = resolve_references(rendered)
    assert report.model_dump() == before
    assert rendered.model_dump() != before and charted.model_dump() != rendered.model_dump()
    assert charted.chronology is report.chronology and charted.appendices is report.appendices  # shared, not copied
