"""Names placed by a record's fields and by what a speaker says of someone (eleventh round, by
class, from the misses of fresh10 and hand-written 8):

- a name after an emergency-contact or next-of-kin label, in English, German, French and Dutch
  ("Kontaktperson: X,", "Personne à prévenir : X (", "Contactpersoon: X", "Next of kin: X");
- a name after a service or record heading ("Audiology: X seen ...", "Wristband: X Y <date>",
  "dental recall card: X Y,", "Handover - room 12 X Y (", "Vaccination record - X -");
- a name as one field between dashes of a record ("- for X Y -", "- X Y - booster");
- "Surname, Forename" between the bars of a table row, and as the first two fields of a CSV line
  before a date;
- a name before a birth cue after "re" or at the start ("Re X Y DOB ...");
- a name after "mum / dad / carer ... is" closing its clause ("mum is X Y,");
- a name after the words for "I am" / "my name is" in Irish, German, Dutch, French, Spanish and
  Italian ("is mise X", "ich bin X", "ik heet X");
- a child named after a Scots or northern kin word ("the wee one X has", "my granda X Y has");
- the name line of an e-mail signature under "--";
- someone named before what they do for the writer ("X is driving me home");
- someone the practice is asked to tell, ask or remind ("can you tell X his bloods are back");
- someone named by where the writer knows them from ("X from work drove me").

The shapes that say less want two name-like words or evidence (`names_roles._strict`).
"""

from __future__ import annotations

from safety.pii import patterns as P
from safety.pii.names import AFTER_NAME, TOK, CuedLowerNameRecognizer, name_like
from safety.pii.names_roles import (
    _NAME,
    StrictCuedNameRecognizer,
    _each_a_name,
    _strict,
    _uncommon,
)

# What closes a name in a record field: a separator, a bracket, the end, a date or number, or a
# word a record puts after a person.
_FIELD_CLOSES = (
    r"(?=\s*(?:[,;|(·:@+]|\s[-–]\s|\n|$)|\s+(?=\d)|\s+(?i:at|on|of|from|born|dob|aged|was|is|has|"
    r"had|seen|reviewed|handed|dispensed|fitted|given|attended|in\s+year|needs|still)\b)"
)
_CONTACT_LABEL = (
    r"(?i:kontaktperson|ansprechpartner(?:in)?|notfallkontakt|angeh[öo]rige[rn]?|"
    r"personne\s+[àa]\s+pr[ée]venir|personne\s+de\s+confiance|contact\s+d'urgence|"
    r"contactpersoon|noodcontact|next\s+of\s+kin|emergency\s+contact|nok|ice\s+contact|"
    # (fourteenth round) who comes with the patient, and a reply to an invitation
    r"birth\s+partner|escort|chaperone|companion|accompanied\s+by|rsvp)"
)
_HEADING = (
    r"(?i:audiology|optometry|optician|podiatry|chiropody|dietetics|physiotherapy|physio|"
    r"radiology|phlebotomy|orthoptics|orthotics|dental(?:\s+recall)?(?:\s+card)?|recall\s+card|"
    r"wristband|name\s+band|handover|vaccination\s+record|immuni[sz]ation\s+record|"
    r"school\s+nurse|health\s+visitor|discharge\s+summary|clinic\s+list|ward\s+list|"
    r"theatre\s+list|district\s+nurse|"
    # (thirteenth round) hospital services that log a request by name
    r"chaplaincy|chaplain|pastoral\s+care|spiritual\s+care|bereavement\s+service|pals|"
    r"social\s+work|occupational\s+therapy|speech\s+and\s+language|salt|interpreting)"
)
# A bed, room or bay before a name on a ward list ("room 12 X Y (", "bay 3 bed 2: X Y").
_BED = r"(?i:(?:room|bed|bay|cubicle|side\s+room)\s+\d{1,3}[a-z]?)"
_I_AM = (
    r"(?i:\bis\s+mise|\bich\s+bin|\bich\s+hei(?:ß|ss)e|\bmein\s+name\s+ist|\bik\s+ben|"
    r"\bik\s+heet|\bmijn\s+naam\s+is|\bje\s+m['’]appelle|\bme\s+llamo|\bmi\s+chiamo)"
)


class ContactFieldNameRecognizer(CuedLowerNameRecognizer):
    """A name after an emergency-contact or next-of-kin label with its colon, in English,
    German, French or Dutch: every word uncommon."""

    PATTERNS = ((rf"\b{_CONTACT_LABEL}\s*:\s*(?P<v>{_NAME}){_FIELD_CLOSES}", 0.85),)

    def refine(self, value: str) -> str:
        return _uncommon(value)


class HeadingNameRecognizer(CuedLowerNameRecognizer):
    """A name after a service or record heading ("Audiology: X Y seen", "Wristband: X Y <date>",
    "Handover - room 12 X Y (dob)"), or after a bed or room on a ward list: two name-like words
    or evidence."""

    PATTERNS = (
        (
            rf"\b{_HEADING}\s*(?::|\s[-–])\s*(?:{_BED}\s*[:,-]?\s*)?(?P<v>{_NAME}){_FIELD_CLOSES}",
            0.8,
        ),
        (rf"(?:^|[-–:|]\s*){_BED}\s*[:,-]?\s*(?P<v>{_NAME})\s*\(", 0.8),
    )

    def refine(self, value: str) -> str:
        if len(value.split()) == 1 and value[:1].isupper() and name_like(value) == value:
            return value  # "School nurse: Natasja in year 4"
        return _strict(value, loose=True)


class DashFieldNameRecognizer(StrictCuedNameRecognizer):
    """A name that is one whole field between dashes of a record ("Rx label: ... - for X Y -
    dispensed", "Vaccination record - X Y - booster"): two name-like words or evidence."""

    PATTERNS = (
        (rf"\s[-–]\s+(?i:(?:for|to|re)\s+)?(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)(?=\s+[-–]\s)", 0.8),
    )


class TableRowNameRecognizer(CuedLowerNameRecognizer):
    """ "Surname, Forename" between the bars of a table row ("| Marques, Éléonore | born"), and
    as the first two fields of a CSV line before a date ("Bazin,Cécile,Jun 8 1949,...")."""

    PATTERNS = (
        (rf"\|\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,2}},\s*{TOK}(?:[ -]{TOK}){{0,2}})\s*\|", 0.8),
        (
            rf"^(?P<v>{TOK}(?:[ -]{TOK}){{0,2}},{TOK}(?:[ -]{TOK}){{0,2}}),"
            rf"(?=\d|(?i:{P.DATE_ANY}))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        parts = [p.strip() for p in value.split(",")]
        if not all(_uncommon(p) for p in parts):
            return ""
        return value if _strict(" ".join(parts), loose=True) else ""


class NameBeforeBirthCueRecognizer(StrictCuedNameRecognizer):
    """A name after "re" or opening a record, before a birth cue ("Re X Y DOB ...",
    "X Y d.o.b. ..."): two name-like words or evidence."""

    PATTERNS = (
        (rf"(?:(?i:\bre)\s*:?\s+|^)(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?),?\s+(?={P.DOB_CUE})", 0.8),
    )


class KinIsNameRecognizer(StrictCuedNameRecognizer):
    """A name after "mum is", "dad is", "carer is", "next of kin is" closing its clause ("mum is
    X Y, <phone>"); "mum is poorly" stays (two name-like words or evidence)."""

    PATTERNS = (
        (
            r"(?i:\b(?:mum|mam|mom|mother|dad|father|parent|guardian|carer|wife|husband|partner|"
            r"next\s+of\s+kin|contact)\s+is)\s+"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)(?=\s*[,.;(]|\s*$|\s+(?i:on|and)\b)",
            0.8,
        ),
    )


class IAmNameRecognizer(CuedLowerNameRecognizer):
    """A name after the words for "I am" or "my name is" in Irish, German, Dutch, French,
    Spanish and Italian ("dia duit, is mise X Y,", "ich bin X", "ik heet X")."""

    PATTERNS = ((rf"{_I_AM}\s+(?P<v>{_NAME}){AFTER_NAME}", 0.85),)

    def refine(self, value: str) -> str:
        return _strict(value, loose=True) or name_like(value)


class ScotsKinNameRecognizer(CuedLowerNameRecognizer):
    """A child or relative named after a Scots or northern kin word ("the wee one X has", "my
    granda X Y has"): each word name-like."""

    PATTERNS = (
        (
            r"(?i:\b(?:the|my|our|her|his)\s+(?:wee\s+one|wee\s+man|wee\s+lass|wean|bairn|"
            r"granda|grandda|grampa|nana|nanna))"
            rf"\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}?){AFTER_NAME}",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value)


class DashSignatureNameRecognizer(CuedLowerNameRecognizer):
    """The name line of an e-mail signature under "--" (or "-- "): every word uncommon."""

    PATTERNS = ((rf"(?:^|\n)--\s*\n\s*(?P<v>{_NAME})\s*(?=\n|$)", 0.85),)

    def refine(self, value: str) -> str:
        return _uncommon(value)


class HelperNameRecognizer(CuedLowerNameRecognizer):
    """Someone named after a comma before what they are doing for the writer ("..., X is
    driving me home", "X is picking me up"): each word name-like."""

    PATTERNS = (
        (
            rf"(?:^|[,.!?;]\s*)(?P<v>{TOK}(?:[ -]{TOK})??)\s+(?i:is|'s)\s+"
            r"(?i:driving|taking|collecting|bringing|picking|fetching|staying\s+with)\s+"
            r"(?i:me|us|him|her|them)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value)


class ToldNameRecognizer(CuedLowerNameRecognizer):
    """Someone the writer asks the practice to tell, ask or remind ("can you tell X his bloods
    are back", "remind X to bring", "let X know"): one word that looks like a name."""

    PATTERNS = (
        (
            rf"(?i:\b(?:tell|ask|remind|let))\s+(?P<v>{TOK})\s+"
            r"(?i:his|her|their|that|to|know)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value)


class FromWorkNameRecognizer(CuedLowerNameRecognizer):
    """Someone named by where the writer knows them from, opening a clause ("kasia from work
    drove me", "X from next door has a key"): each word name-like."""

    PATTERNS = (
        (
            rf"(?:^|[,.!?;]\s*)(?P<v>{TOK}(?:[ -]{TOK})??)\s+(?i:from)\s+"
            r"(?i:work|school|church|college|uni|the\s+office|next\s+door|across\s+the\s+road|"
            r"the\s+club|the\s+gym)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value)


NAMES_FIELDS = (
    ContactFieldNameRecognizer,
    HeadingNameRecognizer,
    DashFieldNameRecognizer,
    TableRowNameRecognizer,
    NameBeforeBirthCueRecognizer,
    KinIsNameRecognizer,
    IAmNameRecognizer,
    ScotsKinNameRecognizer,
    DashSignatureNameRecognizer,
    HelperNameRecognizer,
    ToldNameRecognizer,
    FromWorkNameRecognizer,
)
