"""Reading YAML: plain core types with their lines, and firm limits for hostile text."""

import pytest

from nbreport.load.yamlfile import MAX_DEPTH, MAX_DIGITS, YamlSyntaxError, parse_yaml


def test_values_are_plain_core_types_and_dates_stay_text():
    data, _ = parse_yaml("a: 2023-05-01\nb: 0x1F\nc: 1_000\nd: 3.5\ne: true\nf: ~\ng: yes\nh: 2023-05-01T10:00:00\n")
    assert data == {"a": "2023-05-01", "b": 31, "c": 1000, "d": 3.5, "e": True, "f": None, "g": "yes",
                    "h": "2023-05-01T10:00:00"}
    assert [type(v) for v in data.values()] == [str, int, int, float, bool, type(None), str, str]


def test_every_key_and_item_has_its_line_after_an_offset():
    _, positions = parse_yaml("a:\n  - x\n  - y\nb: 1\n", line_offset=10)
    assert positions == {("a",): 11, ("a", 0): 12, ("a", 1): 13, ("b",): 14}


def test_merge_keys_fill_only_what_is_not_written():
    data, positions = parse_yaml("d: &d {x: 1, y: 2}\ne:\n  <<: *d\n  y: 3\n")
    assert data["e"] == {"x": 1, "y": 3} and positions[("e", "y")] == 4


@pytest.mark.parametrize(("text", "code", "line"), [
    ("a: 1\nb: !!python/object/apply:os.system ['id']\n", "E-YAML-TAG", 2),
    ("a: !foo {x: 1}\n", "E-YAML-TAG", 1),
    ("? [a, b]\n: 1\n", "E-YAML-TAG", 1),
    ("a:\n  b: 1\n  b: 2\n", "E-YAML-DUPLICATE-KEY", 3),
    ("n: " + "1" * (MAX_DIGITS + 1) + "\n", "E-YAML-NUMBER", 1),
    ("n: 1e400\n", "E-YAML-NUMBER", 1),
    ("n: .nan\n", "E-YAML-NUMBER", 1),
    ("n: !!int twelve\n", "E-YAML-NUMBER", 1),
    ("x:\n  y: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "E-YAML-DEPTH", 2),
    ("x: &a [*a]\n", "E-YAML-DEPTH", 1),
])
def test_hostile_yaml_is_refused_with_code_and_line(text, code, line):
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_refusals_carry_catalogue_params_and_a_chinese_text():
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("a: !!binary aGk=\n")
    assert caught.value.params == {"tag": "!!binary"} and "不支持" in str(caught.value)


def test_a_self_similar_alias_tree_stops_early():
    text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10))
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert caught.value.code == "E-YAML-NODES"


def test_deep_but_legal_nesting_is_read():
    depth = MAX_DEPTH - 1
    data, _ = parse_yaml("x: " + "[" * depth + "1" + "]" * depth + "\n")
    data = data["x"]
    for _ in range(depth):
        data = data[0]
    assert data == 1


def test_a_refusal_reads_in_english_where_it_is_a_detail():
    from nbreport.codes import Messages, make
    from nbreport.findings import Location

    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("a: !foo x\n")
    finding = make("E-MD-FRONTMATTER", Location(file="ch.md", line=2), detail=str(caught.value))
    assert "不支持的 YAML 标记 !foo" in finding.message
    assert Messages("en").localise(finding).message.endswith("Unsupported YAML tag !foo")


def test_too_deep_nesting_is_refused_at_its_line_after_an_offset():
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(f"a: 1\nb:\n  c: {deep}\n", line_offset=20)
    assert (caught.value.code, caught.value.line) == ("E-YAML-DEPTH", 23)


def test_a_syntax_error_before_deep_nesting_is_the_one_reported():
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(f"a: [1\nb: {deep}\n")
    assert caught.value.code == "E-YAML-SYNTAX"
