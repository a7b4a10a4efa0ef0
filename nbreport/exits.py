"""The command line's exit codes, shared by single and batch builds."""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a killed writer
# Findings that mean there was nothing to check: exit 2, not 1.
CANNOT_RUN_CODES = frozenset({"E-PATH-NOT-FOUND", "E-PATH-NOT-DATASET"})
