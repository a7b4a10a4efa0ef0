"""Specify that a chart drawn from the panel is the same picture in the DOCX and the PDF, and follows the panel."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pymupdf
import pytest

from builders import write_dataset
from nbreport.api import build

CAPTION = "高新技术企业数变化"
CHAPTER = f"""\
---
title: 企业创新
---

## 企业

高新技术企业持续增加。

```figure
caption: {CAPTION}
chart: {{indicator: 高新技术企业数}}
```
"""
PANEL = "指标,年份,数值,单位,限定词,来源,别名\n" \
        "高新技术企业数,2022,5300,家,突破,seeds/001,\n" \
        "高新技术企业数,2023,{value},家,突破,seeds/002,\n"


def chart_dataset(root: Path, value: str = "7014") -> Path:
    """Write a one-chapter dataset whose chart names the indicator 高新技术企业数, worth ``value`` in 2023."""
    return write_dataset(root, "chapters: [ch.md]\nindicators: i.csv\n", **{"ch.md": CHAPTER, "i.csv": PANEL.format(value=value)})


def built(root: Path, out: Path) -> dict[str, Path]:
    """Build both formats of the dataset at ``root`` into ``out``; return them by suffix."""
    return {path.suffix: path for path in build(root, out)}


def docx_pictures(path: Path) -> list[bytes]:
    """Return the bytes of every file in the DOCX's word/media."""
    with zipfile.ZipFile(path) as package:
        return [package.read(name) for name in sorted(package.namelist()) if name.startswith("word/media/")]


def pdf_pictures_on_caption_page(path: Path) -> list[bytes]:
    """Return the decoded pixels of each image on the PDF page that prints the caption."""
    with pymupdf.open(path) as pdf:
        (page,) = [page for page in pdf if CAPTION in page.get_text()]
        return [pymupdf.Pixmap(pdf, image[0]).samples for image in page.get_images(full=True)]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("charts")
    return {value: built(chart_dataset(root / value, value), root / f"out-{value}") for value in ("7014", "7041")}


def test_the_docx_embeds_the_chart_as_a_png_before_its_caption(outputs):
    import docx

    path = outputs["7014"][".docx"]
    (picture,) = docx_pictures(path)
    assert picture.startswith(b"\x89PNG")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert texts.index(CAPTION) == texts.index("高新技术企业持续增加。") + 2  # the picture's paragraph between
    assert not any(text.startswith("资料来源") for text in texts)  # provenance is for the audit, not printed


def test_the_pdf_shows_the_same_picture_on_the_page_of_the_caption(outputs):
    (docx_png,) = docx_pictures(outputs["7014"][".docx"])
    (pdf_pixels,) = pdf_pictures_on_caption_page(outputs["7014"][".pdf"])
    assert pdf_pixels == pymupdf.Pixmap(pymupdf.Pixmap(docx_png), 0).samples  # reportlab stores RGB, the PNG is RGBA (opaque)


def test_changing_a_panel_value_changes_the_chart_in_both_outputs(outputs):
    before, after = outputs["7014"], outputs["7041"]
    assert docx_pictures(before[".docx"]) != docx_pictures(after[".docx"])
    assert pdf_pictures_on_caption_page(before[".pdf"]) != pdf_pictures_on_caption_page(after[".pdf"])


def test_rebuilds_of_a_chart_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = chart_dataset(tmp_path / "d")
    digests = []
    for out in ("a", "b"):
        digests.append({suffix: hashlib.sha256(path.read_bytes()).hexdigest() for suffix, path in built(root, tmp_path / out).items()})
    assert digests[0] == digests[1]
