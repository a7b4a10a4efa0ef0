"""Read dataset folders (YAML, Markdown, CSV, XLSX) into Reports, keeping where values came from."""

from .dataset import DatasetError, LoadResult, load_dataset, load_report
from .sources import SourceMap

__all__ = ["DatasetError", "LoadResult", "SourceMap", "load_dataset", "load_report"]
