"""templates/: the default theme as YAML equals Theme(), and the package finds it in a checkout and installed."""

from __future__ import annotations

from conftest import ROOT
from nbreport.figures.resources import default_theme_text, template_file
from nbreport.load.yamlfile import parse_yaml
from nbreport.schema import Theme


def test_the_theme_yaml_equals_the_default_theme():
    data, _ = parse_yaml(default_theme_text())
    assert Theme.model_validate(data) == Theme()


def test_the_checkout_copy_is_found_first():
    assert template_file("theme.yaml") == ROOT / "templates" / "theme.yaml"


def test_the_package_data_copy_is_the_same_file():
    shipped = ROOT / "nbreport" / "templates" / "theme.yaml"
    assert shipped.read_bytes() == (ROOT / "templates" / "theme.yaml").read_bytes()


def test_names_that_leave_the_templates_folder_are_not_found():
    for name in ("../pyproject.toml", "/etc/passwd", ".hidden", "nope.yaml"):
        assert template_file(name) is None
