"""Does a reply say a case fact, or a symptom the case never mentions?

One check serves the live patient (to repair an answer that left out or contradicted what its case
says) and the fidelity evaluation (to measure it), so what is repaired and what is scored agree.
"Conveys" means a sentence of the reply is close to the fact in MiniLM embedding space (cosine >=
`CONVEY_THRESHOLD`), or the reply shares most of the fact's content words.
"""

from __future__ import annotations

import re

import numpy as np

from medchat.clinical.encoder import embed, get_encoder
from medchat.clinical.lexicon import symptom_terms
from medchat.personas.schema import Persona

CONVEY_THRESHOLD = 0.6
SENTENCE = re.compile(r"(?<=[.!?])\s+")
NEGATION = re.compile(
    r"\b(no|not|never|none|without|haven't|hasn't|don't|doesn't|didn't|isn't|aren't|nothing|"
    r"nor)\b[\w\s,']{0,30}$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z']+")
_STOP = frozenset(
    {
        *("i", "my", "me", "the", "a", "an", "and", "or", "of", "to", "in", "on", "it", "is"),
        *("was", "have", "has", "had", "be", "been", "with", "for", "at", "this", "that"),
        *("i'm", "i've", "it's", "but", "so", "if"),
    }
)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text.strip()) if s.strip()] or [text]


def case_text(persona: Persona) -> str:
    return " ".join([persona.opening_statement, *(f.text for f in persona.facts)])


def invented_symptoms(answer: str, persona: Persona) -> list[str]:
    """Symptom terms asserted in `answer` (not negated) that the case never mentions."""
    known = case_text(persona)
    found = []
    for name, pattern in symptom_terms():
        if pattern.search(known):
            continue
        for match in pattern.finditer(answer):
            if not negated_before(answer, match.start()):
                found.append(name)
                break
    return found


_CLAUSE_START = re.compile(
    r"[.;!?]|\b(?:but|though|although|except|apart from)\b|"
    r"\band (?=(?:i|i'm|i've|my|it|it's|he|she|they)\b)",
    re.IGNORECASE,
)
_NEGATOR = re.compile(
    r"\b(no|not|never|none|without|haven't|hasn't|don't|doesn't|didn't|isn't|aren't|wasn't|"
    r"weren't|nothing|nor)\b",
    re.IGNORECASE,
)


def negated_before(text: str, start: int) -> bool:
    """Whether the words at `start` are in a clause that a negation governs ("No, I didn't
    black out or feel like I was going to faint"); "but" starts a new clause ("I haven't had a
    fever, but I've got a cough" asserts the cough)."""
    before = text[:start]
    clause = before[max((m.end() for m in _CLAUSE_START.finditer(before)), default=0) :]
    return bool(_NEGATOR.search(clause))


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def conveyed(answer: str, fact_texts: list[str], fact_vecs: np.ndarray) -> list[bool]:
    """For each fact, whether the answer conveys it."""
    if not fact_texts:
        return []
    sims = embed(get_encoder(), sentences(answer)) @ fact_vecs.T  # sentences x facts
    best = sims.max(axis=0)
    words = content_words(answer)
    out = []
    for i, fact in enumerate(fact_texts):
        overlap = content_words(fact)
        share = len(overlap & words) / len(overlap) if overlap else 0.0
        out.append(bool(best[i] >= CONVEY_THRESHOLD or share >= 0.6))
    return out
