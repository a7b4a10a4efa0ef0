"""Find, register and combine the fonts the PDF embeds, with per-character fallback.

reportlab embeds TrueType outlines only, so a theme's serif (宋体) and sans (黑体)
families are looked up as TrueType files: the theme's own files first, then the
folders in ``NBREPORT_FONT_DIR``, then the usual system folders. No single CJK font
covers every character the report prints (AR PL UMing has no ▶, WenQuanYi Zen Hei
no •), so :meth:`FontSet.markup` wraps each run of uncovered characters in a
``<font>`` tag naming a font that has them.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import warnings
from collections.abc import Iterator, Sequence, Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError

from ..schema.theme import FontFamily, Theme
from .errors import RenderError
from .font_cache import load_ttfont
from .font_files import (_TRUETYPE_SUFFIXES, FONT_DIR_ENV, SYSTEM_FONTS_ENV, FontWarning, candidate_paths, coverage,
                         font_folders, outline_kind, theme_font_files)

log = logging.getLogger(__name__)

CID_FALLBACK = "STSong-Light"
__all__ = ["CID_FALLBACK", "FONT_DIR_ENV", "SYSTEM_FONTS_ENV", "Face", "FontMissingError", "FontSet", "FontWarning",
           "candidate_paths", "coverage", "font_folders", "load_fonts", "outline_kind", "theme_font_files"]


@dataclass(eq=False)
class Face:
    """Hold one registered font: its reportlab name and the characters it can draw.

    ``cmap`` None means coverage is unknown (a built-in CID font) and assumed complete.
    """

    name: str
    path: Path | None
    cmap: AbstractSet[int] | None
    embedded: bool = True
    _has: dict[str, bool] = field(default_factory=dict, repr=False)

    def covers(self, char: str) -> bool:
        """Return whether the font has a glyph for ``char``; cached, this is on the hot path."""
        known = self._has.get(char)
        if known is None:
            known = self.cmap is None or ord(char) in self.cmap or char in "\n\t "
            self._has[char] = known
        return known


@dataclass(eq=False)
class FontSet:
    """Carry the serif and sans faces and the fallbacks tried for characters they lack."""

    serif: Face
    sans: Face
    fallbacks: tuple[Face, ...]
    latin: dict[str, Face] = field(default_factory=dict)  # CJK face name → its Latin companion
    # base face name → character → the face that draws it: every character of every cell asks.
    _chosen: dict[str, dict[str, Face]] = field(default_factory=dict, repr=False)

    def face(self, family: str, bold: bool = False) -> Face:
        """Return the face of ``family`` (serif or sans); bold text is set in the sans face.

        CJK fonts ship no bold weight; Chinese typesetting sets emphasis in 黑体, so
        bold serif text uses the sans face, which keeps lead-ins visibly bold.
        """
        if bold or family == "sans":
            return self.sans
        return self.serif

    def face_for(self, char: str, base: Face) -> Face:
        """Return ``base`` if it draws ``char``, else the first fallback that does (else ``base``)."""
        companion = self.latin.get(base.name)
        if companion is not None and "!" <= char <= "~":
            return companion  # Latin letters and digits in Times/Arial, as Chinese print sets them
        if base.covers(char):
            return base
        for candidate in self._chain(base):
            if candidate.covers(char):
                return candidate
        return base

    def markup(self, text: str, base: Face) -> str:
        """Return ``text`` escaped for Paragraph markup, uncovered runs wrapped in <font name=...>."""
        runs = self.runs(text, base)
        if len(runs) == 1 and runs[0][1] is base:
            return escape(text)
        return "".join(_wrap(escape(chunk), face, base) for chunk, face in runs)

    def runs(self, text: str, base: Face) -> list[tuple[str, Face]]:
        """Return ``text`` cut into runs of one face each, in order (none for empty text)."""
        chosen = self._chosen.setdefault(base.name, {})
        faces = []
        for char in text:
            face = chosen.get(char)
            if face is None:
                face = chosen[char] = self.face_for(char, base)
            faces.append(face)
        runs: list[tuple[str, Face]] = []
        start = 0
        current = faces[0] if text else base
        for index in range(1, len(text)):
            face = faces[index]
            if face is not current:
                runs.append((text[start:index], current))
                start, current = index, face
        if text:
            runs.append((text[start:], current))
        return runs

    def _chain(self, base: Face) -> Iterator[Face]:
        yield from self.fallbacks
        # The other CJK face often has what this one lacks (UMing has •, Zen Hei has ▶).
        yield self.sans if base is self.serif else self.serif

    def faces(self) -> tuple[Face, ...]:
        """Return every distinct face, primary ones first."""
        seen: dict[int, Face] = {}
        for face in (self.serif, self.sans, *self.fallbacks):
            seen.setdefault(id(face), face)
        return tuple(seen.values())


def _wrap(text: str, face: Face, base: Face) -> str:
    return text if face is base else f'<font name="{face.name}">{text}</font>'


def load_fonts(theme: Theme, allow_fallback: bool = False) -> FontSet:
    """Return the registered fonts of ``theme``.

    Raises FontMissingError when no CJK TrueType font is found, unless ``allow_fallback``:
    then the PDF uses the built-in CID font STSong-Light, which is not embedded and shows
    blank on readers without Chinese fonts.
    """
    return _load_fonts(font_key(theme, allow_fallback))


def font_key(theme: Theme, allow_fallback: bool = False) -> tuple:
    """Return what the fonts ``load_fonts`` finds depend on: two themes with one key share their fonts."""
    return (
        _family_key(theme.serif), _family_key(theme.sans), tuple(theme.fallback_fonts),
        tuple(theme.serif.latin_names), tuple(theme.sans.latin_names),
        os.environ.get(FONT_DIR_ENV, ""), os.environ.get(SYSTEM_FONTS_ENV, ""), allow_fallback,
    )


class FontMissingError(RenderError):
    """Refuse to write a PDF without an embeddable Chinese font; the message says how to install one."""

    def __init__(self, names: Sequence[str]) -> None:
        message = (
            f"找不到中文 TrueType 字体（已查找 {'、'.join(dict.fromkeys(names))}）。请安装："
            f"sudo apt-get install fonts-arphic-uming fonts-wqy-zenhei；或在主题中列出字体文件，"
            f"或用环境变量 {FONT_DIR_ENV} 指定字体目录。如确需使用不嵌入的内置字体 {CID_FALLBACK}"
            "（在没有中文字体的电脑上会显示为空白），请加 --allow-font-fallback。"
        )
        super().__init__("fonts", "cjk", message)
        self.args = (message,)


def escape(text: str) -> str:
    """Return ``text`` with &, < and > as entities, for reportlab's Paragraph markup.

    xml.sax.saxutils.escape does the same but imports urllib.request, http.client and ssl.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _family_key(family: FontFamily) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(family.files), tuple(family.names)


@functools.lru_cache(maxsize=8)
def _load_fonts(key: tuple) -> FontSet:
    (serif_files, serif_names), (sans_files, sans_names), fallback_names, serif_latin, sans_latin, _, _, allow = key
    found_serif = _cjk_face(serif_files, serif_names, "serif")
    found_sans = _cjk_face(sans_files, sans_names, "sans")
    serif, sans = found_serif or found_sans, found_sans or found_serif  # one face serves both roles
    if serif is None or sans is None:
        if not allow:
            raise FontMissingError([*serif_files, *serif_names, *sans_files, *sans_names])
        serif = sans = _cid_face()
    fallbacks = tuple(filter(None, (_fallback_face(name) for name in fallback_names)))
    latin = {face.name: companion for face, names in ((serif, serif_latin), (sans, sans_latin))
             if face.embedded and (companion := _latin_face(names)) is not None}
    _register_families(serif, sans, (*fallbacks, *latin.values()))  # type: ignore[arg-type]
    return FontSet(serif=serif, sans=sans, fallbacks=fallbacks, latin=latin)  # type: ignore[arg-type]


def _latin_face(names: Sequence[str]) -> Face | None:
    """Return the first Latin TrueType font found among ``names``, or None (the CJK font's glyphs then)."""
    for path in candidate_paths([], names):
        face = _try_register(path)
        if face is not None:
            return face
    return None


def _cjk_face(files: Sequence[str], names: Sequence[str], role: str) -> Face | None:
    for path in candidate_paths(files, names):
        face = _try_register(path)
        if face is not None:
            log.info("PDF %s font: %s", role, path)
            return face
    return None


def _fallback_face(name: str) -> Face | None:
    for path in candidate_paths([name] if os.sep in name else [], [name]):
        face = _try_register(path)
        if face is not None:
            return face
    warnings.warn(f"未找到后备字体 {name}：中文字体缺少的字符（如 ▶、•）可能显示为方框", FontWarning, stacklevel=3)
    return None


def _cid_face() -> Face:
    warnings.warn(
        f"找不到中文 TrueType 字体，按 --allow-font-fallback 使用内置字体 {CID_FALLBACK}（不嵌入 PDF："
        "没有中文字体的电脑上会显示为空白）。安装 fonts-arphic-uming、fonts-wqy-zenhei 可避免。",
        FontWarning, stacklevel=4,
    )
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return Face(name=CID_FALLBACK, path=None, cmap=None, embedded=False)


@functools.lru_cache(maxsize=32)
def _try_register(path: Path) -> Face | None:
    # Cached: registration is process-wide; across processes font_cache keeps the parsed tables.
    kind = outline_kind(path)
    if kind == "cff":
        warnings.warn(
            f"font {path} has OpenType/CFF (PostScript) outlines, which reportlab cannot embed; "
            "skipped — use a TrueType .ttf/.ttc font instead",
            FontWarning, stacklevel=4,
        )
        return None
    if kind != "truetype" or path.suffix.lower() not in _TRUETYPE_SUFFIXES:
        return None
    name = _font_name(path)
    try:
        font = load_ttfont(name, path, subfont=0)
    except (TTFError, OSError, ValueError) as error:
        warnings.warn(f"字体文件 {path} 无法使用（{error}），已跳过", FontWarning, stacklevel=4)
        return None
    pdfmetrics.registerFont(font)
    return Face(name=name, path=path, cmap=font.face.charToGlyph.keys())  # a view: no copy of 40,000 code points


def _font_name(path: Path) -> str:
    # Unique per file, so two themes naming different files never collide in reportlab's registry.
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:6]
    return f"nb-{path.stem}-{digest}"


def _register_families(serif: Face, sans: Face, fallbacks: Sequence[Face]) -> None:
    # Order matters: reportlab keeps the last mapping of a font name, and the sans face
    # must map to itself (the serif family maps its bold to the sans face too).
    pdfmetrics.registerFontFamily(serif.name, normal=serif.name, bold=sans.name, italic=serif.name, boldItalic=sans.name)
    for face in (sans, *fallbacks):
        pdfmetrics.registerFontFamily(face.name, normal=face.name, bold=face.name, italic=face.name, boldItalic=face.name)
