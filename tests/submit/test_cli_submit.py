"""The round trip from the command line: template, validate (with the clerk's report), merge."""

import json

import pytest
from openpyxl import load_workbook

import nbreport
from builders import write_dataset
from nbreport.cli import main
from tests.submit.workbooks import district, fill, filled


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    return code, capsys.readouterr().out.replace("\n", "")  # rich wraps long paths


def test_round_trip_template_validate_report_merge(tmp_path, capsys):
    book = tmp_path / "鄞州区.xlsx"
    code, out = run(capsys, "template", "district", "--year", "2024", "-o", book)
    assert code == 0 and book.is_file() and "鄞州区.xlsx" in out

    fill(book, {"区县": [("鄞州区", "简介。")], "工作亮点": [(1, "引语一。", "内容一。"), (2, "引语二。", None)]})
    code, out = run(capsys, "validate", book, "--part", "district", "--report", tmp_path / "问题.xlsx")
    assert code == 1 and "'工作亮点'!C3" in out and "E-CELL-REQUIRED" in out
    marked = load_workbook(tmp_path / "问题.xlsx")["工作亮点"]["C3"]
    assert marked.comment and marked.fill.fill_type == "solid"

    fill(book, {"工作亮点": [(2, "引语二。", "内容二。")]}, start=3)
    code, out = run(capsys, "validate", book)
    assert code == 0 and "0 个错误" in out

    root = write_dataset(tmp_path / "2024", "chapters: [districts.md]\n",
                         **{"districts.md": "---\ntitle: 区（县、市）科技创新工作\nkind: districts\n---\n\n## 海曙区\n\n简介。\n"})
    (root / "report.yaml").write_text((root / "report.yaml").read_text(encoding="utf-8").replace("2023", "2024"), encoding="utf-8")
    code, out = run(capsys, "merge", root, book)
    assert code == 0 and "新增区县“鄞州区”" in out
    entry = nbreport.load(root).chapters[0].districts[1]
    assert entry.name == "鄞州区" and [p.lead for p in entry.items] == ["引语一。", "引语二。"]
    assert nbreport.validate(root).ok


def test_validate_json_gives_sheet_and_cell(tmp_path, capsys):
    book = tmp_path / "d.xlsx"
    run(capsys, "template", "district", "--year", "2023", "-o", book)
    fill(book, district(name="鄞州"))
    code, out = run(capsys, "validate", book, "--json")
    where = json.loads(out)["findings"][0]["where"]
    assert code == 1 and where == {"file": "d.xlsx", "sheet": "区县", "cell": "A2", "line": 2}


def test_merge_with_errors_exits_1_and_says_nothing_was_merged(tmp_path, capsys):
    root = write_dataset(tmp_path / "ds", "chronology: chronology.csv\n", **{"chronology.csv": "日期,事件\n1月5日,甲。\n"})
    book = tmp_path / "c.xlsx"
    run(capsys, "template", "chronology", "--year", "2023", "-o", book)
    fill(book, {"大事记": [("2022年1月5日", "乙。")]})
    code, out = run(capsys, "merge", root, book)
    assert code == 1 and "E-CHRONO-YEAR" in out and "未并入任何内容" in out


def test_dataset_folders_are_validated_as_before(tmp_path, capsys):
    root = write_dataset(tmp_path, "chronology: chronology.csv\n", **{"chronology.csv": "日期,事件\n1月5日,甲。\n"})
    code, out = run(capsys, "validate", root)
    assert code == 0 and "0 个错误" in out


def _report_onto(tmp_path, book, how):
    """Return the --report path for ``how``: the input itself, a symlink or hard link to it, or a dataset file."""
    if how == "same":
        return book
    if how == "relative":
        return tmp_path / "sub" / ".." / book.name
    if how in ("symlink", "hardlink"):
        link = tmp_path / f"{how}.xlsx"
        link.symlink_to(book) if how == "symlink" else link.hardlink_to(book)
        return link
    root = write_dataset(tmp_path / "ds", "")
    (root / "sub").mkdir()
    return root / "sub" / "问题.xlsx"


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink", "dataset"])
def test_a_report_onto_the_submission_or_into_a_dataset_is_refused(tmp_path, capsys, how):
    (tmp_path / "sub").mkdir()
    book = filled(tmp_path, "district", district())
    before = book.read_bytes()
    target = _report_onto(tmp_path, book, how)
    code = main(["validate", str(book), "--report", str(target)])
    err = capsys.readouterr().err.replace("\n", "")
    assert code == 2 and "标注报告不能写到" in err and book.read_bytes() == before
    assert how in ("same", "relative", "symlink", "hardlink") or not target.exists()
