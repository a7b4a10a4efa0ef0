"""The indicator panel: lookups by name and alias, figures derived (never typed), DataFrames on demand."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import DATA, ROOT
from nbreport.figures.panel import Panel
from nbreport.schema import Indicator, Quantity
from nbreport.schema.tables import Column, Table


def row(name: str, year: int, value: str, unit: str = "家", qualifier: str | None = None, *aliases: str) -> Indicator:
    return Indicator(name=name, year=year, quantity=Quantity(value=Decimal(value), unit=unit, qualifier=qualifier),
                     source="seeds/x", aliases=list(aliases))


PANEL = Panel([
    row("高新技术企业数", 2020, "3100"), row("高新技术企业数", 2022, "5300", "家", "突破"),
    row("高新技术企业数", 2023, "7014", "家", "突破", "高新技术企业总数"),
    row("规上企业数", 2023, "1966"), row("后补助企业数", 2023, "2297"), row("后补助企业数", 2023, "2291"),
])


def test_aliases_resolve_to_the_indicator():
    assert PANEL.resolve("高新技术企业总数") == "高新技术企业数"
    assert PANEL.resolve("高新技术企业数") == "高新技术企业数"
    assert PANEL.resolve("企业") is None
    assert PANEL.years("高新技术企业总数") == [2020, 2022, 2023]


def test_year_on_year_change_is_computed_from_the_two_years():
    assert round(PANEL.yoy("高新技术企业数", 2023), 2) == Decimal("32.34")
    assert PANEL.yoy("高新技术企业数", 2022) is None  # no 2021 value: nothing is guessed


def test_a_change_between_bounds_is_no_fact_for_the_exact_change():
    exact = Panel([row("孵化器数", 2022, "40"), row("孵化器数", 2023, "50")])
    assert exact.exact_yoy("孵化器数", 2023) == exact.yoy("孵化器数", 2023) == Decimal("25")
    assert PANEL.yoy("高新技术企业数", 2023) is not None and PANEL.exact_yoy("高新技术企业数", 2023) is None


def test_cagr_share_and_rank():
    assert round(PANEL.cagr("高新技术企业数", 2020, 2023), 1) == Decimal("31.3")
    assert round(PANEL.share("规上企业数", "高新技术企业数", 2023), 1) == Decimal("28.0")
    assert PANEL.rank("高新技术企业数", 2023) == 1
    assert PANEL.rank("高新技术企业数", 2020) == 3


def test_disagreeing_statements_have_no_single_value_but_both_are_kept():
    assert PANEL.value("后补助企业数", 2023) is None
    assert [item.quantity.text for item in PANEL.distinct("后补助企业数", 2023)] == ["2297家", "2291家"]


def test_frame_has_one_row_per_statement_with_the_change():
    frame = PANEL.frame()
    assert list(frame.columns[:3]) == ["指标", "年份", "数值"]
    assert len(frame) == 6
    latest = frame[(frame["指标"] == "高新技术企业数") & (frame["年份"] == 2023)].iloc[0]
    assert latest["文本"] == "突破7014家"
    assert round(latest["同比增幅%"], 1) == Decimal("32.3")


def test_report_indicators_frame_and_table_dataframe():
    from nbreport.api import load

    report = load(DATA / "2023")
    frame = report.indicators_frame()
    assert len(frame) == len(report.indicators) == 50
    table = Table(columns=[Column(name="名称"), Column(name="数量", type="int")], rows=[["甲", 1], ["乙", 2]])
    assert table.to_dataframe()["数量"].tolist() == [1, 2]


@pytest.mark.parametrize("module", ["pandas", "jinja2", "matplotlib", "openpyxl"])
def test_import_and_a_build_without_templates_do_not_import_heavy_modules(tmp_path, module):
    script = (
        "import sys, nbreport\n"
        "from nbreport.api import validate\n"
        f"validate({str(ROOT / 'tests' / 'figures' / 'fixtures' / 'plain')!r})\n"
        f"print({module!r} in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "False"
