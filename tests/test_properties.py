"""Property tests: any valid Report renders to DOCX and PDF, and reads back as its tree's text."""

import re
from pathlib import Path

from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from builders import small_report
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.compose.walk import iter_text
from nbreport.render.docx import render_docx
from nbreport.render.pdf import render_pdf
from nbreport.schema import Theme
from nbreport.text import CONTROL

# Text editors type: Chinese, Latin, digits, the punctuation of the report, and markup characters.
ALPHABET = "宁波市科技创新企业研发投入高新技术产业增加值甬江实验室院士人才项目年度万亿元家项" \
           "abcXYZ0123456789，。、；：！？（）《》“”‘’—…%<>&'\"/=[]{}*#_ ▶•"
words = st.text(alphabet=ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def paragraph(text: str, lead: str | None) -> dict:
    runs = ([{"text": lead, "strong": True}] if lead else []) + [{"text": text}]
    return {"kind": "paragraph", "runs": runs}


@st.composite
def reports(draw):
    blocks = draw(st.lists(st.builds(paragraph, words, st.none() | words), min_size=1, max_size=4))
    rows = draw(st.lists(st.tuples(st.sampled_from(["省科技进步一等奖", "省科技进步二等奖"]), words, words), min_size=1, max_size=12))
    rows = sorted(rows)
    table = {"kind": "table", "caption": draw(words), "table_kind": "award",
             "columns": [{"name": "奖励类别", "merge": True}, {"name": "项目名称"}, {"name": "主要完成单位"}],
             "rows": [list(row) for row in rows]}
    case = {"kind": "case", "title": draw(words), "blocks": [paragraph(draw(words), None)]}
    chapter = {"kind": "chapter", "title": draw(words), "sections": [{"title": draw(words), "blocks": [*blocks, case, table]}]}
    events = [{"date": f"{m}月{d}日", "text": draw(words)} for m, d in sorted(draw(st.lists(st.tuples(st.integers(1, 12), st.integers(1, 28)), max_size=4)))]
    return small_report(chapters=[chapter], chronology={"events": events})


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def tree_strings(document: dn.Document):
    """Yield every string the document prints on every rendering (iter_text, the renderers' own list)."""
    for piece in iter_text(document):
        if piece.always:
            yield piece.text


@given(report=reports())
@SETTINGS
def test_random_reports_read_back_from_docx(report, tmp_path_factory):
    document = compose(report)
    path = render_docx(document, Theme(), tmp_path_factory.mktemp("d") / "r.docx")
    word = WordDocument(str(path))
    texts = [p.text for p in word.paragraphs]
    texts += [p.text for t in word.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    texts += [p.text for t in word.tables for r in t.rows for c in r.cells for i in c.tables
              for r2 in i.rows for c2 in r2.cells for p in c2.paragraphs]
    printed = squash("\n".join(texts))
    assert [s for s in tree_strings(document) if squash(s) not in printed] == []


@given(report=reports())
@SETTINGS
def test_random_reports_read_back_from_pdf(report, tmp_path_factory):
    document = compose(report)
    path = render_pdf(document, Theme(), tmp_path_factory.mktemp("p") / "r.pdf")
    printed = squash("".join(page.extract_text() for page in PdfReader(str(path)).pages))
    assert [s for s in tree_strings(document) if squash(s) not in printed] == []


any_text = st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and not CONTROL.search(t))


@given(title=any_text, body=any_text, cell=any_text)
@SETTINGS
def test_any_unicode_text_never_breaks_rendering(title, body, cell, tmp_path_factory):
    report = small_report(
        chapters=[{"kind": "chapter", "title": title, "sections": [{"title": body, "blocks": [
            paragraph(body, title),
            {"kind": "table", "columns": [{"name": "名称"}], "rows": [[cell]]}]}]}],
    )
    document = compose(report)
    folder = Path(tmp_path_factory.mktemp("u"))
    assert render_docx(document, Theme(), folder / "r.docx").stat().st_size > 0
    assert render_pdf(document, Theme(), folder / "r.pdf").stat().st_size > 0
