"""Glyph coverage: characters no font has are warned with their place; RTL text warned; bidi controls errors."""

import pytest

from builders import chronology_dataset, small_report, write_dataset
from nbreport import validate
from nbreport.checks import glyphs

# A stand-in for the fonts' cmaps (ASCII, CJK punctuation, the basic ideographs), so these
# rules read the same on any machine.
COVERED = frozenset([*range(0x20, 0x7F), *range(0x3000, 0x3040), *range(0x4E00, 0xA000), *range(0xFF00, 0xFF60)])


@pytest.fixture(autouse=True)
def fonts_cover_a_few_characters(monkeypatch):
    monkeypatch.setattr(glyphs, "coverage", lambda theme: COVERED)


def found(report):
    return [(f.code, str(f.where).split(" ")[0]) for f in report.findings]


@pytest.mark.parametrize("char", ["\U00020000", "\U0002A6A5", "\U00030EDE", "😀", "\ufffd"])
def test_a_character_no_font_has_is_warned_at_its_line(char, tmp_path):
    root = write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": f"---\ntitle: 章\n---\n\n## 节\n\n正文{char}。\n"})
    report = validate(root)
    assert report.ok and found(report) == [("W-GLYPH-MISSING", "ch.md:7")]
    assert f"U+{ord(char):04X}" in report.findings[0].message


def test_a_heading_with_a_missing_character_is_warned_at_the_heading(tmp_path):
    root = write_dataset(tmp_path, "chapters: [ch.md]\n", **{"ch.md": "---\ntitle: 章\n---\n\n## 节\U00030EDE\n\n正文。\n"})
    assert found(validate(root)) == [("W-GLYPH-MISSING", "ch.md:5")]


def test_an_emoji_zwj_sequence_names_its_parts_once(tmp_path):
    family = "👨\u200d👩\u200d👧"
    report = validate(chronology_dataset(tmp_path, f"5月3日,事件{family}{family}\n"))
    assert found(report) == [("W-GLYPH-MISSING", "chronology.csv:2:2")]
    message = report.findings[0].message
    assert message.count("U+1F468") == 1 and "U+200D" in message


def test_many_missing_characters_are_listed_up_to_a_limit():
    text = "".join(chr(0x20000 + i) for i in range(30))
    report = validate(small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": [{"text": text}]}]}))
    assert len(report.findings) == 1 and "等 30 个" in report.findings[0].message


def test_no_check_without_fonts(monkeypatch):
    monkeypatch.setattr(glyphs, "coverage", lambda theme: None)
    report = small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": [{"text": "\U00020000"}]}]})
    assert validate(report).findings == []


@pytest.mark.parametrize("text", ["שלום", "مرحبا", "ܫܠܡܐ"])
def test_right_to_left_text_is_a_warning(text):
    report = small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": [{"text": text}]}]})
    assert "W-TEXT-RTL" in [f.code for f in validate(report).findings]


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"])
def test_bidi_controls_are_errors_naming_the_code_point(control):
    report = validate(small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": [{"text": f"正文{control}甲"}]}]}))
    bidi = [f for f in report.findings if f.code == "E-TEXT-BIDI"]
    assert len(bidi) == 1 and f"U+{ord(control):04X}" in bidi[0].message and not report.ok


@pytest.mark.parametrize("sequence", ["\u2764\ufe0f", "\U0001f44d\U0001f3fd", "a\u200db"])
def test_characters_only_a_shaping_engine_draws_are_warned_even_when_covered(sequence, monkeypatch):
    monkeypatch.setattr(glyphs, "coverage", lambda theme: COVERED | frozenset(map(ord, sequence)))
    report = validate(small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": [{"text": "正文" + sequence}]}]}))
    assert [f.code for f in report.findings] == ["W-GLYPH-MISSING"]
