"""Does a text name a hidden diagnosis? The one detector behind both the live safety filter
(`SafetyFilter.check_output`) and the batch leakage gate (`medchat.clinical.leakage`), so a reply
the chat blocks is exactly a reply the batch rejects.

Matching is on whole words, case-insensitive, and tolerant of hyphens, spacing and a plural
"s"/"es", so "Myasthenia-gravis" and "migraines" count, while "heart" inside "heartburn" does
not. Short acronyms (up to three capitals: "MI", "MS") must match in capitals, so "mi" or
"Ms Smith" are not leaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    """The compiled matcher for one diagnosis term (cached: every turn re-checks the same)."""
    if len(term) <= 3 and term.isupper():
        return re.compile(rf"(?<!\w){re.escape(term)}s?(?!\w)")
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.lower()) if w]
    body = r"[\s\-]*".join(words)
    return re.compile(rf"(?<!\w){body}(?:e?s)?(?!\w)", re.IGNORECASE)


def find_term(text: str, terms: Iterable[str | None]) -> str | None:
    """The first of `terms` (blank ones skipped, ends trimmed) that `text` names, or None."""
    for term in terms:
        term = (term or "").strip()
        if term and term_pattern(term).search(text):
            return term
    return None
