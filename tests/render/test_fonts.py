"""Fonts for the PDF: discovery order, CFF refusal, CID fallback, per-character fallback, embedding."""

from __future__ import annotations

import shutil
import warnings

import pytest
from pypdf import PdfReader

from nbreport.compose import nodes as dn
from nbreport.render.fonts import CID_FALLBACK, FontMissingError, FontWarning, candidate_paths, load_fonts, outline_kind
from nbreport.render.font_cmap import read_cmap
from nbreport.render.fonts import coverage, theme_font_files
from nbreport.render.pdf import render_pdf
from reportlab.pdfbase.ttfonts import TTFont
from nbreport.schema.theme import FontFamily, Theme

INFO = dn.DocumentInfo(title="t", author="a", subject="s", keywords=("k",), language="zh-CN", running_title="测试")


def _cjk_fonts_installed() -> bool:
    theme = Theme()
    return any(True for _ in candidate_paths([], theme.serif.names)) and any(True for _ in candidate_paths([], theme.sans.names))


needs_cjk = pytest.mark.skipif(not _cjk_fonts_installed(), reason="no TrueType CJK font installed (apt-get install fonts-arphic-uming fonts-wqy-zenhei)")


def _fonts_on(reader: PdfReader) -> dict[str, dict]:
    """Return BaseFont name → font dictionary of every font used on any page."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


# ---------------------------------------------------------------- outline kinds


@pytest.mark.parametrize("head, kind", [
    (b"OTTO" + bytes(12), "cff"),
    (b"\x00\x01\x00\x00" + bytes(12), "truetype"),
    (b"true" + bytes(12), "truetype"),
    (b"ttcf" + b"\x00\x01\x00\x00" + b"\x00\x00\x00\x01" + (16).to_bytes(4, "big") + b"OTTO", "cff"),
    (b"ttcf" + b"\x00\x01\x00\x00" + b"\x00\x00\x00\x01" + (16).to_bytes(4, "big") + b"\x00\x01\x00\x00", "truetype"),
    (b"wOFF" + bytes(12), "unknown"),
])
def test_outline_kind_reads_the_header(tmp_path, head, kind):
    path = tmp_path / "font.bin"
    path.write_bytes(head)
    assert outline_kind(path) == kind


@needs_cjk
def test_cff_font_in_theme_is_refused_with_a_reason_and_the_next_is_used(tmp_path):
    fake = tmp_path / "NotoSerifCJK-Regular.otf"
    fake.write_bytes(b"OTTO" + bytes(64))
    theme = Theme(serif=FontFamily(cjk="宋体", files=[str(fake)], names=Theme().serif.names))
    with pytest.warns(FontWarning, match="CFF"):
        fonts = load_fonts(theme)
    assert fonts.serif.path is not None and fonts.serif.path.suffix in (".ttf", ".ttc")
    assert fonts.serif.path != fake


def test_no_truetype_cjk_font_is_refused_in_chinese_with_the_install_command():
    nowhere = FontFamily(cjk="宋体", names=["no-such-font-for-nbreport-tests.ttf"])
    with pytest.raises(FontMissingError) as raised:
        load_fonts(Theme(serif=nowhere, sans=nowhere))
    message = str(raised.value)
    assert "no-such-font-for-nbreport-tests.ttf" in message and "apt-get install fonts-arphic-uming fonts-wqy-zenhei" in message
    assert "--allow-font-fallback" in message and message.count("no-such-font") == 1


def test_the_cid_font_only_when_asked_and_with_a_chinese_warning():
    nowhere = FontFamily(cjk="宋体", names=["no-such-font-for-nbreport-tests.ttf"])
    theme = Theme(serif=nowhere, sans=nowhere, fallback_fonts=["no-such-fallback-for-nbreport.ttf"])
    with pytest.warns(FontWarning) as caught:
        fonts = load_fonts(theme, allow_fallback=True)
    assert fonts.serif.name == fonts.sans.name == CID_FALLBACK
    assert not fonts.serif.embedded
    assert any(CID_FALLBACK in str(w.message) and "不嵌入" in str(w.message) for w in caught)


@needs_cjk
def test_font_dir_from_environment_is_searched(tmp_path, monkeypatch):
    source = next(candidate_paths([], Theme().serif.names))
    shutil.copy(source, tmp_path / "house-serif.ttc")
    monkeypatch.setenv("NBREPORT_FONT_DIR", str(tmp_path))
    theme = Theme(serif=FontFamily(cjk="宋体", names=["house-serif.ttc"]))
    assert load_fonts(theme).serif.path == tmp_path / "house-serif.ttc"


# ---------------------------------------------------------------- markup and fallback


@needs_cjk
def test_markup_escapes_and_wraps_only_uncovered_characters():
    fonts = load_fonts(Theme())
    serif, fallback = fonts.serif, fonts.fallbacks[0]
    assert not serif.covers("▶") and serif.covers("科")
    latin = fonts.latin[serif.name].name
    assert fonts.markup("<b>&科", serif) == f'<font name="{latin}">&lt;b&gt;&amp;</font>科'
    assert fonts.markup("科▶▶技", serif) == f'科<font name="{fallback.name}">▶▶</font>技'
    assert fonts.markup("科技", serif) == "科技"


@needs_cjk
def test_latin_letters_and_digits_use_the_latin_companion_font():
    fonts = load_fonts(Theme())
    serif_latin, sans_latin = fonts.latin[fonts.serif.name], fonts.latin[fonts.sans.name]
    assert serif_latin.path.name == "LiberationSerif-Regular.ttf" and sans_latin.path.name == "LiberationSans-Regular.ttf"
    assert fonts.face_for("7", fonts.serif) is serif_latin and fonts.face_for("A", fonts.sans) is sans_latin
    assert fonts.face_for("科", fonts.serif) is fonts.serif and fonts.face_for(" ", fonts.serif) is fonts.serif


@needs_cjk
def test_without_latin_fonts_the_cjk_font_sets_latin_text():
    theme = Theme()
    theme = theme.model_copy(update={"serif": theme.serif.model_copy(update={"latin_names": []})})
    fonts = load_fonts(theme)
    assert fonts.serif.name not in fonts.latin and fonts.face_for("7", fonts.serif) is fonts.serif


@needs_cjk
def test_each_cjk_font_borrows_what_it_lacks():
    fonts = load_fonts(Theme())
    assert fonts.face_for("▶", fonts.serif) is not fonts.serif  # UMing has no ▶
    assert fonts.face_for("•", fonts.sans) is not fonts.sans  # Zen Hei has no •
    assert fonts.face_for("•", fonts.sans).covers("•")


# ---------------------------------------------------------------- embedding, read back from the PDF


@pytest.fixture(scope="module")
def marks_pdf(tmp_path_factory) -> PdfReader:
    nodes = [
        dn.Heading(1, "符号测试", "p1", "chapter.title"),
        dn.Paragraph(runs=(dn.Run(text="正文 ▶ 与 • 两个符号"),)),
        dn.BulletList(items=(dn.Paragraph(runs=(dn.Run(text="要点"),), role="bullet"),), marker="•"),
        dn.DistrictEntry(
            heading=dn.Heading(2, "海曙区", "d1", "district.title"), intro=(),
            items=(dn.Paragraph(runs=(dn.Run(text="引语。", strong=True), dn.Run(text="正文")), role="bullet"),), marker="▶",
        ),
    ]
    path = render_pdf(dn.Document(info=INFO, nodes=nodes), Theme(), tmp_path_factory.mktemp("fonts") / "marks.pdf")
    return PdfReader(path)


@needs_cjk
def test_cjk_fonts_are_embedded_truetype_subsets(marks_pdf):
    fonts = _fonts_on(marks_pdf)
    for family in ("UMing", "ZenHei"):
        name, font = next((n, f) for n, f in fonts.items() if family in n)
        assert font["/Subtype"] == "/TrueType"
        assert "+" in name  # a subset
        assert "/FontFile2" in font["/FontDescriptor"]  # embedded TrueType outlines
    assert not any("Helvetica" in name for name in fonts)


@needs_cjk
def test_marks_missing_from_cjk_fonts_come_from_the_fallback_font(marks_pdf):
    fonts = _fonts_on(marks_pdf)
    assert any("DejaVu" in name for name in fonts)
    text = marks_pdf.pages[0].extract_text()
    assert "▶" in text and "•" in text


@needs_cjk
def test_bold_runs_use_the_sans_face(tmp_path):
    bold = dn.Paragraph(runs=(dn.Run(text="加粗引语", strong=True),))
    reader = PdfReader(render_pdf(dn.Document(info=INFO, nodes=[bold]), Theme(), tmp_path / "b.pdf"))
    used: dict[str, str] = {}
    reader.pages[0].extract_text(visitor_text=lambda text, cm, tm, font, size: used.update({text.strip(): str(font and font["/BaseFont"])}))
    assert "ZenHei" in used["加粗引语"]  # CJK fonts have no bold: the lead is set in 黑体
    assert "UMing" in used["1"]  # while the serif page number is not


def test_cid_fallback_still_renders(tmp_path):
    nowhere = FontFamily(cjk="宋体", names=["no-such-font-for-nbreport-tests.ttf"])
    theme = Theme(serif=nowhere, sans=nowhere)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FontWarning)
        path = render_pdf(dn.Document(info=INFO, nodes=[dn.Paragraph(runs=(dn.Run(text="宋体回退"),))]), theme, tmp_path / "cid.pdf",
                          font_fallback=True)
    fonts = _fonts_on(PdfReader(path))
    assert any(CID_FALLBACK in name for name in fonts)
    assert "宋体回退" in PdfReader(path).pages[0].extract_text()


# ---------------------------------------------------------------- coverage (cmap only) and the missing-font policy


@pytest.fixture
def no_fonts(tmp_path, monkeypatch):
    """Point the font search at an empty folder and nowhere else, as on a machine without fonts."""
    empty = tmp_path / "empty-fonts"
    empty.mkdir()
    monkeypatch.setenv("NBREPORT_FONT_DIR", str(empty))
    monkeypatch.setenv("NBREPORT_SYSTEM_FONTS", "0")
    return empty


def test_coverage_is_none_without_a_cjk_font(no_fonts):
    assert coverage(Theme()) is None and theme_font_files(Theme()) == ()


@needs_cjk
def test_coverage_reads_the_same_characters_reportlab_does():
    for path in theme_font_files(Theme()):
        parsed = set(TTFont("cmap-check-" + path.stem, str(path), subfontIndex=0).face.charToGlyph)
        assert read_cmap(path) ^ parsed <= {0, 0xA0}  # reportlab drops U+0000 and special-cases NBSP


@needs_cjk
def test_coverage_has_the_report_marks_and_lacks_rare_ideographs():
    covered = coverage(Theme())
    assert {ord("宁"), ord("▶"), ord("•")} <= covered
    assert ord("\U00020000") not in covered and ord("\U00030EDE") not in covered


def test_read_cmap_of_a_broken_file_is_empty(tmp_path):
    for content in (b"", b"\x00\x01\x00\x00" + bytes(8), b"ttcf" + bytes(12)):
        path = tmp_path / "broken.ttf"
        path.write_bytes(content)
        read_cmap.cache_clear()
        assert read_cmap(path) == frozenset()


def _dataset(root):
    (root / "ds").mkdir()
    (root / "ds" / "report.yaml").write_text("meta:\n  year: 2023\n  region: 宁波市\n  title: 宁波市科技进步报告\nconclusion: c.md\n",
                                           encoding="utf-8")
    (root / "ds" / "c.md").write_text("---\ntitle: 结语\n---\n\n正文。\n", encoding="utf-8")
    return root / "ds"


def test_build_without_a_cjk_font_exits_2_in_chinese_and_writes_nothing(no_fonts, tmp_path, capsys):
    from nbreport.cli import main

    code = main(["build", str(_dataset(tmp_path)), "--out", str(tmp_path / "out"), "--format", "pdf"])
    err = capsys.readouterr().err
    assert code == 2 and "fonts-arphic-uming" in err and "Traceback" not in err and "FontWarning" not in err
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_build_with_allow_font_fallback_writes_the_pdf(no_fonts, tmp_path):
    from nbreport.cli import main

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FontWarning)
        code = main(["build", str(_dataset(tmp_path)), "--out", str(tmp_path / "out"), "--format", "pdf", "--allow-font-fallback", "-q"])
    assert code == 0 and [p.suffix for p in (tmp_path / "out").iterdir()] == [".pdf"]
