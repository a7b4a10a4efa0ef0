"""Theme: fonts, sizes, spacing, margins and colours that both renderers read."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .base import Model

# Chinese type sizes (字号) in points, as Word and the GB/T 9704 convention use them.
ZIHAO: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
    "六号": 7.5, "小六": 6.5,
}


def to_points(value: float | int | str) -> float:
    """Return a size in points from a number or a 字号 name such as 小四; raise on unknown names."""
    if isinstance(value, (int, float)):
        return float(value)
    text = value.strip()
    if text in ZIHAO:
        return ZIHAO[text]
    try:
        return float(text.removesuffix("pt"))
    except ValueError:
        raise ValueError(f"未知字号“{value}”，可用：{'、'.join(ZIHAO)} 或磅值") from None


class TextStyle(Model):
    """Style one semantic role of text (body, chapter title, caption...)."""

    font: Literal["serif", "sans"] = "serif"
    size: float = 12.0
    bold: bool = False
    color: str = "000000"
    align: Literal["left", "center", "right", "justify"] = "justify"
    first_line_chars: float = 0.0
    line_spacing: float = Field(default=1.5, description="multiple of the font size")
    space_before: float = 0.0
    space_after: float = 0.0

    @field_validator("size", mode="before")
    @classmethod
    def _zihao(cls, value: object) -> object:
        return to_points(value) if isinstance(value, (str, int, float)) else value


class FontFamily(Model):
    """Name a font for Word (CJK and Latin) and the files the PDF may embed."""

    cjk: str
    latin: str = "Times New Roman"
    files: list[str] = Field(default_factory=list, description="TrueType files tried first")
    names: list[str] = Field(default_factory=list, description="file names searched in font folders")
    latin_names: list[str] = Field(
        default_factory=list, description="TrueType files for Latin letters and digits in the PDF; none: the CJK font's"
    )


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
    """Set the look of both outputs: page, margins, fonts per role, colours, conventions."""

    page_size: Literal["A4", "B5", "Letter"] = "A4"
    margin_top_mm: float = 28.0
    margin_bottom_mm: float = 25.0
    margin_left_mm: float = 26.0
    margin_right_mm: float = 24.0
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
    bullet_marker: str = "▶"
    continued_caption: str = "续表"
    continued_suffix: str = "（续）"
    toc_levels: int = Field(default=2, ge=1, le=3)
    running_header: bool = True
    page_number_format: str = "{n}"

    @field_validator("styles", mode="after")
    @classmethod
    def _complete(cls, styles: dict[str, TextStyle]) -> dict[str, TextStyle]:
        unknown = sorted(set(styles) - set(DEFAULT_STYLES))
        if unknown:
            raise ValueError(f"未知样式名：{'、'.join(unknown)}")
        return {**DEFAULT_STYLES, **styles}

    def style(self, role: str) -> TextStyle:
        """Return the style of a semantic role such as ``chapter.title``."""
        return self.styles[role]
