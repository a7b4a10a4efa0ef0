"""Size limits: what validate accepts, the PDF can lay out; titles and text have caps."""

from builders import small_report, write_dataset
from nbreport import build, validate
from nbreport.checks.sizes import MAX_CAPTION, MAX_HEADING, MAX_TITLE, frame_width_mm
from nbreport.schema.theme import Theme

CHAPTER = "---\ntitle: 章\n---\n\n## 节\n\n```table\nfile: t.csv\n```\n"


def table_dataset(root, header: list[str], row: list[str]):
    return write_dataset(root, "chapters: [ch.md]\n", **{"ch.md": CHAPTER, "t.csv": ",".join(header) + "\n" + ",".join(row) + "\n"})


def codes_of(report):
    return [f.code for f in report.findings]


def test_the_widest_table_validate_accepts_is_laid_out(tmp_path):
    accepted = 0
    for columns in range(10, 40):
        root = table_dataset(tmp_path / str(columns), [f"列{i}" for i in range(columns)], ["甲"] * columns)
        if "E-TABLE-TOO-WIDE" in codes_of(validate(root)):
            break
        accepted = columns
    assert 10 <= accepted < 39
    written = build(tmp_path / str(accepted), tmp_path / "out", formats=["pdf"])
    assert written[0].stat().st_size > 0


def test_the_longest_cell_validate_accepts_is_laid_out(tmp_path):
    accepted = 0
    for length in range(500, 4000, 250):
        root = table_dataset(tmp_path / str(length), ["序号", "名称", "说明"], ["1", "甲", "长" * length])
        if "E-TABLE-ROW-TALL" in codes_of(validate(root)):
            break
        accepted = length
    assert 500 <= accepted < 3750
    assert build(tmp_path / str(accepted), tmp_path / "out", formats=["pdf"])


def test_a_landscape_frame_is_wider():
    theme = Theme()
    assert frame_width_mm(theme, landscape=True) > frame_width_mm(theme, landscape=False) == 160.0


def test_title_length_is_capped_with_its_place():
    at_limit = small_report(meta={"year": 2023, "region": "宁波市", "title": "长" * MAX_TITLE})
    past = small_report(meta={"year": 2023, "region": "宁波市", "title": "长" * (MAX_TITLE + 1)})
    assert validate(at_limit).ok
    assert [(f.code, f.where.path) for f in validate(past).findings] == [("E-TITLE-LONG", "meta.title")]


def test_a_long_paragraph_is_an_error_and_a_longish_one_a_warning():
    def para(n):
        return small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": [{"text": "长" * n}]}]})
    assert codes_of(validate(para(6000))) == ["W-TEXT-LONG"]
    assert codes_of(validate(para(20001))) == ["E-TEXT-TOO-LONG"]


def test_a_paragraph_is_measured_over_all_its_runs():
    runs = [{"text": "长" * 1000, "strong": i % 2 == 0} for i in range(21)]
    report = small_report(conclusion={"blocks": [{"kind": "paragraph", "runs": runs}]})
    assert [code for code in codes_of(validate(report)) if code.startswith("E-")] == ["E-TEXT-TOO-LONG"]


def headings_report(n: int, caption: int, column: int):
    long = "长" * n
    blocks = [
        {"kind": "subheading", "level": 3, "text": long}, {"kind": "subheading", "level": 4, "text": long},
        {"kind": "paragraph", "runs": [{"text": "正文。"}]},
        {"kind": "case", "title": long, "blocks": [{"kind": "paragraph", "runs": [{"text": "案例。"}]}]},
        {"kind": "figure", "caption": "图" * caption},
        {"kind": "table", "caption": "表" * caption, "columns": [{"name": "列" * column}, {"name": "名称"}], "rows": [["甲", "乙"]]},
    ]
    chapters = [
        {"kind": "chapter", "title": long, "sections": [{"title": long, "blocks": blocks}]},
        {"kind": "districts", "title": "区县", "districts": [{"name": long, "intro": [{"runs": [{"text": "简介。"}]}]}]},
    ]
    return small_report(chapters=chapters)


def test_headings_and_captions_at_their_limits_are_laid_out(tmp_path):
    report = headings_report(MAX_HEADING, MAX_CAPTION, 20)  # a 100-character column name leaves no room for others
    assert [finding.code for finding in validate(report).findings] == ["W-FIGURE-NO-IMAGE"]  # its caption has no photo yet
    assert all(path.stat().st_size > 0 for path in build(report, tmp_path))


def test_each_heading_past_its_limit_is_an_error_at_its_path():
    found = [(f.code, f.where.path) for f in validate(headings_report(MAX_HEADING + 1, MAX_CAPTION + 1, MAX_HEADING + 1)).findings]
    headings = [path for code, path in found if code == "E-HEADING-LONG"]
    assert {path.rsplit(".", 1)[-1] for path in headings} == {"title", "text", "caption", "name"} and len(headings) == 9


def test_table_limits_follow_the_theme_the_build_uses():
    from nbreport.checks import CheckContext, run_checks

    columns = 22
    table = {"kind": "table", "columns": [{"name": f"列{i}"} for i in range(columns)], "rows": [["甲"] * columns]}
    report = small_report(conclusion={"blocks": [table]})
    assert run_checks(report, CheckContext()) == []
    narrow = Theme(page_size="B5", margin_left_mm=30, margin_right_mm=30)
    assert [f.code for f in run_checks(report, CheckContext(), narrow)] == ["E-TABLE-TOO-WIDE"]
