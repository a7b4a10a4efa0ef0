"""Time the reference toolchain: Markdown → pandoc → DOCX → LibreOffice → PDF.

Each tool is a cold subprocess, as a user would run it. ``missing`` names the tool that is
absent so the caller can print "n/a" with the reason instead of a figure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from nbreport.compose import nodes as dn

from flatten import Break, Heading, Para, Table, flatten
from measure import median_child, run_child


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


def time_pandoc(markdown: Path, out: Path, repeats: int) -> float:
    """Return the median time of ``pandoc markdown -o out.docx``."""
    return median_child(["pandoc", str(markdown), "-f", "markdown", "-o", str(out)], repeats)[0]


def time_soffice(source: Path, out_dir: Path, profile: Path, repeats: int) -> float:
    """Return the median time of a headless LibreOffice DOCX → PDF conversion (profile made beforehand)."""
    cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
           "--convert-to", "pdf", "--outdir", str(out_dir), str(source)]
    run_child(cmd)  # first start writes the user profile: untimed, as on a workstation that has run it before
    seconds = median_child(cmd, repeats)[0]
    if not (out_dir / f"{source.stem}.pdf").exists():
        raise RuntimeError(f"LibreOffice wrote no PDF for {source.name}")
    return seconds


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
