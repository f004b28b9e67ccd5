"""A reply that tells a household or a job its case does not have.

Asked "Who lives at home with you?" or "How are things at work?" by a case that says nothing of
either, the default model answered "I live with my husband" and "I'm doing well at work": a
student records a social history the case does not hold. The plain-no check reads only yes/no
questions, so these passed. A clause stating a household or work (the concept patterns of
`medchat.clinical.concepts`, not negated) in a case with no fact stating that concept is an
invention, repaired like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from medchat.clinical.concepts import HOUSEHOLD, WORK, states
from medchat.clinical.contradiction import NEGATION
from medchat.clinical.conveyance import sentences
from medchat.personas.schema import Fact


def invented_social(text: str, facts: Sequence[Fact]) -> str | None:
    """The first sentence of `text` telling a household or work its case `facts` never state."""
    missing = [c for c in (HOUSEHOLD, WORK) if not any(states(c, f.text) for f in facts)]
    for sentence in sentences(text):
        if NEGATION.search(sentence) or sentence.rstrip().endswith("?"):
            continue
        if any(c.stated.search(sentence) for c in missing):
            return sentence.strip()
    return None
