"""Every bad input gives its code at its place, a clean exit code, no traceback, no output."""

import json
import os
from pathlib import Path

import pytest

from bad_inputs.cases import CASES, META, Case
from nbreport.cli import main


def materialise(case: Case, root: Path) -> Path:
    root.mkdir()
    if "report.yaml" not in case.files:
        (root / "report.yaml").write_text(META + case.report, encoding="utf-8")
    for name, content in case.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if case.symlink:
        os.symlink(case.symlink[1], root / case.symlink[0])
    return root


def test_corpus_is_large_and_ids_are_unique():
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_validate_reports_code_and_place(case, tmp_path, capsys):
    root = materialise(case, tmp_path / "ds")
    code = main(["validate", str(root), "--json"])
    report = json.loads(capsys.readouterr().out)
    found = [(f["code"], _place(f["where"])) for f in report["findings"]]
    for expected_code, place in case.expect:
        assert any(c == expected_code and p.startswith(place) for c, p in found), found
    errors = [c for c, _ in case.expect if not c.startswith("W-")]
    assert code == (1 if errors else 0)


@pytest.mark.parametrize("case", [c for c in CASES if any(not code.startswith("W-") for code, _ in c.expect)],
                         ids=lambda c: c.id)
def test_build_refuses_and_leaves_nothing(case, tmp_path, capsys):
    root = materialise(case, tmp_path / "ds")
    out = tmp_path / "out"
    code = main(["build", str(root), "--out", str(out)])
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []


def _place(where: dict) -> str:
    from nbreport.findings import Location

    return str(Location(**where))
