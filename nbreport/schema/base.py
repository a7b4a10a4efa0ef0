"""Shared base model for every schema class."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base of all report models: strict about unknown fields, whitespace kept as typed, assignments checked."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False, validate_assignment=True)
