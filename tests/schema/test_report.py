"""The Report carries the dataset's settings: award categories declared in report.yaml are validated and used."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bad_inputs.cases_base import AWARD_HEAD, AWARDS, META
from builders import small_report
from nbreport import api
from nbreport.schema import Report


def declaring_dataset(tmp_path, categories: str = "[省科技进步特别奖]"):
    (tmp_path / "report.yaml").write_text(META + f"award_categories: {categories}\n" + AWARDS, encoding="utf-8")
    (tmp_path / "a.csv").write_text(AWARD_HEAD + "省科技进步特别奖,项目甲,单位,张三\n", encoding="utf-8")
    return tmp_path


def test_declared_categories_are_a_field_of_the_loaded_report(tmp_path):
    report = api.load(declaring_dataset(tmp_path))
    assert report.award_categories == ["省科技进步特别奖"]
    assert api.validate(report).ok  # the Report alone is enough: no setting lives beside it


def test_a_dataset_declaring_its_own_category_builds(tmp_path):
    written = api.build(declaring_dataset(tmp_path), tmp_path / "out", formats=("pdf",))
    assert [path.suffix for path in written] == [".pdf"] and written[0].stat().st_size > 0


def test_undeclared_category_is_still_an_error(tmp_path):
    report = api.validate(declaring_dataset(tmp_path, "[省科技进步优秀奖]"))
    assert [f.code for f in report.findings] == ["E-AWARD-CATEGORY"]


@pytest.mark.parametrize("value", ["甲乙丙", 5, ["省科技进步特别奖", 5], [" "], {"甲": 1}])
def test_categories_must_be_a_list_of_names(value):
    with pytest.raises(ValidationError):
        Report.model_validate({**small_report().model_dump(), "award_categories": value})
