"""nbreport: build a city's annual science-and-technology progress report as DOCX and PDF.

    import nbreport
    report = nbreport.load("data/2023")
    nbreport.build(report, "out/")
"""

from .api import build, load, load_theme, validate
from .compose import Document, compose
from .findings import Finding, Location, ValidationReport
from .load import DatasetError
from .render.errors import RenderError
from .schema import Report, ReportMeta, Theme

__all__ = [
    "DatasetError", "Document", "Finding", "Location", "RenderError", "Report", "ReportMeta", "Theme",
    "ValidationReport", "build", "compose", "load", "load_theme", "validate",
]
__version__ = "0.1.0"
