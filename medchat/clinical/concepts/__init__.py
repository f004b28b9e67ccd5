"""Concepts a question and a case fact can both be about, recognised on each side by wording.

The encoder misses some questions whose answer matters most: "Do you ever feel life isn't worth
living?" sits at cosine 0.39 from "I've been thinking about ending my life", and "Is anything
stressing you out?" far from "I've got exams next week". For such topics the question side and
the fact side are each recognised by their own patterns (`mental_health`, `psychosocial`), and a
fact about a concept the question asks about is selected whatever its cosine
(`medchat.agents.grounding`).
"""

from __future__ import annotations

import re

from medchat.clinical.concepts.base import Concept, Facet
from medchat.clinical.concepts.mental_health import LOW_MOOD, PROTECTIVE, SUICIDE_SELF_HARM
from medchat.clinical.concepts.psychosocial import HOUSEHOLD, STRESS, WORK

__all__ = [
    "CONCEPTS",
    "HOUSEHOLD",
    "LOW_MOOD",
    "PROTECTIVE",
    "STRESS",
    "SUICIDE_SELF_HARM",
    "WORK",
    "Concept",
    "Facet",
    "asked_concepts",
    "asked_facets",
    "states",
]

CONCEPTS: tuple[Concept, ...] = (
    SUICIDE_SELF_HARM,
    LOW_MOOD,
    PROTECTIVE,
    STRESS,
    WORK,
    HOUSEHOLD,
)


_BACK_REFERENCE = re.compile(
    r"\b(?:like (?:that|this)|th(?:ese|ose) (?:thoughts|feelings)|that crossed|such thoughts)\b",
    re.IGNORECASE,
)
"""A question that points back at the sentence before it ("...not wake up. Has anything like
that crossed your mind?")."""


_ABOUT_OTHERS = re.compile(
    r"\b(?:anyone|anybody|someone|any of|members?)\b(?: \w+){0,3} (?:in )?(?:your|the) "
    r"(?:family|relatives)|\b(?:your|his|her) (?:mum|mom|mother|dad|father|brothers?|sisters?|"
    r"parents?|siblings?|relatives?|grand\w+|partner|wife|husband|friends?)\b(?: \w+)? "
    r"(?:had|has|have|suffers?|suffered|struggled?|struggles|taken|took|been|died|killed|"
    r"tr(?:y|ied)|attempted)\b|"
    r"\brun in (?:the|your) family",
    re.IGNORECASE,
)
"""A question about someone else's history ("has anyone in your family had depression?"): the
patient's own low mood does not answer it. Psychosocial concepts are not checked against it:
"has your husband been supportive?" asks about the patient's own situation."""


def asked_concepts(question: str, turn: str = "") -> tuple[Concept, ...]:
    """The concepts `question` asks about; when it points back ("anything like that?"), those
    of the whole `turn` it closes. A question about someone else's history asks none of the
    patient's own history concepts."""
    candidates = CONCEPTS
    if _ABOUT_OTHERS.search(question):
        candidates = tuple(c for c in CONCEPTS if not c.own_history)
    found = tuple(c for c in candidates if c.asked.search(question))
    if not found and turn and _BACK_REFERENCE.search(question):
        found = tuple(c for c in candidates if c.asked.search(turn))
    return found


def states(concept: Concept, fact: str) -> bool:
    """Whether `fact` tells about `concept` (either way: "I've never hurt myself" tells too)."""
    return concept.stated.search(fact) is not None


def asked_facets(concept: Concept, question: str) -> tuple[Facet, ...]:
    """The parts of `concept` that `question` asks about on their own (none: the whole)."""
    return tuple(f for f in concept.facets if f.asked.search(question))
