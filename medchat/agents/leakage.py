"""Does a patient turn name the hidden diagnosis? Used to repair turns and to measure leakage.

Matching is on whole words, case-insensitive, and tolerant of hyphens, spacing and a plural
"s", so "Myasthenia-gravis" and "migraines" count, while "heart" inside "heartburn" does not.
Short acronyms ("MI", "MS") must match in capitals, so "mi" or "Ms Smith" are not leaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from medchat.personas.schema import Persona

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def diagnosis_terms(persona: Persona) -> tuple[str, ...]:
    """The diagnosis and its synonyms."""
    terms = (persona.diagnosis.name, *persona.diagnosis.synonyms)
    return tuple(t.strip() for t in terms if t.strip())


@lru_cache(maxsize=4096)
def _pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.lower()) if w]
    body = r"[\s\-]*".join(words)
    if len(term) <= 3 and term.isupper():
        return re.compile(rf"(?<!\w){re.escape(term)}s?(?!\w)")
    return re.compile(rf"(?<!\w){body}(?:e?s)?(?!\w)", re.IGNORECASE)


def find_leak(text: str, persona: Persona | None = None, terms: tuple[str, ...] = ()) -> str | None:
    """The first diagnosis term that `text` names, or None."""
    for term in terms or diagnosis_terms(persona):  # type: ignore[arg-type]
        if _pattern(term).search(text):
            return term
    return None


def strip_leaks(text: str, terms: tuple[str, ...]) -> str:
    """`text` without the sentences that name any of `terms`."""
    kept = [s for s in _SENTENCE.split(text) if not find_leak(s, terms=terms)]
    return " ".join(kept).strip()
