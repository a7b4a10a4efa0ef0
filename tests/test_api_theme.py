"""Theme files: read through the safe YAML loader, every mistake a finding at the theme's line."""

import pytest

from nbreport import DatasetError
from nbreport.api import load_theme, read_theme
from nbreport.cli import main

BAD_THEMES = [
    ("page_number_format: 第{n:02d}页\n", "E-THEME-PAGE-NUMBER", 1),
    ("toc_levels: 2\npage_number_format: \"{n.__class__}\"\n", "E-THEME-PAGE-NUMBER", 2),
    ("page_number_format: 第页\n", "E-THEME-PAGE-NUMBER", 1),
    ("accent_color: \"#GGG\"\n", "E-THEME-COLOR", 1),
    ("styles:\n  body:\n    color: red\n", "E-THEME-COLOR", 3),
    ("table_rule_color: 12\n", "E-THEME-COLOR", 1),
    ("margin_left_mm: 150\n", "E-THEME-MARGIN", 1),
    ("page_size: A4\nmargin_top_mm: 150\nmargin_bottom_mm: 140\n", "E-THEME-MARGIN", 2),
    ("margin_left_mm: 20\nmargin_right_mm: 190\n", "E-THEME-MARGIN", 2),
    ("styles:\n  body:\n    size: 0\n", "E-THEME-SIZE", 3),
    ("styles:\n  caption:\n    size: -1\n", "E-THEME-SIZE", 3),
    ("styles:\n  chapter.title:\n    size: 999\n", "E-THEME-SIZE", 3),
    ("styles:\n  body:\n    line_spacing: 0\n", "E-THEME-SPACING", 3),
    ("styles:\n  body:\n    bold: true\n    line_spacing: -2\n", "E-THEME-SPACING", 4),
    ("styles:\n  bullet:\n    line_spacing: 50\n", "E-THEME-SPACING", 3),
    ("styles:\n  body:\n    size: 大四\n", "E-THEME-ZIHAO", 3),
    ("styles:\n  body:\n    size: 12px\n", "E-THEME-ZIHAO", 3),
    ("styles:\n  table.cell:\n    size: 八号\n", "E-THEME-ZIHAO", 3),
    ("styles:\n  body: {}\n  bodyy:\n    size: 9\n", "E-THEME-ROLE", 3),
    ("styles:\n  footnote: {}\n", "E-THEME-ROLE", 2),
    ("styles:\n  Chapter.Title: {}\n", "E-THEME-ROLE", 2),
    ("bullet_marker: \"\\x01\"\n", "E-TEXT-CONTROL", 1),
    ("serif:\n  cjk: \"宋\\0体\"\n", "E-TEXT-CONTROL", 2),
    ("fallback_fonts: [ok.ttf, \"bad\\x1b.ttf\"]\n", "E-TEXT-CONTROL", 1),
    ("styles: !!python/object/apply:os.system [id]\n", "E-YAML-TAG", 1),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join(['*a' if i == 1 else f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)), "E-YAML-NODES", None),
    ("styles: " + "{a: " * 100 + "1" + "}" * 100 + "\n", "E-YAML-DEPTH", 1),
    ("margin_left_mm: 1e99999\n", "E-YAML-NUMBER", 1),
]


@pytest.mark.parametrize(("text", "code", "line"), BAD_THEMES, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(BAD_THEMES)])
def test_a_bad_theme_file_gives_its_code_at_its_line(tmp_path, text, code, line):
    path = tmp_path / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    theme, findings = read_theme(path)
    assert theme is None
    assert any(f.code == code and f.where.file == str(path) and (line is None or f.where.line == line) for f in findings), findings


@pytest.mark.parametrize(("text", "code", "line"), BAD_THEMES[:3] + BAD_THEMES[15:18])
def test_the_cli_prints_theme_findings_and_exits_1(tmp_path, capsys, text, code, line):
    path = tmp_path / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["build", str(tmp_path / "no-dataset"), "--out", str(tmp_path / "out"), "--theme", str(path)]) == 1
    err = capsys.readouterr().err
    assert code in err and "Traceback" not in err and not (tmp_path / "out").exists()


def test_an_unreadable_or_missing_theme_file_exits_2(tmp_path, capsys, monkeypatch):
    assert main(["build", str(tmp_path), "--theme", str(tmp_path / "missing.yaml")]) == 2
    assert "E-PATH-NOT-FOUND" in capsys.readouterr().err
    locked = tmp_path / "locked.yaml"
    locked.write_text("toc_levels: 2\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    assert main(["build", str(tmp_path), "--theme", str(locked)]) == 2
    assert "E-FILE-READ" in capsys.readouterr().err


def test_a_theme_file_in_gbk_or_too_large_is_refused(tmp_path):
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("styles:\n  body:\n    size: 四号\n".encode("gb18030"))
    assert [f.code for f in read_theme(gbk)[1]] == ["E-FILE-ENCODING"]
    big = tmp_path / "big.yaml"
    big.write_text("#" * 5_000_000, encoding="utf-8")
    assert [f.code for f in read_theme(big)[1]] == ["E-YAML-TOO-LARGE"]
    assert [f.code for f in read_theme("/dev/zero")[1]] == ["E-YAML-TOO-LARGE"]  # endless, read only so far
    assert [f.code for f in read_theme(tmp_path)[1]] == ["E-FILE-READ"]
    assert [f.code for f in read_theme("bad\0name.yaml")[1]] == ["E-FILE-READ"]


def test_load_theme_merges_a_partial_file_and_raises_with_findings(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("styles:\n  chapter.title:\n    color: \"8B0000\"\npage_number_format: 第{n}页\n", encoding="utf-8")
    theme = load_theme(good)
    assert theme.style("chapter.title").size == 22 and theme.page_number_parts() == ("第", "页")
    bad = tmp_path / "bad.yaml"
    bad.write_text("accent_color: red\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_theme(bad)
    assert [f.code for f in caught.value.findings] == ["E-THEME-COLOR"]


def test_an_empty_theme_file_is_the_default_theme(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing changed\n", encoding="utf-8")
    theme, findings = read_theme(empty)
    assert findings == [] and theme is not None and theme.page_number_parts() == ("", "")
