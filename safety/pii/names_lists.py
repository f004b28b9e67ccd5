"""Names placed by a call, a list or a note's verb (seventeenth round, by class, from the misses
of fresh16 and hand-written 14):

- who is calling, after "it's" or "this is" (with a spoken filler) and before "calling",
  "ringing" or "here" ("hi um it's x y calling about my mum's ...");
- an entry of a list, before its bracket ("group list: X Y (town), X Y (number)", "school nurse
  note - X (dob)", "Next of kin: X Y (daughter)");
- whom a review, a blood test, a booking or a request is for, before a comma, a bracket or
  "on/in/at" ("occ health review for x y, ...", "repeat bloods for X Y on ...");
- whom a clinician saw or reviewed ("i saw x y in eye clinic today");
- a relative named after "my <relation>" before "of", "from" or a comma ("my father x y of
  <address>");
- a name greeted before "your" ("SMS: X, your review is ...");
- "surname, forename" after a note's colon and before a field separator ("pharmacist note:
  fowler, josh - ...");
- who a message is from, before its colon ("Portal message from X Y: ...");
- a numbered list's entry before its comma ("1) x y, <street>");
- whom a letter is for the attention of ("attention X Y", "attn: X Y").

Each shape asks the words themselves for what the cue does not settle, as in `names_requests`.
"""

from __future__ import annotations

from safety.pii.names import TOK
from safety.pii.names_forms import is_service_noun
from safety.pii.names_requests import _KIN
from safety.pii.names_roles import (
    _NAME,
    StrictCuedNameRecognizer,
    UncommonCuedNameRecognizer,
    _strict,
)

_FILLER = r"(?:(?i:eh|em|erm|um|uh|uhm|ah)\s+)?"
_TITLE = r"(?:(?i:mr|mrs|ms|miss|dr|mme|madame|monsieur|herrn?|frau|dhr|mevr|mevrouw)\.?\s+)?"
# A list entry follows a list label's colon, a comma, a number or a field's dash (not the text's
# start: "sample (dob on form) sent to the lab").
_ENTRY_OPENS = r"(?::\s+|,\s+|\d\)\s+|\s[-–]\s)"
_UNCOMMON_RUN = rf"{TOK}(?:[ -]{TOK}){{0,3}}"


class CallingNameRecognizer(StrictCuedNameRecognizer):
    """Who is calling, after "it's" or "this is" ("hi um it's x y calling about", "this is eh X
    ringing for"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?i:\bit['’]?s|\bits|\bthis\s+is)\s+{_FILLER}(?P<v>{_NAME})\s+"
            rf"(?=(?i:calling|ringing|phoning|here)\b)",
            0.8,
        ),
    )


class ListEntryNameRecognizer(UncommonCuedNameRecognizer):
    """An entry of a list before its bracket ("X Y (town)", "X (dob)", "X Y (daughter)"): every
    word name-like and uncommon."""

    PATTERNS = ((rf"{_ENTRY_OPENS}(?P<v>{_UNCOMMON_RUN})\s+\((?=[^)\n]{{1,40}}\))", 0.8),)

    def refine(self, value: str) -> str:
        # every word uncommon, or the strict test (two name-like words or evidence)
        return UncommonCuedNameRecognizer.refine(self, value) or _strict(value, loose=True)


class _ForSomeoneNameRecognizer(StrictCuedNameRecognizer):
    """A cue that may be followed by a service rather than a person: what is booked, reviewed
    or seen is no one when it is a service noun ("booked for flu jabs on monday")."""

    def refine(self, value: str) -> str:
        return "" if is_service_noun(value) else super().refine(value)


class ReviewForNameRecognizer(_ForSomeoneNameRecognizer):
    """Whom a review, a blood test, a booking or a request is for ("review for x y, ...",
    "bloods for X Y on", "booked for X Y on", "request for x y, <street>"): two name-like words
    or evidence; a title stays outside."""

    PATTERNS = (
        (
            r"(?i:\b(?:review|bloods|booked|booking|request|referral|visit|appointment|appt)\s+"
            rf"for)\s+{_TITLE}(?P<v>{_NAME})(?=\s*[,(]|\s+(?i:on|in|at)\b)",
            0.8,
        ),
    )


class SawNameRecognizer(_ForSomeoneNameRecognizer):
    """Whom a clinician saw, reviewed or examined ("i saw x y in eye clinic today"): two
    name-like words or evidence."""

    PATTERNS = (
        (
            r"(?i:\b(?:i|we)\s+(?:saw|reviewed|examined))\s+"
            rf"{_TITLE}(?P<v>{_NAME})(?=\s+(?i:in|at|on|today|yesterday|this)\b|\s*[,(])",
            0.8,
        ),
    )


class MyRelationNameRecognizer(StrictCuedNameRecognizer):
    """A relative named after "my <relation>" ("on behalf of my father x y of <address>"): two
    name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?i:\bmy)\s+{_KIN}\s+(?P<v>{_NAME})(?=\s+(?i:of|from)\b|\s*[,(])",
            0.8,
        ),
    )


class GreetedNameRecognizer(UncommonCuedNameRecognizer):
    """A name greeted before "your" ("SMS: X, your review is on ..."): one word, name-like and
    uncommon."""

    PATTERNS = ((rf"(?:^|\n|:\s+)(?P<v>{TOK})\s*,\s+(?=(?i:your)\b)", 0.8),)


class NoteSurnameForenameRecognizer(UncommonCuedNameRecognizer):
    """ "Surname, Forename" after a note's colon and before a field separator ("pharmacist note:
    fowler, josh - ranolazine ..."): every word name-like and uncommon."""

    PATTERNS = (
        (
            rf":\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}},\s{TOK}(?:[ -]{TOK}){{0,2}})(?=\s[-–|/]\s)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        parts = [p.strip() for p in value.split(",")]
        return value if all(UncommonCuedNameRecognizer.refine(self, p) for p in parts) else ""


class MessageFromNameRecognizer(StrictCuedNameRecognizer):
    """Who a message is from, before its colon ("Portal message from X Y: new number ..."): two
    name-like words or evidence."""

    PATTERNS = (
        (
            r"(?i:\b(?:message|text|email|e-mail|note|voicemail)\s+from)\s+"
            rf"{_TITLE}(?P<v>{_NAME})(?=\s*:)",
            0.8,
        ),
    )


class NumberedEntryNameRecognizer(UncommonCuedNameRecognizer):
    """A numbered list's entry before its comma ("Home visits today: 1) x y, <street>"): every
    word name-like and uncommon."""

    PATTERNS = ((rf"(?:^|\s)\d{{1,2}}\)\s+(?P<v>{_UNCOMMON_RUN})(?=\s*,)", 0.8),)


class AttentionNameRecognizer(StrictCuedNameRecognizer):
    """Whom a letter is for the attention of ("attention X Y", "attn: x y", "fao X Y"): two
    name-like words or evidence."""

    PATTERNS = (
        (
            r"(?i:\battention|\battn\.?|\bfao|\bf\.a\.o\.?)\s*:?\s+"
            rf"{_TITLE}(?P<v>{_NAME})(?=\s*[,:.;)]|\s*$)",
            0.8,
        ),
    )


NAMES_LISTS = (
    CallingNameRecognizer,
    ListEntryNameRecognizer,
    ReviewForNameRecognizer,
    SawNameRecognizer,
    MyRelationNameRecognizer,
    GreetedNameRecognizer,
    NoteSurnameForenameRecognizer,
    MessageFromNameRecognizer,
    NumberedEntryNameRecognizer,
    AttentionNameRecognizer,
)
