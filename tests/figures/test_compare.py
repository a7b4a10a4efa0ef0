"""compare: both years' figures as printed and the change computed from the panel."""

from __future__ import annotations

from conftest import DATA
from nbreport.cli import main


def lines(capsys) -> list[list[str]]:
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_compare_years_prints_both_values_and_the_change(capsys):
    assert main(["compare", "2022", "2023", "--data", str(DATA)]) == 0
    table = lines(capsys)
    assert table[0] == ["指标", "单位", "2022年", "2023年", "变化"]
    assert ["高新技术企业数", "家", "突破5300家", "突破7014家", "+32.3%"] in table
    assert ["高新技术企业数增幅", "%", "36.4%", "31%", "-5.4 个百分点"] in table


def test_compare_accepts_a_dataset_path_for_a_year(capsys):
    assert main(["compare", "2022", str(DATA / "2023"), "--data", str(DATA)]) == 0
    assert ["技术交易额", "亿元", "—", "888.04亿元", "—"] in lines(capsys)


def test_compare_without_any_dataset_cannot_run(tmp_path, capsys):
    assert main(["compare", "2022", "2023", "--data", str(tmp_path)]) == 2
    assert "找不到" in capsys.readouterr().err
