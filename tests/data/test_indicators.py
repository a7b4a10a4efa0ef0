"""The multi-year indicators read back as typed quantities that keep their qualifiers."""

from collections import Counter

from pydantic import TypeAdapter

from conftest import DATA
from nbreport.load.reader import DatasetReader
from nbreport.load.events import read_indicators
from nbreport.schema import Indicator


def indicators():
    reader = DatasetReader(DATA)
    rows = read_indicators(reader, DATA / "2023" / "indicators.csv", ("indicators",))
    assert reader.findings == []
    return TypeAdapter(list[Indicator]).validate_python(rows)


def test_indicators_validate_and_cite_a_seed():
    items = indicators()
    assert len(items) == 50
    assert all(item.source and item.source.startswith("seeds/00") for item in items)


def test_qualifiers_are_kept_with_the_value():
    by_key = {(i.name, i.year, i.source): i.quantity.text for i in indicators()}
    assert by_key[("高新技术企业数", 2023, "seeds/002")] == "突破7014家"
    assert by_key[("高新技术企业数", 2024, "seeds/003")] == "突破8800家"
    assert by_key[("技术交易额", 2023, "seeds/002")] == "888.04亿元"


def test_no_row_is_repeated_from_the_same_seed():
    keys = Counter((i.name, i.year, i.quantity.value, i.quantity.qualifier, i.source) for i in indicators())
    assert [key for key, count in keys.items() if count > 1] == []
