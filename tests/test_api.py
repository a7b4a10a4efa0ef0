"""The library API never raises a traceback for bad input: findings, DatasetError or ValueError."""

from pathlib import Path

import pytest

import nbreport
from builders import award_dataset
from nbreport.cli import main


@pytest.mark.parametrize("target", [None, 123, 4.5, b"data", ["data/2023"], "", "   "])
def test_validate_never_raises_and_names_what_it_was_given(target):
    result = nbreport.validate(target)
    assert not result.ok and result.codes() == ["E-PATH-NOT-DATASET"]


@pytest.mark.parametrize("target", [None, "", 7])
def test_load_raises_dataset_error_for_no_path(target):
    with pytest.raises(nbreport.DatasetError) as caught:
        nbreport.load(target)
    assert [f.code for f in caught.value.findings] == ["E-PATH-NOT-DATASET"]


def test_a_file_other_than_report_yaml_is_not_a_dataset(tmp_path, capsys):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    other = root / "awards.csv"
    assert nbreport.validate(other).codes() == ["E-PATH-NOT-DATASET"]
    assert nbreport.validate(root / "report.yaml").ok
    assert main(["validate", str(other)]) == 2 and main(["build", str(other), "--out", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()


def test_a_symlink_loop_is_not_found(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert nbreport.validate(tmp_path / "a").codes() == ["E-PATH-NOT-FOUND"]


def test_a_chapter_that_is_a_symlink_loop_is_a_finding(tmp_path):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    (root / "loop.md").symlink_to(root / "loop.md")
    text = (root / "report.yaml").read_text(encoding="utf-8")
    (root / "report.yaml").write_text(text + "chapters: [loop.md]\n", encoding="utf-8")
    codes = nbreport.validate(root).codes()
    assert codes and set(codes) <= {"E-FILE-MISSING", "E-PATH-ESCAPE"}


@pytest.mark.parametrize("locked", ["report.yaml", "awards.csv"])
def test_an_unreadable_file_is_a_finding_not_a_traceback(tmp_path, monkeypatch, locked):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == locked:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = nbreport.validate(root)
    assert "E-FILE-READ" in result.codes()
    assert any(f.where.file == locked for f in result.findings if f.code == "E-FILE-READ")


def test_render_error_is_part_of_the_public_api():
    from nbreport.render.errors import RenderError

    assert nbreport.RenderError is RenderError and "RenderError" in nbreport.__all__


def test_appendices_are_reachable_by_label_number_and_title():
    report = nbreport.Report.model_validate({
        "meta": {"year": 2023, "region": "宁波市", "title": "宁波市科技进步报告"},
        "appendices": [{"title": f"名单{n}", "table": {"columns": [{"name": "项目"}], "rows": [[f"甲{n}"]]}} for n in (1, 2, 3)],
    })
    third = report.appendices[2]
    assert report.appendix("附录3") is third and report.appendix("附录 3") is third
    assert report.appendix(3) is third and report.appendix("名单3") is third
    for missing in ("附录4", 0, "名单9", "3"):
        with pytest.raises(KeyError):
            report.appendix(missing)


def documented_signatures() -> list[tuple[str, str, str]]:
    """Return (name, parameters, return type) of every function in the API guide's table."""
    from conftest import ROOT
    import re

    text = (ROOT / "docs" / "guide" / "api.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([\w.]+)\((.*?)\) -> ([\w\[\]]+)`", text, flags=re.M)


def test_the_api_guide_documents_the_real_signatures():
    import ast
    import inspect

    documented = documented_signatures()
    assert {name for name, _, _ in documented} >= {"load", "validate", "build", "compose", "load_theme", "Report.appendix"}
    for name, params, returns in documented:
        owner, _, attr = name.rpartition(".")
        function = getattr(getattr(nbreport, owner) if owner else nbreport, attr)
        real = [p for p in inspect.signature(function).parameters.values() if p.name != "self"]
        args = ast.parse(f"def f({params}): pass").body[0].args
        defaults = [None] * (len(args.args) - len(args.defaults)) + [ast.literal_eval(d) for d in args.defaults]
        assert [a.arg for a in args.args] == [p.name for p in real], name
        for arg, default, parameter in zip(args.args, defaults, real):
            expected = None if parameter.default is inspect.Parameter.empty else parameter.default
            assert default == expected, (name, arg.arg)
        assert str(inspect.signature(function).return_annotation).split(".")[-1] == returns, name
