"""Does a patient turn name the hidden diagnosis? Used to repair turns and to measure leakage.

The matching rules live in `safety.policy.leakage`, shared with the live safety filter so the
chat and the batch gate agree on what a leak is; this module adds the persona and the
sentence-level repair.
"""

from __future__ import annotations

import re

from medchat.personas.schema import Persona
from safety.policy.leakage import find_term

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def diagnosis_terms(persona: Persona) -> tuple[str, ...]:
    """The diagnosis and its synonyms."""
    terms = (persona.diagnosis.name, *persona.diagnosis.synonyms)
    return tuple(t.strip() for t in terms if t.strip())


def find_leak(text: str, persona: Persona | None = None, terms: tuple[str, ...] = ()) -> str | None:
    """The first diagnosis term that `text` names, or None."""
    return find_term(text, terms or diagnosis_terms(persona))  # type: ignore[arg-type]


def strip_leaks(text: str, terms: tuple[str, ...]) -> str:
    """`text` without the sentences that name any of `terms`."""
    kept = [s for s in _SENTENCE.split(text) if not find_leak(s, terms=terms)]
    return " ".join(kept).strip()
