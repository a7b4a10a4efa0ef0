"""Excel submissions from districts and departments: templates, validation, the clerk's report, merging."""

from .annotate import AnnotateError, write_annotated
from .check import CheckedSubmission, validate_submission
from .merge import MergeResult, merge_submissions
from .parts import PARTS
from .template import write_template

__all__ = [
    "PARTS", "AnnotateError", "CheckedSubmission", "MergeResult", "merge_submissions", "validate_submission",
    "write_annotated", "write_template",
]
