"""Property: any Markdown either loads with every visible word in the Report, or is reported at its lines."""

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import write_dataset
from nbreport.checks.walk import iter_strings
from nbreport.load import load_dataset

HEAD = "---\ntitle: 章名\n---\n\n## 节名\n\n"
FIRST_LINE = HEAD.count("\n") + 1
LATIN = re.compile(r"[A-Za-z0-9]+")

latin = st.text(alphabet="abcdefghijkXYZ0123", min_size=1, max_size=6)
cjk = st.text(alphabet="宁波科技创新企业研发人才项目", min_size=1, max_size=4)
word = latin | cjk


@st.composite
def inline(draw):
    """Return (one line of inline Markdown, its visible words)."""
    words = draw(st.lists(word, min_size=1, max_size=5))
    marks = st.sampled_from(["{}", "**{}**", "*{}*", "`{}`", "[{}](http://x.cn)", "\\*{}\\*", "&amp;{}", "{}  "])
    pieces = [draw(marks).format(w) for w in words]
    return " ".join(pieces).strip(), words


@st.composite
def paragraph(draw):
    lines = draw(st.lists(inline(), min_size=1, max_size=3))
    return "\n".join(text for text, _ in lines), [w for _, words in lines for w in words]


@st.composite
def heading(draw):
    text, words = draw(inline())
    return f"{draw(st.sampled_from(['###', '####', '#', '#####']))} {text}", words


@st.composite
def bullets(draw):
    depth, lines, words = 0, [], []
    straight_down = draw(st.booleans())  # else a random walk, which seldom gets deep
    for index in range(draw(st.integers(1, 30))):
        # the first item at the margin, or it would continue the construct before it
        depth = index if straight_down else draw(st.integers(0, depth + 1)) if index else 0
        text, item_words = draw(inline())
        lines.append("  " * depth + "- " + text)
        words += item_words
    return "\n".join(lines), words


@st.composite
def fenced(draw):
    caption = draw(word)
    kind = draw(st.sampled_from(["figure", "case", "quote"]))
    if kind == "figure":
        return f"```figure\ncaption: {caption}\n```", [caption]
    if kind == "case":
        text, words = draw(paragraph())
        return f"````case {caption}\n{text}\n````", [caption, *words]
    text, words = draw(inline())
    return f"> {text}", words


@st.composite
def foreign(draw):
    """Return a construct the dialect lacks, written around a word: it must be reported."""
    w = draw(word)
    form = draw(st.sampled_from([
        "{}\n---", "{}\n===", "| {} | x |\n|---|---|\n| 1 | 2 |", "[{}]: http://x", "1. {}",
        "<div>\n{}\n</div>", "    {}", "***\n\n{}", "{}\n\n---", "````case {}\n", "[^{}]: note",
    ]))
    return form.format(w), [w]


constructs = st.lists(st.one_of(paragraph(), heading(), bullets(), fenced(), foreign()), min_size=1, max_size=5)


def visible_text(report) -> str:
    return "\n".join(text for _, text in iter_strings(report.model_dump(mode="python")))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constructs)
def test_every_word_is_printed_or_its_construct_reported(parts):
    body, spans, line = "", [], FIRST_LINE
    for text, words in parts:
        spans.append((line, line + text.count("\n"), words))
        body += text + "\n\n。\n\n"  # a paragraph at the margin ends any list before it
        line += text.count("\n") + 4
    with tempfile.TemporaryDirectory() as tmp:
        result = load_dataset(write_dataset(Path(tmp), "chapters: [ch.md]\n", **{"ch.md": HEAD + body}))
    if result.report is None:  # nothing at all is printed: the errors say why
        assert any(f.severity == "error" for f in result.findings)
        return
    # a warning promises the text is kept, so only an error excuses a missing word
    lines = {f.where.line for f in result.findings if f.where.line and f.severity == "error"}
    # a nesting or unclosed-fence finding says everything after it is unread
    unread_from = min((f.where.line for f in result.findings if "层" in f.message or "没有结束行" in f.message),
                      default=None)
    text = visible_text(result.report)
    printed_latin = set(LATIN.findall(text))
    for first, last, words in spans:
        if any(first <= n <= last for n in lines) or (unread_from and unread_from <= last):
            continue
        for w in words:
            assert (w in printed_latin) if LATIN.fullmatch(w) else (w in text), (w, first, body)
