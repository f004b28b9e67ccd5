"""Names placed by the words around them (twelfth round, by class, from the misses of fresh11 and
hand-written 9):

- a relative named after a kin word of another language in English text ("my nonna X", "mi
  abuela X Y has", "our oma X", "my babcia X");
- a name greeted or wished well ("Hoi X,", "Happy 80th birthday X!!", "bonjour X,"), and a
  one-word name opening a message before an emoji or "!!" ("X 🙏 thank u");
- a name after what a record says was done to or by someone ("supplied to X |", "opened by X
  (", "signed by X,", "collected by: X (", "examiné X le", "posted by x.y");
- a name before "of" and where the person lives ("X Y of 12 rue ...", "X Y of Town,"), and after
  the document words that name a person ("statement of X", "application of X", "prayers for X");
- a name after a time stamp and before ":" or " - " (a chat export "[date, 21:14] X Y:", a rota
  "Tue 07:30 X Y - street");
- "Surname, Forename" or "Surname/Forename" as the field after a label's colon, before " | " or
  " - " ("Screening log: X, Y |", "Guest: X/Y -");
- a name after a role word without a colon, or with a number and a colon ("Patientin X,",
  "player X (", "policyholder X,", "Traveller 2: X");
- an e-mail header field closed by a bar ("From: X | Sent: ...").

Each shape asks the words themselves for what the cue does not settle: two name-like words or
evidence (`names_roles._strict`), or for one word that it looks like a name (`_each_a_name`).
"""

from __future__ import annotations

from safety.pii.names import (
    AFTER_NAME,
    PARTICLES,
    TOK,
    CuedLowerNameRecognizer,
    name_like,
    name_prefix,
)
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

# A capitalised word, and the particles a capitalised name may hold ("Hugo van Opper", "Ó Conóil").
_CAP = r"(?-i:[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:['’][^\W\d_]+)?)"
_PARTICLE = r"(?i:van|von|de|der|den|du|la|le|di|da|dos|das|ó|ní|nic|mac|mc|ter|ten|el|al|bin|ibn)"
# Kin words of other languages, as written in English text by families who use them.
_FOREIGN_KIN = (
    r"(?i:nonna|nonno|nonnina|nonnino|abuela|abuelo|abuelita|abuelito|t[íi]a|t[íi]o|zia|zio|"
    r"oma|opa|omi|opi|m[ée]m[ée]|mamie|papi|papy|p[ée]p[ée]|babcia|babunia|dziadek|dziadzio|"
    r"av[óô]|vov[óô]|bubbe|bubby|zayde|zaida|nani|nanima|dadi|yiayia|yaya|pappous|"
    r"lola|lolo|ouma|oupa|tante|onkel|oom)"
)
# "my" in the languages those words come from, as they are mixed into English.
_MY = (
    r"(?i:my|our|her|his|mi|mis|ma|mon|mein|meine|mijn|onze|la|il|nostra|nostro|minha|meu|"
    r"moja|m[óo]j)"
)
_GREETING = (
    r"(?i:hoi|hallo|hello|hi|hiya|hey|heya|bonjour|salut|coucou|moin|servus|ciao|hola|ol[áa]|"
    r"cze[śs][ćc]|dag|goedemorgen|goedemiddag|guten\s+(?:morgen|tag)|"
    r"happy\s+(?:\d{1,3}(?:st|nd|rd|th)\s+)?birthday|gefeliciteerd|joyeux\s+anniversaire|"
    r"alles\s+gute)"
)
# Emoji and pictographs, and a run of "!" after a name that opens a message.
_EMOJI = "[\U0001f300-\U0001faff\u2600-\u27bf]"
# What a record says was done to or by someone, before "to", "by" or "for".
_DONE = (
    r"(?i:supplied|issued|sold|handed|sent|opened|raised|logged|submitted|signed|completed|"
    r"collected|witnessed|reported|requested|posted|written|dictated|countersigned|"
    r"authori[sz]ed|administered|checked|prepared|verified|received|returned)"
)
# A French or German "examined" before the name and the date ("certifie avoir examiné X le").
_EXAMINED = r"(?i:examin[ée]e?|examined|untersucht|onderzocht)"
# The document words that name a person after "of" or "for".
_DOC_OF = (
    r"(?i:statement\s+of|application\s+of|on\s+behalf\s+of|in\s+memory\s+of|"
    r"prayers\s+(?:please\s+)?for|thoughts\s+(?:are\s+)?with)"
)
# What follows "of" when it says where someone lives: a house number, a street of one of the
# claimed countries, or a capitalised place.
_OF_PLACE = (
    r"\s+of\s+(?=\d|(?i:rue|avenue|boulevard|chemin|all[ée]e|place|impasse|route|quai)\b|"
    r"\S*(?i:stra(?:ss|ß)e|str\.|weg|laan|straat|gasse|allee|ring|platz|singel|gracht|plein|"
    r"street|road|lane|drive|close|crescent)\b|[A-ZÀ-Þ])"
)
# How an address begins after a name and its comma: a flat or unit, a house number and a word, or
# a continental street and its number.
_ADDRESS_START = (
    r"(?i:flat|apt\.?|apartment|studio|unit|maisonette)\s+\w+|\d{1,4}[a-zA-Z]?,?\s+[^\W\d_]|"
    r"(?i:rue|avenue|boulevard|chemin|all[ée]e|place|impasse|route|quai)\s|"
    r"[^\W\d_][\w-]*(?i:stra(?:ss|ß)e|str\.|weg|laan|straat|gasse|allee|ring|platz|singel|"
    r"gracht|plein|pad|hof|dreef|lei)\s+\d"
)
# Role words of a record used without a colon, in the languages of the sets.
_ROLE_WORD = (
    r"(?i:patientin|patienten|pati[ëe]nt|patiente|patient|player|guest|traveller|traveler|"
    r"policyholder|policy\s+holder|insured|participant|"
    # (thirteenth round) a form's child and parent, an employee, an attorney, a detainee
    r"child|parent|guardian|employee|attorney|detainee|"
    # (fourteenth round) a tenant, a card holder, a road user, a donor or a visitor on a record
    r"tenant|holder|cardholder|cyclist|runner|pedestrian|rider|donor|visitor|resident)"
)
# A French, German or Dutch "on" before a date closes a name too ("examiné X le 9/1/2019").
_CLOSES_DATE = rf"(?:{_CLOSES}|(?=\s+(?:le|am|op)\s+(?:[^\W\d_]{{2,9}}\.?\s+)?[\w-]*\d))"


class ForeignKinNameRecognizer(CuedLowerNameRecognizer):
    """A relative named after a kin word of another language ("my nonna X is staying", "mi
    abuela X Y has"): each word name-like."""

    PATTERNS = (
        (rf"\b{_MY}\s+{_FOREIGN_KIN}\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?){AFTER_NAME}", 0.8),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value) or _strict(value, loose=True)


class GreetingNameRecognizer(UncommonCuedNameRecognizer):
    """A name greeted or wished well, closed by punctuation ("Hoi X,", "Happy 80th birthday
    X!!"), and a one-word name opening a message before an emoji or "!!" ("X 🙏 thank u")."""

    PATTERNS = (
        (
            rf"(?:^|[\n.!?]\s*){_GREETING}\s*,?\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}?)"
            rf"(?=\s*(?:[,!.?:;]|{_EMOJI}|$))",
            0.8,
        ),
        (rf"^(?P<v>{TOK}(?:-{TOK})?)\s*(?={_EMOJI}|!!)", 0.75),
    )


class DoneByNameRecognizer(CuedLowerNameRecognizer):
    """A name after what a record says was done to or by someone ("supplied to X |", "opened by
    X (", "signed by X,", "collected by: X ("), or after "examined" before a date: two name-like
    words or evidence, or one capitalised name-like word."""

    PATTERNS = (
        (rf"\b{_DONE}\s+(?i:to|by|for)\s*:?\s+{_TITLE}(?P<v>{_NAME}){_CLOSES}", 0.8),
        (rf"\b{_EXAMINED}\s+{_TITLE}(?P<v>{_NAME}){_CLOSES_DATE}", 0.8),
    )

    def refine(self, value: str) -> str:
        if len(value.split()) == 1 and value[:1].isupper() and name_like(value) == value:
            return value if _uncommon(value) else ""
        return _strict(value, loose=True)


class HandleNameRecognizer(CuedLowerNameRecognizer):
    """A forum or chat user name with a dot or an underscore after "posted by" or "user"
    ("Posted by kwame.asante")."""

    PATTERNS = (
        (
            r"(?i:\b(?:posted|shared|written|sent|asked|answered)\s+by|\buser(?:name)?\s*:?)\s+"
            r"(?P<v>[^\W\d_]{2,}[._][^\W_]{2,}(?:[._][^\W_]+)?)(?![\w@])",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return value


class NameBeforeAddressRecognizer(StrictCuedNameRecognizer):
    """A name as the field after a heading's dash, colon or bar and before ", " and an address
    with a house number or a flat ("Home delivery - X Y, 12 Elm Road", "return to sender - X Y,
    8 allée des Pins", "| X Y, Flat 3, ..."): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?:^|(?:\s[-–]|[:|])\s*)(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?),\s+(?={_ADDRESS_START})",
            0.8,
        ),
    )


class FieldAfterNumberNameRecognizer(StrictCuedNameRecognizer):
    """A name as the comma-separated field after a number field ("NHS number 692 267 7773, X
    Y, needs ..."): two name-like words or evidence."""

    PATTERNS = (
        (rf"\d[\d ]{{4,}}\d,\s+(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)(?=\s*[,;(]|\s+[-–]\s)", 0.8),
    )


class CanCallNameRecognizer(UncommonCuedNameRecognizer):
    """Someone the writer asks to get in touch ("can X ring me back", "could X call us"): one
    word that looks like a name."""

    PATTERNS = (
        (
            rf"(?i:\b(?:can|could|will|would|should)\s+)(?P<v>{TOK})\s+"
            r"(?i:ring|call|phone|text|email|e-mail|message|contact)\s+(?i:me|us|back|him|her)\b",
            0.8,
        ),
    )


class OfPlaceNameRecognizer(StrictCuedNameRecognizer):
    """A name before "of" and where the person lives ("X Y of 12 rue ...", "X Y of Town, ..."),
    and after the document words that name a person ("statement of X (", "application of X of
    ..."): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?:^|(?<=[\s,;:|(]))(?P<v>{_CAP}(?:[ -](?:{_PARTICLE}|{_CAP})){{1,3}}?){_OF_PLACE}",
            0.75,
        ),
        (rf"\b{_DOC_OF}\s+{_TITLE}(?P<v>{_NAME}){_CLOSES}", 0.8),
    )


class TimeStampNameRecognizer(StrictCuedNameRecognizer):
    """A name after a time stamp and before ":" or " - ", as in a chat export ("[3 May, 21:14] X
    Y: ...") or a rota line ("Tue 07:30 X Y - street"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"\b\d{{1,2}}:\d{{2}}\]?\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)(?=\s*:\s|\s+[-–]\s)",
            0.8,
        ),
    )


class LabelSurnameFirstRecognizer(CuedLowerNameRecognizer):
    """ "Surname, Forename" or "Surname/Forename" as the field after a label's colon, before
    " | " or " - " ("Screening log: X, Y |", "Guest: X/Y - arr."): every part uncommon, and two
    name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?:^|\n)[^\n:|]{{2,40}}:\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}\s*[,/]\s*"
            rf"{TOK}(?:[ -]{TOK}){{0,2}})(?=\s*\||\s+[-–]\s)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        parts = [p.strip() for p in value.replace("/", ",").split(",")]
        if len(parts) != 2 or not all(_uncommon(p) for p in parts):
            return ""
        joined = " ".join(parts)
        if not all(p[:1].isupper() for p in parts):
            # lower case: a known given name or surname, or a non-English letter, must say it
            # ("middelkoop, maryam"; not "rest, fluids")
            return value if name_prefix(joined, "titled") == joined else ""
        return value if _strict(joined, loose=True) else ""


class RoleWordNameRecognizer(CuedLowerNameRecognizer):
    """A name after a record's role word with no colon ("Ihre Patientin X,", "player X (",
    "policyholder X,"), or with a number and a colon ("Traveller 2: X"): two name-like words or
    evidence."""

    PATTERNS = (
        (rf"\b{_ROLE_WORD}\s+{_TITLE}(?P<v>{_NAME}){_CLOSES}", 0.8),
        (rf"\b{_ROLE_WORD}\s*\d{{1,2}}\s*:\s*(?P<v>{_NAME}){_CLOSES}", 0.8),
    )

    def refine(self, value: str) -> str:
        if all(w[:1].isupper() for w in value.split() if w.lower() not in PARTICLES):
            if len(value.split()) == 1:
                # one capitalised word on a form ("child Paulette, parent ..."; thirteenth
                # round), not an acronym ("patient ID is")
                if value.isupper() or not _uncommon(value):
                    return ""
                return _each_a_name(value)
            return _strict(value, loose=True)
        # in lower case "patient" is as often followed by a verb ("the patient fully
        # understands and"): a known given name or surname, or a non-English letter, must say it
        return value if name_prefix(value, "titled") == value else ""


class BarHeaderNameRecognizer(StrictCuedNameRecognizer):
    """An e-mail header field closed by a bar instead of a line break ("From: X Y | Sent: ..."):
    two name-like words or evidence."""

    PATTERNS = ((rf"(?i:\b(?:from|to|cc)\s*:)\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s*(?=\|)", 0.8),)


NAMES_CONTEXT = (
    ForeignKinNameRecognizer,
    GreetingNameRecognizer,
    DoneByNameRecognizer,
    HandleNameRecognizer,
    NameBeforeAddressRecognizer,
    FieldAfterNumberNameRecognizer,
    CanCallNameRecognizer,
    OfPlaceNameRecognizer,
    TimeStampNameRecognizer,
    LabelSurnameFirstRecognizer,
    RoleWordNameRecognizer,
    BarHeaderNameRecognizer,
)
