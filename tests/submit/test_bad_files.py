"""Files that are not a workbook we can read: a clear message, exit code 2, bounded work, nothing merged."""

import json
import zipfile

import pytest

from builders import write_dataset
from nbreport.cli import main
from nbreport.load import workbook
from tests.submit.workbooks import plain, template

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2(path, stream):
    """Write an OLE2 compound file header naming one stream, as .xls and encrypted .xlsx files are."""
    path.write_bytes(OLE2 + bytes(504) + stream.encode("utf-16-le") + bytes(1024))
    return path


def not_xlsx(tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text("序号,名称\n1,甲\n", encoding="utf-8")
    return path


def old_xls(tmp_path):
    return ole2(tmp_path / "名单.xls", "Workbook")


def encrypted(tmp_path):
    return ole2(tmp_path / "加密.xlsx", "EncryptedPackage")


def truncated(tmp_path):
    whole = template(tmp_path, "awards").read_bytes()
    path = tmp_path / "半个.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def word_document(tmp_path):
    path = tmp_path / "报告.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def zip_bomb(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_UNCOMPRESSED", 2**20)  # the real limit is 64 MB; the test stays small
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", bytes(4 * 2**20))  # 4 MB of zeros packs into a few KB
    assert path.stat().st_size < 64 * 1024
    return path


def many_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "ROW_LIMIT", 50)
    return plain(tmp_path / "长表.xlsx", {"大事记": [("日期", "事件")] + [("5月1日", f"事件{i}") for i in range(200)]})


CORPUS = [
    (not_xlsx, "E-XLSX-NOT-EXCEL"), (old_xls, "E-XLSX-XLS"), (encrypted, "E-XLSX-ENCRYPTED"),
    (truncated, "E-XLSX-NOT-EXCEL"), (word_document, "E-XLSX-NOT-EXCEL"), (zip_bomb, "E-XLSX-TOO-LARGE"),
    (many_rows, "E-XLSX-ROWS"),
]


def make(maker, tmp_path, monkeypatch):
    return maker(tmp_path, monkeypatch) if maker in (zip_bomb, many_rows) else maker(tmp_path)


@pytest.mark.parametrize(("maker", "code"), CORPUS, ids=[maker.__name__ for maker, _ in CORPUS])
def test_validate_names_the_problem_and_exits_2(tmp_path, monkeypatch, capsys, maker, code):
    path = make(maker, tmp_path, monkeypatch)
    assert main(["validate", str(path), "--part", "chronology", "--json", "--report", str(tmp_path / "r.xlsx")]) == 2
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [f["code"] for f in data["findings"]] == [code] and data["findings"][0]["message"]
    assert "Traceback" not in out + err and not (tmp_path / "r.xlsx").exists()


@pytest.mark.parametrize(("maker", "code"), CORPUS, ids=[maker.__name__ for maker, _ in CORPUS])
def test_merge_of_a_bad_file_changes_nothing_and_exits_2(tmp_path, monkeypatch, capsys, maker, code):
    root = write_dataset(tmp_path / "ds", "chronology: chronology.csv\n", **{"chronology.csv": "日期,事件\n1月5日,甲。\n"})
    before = (root / "chronology.csv").read_bytes()
    good = plain(tmp_path / "好.xlsx", {"大事记": [("日期", "事件"), ("5月1日", "乙。")]})
    path = make(maker, tmp_path, monkeypatch)
    assert main(["merge", str(root), str(good), str(path)]) == 2
    out, err = capsys.readouterr()
    assert code in out and "未并入任何内容" in out and "Traceback" not in out + err
    assert (root / "chronology.csv").read_bytes() == before


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "没有.xlsx")]) == 2
    assert "E-PATH-NOT-FOUND" in capsys.readouterr().out


def test_a_readable_but_unknown_kind_of_workbook_exits_2(tmp_path, capsys):
    path = plain(tmp_path / "x.xlsx", {"Sheet1": [("甲", "乙")]})
    assert main(["validate", str(path)]) == 2
    assert "E-XLSX-PART" in capsys.readouterr().out
