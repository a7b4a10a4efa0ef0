"""However a clerk types a number or a date, it reads as the same value."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import to_excel

from nbreport.submit.normalise import CellProblem, to_date, to_int, to_list, to_number

FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@given(st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2023, 12, 31)))
def test_every_way_of_typing_a_date_gives_the_same_label(day):
    typed = [dt.datetime(day.year, day.month, day.day), to_excel(dt.datetime(day.year, day.month, day.day)),
             f"{day.year}年{day.month}月{day.day}日", f"{day.year}/{day.month}/{day.day}", f"{day.year}-{day.month:02d}-{day.day:02d}",
             f"{day.month}月{day.day}日".translate(FULL_WIDTH)]
    assert {to_date(value, 2023).label for value in typed} == {f"{day.month}月{day.day}日"}


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)).filter(lambda d: d.year != 2023))
def test_a_date_of_another_year_is_refused(day):
    with pytest.raises(CellProblem) as problem:
        to_date(dt.datetime(day.year, day.month, day.day), 2023)
    assert problem.value.code == "E-CHRONO-YEAR"


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_numbers_typed_as_text_or_full_width_read_back_exactly(value):
    text = format(value, "f")
    assert to_number(text)[0] == value
    assert to_number(text.translate(FULL_WIDTH)) == (value, False)
    assert to_number(text + "％") == (value, True)


@given(st.integers(min_value=0, max_value=10**6))
def test_whole_numbers_as_int_float_or_text(number):
    assert to_int(number) == to_int(float(number)) == to_int(str(number).translate(FULL_WIDTH)) == number


@pytest.mark.parametrize("typed", ["单位甲、单位乙", "单位甲，单位乙", "单位甲；单位乙", "单位甲\n单位乙", " 单位甲 、单位乙、"])
def test_list_separators(typed):
    assert to_list(typed) == ["单位甲", "单位乙"]


@pytest.mark.parametrize("typed", ["1.5", "一", "", "1e3"])
def test_not_whole_numbers(typed):
    with pytest.raises(CellProblem):
        to_int(typed)


def test_number_with_words_is_refused():
    with pytest.raises(CellProblem):
        to_number("约7000家")
    assert to_number(888.04) == (Decimal("888.04"), False)
