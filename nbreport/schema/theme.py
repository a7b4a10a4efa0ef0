"""Theme: fonts, sizes, spacing, margins and colours that both renderers read."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..text import CONTROL
from .base import Model

# Chinese type sizes (字号) in points, as Word and the GB/T 9704 convention use them.
ZIHAO: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
    "六号": 7.5, "小六": 6.5,
}


# Page sizes in millimetres (portrait), as both renderers lay them out.
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210, 297), "B5": (176, 250), "Letter": (215.9, 279.4)}
MIN_TEXT_BLOCK_MM = 50.0  # narrower or shorter than this, no table or heading fits
MAX_SIZE_PT = 200.0
MAX_LINE_SPACING = 10.0
_HEX = re.compile(r"#?[0-9A-Fa-f]{6}")
_COLOR_FIELDS = ("accent_color", "case_fill", "table_header_fill", "table_rule_color")


def to_points(value: float | int | str) -> float:
    """Return a size in points from a number or a 字号 name such as 小四; raise on unknown names."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if text in ZIHAO:
        return ZIHAO[text]
    try:
        return float(text.removesuffix("pt"))
    except ValueError:
        raise PydanticCustomError("E-THEME-ZIHAO", "未知字号“{value}”", {"value": _shown(value)}) from None


def hex_colour(value: object) -> str:
    """Return a colour as six upper-case hex digits (``1F4E79``); raise for anything else."""
    if not isinstance(value, str) or not _HEX.fullmatch(value.strip()):
        raise PydanticCustomError("E-THEME-COLOR", "颜色“{value}”无效", {"value": _shown(value)})
    return value.strip().removeprefix("#").upper()


def page_number_parts(template: str) -> tuple[str, str]:
    """Return the text before and after ``{n}`` in a page-number format; raise unless it is plain.

    Allowed is literal text with exactly one ``{n}`` and no other brace: no format spec,
    attribute or index, so the template is never handed to ``str.format``.
    """
    before, found, after = template.partition("{n}")
    if not found or any(brace in before + after for brace in "{}"):
        raise PydanticCustomError("E-THEME-PAGE-NUMBER", "页码格式“{value}”无效", {"value": _shown(template)})
    return before, after


def plain_text(value: object) -> object:
    """Return ``value`` unchanged; raise if a text in it (or in its list) holds control characters.

    Theme texts go into both files as they are (font names into DOCX XML, the bullet into
    every list), so what text.CONTROL forbids in the report is refused here too.
    """
    for text in value if isinstance(value, list) else [value]:
        found = sorted(set(CONTROL.findall(text))) if isinstance(text, str) else []
        if found:
            chars = " ".join(f"U+{ord(ch):04X}" for ch in found)
            raise PydanticCustomError("E-TEXT-CONTROL", "文本含有不可见控制字符 {chars}", {"chars": chars})
    return value


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


class TextStyle(Model):
    """Style one semantic role of text (body, chapter title, caption...)."""

    font: Literal["serif", "sans"] = "serif"
    size: float = 12.0
    bold: bool = False
    color: str = "000000"
    align: Literal["left", "center", "right", "justify"] = "justify"
    first_line_chars: float = Field(default=0.0, ge=0, le=20)
    line_spacing: float = Field(default=1.5, description="multiple of the font size")
    space_before: float = Field(default=0.0, ge=0, le=500)
    space_after: float = Field(default=0.0, ge=0, le=500)

    @field_validator("size", mode="before")
    @classmethod
    def _zihao(cls, value: object) -> object:
        return to_points(value) if isinstance(value, (str, int, float)) else value

    @field_validator("size", mode="after")
    @classmethod
    def _size_range(cls, value: float) -> float:
        if not 0 < value <= MAX_SIZE_PT:
            raise PydanticCustomError("E-THEME-SIZE", "字号 {value} 磅超出范围", {"value": f"{value:g}", "limit": f"{MAX_SIZE_PT:g}"})
        return value

    @field_validator("line_spacing", mode="after")
    @classmethod
    def _spacing_range(cls, value: float) -> float:
        if not 0 < value <= MAX_LINE_SPACING:
            raise PydanticCustomError("E-THEME-SPACING", "行距 {value} 超出范围",
                                      {"value": f"{value:g}", "limit": f"{MAX_LINE_SPACING:g}"})
        return value

    @field_validator("color", mode="before")
    @classmethod
    def _colour(cls, value: object) -> str:
        return hex_colour(value)


class FontFamily(Model):
    """Name a font for Word (CJK and Latin) and the files the PDF may embed."""

    cjk: str
    latin: str = "Times New Roman"
    files: list[str] = Field(default_factory=list, description="TrueType files tried first")
    names: list[str] = Field(default_factory=list, description="file names searched in font folders")
    latin_names: list[str] = Field(
        default_factory=list, description="TrueType files for Latin letters and digits in the PDF; none: the CJK font's"
    )

    @field_validator("*", mode="after")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value)


def _style(**kwargs: object) -> TextStyle:
    return TextStyle.model_validate(kwargs)


DEFAULT_STYLES: dict[str, TextStyle] = {
    "cover.year": _style(font="sans", size="二号", align="center", color="1F4E79", bold=True),
    "cover.title": _style(font="sans", size="小初", align="center", color="1F4E79", bold=True),
    "cover.title_en": _style(font="serif", size="四号", align="center", color="1F4E79"),
    "cover.editor": _style(font="sans", size="三号", align="center", space_before=48),
    "toc.title": _style(font="sans", size="二号", align="center", space_after=18, bold=True),
    "toc.level1": _style(font="sans", size="四号", align="left", line_spacing=1.6),
    "toc.level2": _style(font="serif", size="小四", align="left", line_spacing=1.4),
    "toc.level3": _style(font="serif", size="五号", align="left", line_spacing=1.3),
    "toc.number": _style(font="serif", size="小四", align="right", line_spacing=1.0),
    "chapter.title": _style(font="sans", size="二号", align="center", color="1F4E79", bold=True, space_after=24, line_spacing=1.3),
    "section.title": _style(font="sans", size="三号", align="left", color="1F4E79", bold=True, space_before=14, space_after=8, line_spacing=1.3),
    "subheading": _style(font="sans", size="四号", align="left", bold=True, space_before=10, space_after=4, line_spacing=1.3),
    "minorheading": _style(font="sans", size="小四", align="left", bold=True, space_before=6, space_after=2, line_spacing=1.3),
    "body": _style(size="小四", first_line_chars=2, line_spacing=1.5, space_after=3),
    "bullet": _style(size="小四", line_spacing=1.5, space_after=3),
    "caption": _style(font="sans", size="五号", align="center", space_before=4, space_after=8, color="404040", line_spacing=1.2),
    "table.caption": _style(font="sans", size="五号", align="center", bold=True, space_before=8, space_after=4, line_spacing=1.2),
    "table.header": _style(font="sans", size="五号", align="center", bold=True, line_spacing=1.2),
    "table.cell": _style(size="五号", align="left", line_spacing=1.2),
    "table.note": _style(size="小五", align="left", space_before=2, space_after=8, line_spacing=1.2),
    "case.title": _style(font="sans", size="小四", align="left", bold=True, color="1F4E79", space_after=4, line_spacing=1.3),
    "case.body": _style(size="五号", first_line_chars=2, line_spacing=1.5, space_after=2),
    "district.title": _style(font="sans", size="三号", align="left", color="1F4E79", bold=True, space_before=14, space_after=8, line_spacing=1.3),
    "chronology.month": _style(font="sans", size="四号", align="left", bold=True, color="1F4E79", space_before=10, space_after=4, line_spacing=1.3),
    "chronology.event": _style(size="小四", line_spacing=1.5, space_after=3),
    "running": _style(font="serif", size="小五", align="center", color="595959", line_spacing=1.0),
}


class Theme(Model):
    """Set the look of both outputs: page, margins, fonts per role, colours, conventions.

    A partial theme is merged onto the defaults property by property: setting
    ``styles: {chapter.title: {color: 8B0000}}`` changes that colour and nothing else.
    """

    page_size: Literal["A4", "B5", "Letter"] = "A4"
    margin_top_mm: float = Field(default=28.0, ge=0)
    margin_bottom_mm: float = Field(default=25.0, ge=0)
    margin_left_mm: float = Field(default=26.0, ge=0)
    margin_right_mm: float = Field(default=24.0, ge=0)
    serif: FontFamily = FontFamily(
        cjk="宋体", names=["uming.ttc", "simsun.ttc", "SimSun.ttf", "NotoSerifCJK-Regular.ttc"],
        latin_names=["LiberationSerif-Regular.ttf", "times.ttf", "Times New Roman.ttf"],
    )
    sans: FontFamily = FontFamily(
        cjk="黑体", latin="Arial", names=["wqy-zenhei.ttc", "simhei.ttf", "SimHei.ttf", "msyh.ttc"],
        latin_names=["LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf"],
    )
    fallback_fonts: list[str] = Field(default_factory=lambda: ["DejaVuSans.ttf"], description="per-glyph fallback")
    styles: dict[str, TextStyle] = Field(default_factory=lambda: dict(DEFAULT_STYLES))
    accent_color: str = "1F4E79"
    case_fill: str = "EAF1F8"
    table_header_fill: str = "D9E2F3"
    table_rule_color: str = "7F7F7F"
    bullet_marker: str = Field(default="▶", min_length=1, max_length=4)
    continued_caption: str = Field(default="续表", max_length=20)
    continued_suffix: str = Field(default="（续）", max_length=20)
    toc_levels: int = Field(default=2, ge=1, le=3)
    photo_width: float = Field(default=0.5, gt=0, le=1, description="待补照片占位框的宽度，占版心宽度的比例")
    photo_ratio: float = Field(default=0.75, ge=0.25, le=2, description="待补照片占位框的高宽比（0.75 即 4:3 横幅）")
    running_header: bool = True
    page_number_format: str = Field(default="{n}", max_length=40, description="literal text with one {n}, e.g. 第{n}页")

    @field_validator("styles", mode="before")
    @classmethod
    def _merge_styles(cls, styles: object) -> object:
        """Merge each given role onto its default style, field by field."""
        if not isinstance(styles, dict):
            return styles
        unknown = sorted(str(role) for role in styles if role not in DEFAULT_STYLES)
        if unknown:
            raise PydanticCustomError("E-THEME-ROLE", "未知样式名“{value}”", {"value": _shown(unknown[0]), "at": (unknown[0],)})
        merged: dict[str, Any] = dict(DEFAULT_STYLES)
        merged.update({role: _merged(DEFAULT_STYLES[role], value) for role, value in styles.items()})
        return merged

    @field_validator("serif", "sans", mode="before")
    @classmethod
    def _merge_family(cls, value: object, info: ValidationInfo) -> object:
        """Merge a partial font family onto the default one, so setting ``files`` keeps the names."""
        default = cls.model_fields[str(info.field_name)].default
        return _merged(default, value)

    @field_validator("fallback_fonts", "bullet_marker", "continued_caption", "continued_suffix", "page_number_format",
                     mode="after")
    @classmethod
    def _plain(cls, value: object) -> object:
        return plain_text(value)

    @field_validator(*_COLOR_FIELDS, mode="before")
    @classmethod
    def _colour(cls, value: object) -> str:
        return hex_colour(value)

    @field_validator("page_number_format", mode="after")
    @classmethod
    def _page_number(cls, value: str) -> str:
        page_number_parts(value)
        return value

    @model_validator(mode="after")
    def _text_block(self) -> Theme:
        """Refuse margins that leave less than MIN_TEXT_BLOCK_MM of text width or height."""
        width, height = PAGE_SIZES_MM[self.page_size]
        for first, second, size in (("margin_left_mm", "margin_right_mm", width), ("margin_top_mm", "margin_bottom_mm", height)):
            a, b = getattr(self, first), getattr(self, second)
            if size - a - b < MIN_TEXT_BLOCK_MM:
                raise PydanticCustomError(
                    "E-THEME-MARGIN", "页边距 {first} 与 {second} 合计 {total} 毫米，过大",
                    {"first": first, "second": second, "total": f"{a + b:g}", "size": f"{size:g}",
                     "minimum": f"{MIN_TEXT_BLOCK_MM:g}", "at": (first if a >= b else second,)})
        return self

    def style(self, role: str) -> TextStyle:
        """Return the style of a semantic role such as ``chapter.title``."""
        return self.styles[role]

    def page_number_parts(self) -> tuple[str, str]:
        """Return the text printed before and after the page number (``第``, ``页``)."""
        return page_number_parts(self.page_number_format)


def _merged(default: Model, value: object) -> object:
    """Return ``value`` (a dict or a model) as a dict laid over ``default``'s fields."""
    if isinstance(value, Model):
        value = value.model_dump(include=value.model_fields_set)
    if not isinstance(value, dict):
        return value
    return {**default.model_dump(), **value}
