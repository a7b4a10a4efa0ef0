"""Bad inputs for one area of the code; the shape of a case is in cases_base."""

from __future__ import annotations

from bad_inputs.cases_base import AWARD_HEAD, AWARDS, Case

_AWARD_FILES = {"a.csv": AWARD_HEAD + "省科技进步特别奖,项目甲,单位,张三\n"}


def _categories(value: str) -> str:
    """Return report.yaml lines declaring ``award_categories`` (line 5 of the file) and an award appendix."""
    return f"award_categories: {value}\n" + AWARDS


CASES: list[Case] = [
    # award_categories must be a list of names: a string is not split into characters,
    # a number, a mapping, a non-string item or an empty name is a finding at its line.
    Case("award-categories-string", [("E-SCHEMA-VALUE", "report.yaml:5")], _AWARD_FILES, _categories("甲乙丙")),
    Case("award-categories-number", [("E-SCHEMA-VALUE", "report.yaml:5")], _AWARD_FILES, _categories("5")),
    Case("award-categories-mapping", [("E-SCHEMA-VALUE", "report.yaml:5")], _AWARD_FILES, _categories("{省: 1}")),
    Case("award-categories-number-item", [("E-SCHEMA-VALUE", "report.yaml:5")], _AWARD_FILES, _categories("[5]")),
    Case("award-categories-empty-name", [("E-SCHEMA-VALUE", "report.yaml:5")], _AWARD_FILES, _categories("['  ']")),
]
