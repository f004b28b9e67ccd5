"""Suicide risk a patient reply states that its case does not: thoughts, a plan or self-harm in a
case that holds none, or a day set for it when the case sets none.

Asked "Have you decided when you would do it?", the default model playing a case that says "I
haven't set a date" answered "I've decided to do it tomorrow", and its later answers repeated it.
A student who reads that learns the wrong risk level, the one detail of a mental-health history
that decides what happens next. The invented-symptom and timing checks read symptoms and past
spans; this reads the risk statements themselves (`medchat.clinical.concepts` wording), for the
patient's live review and for the quality gate alike. Word patterns, no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medchat.clinical.concepts import SUICIDE_SELF_HARM, states
from medchat.clinical.contradiction import NEGATION
from medchat.clinical.conveyance import sentences

_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
WHEN = re.compile(
    r"\b(?:tomorrow|tonight|today|this (?:week|weekend|evening|afternoon|morning)|"
    rf"next (?:week|month|year|{_DAYS})|on (?:the )?{_DAYS}|at the weekend|on my birthday|"
    r"in (?:a|one|two|three|a few|a couple of) (?:days?|weeks?|months?)|"
    r"(?:set|picked|chosen|decided on) (?:a|the) (?:date|day|time))\b",
    re.IGNORECASE,
)
"""When the act is to happen: a day, a time, or a date set."""
_ACT = re.compile(
    r"\b(?:do it|go through with it|act on (?:it|them|those thoughts)|"
    r"take (?:the|my|all (?:the|my)) (?:tablets|pills))\b",
    re.IGNORECASE,
)
"""The act in words the suicide concept does not read on their own ("do it"); the concept's
own wording ("kill myself", "end it") counts too (`_names_act`)."""


def _names_act(sentence: str) -> bool:
    return bool(_ACT.search(sentence)) or states(SUICIDE_SELF_HARM, sentence)


def _asserts(sentence: str) -> bool:
    """A sentence saying something, not denying it ("I've never tried to hurt myself")."""
    return not sentence.rstrip().endswith("?") and not NEGATION.search(sentence)


def invented_risk(text: str, case_facts: Sequence[str]) -> str | None:
    """The first sentence of `text` stating suicide risk that `case_facts` do not hold."""
    case_risk = [f for f in case_facts if states(SUICIDE_SELF_HARM, f)]
    case_when = any(WHEN.search(f) and not NEGATION.search(f) for f in case_risk)
    for sentence in sentences(text):
        if not _asserts(sentence):
            continue
        if not case_risk and states(SUICIDE_SELF_HARM, sentence):
            return sentence  # thoughts or self-harm in a case that has none
        if case_risk and not case_when and WHEN.search(sentence) and _names_act(sentence):
            return sentence  # a day set for the act where the case sets none
    return None
