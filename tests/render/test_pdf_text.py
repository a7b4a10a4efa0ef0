"""Chinese lines in the PDF: justified to the measure by spacing, marks compressed, nothing added to the text."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import SimpleDocTemplate

from nbreport.render.fonts import load_fonts
from nbreport.render.pdf_spacing import HAN_LATIN_EM, adjustments
from nbreport.render.pdf_styles import StyleMap
from nbreport.render.pdf_text import CANNOT_START, CJKParagraph, text_markup
from nbreport.schema.theme import Theme

LEFT = 78.0  # where text starts: the page margin plus the frame's 6 pt padding
STYLES = StyleMap(Theme(), load_fonts(Theme()))


# ---------------------------------------------------------------- spacing planned per glyph


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("研究。", {2: -6.0}),  # a closing mark ending the line gives up its blank half
        ("研究，（新", {2: -6.0}),  # a closing mark before an opening mark
        ("）。", {0: -6.0, 1: -6.0}),  # two closing marks: both
        ("研究，新", {}),  # inside the line a comma keeps its full em
        ("超200亿", {0: 12 * HAN_LATIN_EM, 3: 12 * HAN_LATIN_EM}),  # Han–digit and digit–Han gaps
        ("ab cd", {}),
    ],
)
def test_adjustments_compress_marks_and_space_han_from_latin(text, moves):
    widths = [6.0 if char.isascii() else 12.0 for char in text]
    assert adjustments(text, widths, [12.0] * len(text)) == pytest.approx(moves)


def test_a_half_width_mark_is_not_compressed():
    assert adjustments("ab,", [6.0, 6.0, 3.0], [12.0] * 3) == {}


# ---------------------------------------------------------------- lines drawn and read back


def draw(tmp_path: Path, text: str, chars: int, role: str = "body", align: str | None = None) -> list[tuple[str, float]]:
    """Set ``text`` on a measure of ``chars`` em; return each line read back with its ink's right edge."""
    style = STYLES.aligned(role, align) if align else STYLES.para(role)
    width = chars * style.fontSize
    path = tmp_path / "para.pdf"
    doc = SimpleDocTemplate(str(path), leftMargin=LEFT - 6, rightMargin=595.27 - LEFT - width - 6, topMargin=72, bottomMargin=72)
    doc.build([CJKParagraph(text_markup(text, STYLES.face(role), STYLES.fonts, "test", "text"), style)])
    with pymupdf.open(str(path)) as pdf:
        found = []
        for block in pdf[0].get_text("rawdict")["blocks"]:
            for line in block.get("lines", ()):
                chars_ = [char for span in line["spans"] for char in span["chars"]]
                found.append(("".join(char["c"] for char in chars_), _ink_right(chars_)))
    return found


def _ink_right(chars: list[dict]) -> float:
    last = [char for char in chars if not char["c"].isspace()][-1]
    x0, _, x1, _ = last["bbox"]
    return x0 + (x1 - x0) / 2 if last["c"] in "，。、；：）》”" else x1  # a closing mark's ink is its left half


_TEXT = st.text(st.sampled_from("科技创新发展宁波城市研究中心项目") , min_size=1, max_size=5)
_WORD = st.tuples(st.sampled_from(["", "（", "《", "“"]), _TEXT, st.sampled_from(["", "，", "。", "、", "）", "》", "”", "）。"]))
_PIECE = st.one_of(_WORD.map("".join), st.sampled_from(["2023", "R&D", "5G", "%"]))  # words as sentences have them


@settings(max_examples=100, deadline=None)
@given(pieces=st.lists(_PIECE, min_size=20, max_size=60), chars=st.integers(min_value=12, max_value=36))
def test_every_line_but_the_last_ends_at_the_measure_and_the_text_reads_back_unchanged(tmp_path_factory, pieces, chars):
    text = "".join(pieces)
    lines = draw(tmp_path_factory.mktemp("p"), text, chars)
    right = LEFT + chars * 12.0
    assert "".join(line for line, _ in lines) == text  # no space or other character added
    assert all(edge <= right + 0.5 for _, edge in lines)
    short = [index for index, (_, edge) in enumerate(lines[:-1]) if right - edge > 3.0]
    # Only a Latin word or number, which is never broken, may leave a line short: on it or carried to the next.
    assert all(any(word in lines[index][0] + lines[index + 1][0] for word in ("R&D", "2023", "5G")) for index in short)
    assert all(line[0] not in CANNOT_START for line, _ in lines[1:])


def test_a_left_aligned_cell_is_not_spread(tmp_path):
    lines = draw(tmp_path, "研究中心" * 10 + "项", 13, "table.cell", "left")
    right = LEFT + 13 * 10.5
    assert len(lines) == 4 and all(abs(edge - right) < 0.5 for _, edge in lines[:-1])  # 13 characters fill it
    lines = draw(tmp_path, "研究中心2023年" * 6, 20, "table.cell", "left")
    assert any(LEFT + 20 * 10.5 - edge > 3.0 for _, edge in lines[:-1])  # left alignment stays ragged


def test_closing_marks_are_squeezed_into_the_line_rather_than_carrying_a_character_down(tmp_path):
    lines = draw(tmp_path, "研" * 19 + "》。" + "新段落开始", 20, "bullet")
    assert lines[0][0].endswith("研》。")


def test_a_wrapped_line_never_starts_with_a_space(tmp_path):
    text = "研究 中心 " * 30
    lines = draw(tmp_path, text, 17, "bullet")
    assert all(not line.startswith(" ") for line, _ in lines)
    assert "".join(lines_ for lines_, _ in lines).replace(" ", "") == text.replace(" ", "")
