"""What a concept is: a topic recognised by wording in a question and in a case fact."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    """One part of a concept a question can ask about on its own (of suicidal thoughts: a past
    attempt, a plan, an intent): asked, the facts stating it answer before the concept's
    others."""

    name: str
    asked: re.Pattern[str]
    stated: re.Pattern[str]


@dataclass(frozen=True)
class Concept:
    """A topic whose question and whose facts are each recognised by wording."""

    name: str
    asked: re.Pattern[str]
    stated: re.Pattern[str]
    facets: tuple[Facet, ...] = ()
    narrow: bool = False
    """A question asking one of its facets is answered by that facet's facts or by none of the
    concept's ("any money worries?" is not answered by a bereavement); otherwise by the whole
    concept when the case states nothing of the facet (asked about intent, a case's only
    suicidal-thoughts fact still answers)."""
    own_history: bool = True
    """A question about a relative's history ("did your mum have depression?") does not ask
    it; False for concepts about the patient's situation, which involves others."""


def pattern(*parts: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `parts`."""
    return re.compile("|".join(parts), re.IGNORECASE)
