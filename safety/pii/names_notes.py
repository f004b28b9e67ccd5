"""Names placed by the words around them (thirteenth round, by class, from the misses of fresh12
and hand-written 10):

- a name before post-nominal letters ("X Y RGN, Community Matron", "x y mbchb");
- a name welcomed, congratulated or thanked ("Welcome to the world X Y!", "Please welcome X Y,",
  "thanks x for sorting", "shout-out to nurse X on");
- "Surname, Forename" after "for" and before " - " or " | " ("batch ends 1/5 for X, Y - drug");
- the writer of a quoted message ("On <date>, X Y wrote:", "X replied:");
- a name before a ward, bay or bed ("request for X on ward 4", "visiting X in bay 2");
- a name before where the person lives ("X Y has lived at", "x y lives at");
- who a message, a complaint or feedback is from ("Feedback from X Y (", "message from x y:");
- a whole field between table bars, or after a label's colon before " / " ("| X Y |",
  "engraving: X Y / Addison's /");
- the owner named on a device ("X's Watch");
- a relative after a French, German or Dutch kin word ("ma fille X au", "meine Tochter X ist");
- a name after a label's colon or a bar, before a date in brackets ("unit: x y (10-may-2025)").

Each shape asks the words themselves for what the cue does not settle: two name-like words or
evidence (`names_roles._strict`), or for one word that it looks like a name and is uncommon.
"""

from __future__ import annotations

from safety.pii import patterns as P
from safety.pii.names import TOK, CuedLowerNameRecognizer
from safety.pii.names_context import _EMOJI, LabelSurnameFirstRecognizer
from safety.pii.names_roles import (
    _CLOSES,
    _NAME,
    _TITLE,
    StrictCuedNameRecognizer,
    UncommonCuedNameRecognizer,
    _each_a_name,
    _strict,
    _uncommon,
)

# Post-nominal letters of UK and Irish registers and degrees; the short ones only in capitals
# ("RN", "MD"), as "rn" is also chat for "right now".
_POST_NOMINAL = (
    r"(?:(?i:rgn|rmn|rnld|rscn|srn|mbbs|mbchb|mb\s?bch|mrcgp|mrcp|frcp|frcs|frcgp|frcpath|"
    r"mrcpsych|bsc|msc|phd|dphil|bds|mcsp|mpharm|diphe|fnp|anp)|(?-i:RN|RM|MD|SEN))"
)
_WELCOME = (
    r"(?i:welcome\s+to\s+the\s+world|please\s+welcome|(?:a\s+)?(?:big\s+|warm\s+)?welcome\s+to|"
    r"welcome|congratulations\s+to|congratulations|congrats\s+to|congrats|(?:big\s+)?thanks\s+to|"
    r"thanks|thank\s+you|cheers|shout-?out\s+to|shout\s+out\s+to)"
)
_STAFF = r"(?:(?i:nurse|dr|doctor|sister|midwife|matron)\.?\s+)?"
# What closes a thanked or welcomed name: punctuation, an emoji, or the word after it.
_AFTER_THANKED = rf"(?=\s*[,!.?:;]|\s*{_EMOJI}|\s+(?i:for|on|and|who|from|at|in|our|xx?x?)\b|\s*$)"
_WARD = r"(?i:(?:on|in)\s+(?:the\s+)?(?:ward|bay|bed|side\s+room|room|cubicle)\s+\d)"
_LIVES_AT = (
    r"(?i:has\s+lived|has\s+been\s+living|lives|is\s+living|resides|has\s+resided|is\s+resident)"
    r"\s+at\b"
)
_FROM_DOC = (
    r"(?i:feedback|message|msg|complaint|compliment|note|letter|text|voicemail|email|e-mail|"
    r"card|flowers|referral|enquiry|query)"
)


class PostNominalNameRecognizer(StrictCuedNameRecognizer):
    """A name before post-nominal letters, opening the text or a field ("X Y RGN, Community
    Matron", "| x y mbchb |"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?:^|(?<=[\n|:;,])\s*)(?P<v>{_NAME})\s+{_POST_NOMINAL}(?=\s*[,|;(\n]|\s*$|\s+"
            rf"{_POST_NOMINAL}\b)",
            0.8,
        ),
    )


class WelcomeNameRecognizer(CuedLowerNameRecognizer):
    """A name welcomed, congratulated or thanked ("Welcome to the world X Y!", "Please welcome
    X Y, our new nurse", "thanks x for sorting", "shout-out to nurse X on ..."): every word
    uncommon and name-like, or two name-like words or evidence."""

    PATTERNS = ((rf"\b{_WELCOME}\s*,?\s+{_STAFF}(?P<v>{_NAME}){_AFTER_THANKED}", 0.8),)

    def refine(self, value: str) -> str:
        if not _uncommon(value):
            return ""
        return _each_a_name(value) or _strict(value, loose=True)


class ForSurnameFirstRecognizer(LabelSurnameFirstRecognizer):
    """ "Surname, Forename" after "for", closed by " - " or " | " ("batch ends 1/5 for X, Y -
    budesonide"): the checks of `LabelSurnameFirstRecognizer`."""

    PATTERNS = (
        (
            rf"\b(?i:for)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}\s*,\s*{TOK}(?:[ -]{TOK}){{0,2}})"
            r"(?=\s*\||\s+[-–]\s)",
            0.8,
        ),
    )


class WroteNameRecognizer(CuedLowerNameRecognizer):
    """The writer of a quoted message ("On 3 May, X Y wrote:", "> X replied:"): two name-like
    words or evidence, or one capitalised name-like uncommon word."""

    PATTERNS = (
        (
            rf"(?:^|\n|,\s+|\]\s+|>\s*)(?P<v>{_NAME})\s+(?i:wrote|writes|replied|said)\s*:",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        if len(value.split()) == 1 and value[:1].isupper():
            return _each_a_name(value) if _uncommon(value) else ""
        return _strict(value, loose=True)


class WardNameRecognizer(CuedLowerNameRecognizer):
    """A name before a ward, bay or bed after "for", "visiting", "nurse"... ("request for X on
    ward 4", "visiting x y in bay 2"): one uncommon name-like word, or two or evidence."""

    PATTERNS = (
        (
            r"(?i:\b(?:for|to|visiting|visit|visited|nurse|sister|with|patient)\s+)"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}?)\s+(?={_WARD})",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        if len(value.split()) == 1:
            return _each_a_name(value) if _uncommon(value) else ""
        return _strict(value, loose=True)


class LivesAtNameRecognizer(StrictCuedNameRecognizer):
    """A name before where the person lives ("reference: X Y has lived at", "x y lives at"),
    opening the text or a clause, or after "that" or a role: two name-like words or evidence."""

    PATTERNS = (
        (
            r"(?:^|(?<=[:;,(])\s*|(?i:\b(?:that|client|tenant|resident|patient)\s+))"
            rf"(?P<v>{_NAME})\s+(?={_LIVES_AT})",
            0.8,
        ),
    )


class FromDocNameRecognizer(StrictCuedNameRecognizer):
    """Who a message, a complaint or feedback is from ("Feedback from X Y (", "message from x
    y:"): two name-like words or evidence."""

    PATTERNS = ((rf"\b{_FROM_DOC}\s+from\s+{_TITLE}(?P<v>{_NAME}){_CLOSES}", 0.8),)


class BarFieldNameRecognizer(CuedLowerNameRecognizer):
    """A name as a whole field between table bars ("Dosette box wk 3 | X Y | 12 Elm Road |",
    "Reply-to: ... | X Y | Town"): two name-like words or evidence, none everyday or clinical."""

    PATTERNS = ((rf"\|\s*(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)\s*(?=\||$)", 0.8),)

    def refine(self, value: str) -> str:
        return _strict(value, loose=True) if _uncommon(value) else ""


class SlashFieldNameRecognizer(CuedLowerNameRecognizer):
    """A name as the field after a label's colon and before " / " ("MedicAlert engraving: X Y /
    Addison's / ..."): two name-like words or evidence, none everyday or clinical."""

    PATTERNS = ((rf"(?:^|\n)[^\n:|/]{{2,40}}:\s*(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)\s+/\s", 0.8),)

    def refine(self, value: str) -> str:
        return _strict(value, loose=True) if _uncommon(value) else ""


class DeviceOwnerNameRecognizer(UncommonCuedNameRecognizer):
    """The owner named on a device ("Fall detected · X's Watch", "sent from x's iPhone"): one
    uncommon name-like word."""

    PATTERNS = (
        (
            rf"\b(?P<v>{TOK})['’]s\s+(?i:watch|apple\s+watch|iphone|ipad|phone|galaxy|fitbit|"
            r"pixel|tablet|laptop|kindle|echo)\b",
            0.8,
        ),
    )


# French, German and Dutch kin words after "my", and what follows the name in those languages.
_KIN_FR_DE_NL = (
    r"(?i:(?:ma|mon|mes)\s+(?:fille|fils|femme|mari|m[èe]re|p[èe]re|s(?:œ|oe)ur|fr[èe]re|"
    r"petite-fille|petit-fils|copine|copain)|"
    r"(?:meine?|unsere?)\s+(?:tochter|sohn|frau|mann|mutter|vater|schwester|bruder|enkelin|enkel)|"
    r"(?:mijn|onze)\s+(?:dochter|zoon|vrouw|man|moeder|vader|zus|broer|kleindochter|kleinzoon))"
)


class ContinentalKinNameRecognizer(UncommonCuedNameRecognizer):
    """A relative named after a French, German or Dutch kin word ("ma fille X au 06...", "meine
    Tochter X ist", "mijn zoon X heeft"): each word name-like and uncommon."""

    PATTERNS = (
        (
            rf"\b{_KIN_FR_DE_NL}\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}?)(?=\s*[,.;!?()]|\s*$|\s+"
            r"(?i:au|à|a|est|va|ist|hat|kann|wird|is|heeft|kan|gaat|op|im|in|on|has|is)\b)",
            0.8,
        ),
    )


class NameDateInBracketsRecognizer(StrictCuedNameRecognizer):
    """A name after a label's colon or a bar, before a date in brackets ("birthdays this week
    on rowan unit: x y (10-may-2025)", "| X Y (3/4/1950)"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"[:|]\s*(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)\s*\((?=\s*(?:{P.DATE_ANY}|"
            rf"{P.NUMERIC_DATE})\s*\))",
            0.8,
        ),
    )


NAMES_NOTES = (
    PostNominalNameRecognizer,
    WelcomeNameRecognizer,
    ForSurnameFirstRecognizer,
    WroteNameRecognizer,
    WardNameRecognizer,
    LivesAtNameRecognizer,
    FromDocNameRecognizer,
    BarFieldNameRecognizer,
    SlashFieldNameRecognizer,
    DeviceOwnerNameRecognizer,
    ContinentalKinNameRecognizer,
    NameDateInBracketsRecognizer,
)
