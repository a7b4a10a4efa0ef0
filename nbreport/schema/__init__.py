"""Pydantic models of an annual science-and-technology progress report."""

from .appendices import Appendix
from .blocks import Block, BulletList, CaseBox, ChartSpec, Figure, SubHeading
from .chapters import AnyChapter, Chapter, Conclusion, DistrictChapter, DistrictEntry, Overview, Section
from .chronology import Chronology, ChronologyEvent, EventDate
from .events import TopEvent, TopEventList
from .indicators import QUALIFIERS, Indicator, Quantity
from .inline import Paragraph, Run
from .meta import ReportMeta
from .report import Report
from .tables import AWARD_COLUMNS, PEOPLE_COLUMNS, Column, Table, cell_text
from .theme import ZIHAO, TextStyle, Theme, to_points

__all__ = [
    "AWARD_COLUMNS", "PEOPLE_COLUMNS", "QUALIFIERS", "ZIHAO",
    "AnyChapter", "Appendix", "Block", "BulletList", "CaseBox", "Chapter", "ChartSpec",
    "Chronology", "ChronologyEvent", "Column", "Conclusion", "DistrictChapter", "DistrictEntry",
    "EventDate", "Figure", "Indicator", "Overview", "Paragraph", "Quantity", "Report",
    "ReportMeta", "Run", "Section", "SubHeading", "Table", "TextStyle", "Theme", "TopEvent",
    "TopEventList", "cell_text", "to_points",
]
