"""Typed events the turn loop yields; the UI streams them and the batch runner collects them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medchat.types import Role, Turn


@dataclass(frozen=True)
class TokenEvent:
    """Scrubbed text of the turn being generated (released a clause at a time; a clause near an
    identifier waits for its sentence end)."""

    role: Role
    text: str


@dataclass(frozen=True)
class RetractEvent:
    """Discard the text streamed so far for `role`'s turn: the review found it out of role (or
    wrong about its case) and a repaired reply follows."""

    role: Role


@dataclass(frozen=True)
class TurnEvent:
    """A turn has been stored."""

    turn: Turn


@dataclass(frozen=True)
class VerdictEvent:
    """The safety filter's decision on one side of a turn; `message` is shown as a banner."""

    direction: str  # "input" or "output"
    action: str  # "allow", "escalate", "block"
    category: str
    reason: str
    message: str = ""


@dataclass(frozen=True)
class ExaminerEvent:
    """An examination finding or a test result reported by the examiner."""

    kind: str
    name: str
    finding: str
    status: str


@dataclass(frozen=True)
class EndEvent:
    """The consultation ended; `summary` holds the structured close when there is one."""

    reason: str
    summary: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ErrorEvent:
    """A model failure (timeout, exception, empty output). The conversation stays usable."""

    kind: str
    message: str


Event = TokenEvent | RetractEvent | TurnEvent | VerdictEvent | ExaminerEvent | EndEvent | ErrorEvent
