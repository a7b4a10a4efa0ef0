"""output_name() makes a file name any file system takes, whatever the title holds."""

import pytest

from builders import small_report
from nbreport.api import NAME_MAX_BYTES, NAME_MAX_CHARS, output_name


def named(title: str, year: int = 2023) -> str:
    return output_name(small_report(meta={"year": year, "region": "宁波市", "title": title}))


def test_an_ordinary_title_keeps_its_year_line():
    assert named("宁波市科技进步报告") == "2023年度宁波市科技进步报告"


@pytest.mark.parametrize("bad", [
    "/", "\\\\", ":", "*", "?", '"', "<", ">", "|", "\x00", "\x1f", "\x7f", "\x85",
    "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\u200b", "\ufeff",
])
def test_unsafe_characters_are_dropped(bad):
    assert named(f"宁波{bad}报告") == "2023年度宁波报告"


def test_leading_dots_and_trailing_dots_and_spaces_go():
    assert named("...报告. .", year=2023).startswith("2023年度") and not named("报告. .").endswith((".", " "))
    assert output_name(small_report(meta={"year": 2023, "region": "宁波市", "title": "2023../x"})) == "2023..x"


def test_a_title_of_only_separators_falls_back_to_the_year():
    assert output_name(small_report(meta={"year": 2023, "region": "宁波市", "title": "2023"})) == "2023"
    assert named("///") == "2023年度"


@pytest.mark.parametrize("device", ["CON", "nul", "COM1", "LPT9.txt"])
def test_windows_device_names_get_a_suffix(device):
    name = output_name(small_report(meta={"year": 2023, "region": "宁波市", "title": device}))
    assert name.split(".")[0].upper() not in {"CON", "NUL", "COM1", "LPT9"}


@pytest.mark.parametrize("title", ["长" * 300, "a" * 300, "😀" * 300, "长a" * 150])
def test_a_long_title_is_cut_to_the_character_and_byte_caps(title):
    name = named(title)
    assert 0 < len(name) <= NAME_MAX_CHARS and len(name.encode("utf-8")) <= NAME_MAX_BYTES
