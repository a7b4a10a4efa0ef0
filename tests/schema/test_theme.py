"""The Theme: partial themes merge onto the defaults, and every value is checked once, here."""

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from nbreport.load.yamlfile import parse_yaml
from nbreport.schema.theme import DEFAULT_STYLES, FontFamily, TextStyle, Theme

THEME_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "theme.md"


def guide_examples() -> list[dict]:
    """Return the data of every YAML example in the theme guide."""
    blocks = re.findall(r"```yaml\n(.*?)```", THEME_GUIDE.read_text(encoding="utf-8"), flags=re.S)
    return [parse_yaml(block)[0] for block in blocks]


def error_types(data: dict) -> set[str]:
    with pytest.raises(ValidationError) as caught:
        Theme.model_validate(data)
    return {item["type"] for item in caught.value.errors()}


@pytest.mark.parametrize(("fmt", "parts"), [
    ("{n}", ("", "")), ("第{n}页", ("第", "页")), ("- {n} -", ("- ", " -")), ("Page {n} of the report", ("Page ", " of the report")),
])
def test_page_number_format_splits_around_its_one_placeholder(fmt, parts):
    assert Theme(page_number_format=fmt).page_number_parts() == parts


@pytest.mark.parametrize("fmt", [
    "第{n:02d}页", "{n.__class__}", "{n[0]}", "{n!r}", "{n}{n}", "第页", "{}", "{{n}}", "{n}}", "{x}", "{0}", "{n} {",
])
def test_page_number_format_with_anything_but_one_plain_n_is_refused(fmt):
    assert error_types({"page_number_format": fmt}) == {"E-THEME-PAGE-NUMBER"}


def test_the_guide_examples_change_only_what_they_set():
    examples = guide_examples()
    assert examples, "the theme guide shows YAML examples"
    for data in examples:
        theme = Theme.model_validate(data)
        for role, default in DEFAULT_STYLES.items():
            given = (data.get("styles") or {}).get(role, {})
            for name in TextStyle.model_fields:
                if name not in given:
                    assert getattr(theme.style(role), name) == getattr(default, name), (role, name)
        for family in ("serif", "sans"):
            given = data.get(family) or {}
            for name in FontFamily.model_fields:
                if name not in given:
                    assert getattr(getattr(theme, family), name) == getattr(Theme().serif if family == "serif" else Theme().sans, name)


def test_a_colour_alone_keeps_the_chapter_title_size_weight_and_centring():
    title = Theme.model_validate({"styles": {"chapter.title": {"color": "8B0000"}}}).style("chapter.title")
    assert (title.color, title.size, title.bold, title.align) == ("8B0000", 22.0, True, "center")


def test_setting_font_files_keeps_the_font_names():
    serif = Theme.model_validate({"serif": {"files": ["/fonts/mine.ttf"]}}).serif
    assert serif.files == ["/fonts/mine.ttf"] and serif.cjk == "宋体" and serif.names == Theme().serif.names


def test_a_library_style_object_merges_only_its_set_fields():
    theme = Theme(styles={"body": TextStyle(size=14)})
    assert theme.style("body").size == 14 and theme.style("body").first_line_chars == 2


def test_assignment_is_validated_and_merged():
    theme = Theme()
    theme.styles = {"caption": {"bold": True}}
    assert theme.style("caption").bold and theme.style("caption").size == 10.5
    with pytest.raises(ValidationError):
        theme.page_number_format = "{n.real}"


@pytest.mark.parametrize(("data", "code"), [
    ({"accent_color": "#GGG"}, "E-THEME-COLOR"),
    ({"case_fill": "red"}, "E-THEME-COLOR"),
    ({"styles": {"body": {"color": "12345"}}}, "E-THEME-COLOR"),
    ({"margin_left_mm": 150}, "E-THEME-MARGIN"),
    ({"margin_top_mm": 150, "margin_bottom_mm": 150}, "E-THEME-MARGIN"),
    ({"page_size": "B5", "margin_left_mm": 70, "margin_right_mm": 70}, "E-THEME-MARGIN"),
    ({"styles": {"body": {"size": 0}}}, "E-THEME-SIZE"),
    ({"styles": {"body": {"size": -3}}}, "E-THEME-SIZE"),
    ({"styles": {"caption": {"size": 201}}}, "E-THEME-SIZE"),
    ({"styles": {"body": {"line_spacing": 0}}}, "E-THEME-SPACING"),
    ({"styles": {"body": {"line_spacing": -1.5}}}, "E-THEME-SPACING"),
    ({"styles": {"body": {"line_spacing": 1000}}}, "E-THEME-SPACING"),
    ({"styles": {"body": {"size": "大四"}}}, "E-THEME-ZIHAO"),
    ({"styles": {"body": {"size": "12px"}}}, "E-THEME-ZIHAO"),
    ({"styles": {"toc.title": {"size": "小七"}}}, "E-THEME-ZIHAO"),
    ({"styles": {"bodyy": {}}}, "E-THEME-ROLE"),
    ({"styles": {"Chapter.Title": {"bold": False}}}, "E-THEME-ROLE"),
    ({"styles": {"footnote": {"size": 9}}}, "E-THEME-ROLE"),
    ({"bullet_marker": "\x01"}, "E-TEXT-CONTROL"),
    ({"sans": {"latin": "Arial\x00"}}, "E-TEXT-CONTROL"),
    ({"continued_suffix": "\ufffe"}, "E-TEXT-CONTROL"),
    ({"continued_caption": "续" * 21}, "string_too_long"),
    ({"bullet_marker": ""}, "string_too_short"),
    ({"page_number_format": "第{n}页" + "。" * 40}, "string_too_long"),
])
def test_bad_theme_values_are_refused_with_their_code(data, code):
    assert code in error_types(data)


def test_colours_are_normalised_to_six_upper_case_digits():
    theme = Theme(accent_color="#1f4e79", styles={"body": {"color": "abcdef"}})
    assert theme.accent_color == "1F4E79" and theme.style("body").color == "ABCDEF"
