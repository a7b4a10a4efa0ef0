"""Bad inputs for one area of the code; the shape of a case is in cases_base."""

from __future__ import annotations

from bad_inputs.cases_base import Case

CASES: list[Case] = []
