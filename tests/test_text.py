"""The shared text helpers: integer cells, name keys, message-sized text."""

import pytest

from nbreport.text import ascii_digits, name_key, parse_int, shorten


@pytest.mark.parametrize(("text", "number"), [("7", 7), (" 12 ", 12), ("１２", 12), ("0", 0), ("999999999", 999999999)])
def test_parse_int_reads_ascii_and_full_width_digits(text, number):
    assert parse_int(text) == number


@pytest.mark.parametrize("text", ["", "①", "²", "٥", "1.5", "-3", "二", "9" * 10, "9" * 5000])
def test_parse_int_refuses_everything_else(text):
    assert parse_int(text) is None


def test_ascii_digits_leaves_other_characters():
    assert ascii_digits("２０２３年５月①") == "2023年5月①"


@pytest.mark.parametrize(("first", "second"), [
    ("\u8c48", "\uf900"),  # compatibility ideograph
    ("René", "Rene\u0301"),  # NFD combining accent
    ("张三", "张\u200b三"), ("张三", "张\u00a0三"), ("张三", "\ufeff张三"), ("张三", "张\u2060三"),
    ("AB", "ＡＢ"),
])
def test_names_that_print_alike_share_a_key(first, second):
    assert name_key(first) == name_key(second)


def test_different_names_keep_different_keys():
    assert name_key("张三") != name_key("张山")


def test_shorten_keeps_short_text_and_cuts_long():
    assert shorten("短") == "短" and shorten("长" * 100, 10) == "长" * 10 + "…"


@pytest.mark.parametrize("text", ["9" * 5000, "٣", "1.5"])
def test_submission_sequence_cells_use_the_same_rule(text):
    from nbreport.submit.normalise import CellProblem, to_int

    with pytest.raises(CellProblem):
        to_int(text)
