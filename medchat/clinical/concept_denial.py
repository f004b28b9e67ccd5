"""A reply that denies a topic its case states, found from the reply's own words.

The denial check (`medchat.clinical.review.denials`) compares a reply with the facts selected
for the question. When the selector picked nothing, because the question was worded unlike any
fact ("Has anything like that crossed your mind?"), a patient saying "No, I've never thought
about ending my life" passed as the plain no such a question seemed to be owed, in a case that
says "I've been thinking about ending my life". The reply names its topic in a patient's words,
which the concept patterns read (`medchat.clinical.concepts`): a negated clause stating a
concept, in a case with a fact stating it, denies that fact. A part the reply names (a past
attempt, money) is compared with the facts of that part only, so "I've never tried to hurt
myself" does not deny current thoughts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medchat.clinical.concepts import (
    LOW_MOOD,
    PROTECTIVE,
    STRESS,
    SUICIDE_SELF_HARM,
    Concept,
    states,
)
from medchat.clinical.conveyance import sentences
from medchat.clinical.review import positive_part
from medchat.personas.schema import Fact

_NEGATED = re.compile(
    r"\b(?:no|not|never|none|nothing|haven't|hasn't|don't|doesn't|didn't|isn't|aren't|wasn't|"
    r"weren't|wouldn't|won't)\b|n't\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:but|although|though|except|apart from|only|just)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:]\s*|\s+(?:and|so)\s+", re.IGNORECASE)
_OTHERS = re.compile(
    r"\b(?:my|his|her|our) (?:mum|mom|mother|dad|father|brothers?|sisters?|family|parents?|"
    r"grand\w+|relatives?|sons?|daughters?|wife|husband|partner|friends?)\b|\bno ?(?:one|body) "
    r"in\b",
    re.IGNORECASE,
)
"""A clause about someone else ("my mum never had depression") denies nothing of the patient's
own mental health."""
DENIABLE: tuple[Concept, ...] = (SUICIDE_SELF_HARM, LOW_MOOD, PROTECTIVE, STRESS)
"""Concepts a no denies. Not work or household: "I don't live alone" agrees with "I live with
my wife", and "I'm not working" with "I'm retired"."""


def concept_denials(text: str, facts: Sequence[Fact], limit: int = 2) -> list[Fact]:
    """Case facts (at most `limit`) that a negated clause of `text` denies by topic."""
    found: list[Fact] = []
    for sentence in sentences(text):
        if _CONTRAST.search(sentence):
            continue  # "No plan, but the thoughts are there": a denial and an admission
        for clause in _CLAUSE.split(sentence):
            for concept in DENIABLE:
                if concept.own_history and _OTHERS.search(clause):
                    continue
                if any(_negates(clause, m) for m in concept.stated.finditer(clause)):
                    found += [f for f in _denied(concept, clause, facts) if f not in found]
    return found[:limit]


def _negates(clause: str, match: re.Match[str]) -> bool:
    """Whether a negation before the concept's words denies them. Many of those words hold
    their own ("I don't want to be here any more", "I can't enjoy anything") and state the
    concept; a leading "no" answers the question and may agree ("Are you still enjoying
    things?" "No, I don't enjoy anything")."""
    before = _LEADING_NO.sub("", clause[: match.start()])
    return _NEGATED.search(before) is not None


_LEADING_NO = re.compile(r"^\W*(?:no|nope|nah)\b\W*", re.IGNORECASE)


def _denied(concept: Concept, clause: str, facts: Sequence[Fact]) -> list[Fact]:
    """The facts stating `concept` in their stating clauses; of a part the clause names, only
    that part's facts, and none when the case states nothing of that part."""
    parts = {f.id: positive_part(f.text) for f in facts}
    stating = [
        f for f in facts if states(concept, parts[f.id]) and not _OPENS_DENYING.match(parts[f.id])
    ]
    facets = [f for f in concept.facets if f.stated.search(clause)]
    if facets:
        stating = [f for f in stating if any(p.stated.search(parts[f.id]) for p in facets)]
    return stating


_OPENS_DENYING = re.compile(
    r"^\W*(?:\w+: )?(?:i|he|she|they)(?:'ve|'s| have| has| had)? (?:never|not|haven't|hasn't|"
    r"don't|doesn't|didn't)\b",
    re.IGNORECASE,
)
"""A fact that is itself a denial ("I've never tried to hurt myself before"): a no agrees."""
