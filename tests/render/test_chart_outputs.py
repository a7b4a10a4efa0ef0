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


def chart_on_caption_page(path: Path) -> tuple[list, list, "pymupdf.Rect"]:
    """Return the images, the vector paths and the paths' bounding box on the PDF page that prints the caption.

    The running header's rule is left out: it is the one path above the text block.
    """
    with pymupdf.open(path) as pdf:
        (page,) = [page for page in pdf if CAPTION in page.get_text()]
        caption_top = page.search_for(CAPTION)[0].y0
        paths = [d for d in page.get_drawings() if d["rect"].y1 <= caption_top and d["rect"].y0 > 80]
        box = pymupdf.Rect(paths[0]["rect"])
        for drawn in paths[1:]:
            box |= drawn["rect"]
        return page.get_images(full=True), paths, box


def rendered_chart(path: Path, width_px: int) -> "Image.Image":
    """Return the PDF's chart region rendered to ``width_px`` pixels wide, in grey."""
    from PIL import Image

    _, _, box = chart_on_caption_page(path)
    with pymupdf.open(path) as pdf:
        (page,) = [page for page in pdf if CAPTION in page.get_text()]
        pixmap = page.get_pixmap(clip=box, matrix=pymupdf.Matrix(width_px / box.width, width_px / box.width))
        return Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples).convert("L")


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


def test_the_pdf_draws_the_chart_as_vector_paths_and_embeds_no_picture(outputs):
    images, paths, _ = chart_on_caption_page(outputs["7014"][".pdf"])
    assert images == []
    assert len(paths) > 20  # bars, axes, ticks and every label drawn as outlines


def test_the_pdf_chart_is_the_picture_the_docx_embeds(outputs):
    """Rendered at the PNG's size, the vector chart matches the PNG far better than the PNG matches its mirror image."""
    import io

    from PIL import Image, ImageChops, ImageOps, ImageStat

    (png,) = docx_pictures(outputs["7014"][".docx"])
    picture = Image.open(io.BytesIO(png)).convert("L")
    small = (240, round(240 * picture.height / picture.width))
    rendered = ImageOps.pad(rendered_chart(outputs["7014"][".pdf"], picture.width), picture.size, color=255)

    def difference(a: Image.Image, b: Image.Image) -> float:
        return ImageStat.Stat(ImageChops.difference(a.resize(small), b.resize(small))).mean[0]

    assert difference(rendered, picture) < 0.3 * difference(ImageOps.mirror(rendered), picture)


def test_changing_a_panel_value_changes_the_chart_in_both_outputs(outputs):
    before, after = outputs["7014"], outputs["7041"]
    assert docx_pictures(before[".docx"]) != docx_pictures(after[".docx"])
    assert chart_on_caption_page(before[".pdf"])[1] != chart_on_caption_page(after[".pdf"])[1]


def test_rebuilds_of_a_chart_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = chart_dataset(tmp_path / "d")
    digests = []
    for out in ("a", "b"):
        digests.append({suffix: hashlib.sha256(path.read_bytes()).hexdigest() for suffix, path in built(root, tmp_path / out).items()})
    assert digests[0] == digests[1]
