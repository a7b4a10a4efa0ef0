"""EventDate reads the dates editors type and answers every other text in Chinese."""

import pytest
from pydantic_core import PydanticCustomError

from nbreport.schema.chronology import EventDate, is_leap


@pytest.mark.parametrize(("text", "label"), [
    ("5月22—24日", "5月22—24日"),
    ("５月３日", "5月3日"),
    ("１２月下旬", "12月下旬"),
    ("2024年1月3日", "2024年1月3日"),
    ("2024年2月29日", "2024年2月29日"),
    (" 5 月 3 日 ", "5月3日"),
])
def test_dates_editors_type_are_read(text, label):
    assert EventDate.parse(text).label == label


@pytest.mark.parametrize(("text", "words"), [
    ("13月", "月份不存在"),
    ("2月30日", "不存在"),
    ("2023年2月29日", "不存在"),
    ("5月24—22日", "起止日颠倒"),
    ("²月", "无法识别"),
    ("①月", "无法识别"),
    ("٥月", "无法识别"),
])
def test_other_texts_raise_a_chinese_message(text, words):
    with pytest.raises(PydanticCustomError) as raised:
        EventDate.parse(text)
    assert words in raised.value.message() and text in raised.value.message()


def test_a_5000_digit_date_is_refused_with_a_short_message():
    with pytest.raises(PydanticCustomError) as raised:
        EventDate.parse("5月" + "9" * 5000 + "日")
    assert len(raised.value.message()) < 60


@pytest.mark.parametrize(("year", "leap"), [(2023, False), (2024, True), (1900, False), (2000, True)])
def test_leap_years(year, leap):
    assert is_leap(year) is leap


def test_february_29_exists_only_in_a_leap_year():
    date = EventDate.parse("2月29日")
    assert date.exists_in(2024) and not date.exists_in(2023)
    assert EventDate.parse("2024年2月29日").exists_in(2023)
