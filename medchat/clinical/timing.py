"""How long ago or how long for: a patient's time spans checked against its case's own.

A small model asked "how long has this been going on?" three times may give three answers
("about a week", "about a month", "since last night") where its case says last night. A reader
rejects such a dialogue, and a student learns the wrong history from it; the invented-symptom
and contradiction checks read symptoms and negations, not time. Here each span a sentence states
("two days", "a few weeks", "since yesterday", "last night") becomes hours, and a span is
invented when no span of the case is within a factor of `TOLERANCE` of it. Frequencies ("twice
a day", "four days a week") and ages ("58 years old") are not spans, and a negated sentence
asserts none ("no sore throat in the last week" echoes the doctor's window). A day of the week
or "the weekend" reads as some time in the last eight days. A case that words its timing in ways
this does not read (a month, Christmas, "since I was at school") is left alone: the check is
for ruling out, so it stands aside rather than guess.
"""

from __future__ import annotations

import re

from medchat.clinical.contradiction import NEGATION
from medchat.clinical.conveyance import sentences

TOLERANCE = 2.5
"""A stated span within this factor of one of the case's counts as the case's ("a couple of
days" for "two days ago", "about a week" for "six days")."""

_COUNT = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a few": 3,
    "few": 3,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "several": 4,
}
_HOURS = {
    "minute": 1 / 60,
    "hour": 1,
    "day": 24,
    "night": 24,
    "week": 168,
    "fortnight": 336,
    "month": 730,
    "year": 8760,
}
_SPAN = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|a few|a couple of|a couple|couple of|few|several|an?|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<u>minute|hour|day|night|week|"
    r"fortnight|month|year)s?\b(?![\s-]+old)",
    re.IGNORECASE,
)
_NAMED = {
    "yesterday": 24,
    "last night": 12,
    "overnight": 12,
    "this morning": 6,
    "this afternoon": 4,
    "this evening": 3,
    "tonight": 2,
    "today": 8,
    "last week": 168,
    "last month": 730,
    "last year": 8760,
}
_NAMED_SPAN = re.compile(r"\b(?:" + "|".join(_NAMED) + r")\b", re.IGNORECASE)
_FREQUENCY_BEFORE = re.compile(
    r"\b(?:once|twice|times?|every|each|per|a|an|most|some|other|all|whole|same|that|this|next|"
    r"days?|nights?|hours?)\s*$",
    re.IGNORECASE,
)
"""A span after these is a frequency or a reference ("twice a day", "every week", "three times
a night", "all day", "most nights", "the other day", "that day"), not how long ago or for."""
_FREQUENCY_AFTER = re.compile(
    r"^\s+(?:a|an|per|each|every|in a)\s+(?:day|night|week|fortnight|month|year)\b", re.IGNORECASE
)
"""Nor is a span before these ("four days a week", "two nights a month")."""
_THIS_WEEK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b", re.IGNORECASE
)
THIS_WEEK_HOURS = (12.0, 192.0)
"""A day of the week or "the weekend" in a case: some time within the last eight days."""
_UNREAD = re.compile(
    r"\b(?:christmas|easter|january|february|march|april|june|july|august|september|october|"
    r"november|december|since (?:i was|my|the|she was|he was|birth|childhood))\b",
    re.IGNORECASE,
)
"""Timing this module does not turn into hours; a case that uses it is not checked."""


def spans(text: str) -> list[tuple[str, float]]:
    """(phrase, hours) for each time span `text` states."""
    out = []
    for match in _SPAN.finditer(text):
        if _FREQUENCY_BEFORE.search(text[: match.start()]) or _FREQUENCY_AFTER.search(
            text[match.end() :]
        ):
            continue
        number = match.group("n").lower()
        count = float(number) if number[0].isdigit() else _COUNT[number]
        out.append((match.group(0), count * _HOURS[match.group("u").lower()]))
    out += [(m.group(0), float(_NAMED[m.group(0).lower()])) for m in _NAMED_SPAN.finditer(text)]
    return out


def invented_timing(text: str, case: str) -> str | None:
    """The first sentence of `text` stating a span that no span of the `case` text is close to,
    as "phrase: sentence"; None when every span is the case's, or the case's timing is worded
    in a way `spans` does not read."""
    if _UNREAD.search(case):
        return None
    known = [(hours, hours) for _, hours in spans(case)]
    if _THIS_WEEK.search(case):
        known.append(THIS_WEEK_HOURS)
    for sentence in sentences(text):
        if (
            sentence.rstrip().endswith("?")
            or NEGATION.search(sentence)
            or _UNREAD.search(sentence)
            or _THIS_WEEK.search(sentence)
        ):
            continue
        for phrase, hours in spans(sentence):
            if not any(hours / TOLERANCE <= hi and lo <= hours * TOLERANCE for lo, hi in known):
                return f"{phrase}: {sentence.strip()}"
    return None
