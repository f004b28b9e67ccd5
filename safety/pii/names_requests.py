"""Names placed by a request slip, a call note or a notice (sixteenth round, by class, from the
misses of fresh15 and hand-written 13):

- "Surname, Forename" as one field of a slip, between dashes or bars, before a date of birth
  ("Phlebotomy request - Dahl, Jorunn - DOB ...");
- who a call, a letter or a card went to, before "re" ("bereavement call to x y re ...");
- whom to ring on a number ("ring X Y on 0126 ...", "call x y at +353 ...");
- the parent or next of kin named right before a number ("parent marit (0670)-482466");
- whom a form or a prescription is for, before a date of birth ("voor X Y, geboren ...",
  "pour x y, née le ...");
- who cannot come, after a colon or a relation ("choir group: X cant make thursday", "my
  husband x y cannot come friday");
- whom children are born to ("twins born to x y at ...").

Each shape asks the words themselves for what the cue does not settle, as in `names_schedules`.
"""

from __future__ import annotations

from safety.pii.names import TOK
from safety.pii.names_roles import _NAME, StrictCuedNameRecognizer, UncommonCuedNameRecognizer

# A slip's field separator: a dash or a bar with a space either side.
_FIELD = r"\s[-–|]\s"
_BIRTH_CUE = r"(?i:dob|d\.o\.b\.?|born|geb\.?|geboren|n[ée]e?\s+le|n[ée]e?|b\.)(?![^\W\d_])"
# A telephone number ahead: a plus, a bracket or a digit, then more digits.
_NUMBER_AHEAD = r"(?=[+(]?\d[\d\s().-]{5,})"
_KIN = (
    r"(?i:husband|wife|partner|son|daughter|mother|father|mum|mam|dad|brother|sister|friend|"
    r"neighbour|neighbor)"
)
_TITLE = r"(?i:herrn?|frau|mr|mrs|ms|dr|mme|madame|monsieur|mevrouw|mevr|meneer|dhr)\.?"
_CANNOT = r"(?i:can['’]?t|cannot|can\s+not|won['’]?t|couldn['’]?t)\s+(?i:make|come|attend|do)\b"


class SlipFieldNameRecognizer(UncommonCuedNameRecognizer):
    """ "Surname, Forename" as a field of a slip between dashes or bars, before a date of birth
    ("Phlebotomy request - Geißler, Herrmann - DOB ...", "| Kauliņa, Gunta | born"): every word
    name-like and uncommon (the order and the birth cue say a person is named)."""

    PATTERNS = (
        (
            rf"{_FIELD}(?P<v>{TOK}(?:[ -]{TOK}){{0,2}},\s{TOK}(?:[ -]{TOK}){{0,2}})"
            rf"{_FIELD}{_BIRTH_CUE}",
            0.85,
        ),
    )

    def refine(self, value: str) -> str:
        parts = [p.strip() for p in value.split(",")]
        return value if all(UncommonCuedNameRecognizer.refine(self, p) for p in parts) else ""


class CallToNameRecognizer(StrictCuedNameRecognizer):
    """Who a call, a letter or a card went to, before "re" ("bereavement call to x y re her
    husband"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?i:\b(?:call|calls|letter|card|visit|message|email|e-mail)\s+to)\s+"
            rf"(?P<v>{_NAME})\s+(?=(?i:re)\b)",
            0.8,
        ),
    )


class RingOnNameRecognizer(StrictCuedNameRecognizer):
    """Whom to ring on a number ("IN CASE OF EMERGENCY ring X Y on 0126 065254", "call x y at
    +353 ..."): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?i:\b(?:ring|call|phone|contact|text))\s+(?P<v>{_NAME})\s+(?i:on|at)\s+"
            rf"{_NUMBER_AHEAD}",
            0.8,
        ),
    )


class KinNumberNameRecognizer(UncommonCuedNameRecognizer):
    """The parent or next of kin named right before a number ("parent marit (0670)-482466",
    "next of kin Gregor Cerar 04 71 ..."): every word name-like and uncommon."""

    PATTERNS = (
        (
            rf"(?i:\b(?:parent|guardian|next\s+of\s+kin|nok|mum|dad|contact))\s+"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})\s+{_NUMBER_AHEAD}",
            0.8,
        ),
    )


class ForBornNameRecognizer(StrictCuedNameRecognizer):
    """Whom a form or prescription is for, before a date of birth ("verwijsbrief voor X Y,
    geboren ...", "pour x y, née le ...", "für Herrn X Y, geb."): two name-like words or
    evidence; a title stays outside the name."""

    PATTERNS = (
        (
            rf"(?i:\b(?:voor|pour|für|fur|for))\s+(?:{_TITLE}\s+)?(?P<v>{_NAME}),?\s+"
            rf"(?={_BIRTH_CUE})",
            0.8,
        ),
    )


class CannotComeNameRecognizer(UncommonCuedNameRecognizer):
    """Who cannot come, after a label's colon or a relation ("choir group: X cant make
    thursday", "my husband x y cannot come friday"): every word name-like and uncommon."""

    PATTERNS = ((rf"(?:[:]\s+|\b{_KIN}\s+)(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})\s+(?={_CANNOT})", 0.8),)


class BornToNameRecognizer(StrictCuedNameRecognizer):
    """Whom children are born to ("twins born to x y at <town> maternity unit"): two name-like
    words or evidence."""

    PATTERNS = ((rf"(?i:\bborn\s+to)\s+(?P<v>{_NAME})\s+(?=(?i:at|in|on)\b|[,.])", 0.8),)


NAMES_REQUESTS = (
    SlipFieldNameRecognizer,
    CallToNameRecognizer,
    RingOnNameRecognizer,
    KinNumberNameRecognizer,
    ForBornNameRecognizer,
    CannotComeNameRecognizer,
    BornToNameRecognizer,
)
