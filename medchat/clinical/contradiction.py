"""A patient sentence that affirms what its case negates ("it's really itchy" when the case says
"it's not itchy"; "it gets better with paracetamol" when the case says "paracetamol isn't
touching it").

One rule for the patient's live review (a contradicting reply is regenerated, then replaced by
the case's words) and for the quality gate that reads a stored dialogue
(`medchat.batch.case_gates.contradiction`). Word overlaps, no model: it costs microseconds.
"""

from __future__ import annotations

import re

from medchat.clinical.conveyance import sentences
from medchat.clinical.review import telling_stems

NEGATION = re.compile(
    r"\b(?:no|not|never|none|nothing|without|haven't|hasn't|hadn't|don't|doesn't|didn't|isn't|"
    r"aren't|wasn't|weren't|can't|cannot|won't|nor)\b",
    re.IGNORECASE,
)
FUNCTION_STEMS = frozenset(
    {
        *("about", "after", "also", "becau", "befor", "could", "even", "from", "have", "into"),
        *("more", "most", "over", "quite", "reall", "shoul", "some", "still", "that", "them"),
        *("then", "there", "these", "they", "this", "those", "were", "what", "when", "where"),
        *("which", "while", "with", "would", "your"),
    }
)
"""Five-letter stems of function words, which `telling_stems` keeps although they tell nothing."""
CLAUSE = re.compile(r"[,;.]|\b(?:and|but)\b", re.IGNORECASE)


def telling(text: str) -> set[str]:
    """`telling_stems` without negation and function words, which it keeps ("haven't" -> "haven",
    "when"), so that two sentences do not match on their "no" or "when" alone."""
    return telling_stems(NEGATION.sub(" ", text)) - FUNCTION_STEMS


def contradicting_sentence(text: str, facts: list[str]) -> str | None:
    """The first sentence of `text` affirming a negated clause of the case `facts`: it shares
    at least two telling words with the clause and more than with any affirmative clause.
    Facts are cut into clauses at commas, "and" and "but", so a cut that loses a negation's
    reach makes a clause affirmative, which can only excuse a sentence, never flag one."""
    negated: list[set[str]] = []
    affirmative: list[set[str]] = []
    for fact in facts:
        for clause in CLAUSE.split(fact):
            if words := telling(clause):
                (negated if NEGATION.search(clause) else affirmative).append(words)
    for sentence in sentences(text):
        if NEGATION.search(sentence) or sentence.rstrip().endswith("?"):
            continue
        words = telling(sentence)
        against = max((len(words & c) for c in negated), default=0)
        agrees = max((len(words & c) for c in affirmative), default=0)
        if against >= 2 and against > agrees:
            return sentence.strip()
    return None
