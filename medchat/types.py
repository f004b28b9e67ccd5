"""Plain data types shared by the dialogue engine, the store, the UI and batch generation.

`Mode` is `safety.types.Mode`, declared in the leaf `safety` package so that the safety policy
and the sessions use one enum.
"""

from __future__ import annotations

import secrets
import time
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from safety.types import Mode as Mode  # re-exported: the one Mode


class Role(StrEnum):
    DOCTOR = "doctor"
    PATIENT = "patient"
    EXAMINER = "examiner"
    SYSTEM = "system"


def new_id(nbytes: int = 16) -> str:
    """An unguessable id (128 bits by default), safe in URLs and Redis keys."""
    return secrets.token_urlsafe(nbytes)


class Turn(BaseModel):
    """One stored utterance. `text` is always scrubbed; raw text is never kept."""

    id: str = Field(default_factory=lambda: new_id(8))
    seq: int = 0
    role: Role
    text: str
    author: str = Field(description="'human' or a model name")
    created: float = Field(default_factory=time.time)
    safety: dict[str, Any] | None = None
    """The verdicts on this turn, e.g. {"input": {...}, "output": {...}}."""
    meta: dict[str, Any] = Field(default_factory=dict)


class Rating(BaseModel):
    turn_id: str
    score: int = Field(ge=-1, le=1, description="-1 down, 0 neutral, +1 up")
    comment: str = ""
    created: float = Field(default_factory=time.time)


class SessionMeta(BaseModel):
    """What a session is: enough to resume it and to say how its data was made."""

    id: str = Field(default_factory=new_id)
    owner: str = "local"
    mode: Mode
    persona_id: str | None = None
    variant: int = 0
    models: dict[str, str] = Field(default_factory=dict)
    prompt_versions: dict[str, str] = Field(default_factory=dict)
    seed: int = 0
    created: float = Field(default_factory=time.time)
    updated: float = Field(default_factory=time.time)
    status: str = "active"
    summary: dict[str, Any] | None = None
    title: str = ""
