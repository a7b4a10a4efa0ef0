"""Line breaking on the joined text of plain frags gives the lines the glyph-by-glyph breaking gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nbreport.render import pdf_kinsoku
from nbreport.render.fonts import load_fonts
from nbreport.render.pdf_kinsoku import kinsoku_split
from nbreport.render.pdf_styles import StyleMap
from nbreport.render.pdf_text import parts_paragraph, run_parts
from nbreport.schema.inline import Run
from nbreport.schema.theme import Theme

STYLES = StyleMap(Theme(), load_fonts(Theme()))
# Han, marks that cannot start or end a line, digits and Latin (set in another font), spaces, ▶ (a fallback font)
ALPHABET = "科技创新研究宁波市，。、；：）（》《“”%％0123456789.ABCxyz ▶"
RUNS = st.lists(st.tuples(st.text(ALPHABET, min_size=1, max_size=60), st.booleans()), min_size=1, max_size=4)


def _frags(runs: list[tuple[str, bool]], role: str) -> list:
    parts = run_parts([Run(text=text, strong=strong) for text, strong in runs], STYLES.face(role), STYLES.fonts, "t", "f")
    return parts_paragraph(parts, STYLES.para(role), STYLES.fonts).frags


def _shape(lines) -> list[tuple]:
    """Return what a line is made of: its words (text, font, size), widths, metrics and planned moves."""
    return [(tuple((word.text, word.fontName, word.fontSize) for word in line.words), line.extraSpace,
             line.currentWidth, line.maxWidth, line.lineBreak, line.fontSize, line.ascent, line.descent,
             sorted(line._adjust.items())) for line in lines]


@settings(max_examples=300, deadline=None)
@given(runs=RUNS, width=st.floats(min_value=20, max_value=400), reach=st.sampled_from([0, 4]),
       role=st.sampled_from(["body", "table.cell"]))
def test_plain_frags_break_as_glyphs_do(runs, width, reach, role):
    frags = _frags(runs, role)
    assert all(pdf_kinsoku._is_plain(frag) for frag in frags)  # the strategy makes plain text only
    on_glyphs = _shape(pdf_kinsoku._glyph_lines(frags, [width], False, reach))
    assert _shape(pdf_kinsoku._text_lines(pdf_kinsoku.PlainText(frags), [width], reach)) == on_glyphs
    assert _shape(kinsoku_split(frags, [width], False, reach).lines) == on_glyphs  # the one-line shortcut included


def test_a_trailing_space_is_not_counted_in_a_single_line_width():
    bare, spaced = _frags([("科技创新", False)], "body"), _frags([("科技创新", False)], "body")
    spaced[-1].text += "  "  # run_parts strips paragraph ends; a paragraph made elsewhere may not
    lines = [kinsoku_split(frags, [400.0], False).lines for frags in (bare, spaced)]
    assert [len(found) for found in lines] == [1, 1]
    assert lines[1][0].currentWidth == lines[0][0].currentWidth
    assert _shape(lines[1]) == _shape(pdf_kinsoku._glyph_lines(spaced, [400.0], False, 0))


@settings(max_examples=100, deadline=None)
@given(runs=RUNS, width=st.floats(min_value=20, max_value=400))
def test_a_paragraph_set_as_one_line_fits_the_measure(runs, width):
    frags = _frags(runs, "body")
    lines = kinsoku_split(frags, [width], False).lines
    if len(lines) == 1 and len("".join(frag.text for frag in frags)) > 1:
        assert lines[0].currentWidth <= width + 1e-6  # short text is taken as one line only when it fits


def test_many_frags_in_one_paragraph_take_the_text_path(monkeypatch):
    frags = _frags([("研究经费300.82亿元，增长18%。" * 6, False), ("全市", True), ("R&D", False)], "body")
    assert len(frags) > 3
    glyph_path = []
    monkeypatch.setattr(pdf_kinsoku, "_glyphs", lambda frag: glyph_path.append(frag) or [])
    lines = kinsoku_split(frags, [200.0], False).lines
    assert glyph_path == [] and len(lines) > 2
    assert "".join(word.text for line in lines for word in line.words).replace(" ", "") == \
        "".join(frag.text for frag in frags).replace(" ", "")
