"""The layout checker finds each planted fault by page and line, and data/2023's PDF has none of the fixed ones."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from nbreport.cli import main
from nbreport.layoutcheck import check_pdf, count, document_text

LEFT, RIGHT = 72.0, A4[0] - 72.0
TOP = A4[1] - 50.0  # the running-header rule, in reportlab's bottom-up y


def page(canvas: Canvas) -> None:
    """Draw the running-header rule that gives the checker the text block."""
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, TOP, RIGHT, TOP)


FULL = "\x00"  # marks a text to be spread over the whole measure


def lines(canvas: Canvas, y: float, texts: list[str], x: float = LEFT, font: str = "Helvetica", size: float = 10) -> None:
    """Draw one text per line, 14 pt apart; texts made by :func:`full` are justified to the measure."""
    for index, text in enumerate(texts):
        spread = 0.0
        if text.startswith(FULL):
            text = text[1:]
            spread = (RIGHT - LEFT - canvas.stringWidth(text, font, size)) / (len(text) - 1)
        line = canvas.beginText(x, y - 14 * index)
        line.setFont(font, size)
        line.setCharSpace(spread)
        line.textOut(text)
        canvas.drawText(line)


def full(text: str) -> str:
    """Return ``text`` made long, to be spread over the whole measure by :func:`lines`."""
    return FULL + (text + " word") * 12


def build(tmp_path: Path, draw) -> Path:
    path = tmp_path / "planted.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    draw(canvas)
    canvas.save()
    return path


def kinds(path: Path, data: str | None = None) -> dict[str, int]:
    return count(check_pdf(path, data))


def test_a_clean_justified_paragraph_has_no_fault(tmp_path):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, [full("abc"), full("def"), "end."])))
    assert check_pdf(path, full("abc")[1:] + full("def")[1:] + "end.") == []


def test_a_line_ending_short_of_the_margin_before_a_continuation_is_found(tmp_path):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, [full("abc"), "short", full("ghi"), "end."])))
    faults = [fault for fault in check_pdf(path) if fault.kind == "short-line"]
    assert [(fault.page, fault.line, fault.text) for fault in faults] == [(1, 2, "short")]


def test_a_final_line_may_be_short(tmp_path):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, [full("abc"), "end."])))
    assert kinds(path)["short-line"] == 0


def test_glyphs_past_the_right_margin_are_found(tmp_path):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, ["abc word " * 16, "end."])))
    assert kinds(path)["over-margin"] == 1


def test_a_wrapped_line_beginning_with_a_space_is_found(tmp_path):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, [full("abc"), " wrapped", "x"])))
    faults = [fault for fault in check_pdf(path) if fault.kind == "leading-space"]
    assert [(fault.line, fault.text) for fault in faults] == [(2, " wrapped")]


def test_a_space_the_data_does_not_hold_is_found_and_one_it_holds_is_not(tmp_path):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, ["park area"]), lines(c, 600, ["new york"])))
    faults = check_pdf(path, "parkarea\nnew york")
    assert [(fault.kind, fault.text) for fault in faults] == [("inserted-space", "park area")]


def test_a_character_drawn_across_a_rule_is_found(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        lines(canvas, 700, ["cell text"])
        canvas.line(LEFT + 20, 690, LEFT + 20, 715)  # through the "l" of cell
        canvas.line(LEFT + 200, 690, LEFT + 200, 715)  # clear of the text

    faults = [fault for fault in check_pdf(build(tmp_path, draw)) if fault.kind == "over-rule"]
    assert len(faults) == 1 and faults[0].text == "cell text"


def grid(canvas: Canvas, top: float, rows: int) -> None:
    """Draw a three-column table of ``rows`` rows of 18 pt from ``top`` down."""
    bottom = top - 18 * rows
    for x in (LEFT, LEFT + 100, LEFT + 300, RIGHT):
        canvas.line(x, bottom, x, top)
    for row in range(rows + 1):
        canvas.line(LEFT, top - 18 * row, RIGHT, top - 18 * row)


@pytest.mark.parametrize(("second", "slivers"), [(3, 1), (4, 0)])
def test_a_continued_table_with_two_rows_on_a_page_is_a_sliver(tmp_path, second, slivers):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        grid(canvas, 700, 36)  # runs to the foot of the page
        canvas.showPage()
        page(canvas)
        grid(canvas, TOP - 20, second)  # header row plus body rows

    faults = [fault for fault in check_pdf(build(tmp_path, draw)) if fault.kind == "table-sliver"]
    assert [fault.page for fault in faults] == [2] * slivers


def test_a_heading_as_the_last_line_of_a_page_is_found(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        lines(canvas, 700, [full("abc")] * 20 + ["end."])
        lines(canvas, 120, ["Heading"], font="Helvetica-Bold", size=16)

    faults = [fault for fault in check_pdf(build(tmp_path, draw)) if fault.kind == "heading-at-foot"]
    assert [fault.text for fault in faults] == ["Heading"]


def test_the_cli_prints_faults_and_exits_1_and_2_for_a_file_it_cannot_read(tmp_path, capsys):
    path = build(tmp_path, lambda c: (page(c), lines(c, 700, ["abc word " * 16, "end."])))
    assert main(["check-layout", str(path)]) == 1
    assert "超出版心" in capsys.readouterr().out
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    assert main(["check-layout", str(tmp_path / "broken.pdf")]) == 2
    assert main(["check-layout", str(tmp_path / "missing.pdf")]) == 2


@pytest.fixture(scope="module")
def report_2023(tmp_path_factory) -> tuple[Path, str]:
    import nbreport
    from nbreport.compose import compose

    out = tmp_path_factory.mktemp("pdf2023")
    assert main(["build", "data/2023", "--out", str(out), "--format", "pdf", "--quiet"]) == 0
    return next(out.glob("*.pdf")), document_text(compose(nbreport.load("data/2023")))


def test_data_2023_has_no_line_layout_fault(report_2023):
    counts = kinds(*report_2023)
    fixed = ("inserted-space", "leading-space", "over-margin", "short-line", "over-rule", "heading-at-foot")
    assert {kind: counts[kind] for kind in fixed} == dict.fromkeys(fixed, 0)


def test_data_2023_has_no_table_or_box_sliver(report_2023):
    counts = kinds(*report_2023)
    assert (counts["table-sliver"], counts["box-sliver"]) == (0, 0)


def test_the_last_line_of_a_paragraph_on_a_page_of_small_table_text_is_no_heading(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        lines(canvas, 760, [full("cell")] * 30, font="Times-Roman", size=8)  # most characters on the page are small
        lines(canvas, 134, [full("abc"), "end."], font="Helvetica", size=12)

    assert kinds(build(tmp_path, draw))["heading-at-foot"] == 0


@pytest.mark.parametrize(("lines_after", "slivers"), [(1, 1), (3, 0)])
def test_a_box_split_to_a_single_line_on_the_next_page_is_found(tmp_path, lines_after, slivers):
    def box(canvas: Canvas, top: float, bottom: float) -> None:
        canvas.line(LEFT, bottom, LEFT, top)
        canvas.line(RIGHT, bottom, RIGHT, top)
        canvas.line(LEFT, bottom, RIGHT, bottom)

    def draw(canvas: Canvas) -> None:
        page(canvas)
        box(canvas, 300, 60)  # runs to the foot
        lines(canvas, 280, ["box text"] * 10, x=LEFT + 10)
        canvas.showPage()
        page(canvas)
        box(canvas, TOP - 10, TOP - 14 - 14 * lines_after)
        lines(canvas, TOP - 24, ["caption"] * lines_after, x=LEFT + 10)

    faults = [fault for fault in check_pdf(build(tmp_path, draw)) if fault.kind == "box-sliver"]
    assert [fault.page for fault in faults] == [2] * slivers


def test_lines_in_a_box_are_judged_on_the_inside_of_the_box(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        for x in (LEFT, RIGHT):
            canvas.line(x, 600, x, 720)
        canvas.line(LEFT, 600, RIGHT, 600)
        canvas.line(LEFT, 720, RIGHT, 720)
        inset = 10.0
        for index, text in enumerate(["short in box", "x" * 10, "end."]):
            line = canvas.beginText(LEFT + inset, 700 - 14 * index)
            line.setFont("Helvetica", 10)
            if index == 1:  # spread exactly to the inside of the box: 10 pt padding on the right too
                line.setCharSpace((RIGHT - LEFT - 2 * inset - canvas.stringWidth(text, "Helvetica", 10)) / (len(text) - 1))
            line.textOut(text)
            canvas.drawText(line)

    faults = check_pdf(build(tmp_path, draw))
    assert [(fault.kind, fault.text) for fault in faults] == [("short-line", "short in box")]


@pytest.mark.parametrize(("indent", "faults"), [(0.0, 1), (20.0, 0)])
def test_a_short_last_line_of_a_page_is_found_when_its_paragraph_goes_on_overleaf(tmp_path, indent, faults):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        lines(canvas, 120, [full("abc"), "short at the foot"])
        canvas.showPage()
        page(canvas)
        lines(canvas, TOP - 20, [full("goes on")[:1] + "goes on " * 12, "end."] if not indent else ["new", "end."], x=LEFT + indent)

    found = [fault for fault in check_pdf(build(tmp_path, draw)) if fault.kind == "short-line"]
    assert [(fault.page, fault.text) for fault in found] == [(1, "short at the foot")] * faults


def test_the_first_half_of_a_split_paragraph_is_justified_to_its_last_line(tmp_path):
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from nbreport.render.fonts import load_fonts
    from nbreport.render.pdf_styles import StyleMap
    from nbreport.render.pdf_text import CJKParagraph, text_markup
    from nbreport.schema.theme import Theme

    styles = StyleMap(Theme(), load_fonts(Theme()))
    text = ("科技创新2023年，研究（中心）发展" * 40)
    para = CJKParagraph(text_markup(text, styles.face("body"), styles.fonts, "t", "t"), styles.para("body"))
    path = tmp_path / "split.pdf"
    doc = SimpleDocTemplate(str(path), leftMargin=LEFT - 6, rightMargin=A4[0] - RIGHT - 6, topMargin=A4[1] - TOP + 10)
    doc.build([Spacer(1, 600), para], onFirstPage=lambda c, _: page(c), onLaterPages=lambda c, _: page(c))
    counts = kinds(path, text)
    assert counts["short-line"] == 0 and counts["over-margin"] == 0
    with pymupdf.open(str(path)) as pdf:
        foot = max((line for block in pdf[0].get_text("dict")["blocks"] for line in block.get("lines", ())
                    if line["bbox"][3] < A4[1] - 60), key=lambda line: line["bbox"][3])
    assert abs(foot["bbox"][2] - RIGHT) < 0.5  # the line before the page break reaches the margin


def dashed_frame(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    """Draw a photo frame as render/pdf_placeholder.py does: a dashed hairline rectangle."""
    canvas.saveState()
    canvas.setDash(3, 2)
    canvas.setLineWidth(0.5)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()


def test_a_photo_frame_is_no_box_and_its_caption_no_sliver(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        dashed_frame(canvas, LEFT + 100, 80, 200, 150)  # at the foot of page 1
        canvas.showPage()
        page(canvas)
        dashed_frame(canvas, LEFT + 100, TOP - 170, 200, 150)  # at the top of page 2
        lines(canvas, TOP - 190, ["caption"], x=LEFT + 170)

    counts = kinds(build(tmp_path, draw))
    assert (counts["box-sliver"], counts["over-rule"], counts["table-sliver"]) == (0, 0, 0)


def test_a_glyph_drawn_across_a_photo_frame_is_still_found(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        lines(canvas, 700, ["cell text"])
        dashed_frame(canvas, LEFT + 20, 650, 100, 65)  # its left side runs through the "l" of cell

    assert kinds(build(tmp_path, draw))["over-rule"] == 1


def test_a_box_piece_holding_a_photo_frame_and_its_caption_is_no_sliver(tmp_path):
    def draw(canvas: Canvas) -> None:
        page(canvas)
        for x in (LEFT, RIGHT):
            canvas.line(x, 60, x, 300)
        lines(canvas, 280, ["box text"] * 10, x=LEFT + 10)
        canvas.showPage()
        page(canvas)
        for x in (LEFT, RIGHT):
            canvas.line(x, TOP - 200, x, TOP - 10)
        canvas.line(LEFT, TOP - 200, RIGHT, TOP - 200)
        dashed_frame(canvas, LEFT + 100, TOP - 170, 200, 150)
        lines(canvas, TOP - 185, ["caption"], x=LEFT + 170)

    assert kinds(build(tmp_path, draw))["box-sliver"] == 0
