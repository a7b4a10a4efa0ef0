"""Text nbreport writes for spreadsheet programs never becomes a live formula, and reads back exactly."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbreport.load.safe_cells import escape_csv_text, formula_like, unescape_csv_text
from nbreport.load.tables import read_csv
from nbreport.submit.edits import CsvTable

ATTACKS = ["=1+1", "=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+2", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1+1", "\n@x",
           "'=1+1", "''-2+3", "-", "+"]
HARMLESS = ["-1.5", "+3", "12%", "1e5", "-0.25E-3", "科技大会", "a=b", "1-2月", "'引号开头", "'-1.5", ""]
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def evaluated_by_a_spreadsheet(cell: str) -> bool:
    """Return True if Excel/LibreOffice would take the CSV cell for a formula (OWASP's list of leading characters)."""
    if cell.startswith(("\t", "\r")):
        return True
    lead = cell.lstrip(" \t\r\n")[:1]
    return lead in ("=", "+", "-", "@") and not _NUMBER.fullmatch(cell)


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_like_text_gets_one_apostrophe(text):
    assert formula_like(text) and escape_csv_text(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_numbers_and_plain_text_are_written_as_they_are(text):
    assert not formula_like(text) and escape_csv_text(text) == text and unescape_csv_text(text) == text


@given(st.text())
def test_escaping_never_leaves_a_formula_and_unescaping_gives_the_text_back(text):
    written = escape_csv_text(text)
    assert not evaluated_by_a_spreadsheet(written)
    assert unescape_csv_text(written) == text


# CR is a line end to the CSV reader (normalised to LF, as everywhere in a dataset); NUL is no CSV text
CSV_TEXT = st.text(st.characters(blacklist_characters="\r\x00", blacklist_categories=("Cs",)))


@given(st.lists(st.tuples(CSV_TEXT, CSV_TEXT), min_size=1, max_size=5))
def test_a_written_csv_has_no_formula_and_reads_back_exactly(tmp_path_factory, rows):
    file = tmp_path_factory.mktemp("csv") / "t.csv"
    table = CsvTable(["键", "值"], [["k", a] for a, _ in rows] + [["k", b] for _, b in rows], [None] * 2 * len(rows))
    file.write_text(table.text(), encoding="utf-8")
    import csv

    with file.open(encoding="utf-8", newline="") as stream:
        cells = [cell for record in csv.reader(stream) for cell in record]
    assert not any(evaluated_by_a_spreadsheet(cell) for cell in cells)
    assert read_csv(file, "t.csv").rows == table.rows


def test_an_apostrophe_typed_before_a_formula_in_a_dataset_csv_is_the_escape(tmp_path):
    file = tmp_path / "t.csv"
    file.write_text("键,值\nk,'=1+1\nk,'引号\nk,''=x\nk,-1.5\n", encoding="utf-8")
    assert [row[1] for row in read_csv(file, "t.csv").rows] == ["=1+1", "'引号", "'=x", "-1.5"]
