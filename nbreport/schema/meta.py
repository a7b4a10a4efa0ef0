"""Report metadata: what the cover and the document properties say."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import Model


class ReportMeta(Model):
    """Describe one annual report: its year, region, titles and editor."""

    year: int = Field(ge=1949, le=2100, description="报告年度 / report year")
    region: str = Field(min_length=1, description="地区，如 宁波市")
    title: str = Field(min_length=1, description="报告标题，如 宁波市科技进步报告")
    title_en: str | None = Field(default=None, description="英文标题")
    editor: str | None = Field(default=None, description="编者，如 宁波市科学技术局")
    published: dt.date | None = Field(default=None, description="出版日期")
    language: str = Field(default="zh-CN", description="BCP 47 language tag")
    keywords: list[str] = Field(default_factory=list, description="文档关键词")

    @property
    def year_line(self) -> str:
        """Return the year line, e.g. ``2023年度``."""
        return f"{self.year}年度"

    @property
    def cover_year_line(self) -> str:
        """Return the cover's year line, empty when the title already starts with the year."""
        return "" if self.title.startswith(str(self.year)) else self.year_line

    @property
    def full_title(self) -> str:
        """Return the title with its year, e.g. ``2023年度宁波市科技进步报告``."""
        return f"{self.cover_year_line}{self.title}"
