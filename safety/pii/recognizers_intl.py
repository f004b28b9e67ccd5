"""Addresses outside the UK/US shapes: French, German and Dutch streets and postcodes, Irish
Eircodes, and street addresses typed in lower case.

Formats follow the postal conventions (La Poste "numéro, type de voie, nom"; German and Dutch
"Straßenname Hausnummer" with the street type fused to the name; Eircode = routing key letter
and two digits, or D6W, then four characters from 0-9 and ACDEFHKNPRTVWXY).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from safety.pii import patterns as P
from safety.pii.base import RegexRecognizer
from safety.pii.clinical import is_allow_listed, load_allow_list
from safety.pii.names import PARTICLES, is_common

L = f"{P.UP}{P.LOW}"
WORD = rf"[{L}]+(?:['’][{L}]+)?"
FR_TYPE = (
    r"(?i:rue|avenue|av\.?|boulevard|bd|bld|place|pl\.|chemin|ch\.|allée|allee|impasse|imp\.?|"
    r"quai|route|rte|cours|square|voie|passage|faubourg|fbg|rond-point|sentier|cité|cite|"
    r"résidence|residence|hameau|lieu-dit|parvis|esplanade|promenade|montée|montee|chaussée|"
    r"traverse|villa|clos|mail|domaine)"
)
# Street types fused to the name that no English word ends with ("Hauptstraße", "Lindenallee",
# "Prinsengracht"); the shorter, ambiguous ones (-ring, -hof, -park) need a capital and a
# house number that is not a year ("Spring 2020" stays).
FUSED_TYPE = (
    r"(?i:straße|strasse|str\.|gasse|platz|allee|damm|ufer|chaussee|steig|pfad|graben|stieg|"
    r"zeile|weg|straat|laan|plein|gracht|kade|steeg|singel|dijk|dreef|plantsoen|burgwal|"
    r"kanaal|hoven|erf|brink|baan|boulevard)"
)
SHORT_TYPE = r"(?:ring|hof|park|markt|pad|berg|feld|garten|dam|wal|veld|plaats|kamp|haven|wijk)"
FIVE_DIGIT_ = r"(?:0[1-9]|[1-9]\d)\d{3}"
# a Belgian box number after the house number ("Kerkstraat 5 bus 2")
# an Amsterdam floor after the number ("Vondelstraat 112-III", "Jacob van Lennepkade 30-hs";
# twelfth round)
HOUSE = (
    r"\d{1,4}(?:\s(?i:bus)\s\d{1,4}\b|-(?:III|II|I|IV|hs|HS|h)(?![\w-])|"
    r"\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?(?![\d/]))"
)
FR_STREET = rf"\b\d{{1,4}}(?:\s?(?i:bis|ter))?,?\s+{FR_TYPE}\s+{WORD}(?:[ -]{WORD}){{0,4}}"
FUSED_STREET = (
    rf"(?:\b[{P.UP}][{P.LOW}]+\s)?\b(?:{WORD}-){{0,3}}[{L}]*{FUSED_TYPE}(?![{L}])\s?{HOUSE}"
)
SHORT_STREET = (
    rf"\b(?:(?:{WORD}-){{0,3}}[{P.UP}][{P.LOW}]+{SHORT_TYPE}\s(?!{P.YEAR}\b)\d{{1,4}}|"
    rf"(?:{WORD}-){{1,3}}"
    rf"(?i:{SHORT_TYPE})\s\d{{1,4}})[a-zA-Z]?(?:[-/]\d{{1,4}}[a-zA-Z]?)?(?![\d/])"
    r"(?:\s(?i:bus)\s\d{1,4}\b)?"
)
# Lower-case English streets: only the unambiguous street words, and never after a unit or
# function word ("10 minutes drive", "3 times round the park" are not addresses).
EN_TYPE = (
    r"(?:street|st|road|rd|avenue|ave|lane|drive|crescent|terrace|gardens|grove|boulevard|mews|"
    r"parade|villas|close|court|square)"
)
NOT_STREET_WORD = (
    r"(?!(?:the|a|an|of|and|or|in|on|at|to|for|each|every|per|times?|minutes?|mins?|hours?|"
    r"days?|weeks?|months?|years?|miles?|metres?|meters?|yards?|steps?|km|mg|ml|puffs?|"
    r"tablets?|doses?)\b)"
)
EN_STREET = rf"\b\d{{1,4}}[a-z]?,?\s+(?:{NOT_STREET_WORD}[a-z']+\s+){{1,3}}{EN_TYPE}s?\b"
# French street types written before the name with the number after it (Belgian and Swiss
# usage, and many forms: "chemin du moulin 3"), or with no number before a postcode.
FR_TYPE_FIRST = r"(?i:rue|avenue|boulevard|chemin|allée|allee|impasse|quai|chaussée|faubourg)"
FR_NAME = rf"(?:(?i:de|du|des|la|le|les|d['’])\s*)*{WORD}(?:[ -]{WORD}){{0,3}}"
FR_STREET_AFTER = rf"\b{FR_TYPE_FIRST}\s+{FR_NAME}\s+\d{{1,4}}(?:\s?(?i:bis|ter))?(?![\d/])"
FR_STREET_BARE = rf"\b{FR_TYPE_FIRST}\s+{FR_NAME}(?=,?\s+{FIVE_DIGIT_}(?![\w-]))"
# A flat or studio number makes what follows a street whatever its case ("flat 38u, aimee
# brook", "studio 5, kathryn underpass").
_SUFFIX_WORDS = P.STREET_SUFFIX.removesuffix(r"s?\b\.?")
UNIT_STREET = (
    rf"{P.UNIT_WORD}\s*\d{{1,4}}(?:/\d{{1,3}})?[a-zA-Z]?,?\s+(?:\d{{1,4}}[a-zA-Z]?,?\s+)?"
    rf"(?:{WORD}\s+){{1,3}}(?i:{_SUFFIX_WORDS})s?\b"
)
# A lower-case street with a short fused type after an address cue ("at jesselring 9",
# "home address karlijnpad 0").
ADDRESS_CUE = (
    r"(?i:\b(?:at|address(?:\s+is)?|addr\.?|live\s+(?:at|on)|lives\s+(?:at|on)|"
    r"living\s+(?:at|on))\s*:?\s+)"
)
CUED_SHORT_STREET = (
    rf"{ADDRESS_CUE}(?P<v>[{P.LOW}]{{3,}}{SHORT_TYPE}\s\d{{1,4}}[a-z]?(?:[-/]\d{{1,4}}[a-z]?)?)"
    rf"(?![\d/])"
)
# The same street without its group, for what follows it ("address is ringweg 7-6, 12345, ...").
CUED_SHORT_STREET_BARE = (
    rf"{ADDRESS_CUE}[{P.LOW}]{{3,}}{SHORT_TYPE}\s\d{{1,4}}[a-z]?(?:[-/]\d{{1,4}}[a-z]?)?(?![\d/])"
)
# French type-first streets without a number: a name of capitalised words, or any case after
# "rue", "allée", "impasse" (no English words).
FR_STREET_NAMED = (
    rf"\b{FR_TYPE_FIRST}\s+(?:(?i:de|du|des|la|le|les|d['’])\s*)*[{P.UP}][{P.LOW}]+"
    rf"(?:[ -][{P.UP}][{P.LOW}]+){{0,3}}"
)
# Irish-language street words (Bóthar road, Sráid street, Lána lane, Ascaill avenue, Cearnóg
# square, Plás place, Páirc park, Céibh quay, Ard height, Cnoc hill, Radharc view, Gleann glen,
# Bóithrín lane, Cúirt court, Garrán grove, Faiche green, Corrán crescent, Bruach bank), with
# the number before ("12 Cnoc an Óir") or after the name ("Ard na Gréine 27").
GA_TYPE = (
    r"(?:B[óo]thar|Sr[áa]id|L[áa]na|Ascaill|Cearn[óo]g|Pl[áa]s|P[áa]irc|C[ée]ibh|Ard|Cnoc|"
    r"Radharc|Gleann|B[óo]ithr[íi]n|C[úu]irt|Garr[áa]n|Faiche|Corr[áa]n|Bruach)"
)
GA_NAME = rf"(?:(?i:na|an|an\s+t-?|a|de|u[íi])\s+)?{WORD}(?:[ -]{WORD}){{0,2}}"
GA_STREET = (
    rf"\b\d{{1,4}}[a-zA-Z]?,?\s+(?i:{GA_TYPE})\s+{GA_NAME}|"
    rf"\b{GA_TYPE}\s+{GA_NAME}\s+\d{{1,4}}[a-zA-Z]?(?![\d/])"
)
# Welsh street words (Heol road, Ffordd way, Stryd street, Lôn lane, Clos close, Rhodfa avenue,
# Cilgant crescent, Teras terrace, Maes field, Llys court, Cwrt court, Sgwâr square, Parc park,
# Plas hall, Rhes row), with the number before the name ("14 Heol y Felin"), the article "y",
# "yr" or "'r" inside it, and a flat number before it ("Fflat 3, 7 Clos yr Eglwys").
CY_TYPE = (
    r"(?:Heol|Ffordd|Stryd|L[ôo]n|Clos|Rhodfa|Cilgant|Teras|Maes|Llys|Cwrt|Sgw[âa]r|Parc|Plas|"
    r"Rhes)"
)
CY_NAME = rf"(?:(?i:y|yr|['’]r)\s+)?{WORD}(?:[ -](?:(?i:y|yr|['’]r)\s+)?{WORD}){{0,2}}"
CY_STREET = (
    rf"(?:(?:{P.UNIT_WORD}|(?i:fflat))\s*\d{{1,4}}[a-zA-Z]?,?\s+)?"
    rf"\b\d{{1,4}}[a-zA-Z]?,?\s+(?i:{CY_TYPE})\s+{CY_NAME}"
)
# German streets named with a preposition and article ("Am Mühlbach 4a", "An der Alster 12",
# "Zur Linde 3"), and Italian, Spanish and Portuguese type-first streets ("Via Roma 15", "Calle
# Mayor 8", "Rua Augusta 27"): the preposition or type capitalised, a capitalised name, a number.
DE_PREP_STREET = (
    rf"\b(?:Am|Im|Zum|Zur|An\s+der|An\s+den|Auf\s+der|Auf\s+dem|In\s+der|Unter\s+den|"
    rf"Hinter\s+der|Vor\s+dem)\s+[{P.UP}][{P.LOW}]+(?:[ -][{P.UP}][{P.LOW}]+)?\s+{HOUSE}"
)
SOUTH_STREET = (
    rf"\b(?:Via|Viale|Vicolo|Piazza|Piazzale|Corso|Largo|Calle|Avenida|Plaza|Paseo|Carrer|"
    rf"Rua|Travessa|Praça)\s+(?:(?:di|del|della|dei|de|da|do|dos|das|la|el)\s+)?"
    rf"[{P.UP}][{P.LOW}]+(?:[ -][{P.UP}][{P.LOW}]+){{0,2}},?\s+{HOUSE}"
)
STREET_ANY = (
    rf"(?:{DE_PREP_STREET}|{SOUTH_STREET}|{FR_STREET}|{FR_STREET_AFTER}|{FR_STREET_BARE}|{FUSED_STREET}|{SHORT_STREET}|"
    rf"{EN_STREET}|{UNIT_STREET}|{GA_STREET}|{CY_STREET}|{P.STREET})"
)

# Without the space the last four need a letter, so "H207492" (a record number) is no Eircode.
_EIR = "0-9ACDEFHKNPRTVWXY"
EIRCODE = (
    rf"(?i:(?:[ACDEFHKNPRTVWXY]\d{{2}}|D6W)"
    rf"(?: [{_EIR}]{{4}}|(?=[{_EIR}]{{0,3}}[ACDEFHKNPRTVWXY])[{_EIR}]{{4}}))"
)
NL_POSTCODE = r"[1-9]\d{3} ?[A-Z]{2}"
NL_POSTCODE_ANY = r"[1-9]\d{3} ?(?i:[a-z]{2})"
FIVE_DIGIT = r"(?:0[1-9]|[1-9]\d)\d{3}"
# Austrian, Belgian, Swiss, Danish and Luxembourg postcodes: four digits, taken only after a
# street (with a comma or " / ") or a postcode label; alone they are as often a year or a count.
FOUR_DIGIT = r"[1-9]\d{3}"
# a comma, " / ", or a line break (an address block: "Adam-Pfister-Weg 0\n8128 Bad Leonfelden")
STREET_SEP = r"(?:,\s*|\s+/\s+|[ \t]*\n[ \t]*)"
CAP_PLACE = P.PLACE
ANY_PLACE = rf"{WORD}(?:[ -]{WORD}){{0,3}}"
POSTCODE_CUE = (
    r"(?i:post\s?code|postal code|code postal|plz|\bpc|\bp/c|\bzip|eircode)(?i:\s+is|\s+to)?"
)
# Two letters after four digits that are units or English words, not a Dutch postcode:
# "1000 mg", "2000 iu", "born 1950 in".
_NOT_NL = (
    "mg ml kg iu mm cm ug gm hr pm am km mi lb oz ft hz in on at to of or an as by is it me my "
    "no so up us we he do go be hi ok"
)
NOT_NL_LETTERS = frozenset(_NOT_NL.split())
NL_POSTCODE_NOT_UNIT = rf"[1-9]\d{{3}} ?(?!(?i:{'|'.join(_NOT_NL.split())})\b)(?i:[a-z]{{2}})"
UNITS_IN_LOWER_CASE_ONLY = frozenset({"ug", "gm", "mi", "lb", "oz", "ft", "hz"})
# Lower-case UK postcodes need the space and no ordinal or unit tail ("t2 3rd", "e1 5ml").
UK_POSTCODE_ANY = rf"(?i:{P.UK_POSTCODE.replace(' ?', ' ')})"
UK_TAIL_NOT = frozenset({"st", "nd", "rd", "th", "ml", "mg"})


_CONNECTORS = "upon on under in le la les by de sur sous am an der aan den"
PLACE_CONNECTORS = frozenset(_CONNECTORS.split())
_LOWER_CONNECTORS = frozenset(["am", "an", "der", "aan", "den", "de", "sur", "sous", "upon"])


def trim_place(value: str, last: bool = False) -> str:
    """The first (or, with `last`, the final) run of words of a place that are not common
    English: "fürstenfeldbruck now" -> "fürstenfeldbruck"; "just outside sligo" -> "sligo";
    "Pinto after my" -> "Pinto". A capitalised common word stays inside a capitalised place
    ("Bad Langensalza").
    """
    runs: list[list[re.Match[str]]] = [[]]
    words = list(re.finditer(r"\S+", value))
    for i, w in enumerate(words):
        word = w.group()
        lower = word.lower()
        # a connector between capitalised words stays ("Neustadt am Rübenberge")
        after = next(
            (x.group() for x in words[i + 1 :] if x.group().lower() not in PLACE_CONNECTORS), ""
        )
        # in lower case, a continental connector before an uncommon word ("neumarkt am
        # wallersee", "ouderkerk aan de amstel"); not "in" or "on" ("galway in june")
        lower_joined = (
            value.islower() and lower in _LOWER_CONNECTORS and after and not is_common(after)
        )
        joined = lower in PLACE_CONNECTORS and runs[-1] and (after[:1].isupper() or lower_joined)
        if joined:
            runs[-1].append(w)
        elif is_common(lower) and lower not in PARTICLES and (value.islower() or word.islower()):
            runs.append([])
        else:
            runs[-1].append(w)
    runs = [r for r in runs if r]
    if not runs:
        return ""
    run = runs[-1] if last else runs[0]
    while run and run[-1].group().lower() in PARTICLES:
        run.pop()
    return value[run[0].start() : run[-1].end()] if run else ""


_STREET_JOINERS = frozenset({"an", "na", "a", "de", "du", "des", "la", "le", "les", "y", "yr"})


class EuStreetRecognizer(RegexRecognizer):
    """French, German and Dutch street addresses, and lower-case English ones, with the number."""

    ENTITY = "STREET_ADDRESS"
    PATTERNS = (
        (rf"(?P<v>{FR_STREET})", 0.9),
        (rf"(?P<v>{FUSED_STREET})", 0.9),
        (rf"(?P<v>{SHORT_STREET})", 0.85),
        (rf"(?P<v>{EN_STREET})", 0.85),
        (rf"(?P<v>{FR_STREET_AFTER})", 0.85),
        (rf"(?P<v>{FR_STREET_BARE})", 0.85),
        (rf"(?P<v>{UNIT_STREET})", 0.85),
        (CUED_SHORT_STREET, 0.8),
        # a lower-case street with a short fused type before its postcode, in a list or a
        # record ("1) x y, izepad 15, 1393wt", "| jackpad 633 | 4766oz |"; seventeenth round,
        # from fresh16): the postcode after it says an address
        (
            rf"(?<![\w-])(?P<v>[{P.LOW}]{{3,}}{SHORT_TYPE}\s\d{{1,4}}[a-z]?(?:[-/]\d{{1,4}}[a-z]?)?)"
            rf"(?=(?:,\s|\s\|\s)(?:{NL_POSTCODE_ANY}|{FIVE_DIGIT_})(?![\w-]))",
            0.8,
        ),
        (rf"(?P<v>{FR_STREET_NAMED})", 0.8),
        (rf"(?P<v>{GA_STREET})", 0.85),
        (rf"(?P<v>{CY_STREET})", 0.85),
        (rf"(?P<v>{DE_PREP_STREET})", 0.85),
        (rf"(?P<v>{SOUTH_STREET})", 0.85),
        # a lower-case street with any USPS or Royal Mail suffix after an address cue ("lives
        # at 8 leach shore", "please update: 81 osborne pike")
        (
            rf"(?:{ADDRESS_CUE}|(?i:\bupdate|\bnew\s+address|\bold\s+address)\s*:?\s+)"
            rf"(?P<v>\d{{1,4}}[a-z]?,?\s+(?:{NOT_STREET_WORD}[a-z']+\s+){{1,3}}"
            rf"(?i:{_SUFFIX_WORDS})s?\b(?:,?\s+{P.UNIT_TAIL})?)",
            0.8,
        ),
        # a lower-case street with any USPS or Royal Mail suffix, when a postcode follows it
        # ("17 o'neill hills s38 0qj", "471 smith rapids, w65 1jl")
        (
            rf"(?P<v>\b\d{{1,4}}[a-z]?,?\s+(?:{NOT_STREET_WORD}[a-z']+\s+){{1,3}}"
            rf"(?i:{_SUFFIX_WORDS})s?)(?=,?\s+(?:{UK_POSTCODE_ANY}|{EIRCODE})(?![\w-]))",
            0.85,
        ),
    )

    def refine(self, value: str) -> str:
        words = list(re.finditer(r"\S+", value))
        for i, w in enumerate(words):
            bare = w.group().strip(",")
            if bare.lower() in _STREET_JOINERS:  # "12 Cnoc an Óir"
                continue
            if i > 1 and is_common(bare) and not w.group()[0].isdigit():
                return value[: words[i - 1].end()]
        return value


class EircodeRecognizer(RegexRecognizer):
    """Irish Eircodes ("D02 X285", "a65f4e2"); without the space the last four need a letter."""

    ENTITY = "POSTCODE"
    PATTERNS = ((rf"(?<![\w-])(?P<v>{EIRCODE})(?![\w-])", 0.95),)


class EuPostcodeRecognizer(RegexRecognizer):
    """Dutch (1234 AB) and French/German (five digits) postcodes, next to a town or a street,
    and UK postcodes typed in lower case."""

    ENTITY = "POSTCODE"
    PATTERNS = (
        (rf"(?<![\w,.-])(?P<v>{NL_POSTCODE})(?=,?\s+[{P.UP}][{P.LOW}])", 0.85),
        # after a comma and before a town of any case ("..., 1234 AB zwolle")
        (rf"(?<=,\s)(?P<v>{NL_POSTCODE})(?=\s+[{P.LOW}]{{3,}}\b)", 0.8),
        (rf"(?<![\w,.-])(?P<v>{FIVE_DIGIT})(?=\s+[{P.UP}][{P.LOW}]{{2}})", 0.8),
        # after the town: "Lyon 69002", "schagerbrug 9091zj"
        (rf"\b{CAP_PLACE}\s+(?P<v>{FIVE_DIGIT}|{NL_POSTCODE_ANY})(?![\w-]|\s\d)", 0.8),
        (rf"\b[{L}]{{3,}}\s+(?P<v>{NL_POSTCODE_ANY})(?![\w-])", 0.8),
        # after a house number ("karlijnpad 0 9686qn")
        (rf"(?<![\w,.-])\d{{1,4}}[a-zA-Z]?,?\s+(?P<v>{NL_POSTCODE_NOT_UNIT})(?![\w-])", 0.8),
        (rf"(?<![\w-])(?P<v>{UK_POSTCODE_ANY})(?![\w-])", 0.8),
        (rf"{STREET_ANY},?\s+(?P<v>{NL_POSTCODE_ANY}|{FIVE_DIGIT})(?![\w-])", 0.9),
        # a postcode field of a bar-separated record, after a street or a house number ("|
        # Krebsstraße 14-94 | 07533 |", "| ryanhof 1 | 3072jd |"; seventeenth round, from
        # fresh16's delivery list)
        (
            rf"(?:{STREET_ANY}|\d{{1,4}}[a-zA-Z]?)\s\|\s(?P<v>{FIVE_DIGIT}|{NL_POSTCODE_ANY})"
            rf"(?=\s\|)",
            0.85,
        ),
        (
            rf"{POSTCODE_CUE}\s*(?:[:=\s]|\.{{2,}})\s*(?P<v>{NL_POSTCODE_ANY}|(?i:{P.UK_POSTCODE})|{FIVE_DIGIT})"
            rf"(?![\w-])",
            0.9,
        ),
        # the cue after the code ("91694 is my postcode"), or a move to a postcode
        (
            rf"(?<![\w,.-])(?P<v>{FIVE_DIGIT}|{NL_POSTCODE_ANY})\s+(?i:is|=)\s+(?i:my|our|the|her|"
            rf"his)\s+{POSTCODE_CUE}",
            0.9,
        ),
        (
            rf"(?i:(?:moved|move|moving)(?:\s+from\s+{ANY_PLACE})?\s+to|live\s+in|lives\s+in|living\s+in|"
            rf"near(?=\s+\S+\s*(?:[,.;!?]|$)))\s+(?P<v>{FIVE_DIGIT}|{NL_POSTCODE_ANY})"
            rf"(?![\w-]|\s\d|\s?%)",
            0.85,
        ),
        # four digits after a street, before a town ("Kaiserstraße 12/3, 1070 Wien"), or after a
        # postcode label with its colon ("Postcode: 6102")
        (
            rf"{STREET_ANY}{STREET_SEP}(?P<v>{FOUR_DIGIT})(?=,?\s+[{L}]{{3,}})(?![\w-])",
            0.85,
        ),
        (rf"{POSTCODE_CUE}\s*[:=]\s*(?P<v>{FOUR_DIGIT})(?![\w-]|[.,]\d)", 0.85),
        # four or five digits closing the message or clause right after a street and its house
        # number ("can u resend the form to Schmidtstrasse 30 5667"; eleventh round)
        (
            rf"{STREET_ANY}\s+(?P<v>{FOUR_DIGIT}|{FIVE_DIGIT}|{NL_POSTCODE_ANY})"
            rf"(?=\s*(?:[,.;!?]\s|[.!?]?\s*$))",
            0.8,
        ),
        # a postcode field of a CSV export after a field holding a date ("Bazin,Cécile,Jun 8
        # 1949,91677,eGFR 45"; eleventh round)
        (
            rf"(?m:^(?:[^,\n]*,){{2,3}}[^,\n]*\d[^,\n]*,(?P<v>{FOUR_DIGIT}|{FIVE_DIGIT}|"
            rf"{NL_POSTCODE_ANY}),)",
            0.8,
        ),
        # between a street and a town, or after the town ("Truppstraße 682 Freising 76839")
        (rf"{STREET_ANY},?\s+{ANY_PLACE}\s+(?P<v>{FIVE_DIGIT}|{NL_POSTCODE_ANY})(?![\w-])", 0.85),
    )

    def validate(self, value: str) -> bool:
        if re.fullmatch(UK_POSTCODE_ANY, value):
            return value[-2:].lower() not in UK_TAIL_NOT
        raw = "".join(c for c in value if c.isalpha())
        letters = raw.lower()
        if raw.isupper() and letters in UNITS_IN_LOWER_CASE_ONLY:
            return True  # "7009 UG": microgram is written "ug", never "UG"
        return letters not in NOT_NL_LETTERS and letters not in ("sa", "sd", "ss")


class EuTownRecognizer(RegexRecognizer):
    """The town after a continental postcode, or before an Eircode."""

    ENTITY = "LOCATION"
    PATTERNS = (
        (rf"(?<![\w,.-])(?:{NL_POSTCODE}|{FIVE_DIGIT}),?\s+(?P<v>{CAP_PLACE})", 0.85),
        (rf"{STREET_ANY},?\s+(?:{NL_POSTCODE_ANY}|{FIVE_DIGIT}),?\s+(?P<v>{ANY_PLACE})", 0.85),
        # after " / " between fields, and after four digits ("... / 7091 Güssing / ...",
        # "Luttenbergerring 66, 4518 Schwechat")
        (
            rf"{STREET_ANY}\s+/\s+(?:{NL_POSTCODE_ANY}|{FIVE_DIGIT}),?\s+(?P<v>{ANY_PLACE})",
            0.85,
        ),
        (rf"{STREET_ANY}{STREET_SEP}{FOUR_DIGIT},?\s+(?P<v>{ANY_PLACE})", 0.85),
        (
            rf"{CUED_SHORT_STREET_BARE},?\s+(?:{NL_POSTCODE_ANY}|{FIVE_DIGIT})(?![\w-]),?\s+"
            rf"(?P<v>{ANY_PLACE})",
            0.8,
        ),
        # the town between a street and its postcode, or right after a continental street
        (
            rf"{STREET_ANY},?\s+(?P<v>{ANY_PLACE})\s+(?:{FIVE_DIGIT}|{NL_POSTCODE_ANY})(?![\w-])",
            0.85,
        ),
        (rf"(?:{FUSED_STREET}|{SHORT_STREET}|{FR_STREET_AFTER})\s+(?P<v>{ANY_PLACE})", 0.8),
        # the town after a street and a comma, before a time, a date or the end of the clause
        # ("the ambulance came to 22 dulohery street, tessa ville at 3am")
        (
            rf"{STREET_ANY},\s+(?P<v>{ANY_PLACE}?)(?=\s+(?i:at|on|till|until|since)\b|"
            rf"\s*(?:[,.;!?]|$)|[ \t]*\n)",
            0.8,
        ),
        # the town after an Eircode, a UK or a Dutch postcode (five digits alone are too often
        # a count: "10000 steps"), before a phone cue or the end of the clause
        (
            rf"(?<![\w-])(?:{EIRCODE}|{UK_POSTCODE_ANY}|{NL_POSTCODE_NOT_UNIT}),?\s+"
            rf"(?P<v>{ANY_PLACE}?)(?=\s*(?:[,.;!?]|$)|\s+/\s|\s+[-–:]\s|\s+(?i:phone|tel|ph|mob|"
            rf"mobile|since|till|until|from|for|but|and|please|pls|not)\b)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        place = trim_place(value)
        first = place.split()[0] if place else ""
        if first.islower() and (first in _VERBS_AFTER_STREET or first.endswith("ed")):
            return ""  # "the dentist on Jandreef 69 sent me here"
        return place if value.startswith(place) else ""


# Verbs in the past that follow an address in a sentence ("the dentist on X 69 sent me").
_VERBS_AFTER_STREET = frozenset(
    [
        "sent",
        "went",
        "came",
        "gave",
        "took",
        "told",
        "said",
        "rang",
        "got",
        "saw",
        "left",
        "put",
        "kept",
        "ran",
        "fell",
        "sat",
        "stood",
    ]
)


class TownBeforeEircodeRecognizer(EuTownRecognizer):
    """The town written just before an Eircode ("Ennis, V95 H2N4")."""

    PATTERNS = (
        (rf"(?P<v>{CAP_PLACE}),?\s+{EIRCODE}(?![\w-])", 0.85),
        (rf"(?P<v>{ANY_PLACE}),\s+{EIRCODE}(?![\w-])", 0.6),
        # after a comma, before a UK postcode of any case ("aimee brook, fionaville e2 0qx")
        (rf",\s*(?P<v>{ANY_PLACE}),?\s+{UK_POSTCODE_ANY}(?![\w-])", 0.6),
    )

    def refine(self, value: str) -> str:
        return trim_place(value, last=True)


# Words that follow "live in" or "from" and are not places: kinds of home and settlement, and
# states ("live in hope", "live in halls", "from work").
_HOMES = (
    "town city village country countryside area suburbs house flat flats home bed hospital hope "
    "fear work school abroad halls digs lodgings accommodation care residence bungalow caravan "
    "tent hostel hotel university college barracks prison bed reception holiday"
)
# Verbs that follow "going to" ("going to ring on 3 May") and hospital departments a referral
# comes from ("referred from cardiology by"): never a town.
_NOT_PLACE_VERBS = (
    "ring call phone text see try need have get be do make take book come stay visit wait sleep "
    "rest start stop ask email chase cancel change move collect order die recover recuperate "
    "relax eat shower wash cook feed pack unpack rinse"
)
_DEPARTMENTS = (
    "cardiology dermatology neurology gastroenterology gastro rheumatology urology oncology "
    "haematology respiratory endocrinology paediatrics orthopaedics ortho ent gynaecology "
    "obstetrics psychiatry ophthalmology outpatients ward ed casualty physio radiology "
    "nkda nka nkfa dnacpr dnr pmh hx rx"
)
# Words that name which branch or site without naming a town ("the main branch").
_WHICH_SITE = "main local nearest other same central usual closest next big small high"
_NOT_PLACE = frozenset(f"{_HOMES} {_NOT_PLACE_VERBS} {_DEPARTMENTS} {_WHICH_SITE}".split())
TOWN_CUE = (
    r"(?i:\b(?:live|lives|living|lived|staying|based|grew\s+up)\s+(?:in|near)|\bhours\s+in|"
    r"\b(?:chemist|pharmacy|surgery|practice|clinic|hospital|gp|doctor|dentist|physio|"
    r"optician|midwife)\s+(?:is\s+)?(?:in|near|around)|\bhere\s+from|"
    # where someone got in touch from ("just texted me from <town>")
    r"\b(?:texted|messaged|rang|phoned|emailed|called|writing|calling)\s+(?:me\s+|us\s+)?from|"
    r"\bdr\.?\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?\s+(?:in|of)|\b(?:moved|moving|move|relocated|relocating)\s+(?:back\s+)?to|"
    r"\bstuck\s+in|\bschool\s+in|\bholiday\s+in|\bjust\s+outside|\bover\s+from|"
    r"\b(?:moved|moving|move|came|relocated)\s+(?:here\s+|over\s+|back\s+)?from|"
    r"\bwalk[- ]?in(?:\s+(?:centre|center|clinic))?\s+(?:at|in)|"
    r"\b(?:live|lives|living|lived)\s+(?:over|out|up|down)\s+(?:in|near)|"
    r"\b(?:town|city|town\s*/\s*city|ville|ort|wohnort|plaats|woonplaats|localit[ée]|"
    r"commune|gemeente)\s*:|"
    r"\b(?:daughter|son|sister|brother|mum|mother|dad|father|friend|partner|aunt|uncle|gran|"
    r"granny|nan|cousin|niece|nephew)['’]?s\s+(?:place\s+|house\s+|flat\s+)?in)"
)


class CuedTownRecognizer(RegexRecognizer):
    """A town of any case after a place cue ("we live in freudenstadt", "the chemist in cuijk",
    "here from brilon"), or between "in"/"from" and "on <date>" or "here"; only the words that
    open the match and are not common English, clinical or a generic place word."""

    ENTITY = "LOCATION"
    PATTERNS = (
        (rf"{TOWN_CUE}\s+(?P<v>{ANY_PLACE})", 0.7),
        # where the writer is, closing the message ("can ye see her the day? we're in Bogen";
        # eleventh round)
        (
            rf"(?i:\b(?:we['’]?re|we\s+are|i['’]m|i\s+am)\s+(?:in|over\s+in|out\s+in))\s+"
            rf"(?P<v>{ANY_PLACE}?)(?=\s*[.!?]*\s*$)",
            0.7,
        ),
        (
            rf"(?i:\b(?:in|from))\s+(?P<v>{ANY_PLACE})\s+(?i:on)\s+"
            rf"(?={P.DATE_ANY}|{P.DAY_MONTH_NUMERIC}|{P.DAY_ORDINAL})",
            0.7,
        ),
        # where a patient went home to, before who with, when or the end of the clause
        # ("discharged 3 May, home to <town> with daughter"; "home to rest." stays)
        (
            rf"(?i:\bhome\s+to)\s+(?P<v>{ANY_PLACE}?)(?=\s+(?i:with|on|by|and|after|via)\b|"
            rf"\s*[,.;]|\s*$)",
            0.7,
        ),
        # a branch named after its town ("spoke with pharmacist X at the <town> branch")
        (rf"(?i:\b(?:at|from|in|to)\s+the)\s+(?P<v>{ANY_PLACE}?)\s+(?i:branch)\b", 0.9),
        (rf"(?i:\bfrom)\s+(?P<v>{ANY_PLACE})\s+(?i:here)\b", 0.7),
        # a death notice: "X Y of <town>, peacefully", "late of <town>, passed away"
        # (twelfth round)
        (
            rf"(?:\s(?i:of)|(?i:\blate\s+of))\s+(?P<v>{ANY_PLACE}?)"
            r"(?=\s*,\s*(?i:peacefully|passed\s+away)\b)",
            0.7,
        ),
        # where the writer, just named, is from ("its X Y from <town>, ...")
        (
            rf"(?i:\bits|\bit['’]s|\bim|\bi['’]m|\bthis\s+is)\s+[^\W\d_]+(?:[ '-][^\W\d_]+)"
            rf"{{0,4}}\s+(?i:from)\s+(?P<v>{ANY_PLACE}?)(?=\s*[,.;!]|\s*$)",
            0.7,
        ),
        # (thirteenth round) the place of birth after the date inside brackets ("(b. 4th of Oct,
        # Rothenburg ob der Tauber)", "(born 17 dec 1942, phillipsbury)")
        (
            rf"\((?i:b\.|born|dob|d\.o\.b\.?|geb\.|n[ée]e?)\s*:?\s*[^,()]{{3,30}},\s*"
            rf"(?P<v>{ANY_PLACE}?)\s*\)",
            0.7,
        ),
        # where someone joins from, and a poster's place after age and sex ("who joins us from
        # <town>", "34F from <town>,")
        (
            rf"(?:(?i:\b(?:joins|joined|joining)\s+(?:us|the\s+team)\s+from)|"
            rf"\b\d{{1,2}}(?i:[mf])\s+(?i:from))\s+(?P<v>{ANY_PLACE}?)(?=\s*[,.;!?]|\s*$)",
            0.7,
        ),
        # the place of birth after the date ("born on 4 march in andre-sur-mer")
        (
            rf"(?i:\bborn)\s+(?i:on\s+)?(?i:the\s+)?(?:{P.DATE_ANY})\s+(?i:in)\s+(?P<v>{ANY_PLACE})",
            0.7,
        ),
        # where a referral came from ("referred from <town> by dr ..."), where the writer goes
        # before when ("we are going to <town> on <date>"), where someone lives with another
        # ("lives with partner in <town>")
        (
            rf"(?i:\breferred\s+(?:here\s+)?from)\s+(?P<v>{ANY_PLACE}?)"
            rf"(?=\s+(?i:by|on|with|to|for)\b|\s*[,.;]|\s*$)",
            0.7,
        ),
        (
            rf"(?i:\b(?:going|travelling|traveling|flying|heading|driving|off|go|went)\s+"
            rf"(?:back\s+)?to)\s+(?P<v>{ANY_PLACE}?)\s+(?i:on|from|for|until|till)\s+"
            rf"(?=(?i:the\s+)?(?:{P.DATE_ANY}|{P.DAY_WORD}|\d{{1,2}}(?i:st|nd|rd|th)|"
            rf"{P.SPACED_DATE}|\d{{1,4}}[/.-]\d))",
            0.7,
        ),
        (
            rf"(?i:\b(?:live|lives|living|lived|staying)\s+with\s+(?:(?:my|her|his|their|a)\s+)?"
            rf"[^\W\d_]+\s+in)\s+(?P<v>{ANY_PLACE})",
            0.7,
        ),
        # a place closing a record that opens with a name label, after the date of birth
        # ("Patient: X, d.o.b. <date>, <town>")
        (
            rf"(?i:\b(?:patient|pt|name)\s*:)[^,\n]{{2,60}},\s*{P.DOB_CUE}\s*(?:(?i:the\s+)?{P.DATE_ANY}|{P.SPACED_DATE}|{P.DAY_MONTH_NUMERIC}|"
            rf"{P.DAY_ORDINAL}),\s*(?P<v>{ANY_PLACE})\s*(?=[.;|]|$)",
            0.7,
        ),
        # the place of a signature block: "signed by X, <place>, <date>"
        (
            rf"(?i:\bsigned(?:\s+by)?)\s+[^,.]{{2,40}},\s*(?P<v>{ANY_PLACE}),\s*(?={P.DATE_ANY})",
            0.7,
        ),
    )

    def refine(self, value: str) -> str:
        place = trim_place(value)
        first = value.split()[0].lower() if value.split() else ""
        if not place or not value.startswith(place) or first in _NOT_PLACE:
            return ""
        return "" if is_allow_listed(place, load_allow_list()) else place


_MONTH_OR_DAY = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


# Up to six words of an address line with no word of a sentence in it ("at 180 and I feel
# like ..., chest hurts" is no address).
_ADDRESS_WORDS = (
    r"(?:(?!(?i:and|or|but|i|i'm|im|the|a|an|to|of|like|with|my|me|is|was|on|in|for|it|so)\b)"
    r"[\w'’./-]+[ \t]*){1,6}"
)


# Words that say what kind of practice it is, not where ("the dental practice", "the GP surgery").
_PRACTICE_KIND = re.compile(
    r"(?i:dental|general|private|group|family|local|village|community|health|medical|veterinary|"
    r"vet|eye|gp|out|hours|walk-in|main|new|old|city|town|nurses?|doctors|doctor's|the|a|my|our|"
    r"your|their|his|her)"
)


class PracticeTownRecognizer(CuedTownRecognizer):
    """The town a surgery or practice is named after ("to X at the <town> surgery", "dr X Y,
    <town> practice, sessions ..."; fifteenth round, from fresh14): every word of the match a
    place word, none saying what kind of practice it is ("the dental practice" stays)."""

    PATTERNS = (
        (
            rf"(?i:\b(?:at|from|in|to)\s+the)\s+(?P<v>{ANY_PLACE}?)\s+(?i:surgery|practice|"
            rf"medical\s+cent(?:re|er)|health\s+cent(?:re|er))\b",
            0.7,
        ),
        (
            rf"(?:^|[,;]\s+)(?P<v>{ANY_PLACE}?)\s+(?i:surgery|practice)(?=\s*[,;.]|\s*$)",
            0.7,
        ),
        # the hospital or unit named after its town ("is in <town> general with", "at
        # <town> maternity unit"; sixteenth round, from fresh15)
        (
            rf"(?i:\b(?:in|at|to|from))\s+(?P<v>{ANY_PLACE}?)\s+(?i:general|infirmary|"
            rf"maternity\s+unit|maternity\s+hospital|university\s+hospital)\b",
            0.7,
        ),
    )

    def refine(self, value: str) -> str:
        place = super().refine(value)
        if place != value.strip() or any(_PRACTICE_KIND.fullmatch(w) for w in value.split()):
            return ""
        return place


class ClosingTownRecognizer(CuedTownRecognizer):
    """A town closing the message (tenth round): after an address that opens with "at" or an
    address label and holds a number ("lives with X at kaypad 004, hekendorp"), or after ", in"
    ("my grandson X and his girlfriend, in <town>"). Every word of the match must be a place
    word ("..., walks with a frame" and ", in bed" stay)."""

    PATTERNS = (
        (
            rf"(?i:\b(?:at|lives\s+at|living\s+at|address(?:\s+is)?|adres|adresse)\s*:?)\s+"
            rf"(?=[^,\n]*\d){_ADDRESS_WORDS},\s+(?P<v>{ANY_PLACE})(?=\s*(?:[.;!]|$))",
            0.7,
        ),
        (rf",\s*(?i:in)\s+(?P<v>{ANY_PLACE})(?=\s*[.!]?\s*$)", 0.7),
        # where a prescription is collected, closing the request ("ophalen in <town>";
        # seventeenth round, from fresh16's Dutch repeat-prescription requests)
        (
            rf"(?i:\b(?:ophalen|afhalen|abholen)\s+in)\s+(?P<v>{ANY_PLACE})(?=\s*[.!]?\s*$)",
            0.7,
        ),
        # the German and Dutch "from" closing a card or a message ("Dein Team aus <town>",
        # "groeten uit <town>"; fourteenth round, from fresh13's get-well card)
        (
            rf"(?i:\b(?:aus|uit))\s+(?!(?i:dem|der|den|die|das|des|ein|einem|einer|meinem|"
            rf"meiner|unserem|unserer|het|de|een|mijn|ons|onze)\b)(?P<v>{ANY_PLACE})"
            r"(?=\s*[.!]?\s*$)",
            0.7,
        ),
    )

    def refine(self, value: str) -> str:
        place = super().refine(value)
        return place if place == value.strip() else ""


class StreetOrMoveTownRecognizer(CuedTownRecognizer):
    """The town after a street and "in" ("we live just off waltergasse 74 in forst"), and the
    town a move went to ("moved from Ballinasloe to Tuam")."""

    PATTERNS = (
        (rf"(?:{STREET_ANY}),?\s+(?i:in)\s+(?P<v>{ANY_PLACE})", 0.7),
        (
            rf"(?i:\b(?:moved|moving|move|relocated)\s+from)\s+{ANY_PLACE}?\s+(?i:to)\s+"
            rf"(?P<v>{ANY_PLACE})",
            0.7,
        ),
    )

    def refine(self, value: str) -> str:
        place = super().refine(value)
        return "" if place.lower() in _MONTH_OR_DAY else place


class KinTownRecognizer(RegexRecognizer):
    """The town of a named relative ("my aunt Hildburg in Hohenstein-Ernstthal has ..."): the
    word after the relation must look like a name (not common English: "my son works in
    construction" stays), then only the place words are reported."""

    ENTITY = "LOCATION"
    PATTERNS = ((rf"{P.RELATION}\s+(?P<v>{WORD}\s+(?i:in)\s+{ANY_PLACE})", 0.7),)

    def refine(self, value: str) -> str:
        name, _, rest = value.partition(" ")
        rest = re.sub(r"^(?i:in)\s+", "", rest)
        low = name.lower()
        if is_common(low) or low.endswith("s") or re.search(r"(?:ed|ing)$", low):
            return ""
        place = trim_place(rest)
        first = place.split()[0].lower() if place else ""
        if not place or not rest.startswith(place) or first in _NOT_PLACE | _MONTH_OR_DAY:
            return ""
        return place


_KIN_WORDS = (
    r"(?i:wife|husband|son|daughter|mother|mum|mam|father|dad|partner|sister|brother|friend|"
    r"neighbour|neighbor|carer|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|self|"
    r"patient|parent|guardian)"
)


class ListTownRecognizer(CuedTownRecognizer):
    """The town in brackets after a named entry of a list, before the next entry ("group list: X Y
    (Usquert), X Y (+31 ...)"; seventeenth round, from fresh16's bereavement group list): every
    word of the brackets a place word, and no relation ("(daughter)") or everyday word."""

    PATTERNS = (
        (
            rf"(?:^|:\s+|,\s+){WORD}(?:[ -]{WORD}){{1,3}}\s+\((?P<v>{ANY_PLACE})\)(?=\s*,)",
            0.7,
        ),
    )

    def refine(self, value: str) -> str:
        place = super().refine(value)
        if place != value.strip() or any(is_common(w) for w in value.split()):
            return ""
        if re.fullmatch(_KIN_WORDS, value.strip()):
            return ""
        return place


class CuedPostcodeRecognizer(RegexRecognizer):
    """A Dutch postcode after a postcode label, whatever its two letters ("Post code .......
    5776 AN"): the label settles what the unit check in `EuPostcodeRecognizer` guards against."""

    ENTITY = "POSTCODE"
    PATTERNS = (
        (rf"{POSTCODE_CUE}\s*(?:[:=\s]|\.{{2,}})\s*(?P<v>{NL_POSTCODE_ANY})(?![\w-])", 0.9),
        # four or five digits after a postcode label, whatever the label's country ("Eircode
        # 62166 for the ambulance": the label says a postcode follows; twelfth round)
        (
            rf"{POSTCODE_CUE}\s*(?:[:=\s]|\.{{2,}})\s*(?P<v>{FIVE_DIGIT}|{FOUR_DIGIT})(?![\w/.-])",
            0.85,
        ),
        # a Dutch postcode right after a street and its number, whatever its letters
        # ("Kerkstraat 3, 1234ML Zwolle": ML is no millilitre here)
        (rf"(?:{FUSED_STREET}|{SHORT_STREET}),?\s+(?P<v>{NL_POSTCODE_ANY})(?![\w-])", 0.85),
        # after a lower-case street with a short type and an address cue, between commas
        (
            rf"{CUED_SHORT_STREET_BARE},?\s+(?P<v>{NL_POSTCODE_ANY}|{FIVE_DIGIT})(?![\w-])",
            0.85,
        ),
    )


# An address block on its own lines, as on an envelope or a letter head: a street line, a town
# line, a postcode line ("38 Harry Extensions\nDaviesview\nSW73 9PD").
_BLOCK_STREET = re.compile(
    rf"(?:{P.UNIT})?(?:\d{{1,4}}[a-zA-Z]?(?:[-/]\d{{1,4}})?,?\s+[^\W\d_][^\n]*|(?:{STREET_ANY})[^\n]*)"
)
_BLOCK_TOWN = re.compile(rf"{WORD}(?:[ -]{WORD}){{0,4}}")
_BLOCK_POSTCODE = re.compile(
    rf"(?:{FOUR_DIGIT}|{FIVE_DIGIT}|{NL_POSTCODE_ANY}|{UK_POSTCODE_ANY}|{EIRCODE}|"
    rf"(?i:{P.UK_POSTCODE}))"
)


class AddressBlockRecognizer(RegexRecognizer):
    """A street, a town and a postcode on three lines of their own; each line is reported with
    its type. The three together settle it: a line of words alone is no town."""

    ENTITY = "LOCATION"
    PATTERNS = ()

    def __init__(self) -> None:
        super().__init__()
        self.supported_entities = ["LOCATION", "POSTCODE", "STREET_ADDRESS"]

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        meta = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        lines, pos = [], 0
        for line in text.split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        for i in range(len(lines) - 2):
            (s0, l0), (s1, l1), (s2, l2) = lines[i : i + 3]
            street, town, code = l0.strip(), l1.strip(), l2.strip()
            if not (
                _BLOCK_STREET.fullmatch(street)
                and _BLOCK_TOWN.fullmatch(town)
                and _BLOCK_POSTCODE.fullmatch(code)
            ):
                continue
            if all(is_common(w.lower()) for w in town.split()):
                continue
            for etype, start, value in (
                ("STREET_ADDRESS", s0 + l0.find(street), street),
                ("LOCATION", s1 + l1.find(town), town),
                ("POSTCODE", s2 + l2.find(code), code),
            ):
                results.append(RecognizerResult(etype, start, start + len(value), 0.85, None, meta))
        return results


_CANTONS = "ag ai ar be bl bs fr ge gl gr ju lu ne nw ow sg sh so sz tg ti ur vd vs zg zh"


class CantonTownRecognizer(RegexRecognizer):
    """A Swiss town with its canton in brackets ("1066 Courvoisier (ZH)", "lives in Wicht (GR)"),
    after a four-digit postcode or "in": the town and the bracket together (eleventh round)."""

    ENTITY = "LOCATION"
    PATTERNS = (
        (
            rf"(?:(?<=\d{{4}}\s)|(?<=(?i:\bin)\s))(?P<v>{ANY_PLACE}?\s\((?i:"
            rf"{'|'.join(_CANTONS.split())})\))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        town = value.rsplit(" (", 1)[0]
        return value if trim_place(town) == town else ""
