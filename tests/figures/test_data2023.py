"""data/2023 states its figures once: references print exactly the published text; one edit changes every print."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from conftest import DATA
from nbreport import build
from nbreport.api import check_dataset
from nbreport.schema.inline import Paragraph
from pydantic import BaseModel

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = re.compile(r"\{\{ 指标\(")


def paragraph_texts(node: object, path: tuple = ()) -> dict[str, str]:
    """Return every paragraph's text by its report path (the shape of the fixture)."""
    if isinstance(node, Paragraph):
        return {"/".join(map(str, path)): "".join(run.text for run in node.runs)}
    found: dict[str, str] = {}
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            found.update(paragraph_texts(getattr(node, name), path + (name,)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.update(paragraph_texts(item, path + (index,)))
    return found


def test_rendered_text_is_byte_identical_to_the_text_before_references():
    # The fixture holds every paragraph of data/2023 as loaded before its figures became references.
    before = json.loads((FIXTURES / "data2023-paragraphs.json").read_text(encoding="utf-8"))
    report, checked = check_dataset(DATA / "2023")
    assert {finding.code for finding in checked.findings} == {"W-FIGURE-NO-IMAGE"}  # its photos are still to come
    assert paragraph_texts(report.model_copy(update={"indicators": []})) == before


def test_data_2023_prints_its_panel_figures_through_references():
    sources = "".join(path.read_text(encoding="utf-8") for path in (DATA / "2023").glob("**/*.md"))
    assert len(REFERENCE.findall(sources)) >= 30
    assert "突破7014家" not in sources and "888.04亿元" not in sources


@pytest.fixture(scope="module")
def edited_outputs(tmp_path_factory):
    """Build a copy of data/2023 whose 高新技术企业数 2023 is 7015 instead of 7014."""
    root = tmp_path_factory.mktemp("edited") / "2023"
    shutil.copytree(DATA / "2023", root)
    table = root / "indicators.csv"
    text = table.read_text(encoding="utf-8")
    assert text.count("高新技术企业数,2023,7014,") == 1
    table.write_text(text.replace("高新技术企业数,2023,7014,", "高新技术企业数,2023,7015,"), encoding="utf-8")
    return build(root, tmp_path_factory.mktemp("out"))


def test_one_indicator_edit_changes_every_print_in_both_formats(edited_outputs):
    docx = next(path for path in edited_outputs if path.suffix == ".docx")
    pdf = next(path for path in edited_outputs if path.suffix == ".pdf")
    word = "".join(paragraph.text for paragraph in WordDocument(str(docx)).paragraphs)
    pages = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(pdf)).pages))
    for text in (word, pages):
        assert "突破7015家" in text
        assert "7014" not in text


def test_a_planted_contradiction_in_a_chapter_is_reported_with_file_and_line(tmp_path):
    root = tmp_path / "2023"
    shutil.copytree(DATA / "2023", root)
    chapter = root / "chapters" / "03-enterprises.md"
    text = chapter.read_text(encoding="utf-8")
    reference = '高新技术企业总数{{ 指标("高新技术企业数") }}'
    assert text.count(reference) == 1
    chapter.write_text(text.replace(reference, "高新技术企业总数突破7104家"), encoding="utf-8")
    line = 1 + text[:text.index(reference)].count("\n")
    findings = [f for f in check_dataset(root)[1].findings if f.code != "W-FIGURE-NO-IMAGE"]  # the photos to come aside
    assert [(f.code, f.where.file, f.where.line) for f in findings] == [
        ("W-FIGURE-CONTRADICTS", "chapters/03-enterprises.md", line)]
    assert "7104" in findings[0].message and "突破7014家" in findings[0].message
