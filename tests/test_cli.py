"""The command line: exit codes, JSON output, schema export, init."""

import json
import re

import pytest

from builders import award_dataset, chronology_dataset, write_dataset
from nbreport.cli import main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_clean_dataset_exits_0(tmp_path, capsys):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目,单位,张三\n")
    code, out, _ = run(capsys, "validate", str(root))
    assert code == 0 and "0 个错误" in out


def test_validate_lists_every_mistake_with_place_and_exits_1(tmp_path, capsys):
    root = write_dataset(
        tmp_path,
        "chronology: chronology.csv\nappendices:\n  - title: 获奖\n    table:\n      file: awards.csv\n      kind: award\n",
        **{
            "chronology.csv": "日期,事件,月份\n3月1日,甲,3\n4月13日,乙,3\n2022年5月1日,丙,5\n",
            "awards.csv": "奖励类别,项目名称,主要完成单位,主要完成人员\n省科技进步一等奖,项目甲,单位,张三\n,项目乙,单位,李四\n省科技进步一等奖,项目甲,单位,张三\n",
        },
    )
    code, out, _ = run(capsys, "validate", str(root), "--json")
    data = json.loads(out)
    places = {(f["code"], f["where"]["file"], f["where"]["line"]) for f in data["findings"]}
    assert code == 1 and data["ok"] is False
    assert {("E-CHRONO-MONTH", "chronology.csv", 3), ("E-CHRONO-YEAR", "chronology.csv", 4),
            ("E-CELL-REQUIRED", "awards.csv", 3), ("E-AWARD-DUPLICATE", "awards.csv", 4)} <= places


def test_yaml_syntax_error_exits_1_with_line(tmp_path, capsys):
    root = write_dataset(tmp_path, "chapters: [a.md\n")
    code, out, _ = run(capsys, "validate", str(root), "--json")
    finding = json.loads(out)["findings"][0]
    assert code == 1 and finding["code"] == "E-YAML-SYNTAX" and finding["where"]["line"] >= 6


def test_missing_dataset_exits_2(tmp_path, capsys):
    code, _, _ = run(capsys, "validate", str(tmp_path / "nope"))
    assert code == 2


def test_english_messages(tmp_path, capsys):
    root = chronology_dataset(tmp_path, "2月30日,甲\n")
    code, out, _ = run(capsys, "validate", str(root), "--lang", "en")
    assert code == 1 and "1 error(s)" in out
    code, out, _ = run(capsys, "validate", str(root), "--lang", "en", "--json")
    assert json.loads(out)["findings"][0]["message"].startswith("Invalid chronology date")


def test_build_refuses_a_dataset_with_errors_and_writes_nothing(tmp_path, capsys):
    root = chronology_dataset(tmp_path / "ds", "2月30日,甲\n")
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "build", str(root), "--out", str(out_dir))
    assert code == 1 and "E-CHRONO-DATE" in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_schema_prints_json_schema_of_every_model(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Report" and "ChronologyEvent" in schema["$defs"]
    code, out, _ = run(capsys, "schema", "--model", "Theme")
    assert code == 0 and "styles" in json.loads(out)["properties"]


def test_init_makes_a_skeleton_that_validates(tmp_path, capsys):
    source = award_dataset(tmp_path / "2023", "省科技进步一等奖,项目,单位,张三\n")
    code, _, _ = run(capsys, "init", "2024", "--from", str(source), "--out", str(tmp_path / "2024"))
    assert code == 0
    assert "year: 2024" in (tmp_path / "2024" / "report.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "2024" / "awards.csv").read_text(encoding="utf-8").strip() == "奖励类别,项目名称,主要完成单位,主要完成人员"
    code, out, _ = run(capsys, "validate", str(tmp_path / "2024"))
    assert code == 0 and "W-TABLE-EMPTY" in out
    code, _, err = run(capsys, "init", "2024", "--from", str(source), "--out", str(tmp_path / "2024"))
    assert code == 2 and "已存在" in err


def test_build_reports_stages_and_quiet_silences_them(tmp_path, capsys):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张 三\n")
    code, out, err = run(capsys, "build", str(root), "--out", str(tmp_path / "out"), "--format", "docx")
    assert code == 0 and "生成 Word" in err and "1 个警告" in err and ".docx" in out
    code, out, err = run(capsys, "build", str(root), "--out", str(tmp_path / "out"), "--format", "docx", "-q")
    assert code == 0 and out == "" and err == ""


def test_build_with_a_theme_file_and_a_bad_one(tmp_path, capsys):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("styles:\n  table.cell:\n    size: 小五\n", encoding="utf-8")
    bad.write_text("styles:\n  body:\n    size: 大四\n", encoding="utf-8")
    assert run(capsys, "build", str(root), "--out", str(tmp_path / "o"), "--format", "docx", "--theme", str(good))[0] == 0
    code, _, err = run(capsys, "build", str(root), "--out", str(tmp_path / "p"), "--theme", str(bad))
    assert code == 1 and "大四" in err and "E-THEME-ZIHAO" in err and not (tmp_path / "p").exists()


def test_validate_lists_all_five_kinds_of_mistake_at_once(tmp_path, capsys):
    root = write_dataset(
        tmp_path,
        "chronology: chronology.csv\ntop_events: top.yaml\n"
        "appendices:\n  - title: 获奖\n    table:\n      file: awards.csv\n      kind: award\n",
        **{
            "chronology.csv": "日期,事件,月份\n3月1日,甲,3\n4月13日,乙,3\n2022年5月1日,丙,5\n",
            "awards.csv": "奖励类别,项目名称,主要完成单位,主要完成人员\n省科技进步一等奖,项目甲,单位,张三\n,项目乙,单位,李四\n省科技进步一等奖,项目甲,单位,张三\n",
            "top.yaml": "title: 十件大事\nevents:\n  - rank: 1\n    title: [一\n",
        },
    )
    code, out, _ = run(capsys, "validate", str(root), "--json")
    places = {(f["code"], f["where"]["file"]) for f in json.loads(out)["findings"]}
    assert code == 1
    assert {("E-CHRONO-MONTH", "chronology.csv"), ("E-CHRONO-YEAR", "chronology.csv"), ("E-CELL-REQUIRED", "awards.csv"),
            ("E-AWARD-DUPLICATE", "awards.csv"), ("E-YAML-SYNTAX", "top.yaml")} <= places


def test_version_is_printed_and_exits_0(capsys):
    from nbreport import __version__

    assert main(["--version"]) == 0 and capsys.readouterr().out.strip() == f"nbreport {__version__}"


def test_every_command_accepts_quiet():
    from nbreport.cli import _parser

    commands = [["validate", "x"], ["template", "awards", "--year", "2024"], ["merge", "d", "f.xlsx"], ["build", "x"],
                ["schema"], ["init", "2024"]]
    for command in commands:
        assert _parser().parse_args(command[:1] + ["-q"] + command[1:]).quiet, command


def test_validate_quiet_prints_errors_only(tmp_path, capsys):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目,单位,李 晔\n,项目乙,单位,张三\n")
    code, out, _ = run(capsys, "validate", str(root), "-q")
    assert code == 1 and "E-CELL-REQUIRED" in out and "W-NAME-SPACE" not in out and "个错误" not in out


def test_validate_off_a_terminal_prints_one_plain_line_per_finding(tmp_path, capsys):
    root = award_dataset(tmp_path, "省科技进步一等奖,项目,单位,李 晔\n,项目乙,单位,张三\n")
    code, out, _ = run(capsys, "validate", str(root))
    lines = out.splitlines()
    assert code == 1 and lines[-1].endswith("1 个错误，1 个警告")
    assert sorted(line.split(" ")[:2] for line in lines[:-1]) == [["awards.csv:2:4:", "W-NAME-SPACE"], ["awards.csv:3:1:", "E-CELL-REQUIRED"]]


def test_a_closed_pipe_stops_quietly(capsys, monkeypatch):
    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["schema"]) == 141


@pytest.mark.parametrize("command", [["schema"], ["--version"], ["validate", "no-such-folder"]])
def test_output_into_a_closed_pipe_gives_no_traceback(command):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte: every write fails
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "nbreport", *command], stdout=write_end, stderr=subprocess.PIPE, env=env,
                          timeout=120)
    os.close(write_end)
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr and "Exception ignored" not in stderr and "BrokenPipe" not in stderr
    assert done.returncode == (0 if command == ["--version"] else 141)  # argparse itself drops its failed write


# Codes whose detail text is still built in Chinese by another area's module (named here so
# the lead can see what is left); every other message in English must be free of Chinese.
DETAILS_NOT_YET_LOCALISED = {
    "E-FILE-READ": "the operating system's own message (strerror) is in the system's language",
}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|「[^」]*」|`[^`]*`")  # user values are shown quoted


def test_english_messages_carry_no_chinese_except_quoted_values(tmp_path):
    from bad_inputs.cases import CASES
    from bad_inputs.test_corpus import materialise
    from nbreport import validate

    offending = []
    for number, case in enumerate(CASES):
        root = materialise(case, tmp_path / str(number))
        for finding in validate(root, lang="en").findings:
            if finding.code not in DETAILS_NOT_YET_LOCALISED and CJK.search(QUOTED.sub("", finding.message)):
                offending.append((case.id, finding.code, finding.message))
    assert offending == []


def test_english_details_are_made_from_codes_and_params(tmp_path, capsys):
    root = chronology_dataset(tmp_path, "2月30日,甲\n5月24—22日,乙\n五月一日,丙\n")
    code, out, _ = run(capsys, "validate", str(root), "--lang", "en", "--json")
    messages = [f["message"] for f in json.loads(out)["findings"] if f["code"] == "E-CHRONO-DATE"]
    assert code == 1 and messages == ["Invalid chronology date: date “2月30日” does not exist",
                                      "Invalid chronology date: date “5月24—22日” ends before it starts",
                                      "Invalid chronology date: date “五月一日” is not recognised"]
    code, out, _ = run(capsys, "validate", str(root), "--json")
    assert "日期“2月30日”不存在" in json.loads(out)["findings"][0]["message"]


def test_on_a_terminal_findings_are_a_table(tmp_path):
    import io

    from nbreport import validate
    from nbreport.cli import print_findings

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    root = award_dataset(tmp_path, ",项目乙,单位,张三\n")
    screen = Terminal()
    print_findings(validate(root), file=screen)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())  # drop colour codes
    assert "┃ 代码" in shown and "E-CELL-REQUIRED" in shown and "awards.csv:2:1: E-CELL-REQUIRED" not in shown


def test_build_prints_renderer_warnings_as_notes_once(tmp_path, capsys, monkeypatch):
    import warnings

    import nbreport.api as api
    from nbreport.render.fonts import FontWarning

    real = api._render

    def warning_render(*args):
        for _ in range(2):
            warnings.warn("未找到后备字体 DejaVu Sans", FontWarning, stacklevel=2)
        return real(*args)

    monkeypatch.setattr(api, "_render", warning_render)
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    code, _, err = run(capsys, "build", str(root), "--out", str(tmp_path / "out"), "--format", "docx")
    assert code == 0 and err.count("注意：未找到后备字体 DejaVu Sans") == 1 and "FontWarning" not in err


def test_build_runs_the_checks_once(tmp_path, capsys, monkeypatch):
    import nbreport.checks as checks

    calls = []
    real = checks.run_checks
    monkeypatch.setattr(checks, "run_checks", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,项目,单位,张三\n")
    code, _, _ = run(capsys, "build", str(root), "--out", str(tmp_path / "out"), "--format", "docx")
    assert code == 0 and len(calls) == 1


def test_build_refuses_a_pool_of_no_processes(tmp_path, capsys):
    assert main(["build", "data/2023", "--out", str(tmp_path / "o"), "-j", "0"]) == 2
    assert "-j" in capsys.readouterr().err and not (tmp_path / "o").exists()
