"""Repair a reply the agent's review rejected: once under a stricter frame, then the case's words.

The order is the cheapest that keeps the dialogue natural: a reply that is in role but left out a
fact the question asked for keeps its words and gets the fact appended in the case's own words (a
doctor turn with several questions keeps its first); a
reply out of role, claiming a diagnosis or denying a case fact is regenerated once under a
stricter frame (a transcript to continue); if that is still wrong, the agent's fallback (built
from the case, never from the model) is used. What was found and done is returned for the turn's
stored metadata, so break and repair rates can be counted per turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from langchain_core.messages import BaseMessage

from medchat.clinical.review import Problem, strip_labels
from medchat.errors import ModelError
from medchat.log import get_logger
from medchat.types import Turn

if TYPE_CHECKING:
    from medchat.agents.base import Agent

log = get_logger("agents.repair")

Regenerate = Callable[[list[BaseMessage]], str]
"""Runs the model on messages and returns its reply, already scrubbed and safety-checked ("" if
the output check stopped it)."""


@dataclass
class Repaired:
    text: str
    found: list[Problem] = field(default_factory=list)
    repairs: int = 0
    fallback: bool = False
    appended: list[str] = field(default_factory=list)

    def meta(self) -> dict[str, Any]:
        return {
            "found": sorted({p.kind for p in self.found}),
            "repairs": self.repairs,
            "fallback": self.fallback,
            "appended": self.appended,
        }


FIXED_IN_PLACE = frozenset({"missing", "multi_question", "echo", "unsupported_yes", "yes_beside"})
"""Kinds mended without regenerating (`Agent.complete`): append a fact, keep one question, drop
a sentence that parrots the patient, say "not sure" for a yes that only repeats the question,
drop a yes that goes on to another finding."""


def _serious(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.kind not in FIXED_IN_PLACE]


def _echo_first(agent: Agent, text: str, problems: list[Problem]) -> list[Problem]:
    """`problems` as they stand once a yes that only repeats the question (`unsupported_yes`)
    is said as "not sure": its echo is often the very sentence that invents the symptom or the
    timing the review also found ("Yes, I've had swelling in my ankles" to a case without it).
    On a read probe set's absent questions (2026-12-07, evening) the five such replies were
    regenerated, and every one shown then told the nearby fact picked for the question in place
    of an answer. So when the rest of the reply holds no serious problem of its own, the mend in
    place is all that is done; the facts left out are still appended (`Agent.complete`)."""
    echo = next((p for p in problems if p.kind == "unsupported_yes"), None)
    if echo is None or not text.strip().startswith(echo.detail):
        return problems
    rest = text.strip()[len(echo.detail) :].strip()
    if not rest:  # the echo was the whole reply: every serious problem was in it
        return [p for p in problems if p.kind in FIXED_IN_PLACE]
    left = agent.review(rest, final=True)
    if _serious(left):
        return problems
    # Facts the whole reply left out, not those only the echo sentence may have told.
    return [
        echo,
        *(p for p in left if p.kind in FIXED_IN_PLACE and (p.kind != "missing" or p in problems)),
    ]


def finish(
    agent: Agent,
    turns: Sequence[Turn],
    text: str,
    regenerate: Regenerate,
    found: list[Problem] | None = None,
    scrub: Callable[[str], str] = str,
) -> Repaired:
    """The reply to store for `text`; `found` are problems already seen (e.g. mid-stream).

    `scrub` is applied to what comes from the case rather than the model (fallbacks, appended
    facts), so the stored turn is scrubbed all through.
    """
    problems = agent.review(text, final=True) if found is None else found
    result = Repaired(text, list(problems))
    rejected = text
    if _serious(problems):
        problems = _echo_first(agent, text, problems)
    if _serious(problems):
        result.repairs = 1
        try:
            retry = strip_labels(regenerate(agent.strict_messages(turns, _serious(problems))))
        except ModelError as exc:  # the model failed on the retry: fall back, keep the turn
            log.warning("repair_regenerate_failed", role=agent.role.value, error=type(exc).__name__)
            retry = ""
        problems = agent.review(retry, final=True) if retry else _serious(problems)
        result.text = retry
        if not retry or _serious(problems):
            result.text, result.fallback, problems = (
                scrub(agent.fallback(turns, rejected)),
                True,
                [],
            )
    in_place = [p for p in problems if p.kind in FIXED_IN_PLACE]
    if in_place:
        result.text, result.appended = agent.complete(result.text, in_place, scrub)
    log.info(
        "reply_reviewed",
        role=agent.role.value,
        found=sorted({p.kind for p in result.found}),
        repairs=result.repairs,
        fallback=result.fallback,
        appended=len(result.appended),
    )
    return result
