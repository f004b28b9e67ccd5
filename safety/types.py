"""The plain types MedChat and its safety layer share: the session `Mode`, and the `Verdict` a
safety check returns with its `Action`.

They live here, in the leaf `safety` package, because `safety` may not import `medchat` while
`medchat` may import `safety`: `medchat.types.Mode` and `medchat.dialogue.guard.Verdict` are these
same classes, so no conversion sits between the filter and the dialogue engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Mode(StrEnum):
    """Who sits on which side. The person types as the patient in consult, as the doctor in
    practice, and nobody types in autoplay/selfplay (a person may take over in autoplay)."""

    CONSULT = "consult"
    PRACTICE = "practice"
    AUTOPLAY = "autoplay"
    SELFPLAY = "selfplay"

    @property
    def policy_mode(self) -> Mode:
        """The mode whose safety policy applies: autoplay is checked as selfplay (either side
        may be a model, so every output check names its speaker)."""
        return Mode.SELFPLAY if self is Mode.AUTOPLAY else self


class Action(StrEnum):
    ALLOW = "allow"
    ESCALATE = "escalate"
    BLOCK = "block"


@dataclass(frozen=True)
class Verdict:
    """What to do with a message: `allow`, `escalate` (show `message` at once) or `block`, with
    the category, a reason, and which layer decided (rules, classifier, guard, context).

    `action` may be given as its name ("allow") and `message` as None; both are normalised, so
    a verdict compares, stores and prints the same whoever built it.
    """

    action: Action
    category: str = "none"
    reason: str = ""
    message: str = ""
    layer: str = "none"

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", Action(self.action))
        object.__setattr__(self, "message", self.message or "")

    def as_dict(self) -> dict[str, Any]:
        """The stored form (turn and event records): action, category, reason and message."""
        return {
            "action": self.action.value,
            "category": self.category,
            "reason": self.reason,
            "message": self.message,
        }


ALLOW = Verdict(Action.ALLOW, "none", "no rule, classifier or guard objection")
