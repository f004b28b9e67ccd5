"""Names placed by what a message or a record says is done to or with them (fourteenth round, by
class, from the misses of fresh13 and hand-written 11):

- a name called by a message before its comma or dash and a word to that person ("X, your
  prescription is ready", "Reminder: X, your appointment", "x - dont forget");
- whom something is owed, given, issued or sent to ("owed to x y -", "given to X Y on");
- someone looked for ("has anyone seen x y?");
- a visitor and the person visited ("X Y visiting Z W, bay 2");
- "Surname, Forename" as a field between middle dots ("Donor card · X, Y · DOB").

Each shape asks the words themselves for what the cue does not settle, as in `names_notes`.
"""

from __future__ import annotations

from safety.pii.names import TOK
from safety.pii.names_context import LabelSurnameFirstRecognizer
from safety.pii.names_roles import (
    _CLOSES,
    _NAME,
    _TITLE,
    StrictCuedNameRecognizer,
    UncommonCuedNameRecognizer,
)

# What a message says to the person it names, right after the name and its comma or dash.
_TO_YOU = (
    r"(?:\s*,\s*(?i:your|you|you're|youre|ur|u|yours|thank\s+you|thanks|just\s+to\s+say|"
    r"remember|don't|dont|please|pls)\b|\s+[-–]\s+(?i:your|you|ur|don't|dont|remember|please|"
    r"pls)\b)"
)
_OPENER = r"(?:^|\n)(?:(?i:reminder|hi|hello|hey|hiya|dear|morning|evening|afternoon)\s*[:,!]?\s+)?"
_DONE_TO = (
    r"(?i:owed|owing|given|issued|sent|handed|lent|supplied|delivered|sold|posted|returned|"
    r"addressed|forwarded|emailed|e-mailed|texted|faxed|passed|prescribed|dispensed)\s+to"
)
# A role word between "given to" and the name ("code given to carer X Y only"; fifteenth round).
_GIVEN_TO_ROLE = (
    r"(?i:carer|nurse|neighbour|neighbor|daughter|son|wife|husband|partner|mum|mam|mom|dad|"
    r"friend|relative|driver|pharmacist|warden|porter|husband's|wife's)"
)
_SEEN = (
    r"(?i:(?:has|have|did)\s+(?:anyone|anybody|any\s+of\s+you)|anyone|anybody)\s+"
    r"(?i:seen|spotted|heard\s+from)"
)


class CalledNameRecognizer(UncommonCuedNameRecognizer):
    """One or two name words opening a message, before a comma or a dash and a word to that
    person ("X, your Y is ready", "Reminder: X, your appointment", "x - dont forget"): each word
    name-like and uncommon."""

    PATTERNS = ((rf"{_OPENER}(?P<v>{TOK}(?:[ -]{TOK})?)(?={_TO_YOU})", 0.8),)


class DoneToNameRecognizer(StrictCuedNameRecognizer):
    """Whom something is owed, given, issued or sent to ("owed to x y - ring", "card given to X Y
    on <date>"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"\b{_DONE_TO}\s+(?:{_GIVEN_TO_ROLE}\s+)?{_TITLE}(?P<v>{_NAME})"
            rf"(?:{_CLOSES}|(?=\s+(?i:only)\b))",
            0.8,
        ),
    )


class SoughtNameRecognizer(StrictCuedNameRecognizer):
    """Someone looked for ("has anyone seen x y?", "anyone heard from X Y today"): two name-like
    words or evidence."""

    PATTERNS = (
        (
            rf"\b{_SEEN}\s+{_TITLE}(?P<v>{_NAME})"
            r"(?=\s*[?,.!]|\s+(?i:today|since|this|around|near|in|at|recently|lately)\b|\s*$)",
            0.8,
        ),
    )


class VisitingNameRecognizer(StrictCuedNameRecognizer):
    """A visitor before "visiting" (opening a field), and the person visited before a comma or
    a place on the ward ("- x y visiting z w, bay 2"): two name-like words or evidence."""

    PATTERNS = (
        (rf"(?:^|[-–:]\s+|\d\s+)(?P<v>{_NAME})\s+(?i:visiting)\s", 0.8),
        (rf"\b(?i:visiting)\s+{_TITLE}(?P<v>{_NAME})(?=\s*[,;(]|\s+(?i:in|on|at)\b|\s*$)", 0.8),
    )


class DotFieldSurnameFirstRecognizer(LabelSurnameFirstRecognizer):
    """ "Surname, Forename" as a field between middle dots or bullets ("Donor card · X, Y ·
    DOB"): every part uncommon, and two name-like words or evidence."""

    PATTERNS = (
        (
            rf"[·•]\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}\s*,\s*{TOK}(?:[ -]{TOK}){{0,2}})\s*(?=[·•])",
            0.8,
        ),
    )


NAMES_MESSAGES = (
    CalledNameRecognizer,
    DoneToNameRecognizer,
    SoughtNameRecognizer,
    VisitingNameRecognizer,
    DotFieldSurnameFirstRecognizer,
)
