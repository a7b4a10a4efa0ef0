"""Find the files a bureau restyles without code (templates/: theme, reference DOCX, narrative templates).

In a checkout they are read from ``templates/`` at the repository top; an installed wheel
carries the same files as package data in ``nbreport/templates/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2] / "templates"


def template_file(name: str) -> Path | None:
    """Return the path of ``templates/<name>`` (checkout first, then the installed package), None if absent."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None  # a plain file name only: nothing outside the templates folder
    candidate = CHECKOUT / name
    if (CHECKOUT.parent / "pyproject.toml").is_file() and candidate.is_file():
        return candidate
    shipped = resources.files("nbreport") / "templates" / name
    return Path(str(shipped)) if shipped.is_file() else None


def default_theme_text() -> str:
    """Return the text of the default theme YAML (templates/theme.yaml)."""
    found = template_file("theme.yaml")
    if found is None:
        raise FileNotFoundError("templates/theme.yaml is missing from this installation")
    return found.read_text(encoding="utf-8")
