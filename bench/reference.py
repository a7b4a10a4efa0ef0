"""Time the reference toolchain: Markdown → pandoc → DOCX → LibreOffice → PDF.

Each tool is a cold subprocess, as a user would run it. ``missing`` names the tool that is
absent so the caller can print "n/a" with the reason instead of a figure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from nbreport.compose import nodes as dn

from flatten import Break, Heading, Para, Table, flatten


_PAGE_BREAK = '```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```'


def missing() -> str | None:
    """Return why the reference cannot run (a tool is not installed), or None when it can."""
    absent = [tool for tool in ("pandoc", "soffice") if shutil.which(tool) is None]
    return f"{' and '.join(absent)} not installed" if absent else None


def to_markdown(document: dn.Document) -> str:
    """Return ``document`` as pandoc Markdown: ATX headings, paragraphs, pipe tables."""
    parts: list[str] = []
    for item in flatten(document):
        match item:
            case Heading():
                parts.append(f"{'#' * max(item.level, 1)} {_md(item.text)}")
            case Para():
                parts.append(_md(item.text))
            case Table():
                parts.append(_pipe_table(item))
            case Break():
                parts.append(_PAGE_BREAK)
    return "\n\n".join(parts) + "\n"


def commands(markdown: Path, docx: Path, pdf_dir: Path, profile: Path) -> dict[str, list[str]]:
    """Return the two steps as commands: pandoc Markdown → DOCX, then headless LibreOffice DOCX → PDF."""
    return {"ref.pandoc": ["pandoc", str(markdown), "-f", "markdown", "-o", str(docx)],
            "ref.soffice": ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(pdf_dir), str(docx)]}


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def _pipe_table(table: Table) -> str:
    lines = [_row(table.header), "|" + "|".join("---" for _ in table.header) + "|"]
    lines.extend(_row(row) for row in table.rows)
    return "\n".join(lines)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(_md(cell) for cell in cells) + " |"
