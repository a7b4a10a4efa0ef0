"""The documents users read stay true: every finding code documented, README commands first."""

import re

from conftest import ROOT
from nbreport.codes import CATALOGUE


def test_every_finding_code_is_documented_with_its_fix():
    page = (ROOT / "docs" / "guide" / "findings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## ([EW]-[A-Z0-9-]+)", page, flags=re.M))
    assert documented == set(CATALOGUE), "run scripts/gen_findings_doc.py"


def test_every_code_has_both_languages_and_a_hint():
    for code, entry in CATALOGUE.items():
        assert code.startswith("E-" if entry.severity == "error" else "W-"), code
        assert entry.zh and entry.en and entry.hint_zh and entry.hint_en, code


def test_readme_starts_with_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, flags=re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make report", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_guide_links_resolve():
    guide = ROOT / "docs" / "guide"
    for page in guide.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+\.md)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).is_file(), f"{page.name} → {target}"
