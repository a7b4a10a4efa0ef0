"""Renderers: walkers of the composed Document, one per output format, found through RENDERERS.

A renderer is one function ``(document, theme, path, options) -> path`` that writes the file
atomically; adding a format is one module and one line in RENDERERS (docs/dev/renderers.md).
Each entry imports its module on first use, so choosing one format loads only its backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..compose.nodes import Document
from ..schema.theme import Theme


@dataclass(frozen=True)
class RenderOptions:
    """Carry what a renderer may need besides the document and theme; None means the default."""

    docx_template: Path | None = None
    pages: dict[str, int] = field(default_factory=dict)  # heading anchor → page, filled by the PDF renderer
    font_fallback: bool = False  # build the PDF with a built-in CID font when no Chinese TrueType font exists
    # The PDF's pages once the PDF drawn alongside is done: the DOCX asks at its end (nbreport.overlap).
    pages_later: Callable[[], dict[str, int]] | None = None


Renderer = Callable[[Document, Theme, Path, RenderOptions], Path]


def _docx(document: Document, theme: Theme, path: Path, options: RenderOptions) -> Path:
    from .docx import render_docx

    return render_docx(document, theme, path, options.docx_template, pdf_pages=options.pages,
                       pdf_pages_later=options.pages_later)


def _pdf(document: Document, theme: Theme, path: Path, options: RenderOptions) -> Path:
    from .pdf import render_pdf

    return render_pdf(document, theme, path, options.pages, font_fallback=options.font_fallback)


RENDERERS: dict[str, Renderer] = {
    "docx": _docx,
    "pdf": _pdf,
}

__all__ = ["RENDERERS", "RenderOptions", "Renderer"]
