"""The parsed-font cache: absent, hit, stale, corrupt, unsafe or unwritable, and the same PDF either way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from array import array

import pytest
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFile

from nbreport.render import font_cache
from nbreport.render.font_cache import CACHE_DIR_ENV, cache_dir, load_ttfont
from nbreport.render.font_tables import HorizontalMetrics

ROOT = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_dejavu = pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVuSans.ttf not installed")


@pytest.fixture
def font(tmp_path: Path) -> Path:
    copy = tmp_path / "fonts" / "Sample.ttf"
    copy.parent.mkdir()
    shutil.copyfile(DEJAVU, copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Count reportlab's table parses (extractInfo runs once per parse, never on a cache hit)."""
    calls: list[str] = []
    original = TTFontFile.extractInfo

    def counting(self, *args, **kwargs):
        calls.append(self.filename)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(TTFontFile, "extractInfo", counting)
    return calls


def _state(font: TTFont) -> dict:
    """Return what a face holds, the compact tables read back as reportlab's lists; glyphToChar apart."""
    skipped = ("_pdfScale", "_ttf_data", "glyphToChar")  # glyphToChar: test_glyph_to_char_is_kept_only_for_shaping
    face = {k: v for k, v in font.face.__dict__.items() if k not in skipped}
    face["data"] = bytes(font.face._ttf_data)  # a memory map here, bytes in reportlab's own parse
    face["hmetrics"] = [tuple(font.face.hmetrics[glyph]) for glyph in range(len(font.face.hmetrics))]
    face["glyphPos"] = list(font.face.glyphPos)
    rest = {k: v for k, v in font.__dict__.items() if k not in ("face", "state", "encoding")}
    rest["encoding"] = (type(font.encoding), font.encoding.__dict__)
    return {"face": face, "font": rest, "scale": [font.face._pdfScale(x) for x in (1, 7, 2048, -300)]}


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


@needs_dejavu
def test_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c" / "fonts"  # beside the other derived bytes nbreport caches
    monkeypatch.setenv(CACHE_DIR_ENV, "off")
    assert cache_dir() is None
    monkeypatch.delenv(CACHE_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "nbreport" / "fonts"


@needs_dejavu
def test_absent_cache_parses_writes_an_entry_and_matches_reportlab(font, cache, parses):
    loaded = load_ttfont("sample", font)
    assert parses == [str(font)]
    assert len(_entries(cache)) == 1
    assert _state(loaded) == _state(TTFont("sample", str(font)))


@needs_dejavu
def test_cache_hit_skips_the_parse_and_restores_the_same_tables(font, cache, parses):
    cold = load_ttfont("sample", font)
    hit = load_ttfont("sample", font)
    assert parses == [str(font)]  # the second load unpickled the tables
    assert _state(hit) == _state(cold)
    assert bytes(hit.face._ttf_data) == font.read_bytes()  # subsets are cut from the file's own bytes


@needs_dejavu
def test_changed_font_with_same_size_and_mtime_is_parsed_again(font, cache, parses):
    load_ttfont("sample", font)
    stat = font.stat()
    data = bytearray(font.read_bytes())
    data[-1] ^= 0xFF  # last byte of the last table: same size, same mtime, other content
    font.write_bytes(bytes(data))
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = load_ttfont("sample", font)
    assert parses == [str(font), str(font)]
    assert bytes(again.face._ttf_data) == bytes(data)
    assert len(_entries(cache)) == 1  # the stale entry was replaced, not kept beside


@needs_dejavu
def test_replaced_font_gets_its_own_tables(font, cache, parses):
    load_ttfont("sample", font)
    shutil.copyfile(DEJAVU.with_name("DejaVuSans-Bold.ttf"), font)
    bold = load_ttfont("sample", font)
    assert _state(bold) == _state(TTFont("sample", str(font)))
    assert b"Bold" in bytes(bold.face.styleName)


@needs_dejavu
@pytest.mark.parametrize("garbage", [b"", b"not a cache", font_cache._MAGIC + b"\x80\x05truncated"])
def test_corrupt_entry_falls_back_to_parsing_and_is_rewritten(font, cache, parses, garbage):
    load_ttfont("sample", font)
    [entry] = _entries(cache)
    entry.write_bytes(garbage)
    loaded = load_ttfont("sample", font)
    assert len(parses) == 2 and entry.read_bytes().startswith(font_cache._MAGIC)
    load_ttfont("sample", font)
    assert len(parses) == 2  # the rewritten entry is good
    assert _state(loaded) == _state(TTFont("sample", str(font)))


@needs_dejavu
def test_entry_others_can_write_is_not_unpickled(font, cache, parses):
    load_ttfont("sample", font)
    [entry] = _entries(cache)
    entry.chmod(0o666)
    load_ttfont("sample", font)
    assert len(parses) == 2


@needs_dejavu
def test_entry_of_another_reportlab_version_is_not_used(font, cache, parses, monkeypatch):
    load_ttfont("sample", font)
    monkeypatch.setattr(font_cache.reportlab, "Version", "0.0.0-other")
    load_ttfont("sample", font)
    assert len(parses) == 2


@needs_dejavu
def test_unwritable_cache_folder_still_loads_the_font(font, tmp_path, monkeypatch, parses):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    first, second = load_ttfont("sample", font), load_ttfont("sample", font)
    assert len(parses) == 2 and blocker.read_text().startswith("a file")
    assert _state(first) == _state(second) == _state(TTFont("sample", str(font)))


@needs_dejavu
def test_cache_off_parses_every_time(font, monkeypatch, parses):
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    load_ttfont("sample", font)
    load_ttfont("sample", font)
    assert len(parses) == 2


def test_cache_hit_writes_the_same_pdf_bytes_as_a_cold_parse(tmp_path):
    """Three fresh processes: no cache, a cold cache (written), a warm cache (read): one PDF."""
    cache = tmp_path / "cache"
    outputs = []
    for label, folder in (("off", ""), ("cold", str(cache)), ("warm", str(cache))):
        out = tmp_path / label
        env = {**os.environ, CACHE_DIR_ENV: folder, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "nbreport.cli", "build", str(ROOT / "data" / "top-events" / "2022"),
                        "--format", "pdf", "--out", str(out), "-q"], check=True, env=env, cwd=ROOT)
        [pdf] = out.glob("*.pdf")
        outputs.append(pdf.read_bytes())
        if label == "cold":
            assert _entries(cache / "fonts"), "the cold run wrote no cache entry"
    assert outputs[0] == outputs[1] == outputs[2]


def test_empty_font_file_is_refused_as_reportlab_refuses_it(tmp_path, cache):
    empty = tmp_path / "Empty.ttf"
    empty.write_bytes(b"")  # cannot be memory-mapped: read instead, then refused by the parser
    with pytest.raises(TTFError):
        load_ttfont("empty", empty)
    assert not _entries(cache)


@needs_dejavu
def test_mapped_font_subsets_are_reportlabs(font, cache):
    """Subsets cut through the glyf window equal those cut from the file's bytes, and the window was used."""
    mapped, plain = load_ttfont("sample", font), TTFont("sample", str(font))
    assert isinstance(mapped.face._ttf_data, font_cache.MappedFont)
    offset, length = mapped.face.get_table_pos("glyf")
    assert isinstance(mapped.face._ttf_data[offset:offset + length], font_cache._Window)
    for subset in ([0x41, 0x42, 0x43], list(range(0x20, 0x7F)), [0xC5, 0x1E9E, 0x20AC]):
        assert mapped.face.makeSubset(subset) == plain.face.makeSubset(subset)


@pytest.fixture
def hashes(monkeypatch) -> list[Path]:
    """Count the content hashes the cache takes (a stamped, unchanged font needs none)."""
    calls: list[Path] = []
    original = font_cache._digest
    monkeypatch.setattr(font_cache, "_digest", lambda path: calls.append(path) or original(path))
    return calls


@needs_dejavu
def test_a_font_unchanged_since_its_entry_is_not_hashed_again(font, cache, parses, hashes, monkeypatch):
    monkeypatch.setattr(font_cache, "RACY_NS", 0)  # every change counts as settled
    load_ttfont("sample", font)  # parsed: hashed once to store its content's digest beside the stamp
    hashes.clear()
    hit = load_ttfont("sample", font)
    assert parses == [str(font)] and hashes == []
    assert _state(hit) == _state(TTFont("sample", str(font)))


@needs_dejavu
def test_a_font_written_in_place_with_its_mtime_kept_is_parsed_again_though_stamped(font, cache, parses, monkeypatch):
    monkeypatch.setattr(font_cache, "RACY_NS", 0)
    load_ttfont("sample", font)
    stat = font.stat()
    data = bytearray(font.read_bytes())
    data[-1] ^= 0xFF
    font.write_bytes(bytes(data))
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert font.stat().st_ctime_ns != stat.st_ctime_ns  # what gives the write away
    again = load_ttfont("sample", font)
    assert len(parses) == 2 and bytes(again.face._ttf_data) == bytes(data)


@needs_dejavu
def test_a_font_changed_just_now_is_hashed_until_it_has_settled(font, cache, parses, hashes, monkeypatch):
    monkeypatch.setattr(font_cache, "RACY_NS", 3_600 * 10**9)  # every change counts as recent
    load_ttfont("sample", font)
    hashes.clear()
    load_ttfont("sample", font)
    assert parses == [str(font)] and hashes == [font]  # valid by its hash, not by a stamp taken too soon
    monkeypatch.setattr(font_cache, "RACY_NS", 0)  # settled: the next load stamps the entry ...
    load_ttfont("sample", font)
    hashes.clear()
    load_ttfont("sample", font)  # ... and the one after trusts the stamp
    assert parses == [str(font)] and hashes == []


@needs_dejavu
def test_compact_tables_hold_reportlabs_numbers_in_arrays(font, cache):
    loaded, plain = load_ttfont("sample", font), TTFont("sample", str(font))
    assert isinstance(loaded.face.hmetrics, HorizontalMetrics)
    assert isinstance(loaded.face.glyphPos, array)
    assert len(loaded.face.hmetrics) == len(plain.face.hmetrics)
    assert all(loaded.face.hmetrics[g] == plain.face.hmetrics[g] for g in range(len(plain.face.hmetrics)))
    assert loaded.face.glyphPos.tolist() == plain.face.glyphPos


@needs_dejavu
def test_glyph_to_char_is_kept_only_for_shaping(font, cache, parses, monkeypatch):
    """Only HarfBuzz shaping reads glyphToChar: empty without it, reportlab's own with it, in entries of their own."""
    plain = TTFont("sample", str(font)).face.glyphToChar
    assert load_ttfont("sample", font).face.glyphToChar == {}
    monkeypatch.setattr(ttfonts, "uharfbuzz", object(), raising=False)
    shaped = load_ttfont("sample", font)
    assert shaped.face.glyphToChar == plain and plain
    assert len(parses) == 3  # reportlab's, ours, and again: the entry made without shaping is not served
    assert load_ttfont("sample", font).face.glyphToChar == plain  # the entry made with shaping is a hit
    assert len(parses) == 3
