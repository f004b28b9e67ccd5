"""Custom Presidio recognizers for people, places, records and documents.

Each subclass declares ENTITY and PATTERNS (see `safety.pii.base.RegexRecognizer`); network,
payment and generic-number recognizers live in `recognizers_net`, lower-case and particle names
in `names`, continental and Irish addresses in `recognizers_intl`.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from safety.pii import patterns as P
from safety.pii.base import RegexRecognizer
from safety.pii.base import digits_of as _digits
from safety.pii.names import (
    CapitalAfterLowerCueRecognizer,
    CuedLowerNameRecognizer,
    GreetingItsNameRecognizer,
    HereNameRecognizer,
    HonorificNameRecognizer,
    LexiconNameRecognizer,
    RelativeNameRecognizer,
    SignOffNameRecognizer,
    TitledActorNameRecognizer,
    TitledNameRecognizer,
)
from safety.pii.names_context import NAMES_CONTEXT
from safety.pii.names_fields import NAMES_FIELDS
from safety.pii.names_forms import (
    AskedKnownNameRecognizer,
    AskedNameRecognizer,
    CuedNameNeedsLessRecognizer,
    EndCommaCapitalRecognizer,
    FormFieldNameRecognizer,
    GreetingNameRecognizer,
    InvertedSelfNameRecognizer,
    KinAppositionNameRecognizer,
    KinBracketNameRecognizer,
    KinPossessiveNameRecognizer,
    NameBeforeDateRecognizer,
    NameBeforeKinRecognizer,
    NameShapeRecognizer,
    OurNameRecognizer,
    PossessiveKinNameRecognizer,
    ServiceForNameRecognizer,
    SignatureNameRecognizer,
    TwoWordsOrNamedRecognizer,
    VocativeNameRecognizer,
)
from safety.pii.names_letters import NAMES_LETTERS
from safety.pii.names_lists import NAMES_LISTS
from safety.pii.names_messages import NAMES_MESSAGES
from safety.pii.names_notes import NAMES_NOTES
from safety.pii.names_records import NAMES_RECORDS
from safety.pii.names_requests import NAMES_REQUESTS
from safety.pii.names_roles import NAMES_ROLES
from safety.pii.names_schedules import NAMES_SCHEDULES
from safety.pii.recognizers_intl import (
    AddressBlockRecognizer,
    CantonTownRecognizer,
    ClosingTownRecognizer,
    CuedPostcodeRecognizer,
    CuedTownRecognizer,
    EircodeRecognizer,
    EuPostcodeRecognizer,
    EuStreetRecognizer,
    EuTownRecognizer,
    KinTownRecognizer,
    ListTownRecognizer,
    PracticeTownRecognizer,
    StreetOrMoveTownRecognizer,
    TownBeforeEircodeRecognizer,
)
from safety.pii.recognizers_net import (
    CreditCardRecognizer,
    GenericIdRecognizer,
    IpAddressRecognizer,
    UrlRecognizer,
)


class PersonCueRecognizer(RegexRecognizer):
    """Names after titles and introductions, which the small spaCy model often misses."""

    ENTITY = "PERSON"
    PATTERNS = (
        (rf"{P.TITLE}\s+(?P<v>{P.PNAME}(?:[ -]{P.PNAME})?)", 0.9),
        (rf"{P.INTRO}\s+(?P<v>{P.PNAME}(?:[ -]{P.PNAME}){{0,2}})", 0.85),
        (rf"{P.RELATION},?\s+(?P<v>{P.PNAME}(?: {P.PNAME})?)", 0.9),
        (rf"(?P<v>{P.NAME} {P.NAME}),?\s+(?i:is my|was my|\(my)", 0.8),
        (rf"(?P<v>{P.PNAME}(?: {P.PNAME}){{1,2}}),?\s+\(?(?i:born|dob|d\.o\.b|aged)\b", 0.9),
        (rf"(?:^|[.!?,:]\s+)(?P<v>{P.NAME}(?: {P.NAME})?) (?i:here|speaking|calling)\b", 0.9),
        (
            rf"(?:(?i:\b(?:for|to|with|from|by|and|called|named|contact:?|c/o))\s+|\()"
            rf"(?P<v>{P.NAME} {P.NAME})\b",
            0.6,
        ),
    )


class MrnRecognizer(RegexRecognizer):
    """Medical record, hospital, patient and unit numbers, found through their cue words."""

    ENTITY = "MRN"
    PATTERNS = ((rf"{P.MRN_CUE}{P.ID_JOIN}(?P<v>{P.ID_VALUE})", 0.95),)

    def validate(self, value: str) -> bool:
        return len(_digits(value)) >= 4


class NhsNumberRecognizer(RegexRecognizer):
    """NHS numbers: a valid modulus-11 check digit, found after a cue or in the issued ranges.

    Without a cue only numbers starting 4-7 (the ranges issued in England and Wales) count,
    so UK phone numbers (which start with 0) are never taken for NHS numbers.
    """

    ENTITY = "NHS_NUMBER"
    PATTERNS = (
        (r"\b(?P<v>[4-7]\d{2}[ -]?\d{3}[ -]?\d{4})\b", 0.75),
        (
            rf"(?i:NHS)(?i:\s+(?:number|no\.?|#))?{P.ID_JOIN}"
            r"(?P<v>\d{3}[ -]?\d{3}[ -]?\d{4})",
            1.0,
        ),
    )

    def validate(self, value: str) -> bool:
        digits = _digits(value)
        if len(digits) != 10:
            return False
        total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        return check != 10 and check == int(digits[9])


class PhoneRecognizer(RegexRecognizer):
    """UK and US phone numbers (mobiles, landlines, +44/+1 forms), numbers written with an
    international prefix (+353, 0033, 001-), and French ten-digit numbers in pairs; never dates."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = (
        (rf"(?<![\w/+]){P.UK_PHONE}(?![\w/])", 0.75),
        (rf"(?<![\w/+]){P.US_PHONE}(?![\w/])", 0.7),
        (rf"(?<![\w/+]){P.INTL_PHONE}(?![\w/])", 0.75),
        # (a French number may close a sentence or a clause: "... 04 71 78 18 47, Kaposi";
        # sixteenth round)
        (rf"(?<![\w/+.,]){P.FR_PHONE}(?![\w/]|[.,]\d)", 0.7),
        # a German landline with its area code, the number in one group ("(09399) 44639",
        # "05893 06698"; sixteenth round, from fresh15)
        (rf"(?<![\w/+.,]){P.DE_PHONE}(?![\w/]|[.,]\d)", 0.65),
        (rf"(?<![\w/+.,]){P.CH_BE_PHONE}(?![\w/]|[.,]\d)", 0.7),
    )

    def validate(self, value: str) -> bool:
        number = re.split(r"(?i)\s?(?:x|ext\.?)\s?\d", value)[0]  # an extension is extra
        if re.fullmatch(P.CH_BE_PHONE, number):
            return True
        return 10 <= len(_digits(number)) <= 15


class PostcodeRecognizer(RegexRecognizer):
    """UK postcodes (by shape) and US ZIP codes (after a state, or a 'zip' cue)."""

    ENTITY = "POSTCODE"
    PATTERNS = (
        (rf"\b(?P<v>{P.UK_POSTCODE})\b", 0.85),
        (rf"\b(?:{P.US_STATE}),?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)\b", 0.9),
        (r"\b(?P<v>\d{5}-\d{4})\b", 0.8),
        (r",\s*[A-Z]{2}\s+(?P<v>\d{5})\b", 0.8),
        (r"(?i:zip(?:\s*code)?|postcode|post code)(?i:\s+is)?[:\s]+(?P<v>\d{5}(?:-\d{4})?)\b", 0.9),
    )


class TownBeforePostcodeRecognizer(RegexRecognizer):
    """The town or city written just before a postcode or a US state and ZIP."""

    ENTITY = "LOCATION"
    PATTERNS = (
        (rf"(?P<v>{P.PLACE}),?\s+(?:{P.UK_POSTCODE}\b|(?:{P.US_STATE}),?\s+\d{{5}})", 0.85),
        # between the comma that closes an address line and a full postcode, a town even when
        # its name is also a clinical word ("..., Glasgow G11 6RT": not the Coma Scale)
        (rf"(?<=,\s)(?P<v>{P.PLACE})\s+(?={P.UK_POSTCODE}(?![\w-]))", 0.9),
        (
            rf"(?i:live in|living in|lives in|moved to|based in|from)\s+(?P<v>{P.PLACE})"
            rf"(?=,?\s+(?:{P.US_STATE}|{P.UK_POSTCODE})\b)",
            0.85,
        ),
        (rf"\b(?P<v>{P.PLACE})\s+{P.HOSPITAL_WORD}\b", 0.85),
        (
            rf"(?i:\b(?:clinic|hospital|surgery|practice|pharmacy|centre|center|ward|office|school|"
            rf"live|lives|living|lived|moved|staying|based|born|grew up))\s+(?i:in|to|at|near)\s+"
            rf"(?P<v>{P.PLACE})\b",
            0.85,
        ),
        (rf"\d{{1,5}}[A-Za-z]?,?\s+{P.STREET}(?:,?\s+{P.UNIT_TAIL})?,\s+(?P<v>{P.PLACE})\b", 0.85),
    )


class StreetAddressRecognizer(RegexRecognizer):
    """Street addresses including the house or flat number, which spaCy leaves outside."""

    ENTITY = "STREET_ADDRESS"
    PATTERNS = (
        (
            rf"(?P<v>(?:{P.UNIT}(?:\d{{1,5}}[A-Za-z]?,?\s+)?|\b\d{{1,5}}[A-Za-z]?,?\s+){P.STREET}"
            rf"(?:,?\s+{P.UNIT_TAIL})?)",
            0.9,
        ),
        (rf"(?i:live on|live at|lives on|lives at|address is|moved to)\s+(?P<v>{P.STREET})", 0.8),
    )


class DateOfBirthRecognizer(RegexRecognizer):
    """Dates of birth: any written date after a birth cue, with or without the year."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (
        (rf"{P.DOB_CUE}\s*(?P<v>(?i:the\s+)?{P.DATE_ANY})(?![\d/])", 0.95),
        # a day alone ("DOB the twenty-seventh,"), figures with spaces ("24 2 2000"), or a day
        # and month in figures ("born 24/4"; not "born 3/12 ago", a baby's age in months)
        (rf"{P.DOB_CUE}\s*(?P<v>{P.DAY_ORDINAL}){P.DAY_CLOSES}", 0.9),
        (rf"{P.DOB_CUE}\s*(?P<v>{P.SPACED_DATE}|{P.SPACED_DATE_SHORT})", 0.9),
        (
            rf"{P.DOB_CUE}\s*(?P<v>{P.DAY_MONTH_NUMERIC})"
            r"(?!\s*(?i:ago|old|weeks?|months?|days?|of|prem|early|late)\b)",
            0.9,
        ),
        # a weekday before a day and month in figures, or the German "21.07." ("born Tue 9/9",
        # "Geburtsdatum 03.07.")
        (rf"{P.DOB_CUE}\s*(?P<v>{P.WEEKDAY_DAY_MONTH}|{P.DOT_DAY_MONTH})", 0.9),
    )


class FullDateRecognizer(RegexRecognizer):
    """Other calendar dates: numeric with a year, ISO, or a day with a month name; relative
    times, weekdays, bare years and numeric day/month pairs ("3/7", "5/10") are kept."""

    ENTITY = "DATE"
    PATTERNS = (
        (rf"(?<![\w/.-])(?P<v>{P.DATE_ANY})(?![\d/])", 0.6),
        # with its article ("the 28th of June"): "the" is a fifth of the span
        (rf"(?<![\w/.-])(?P<v>(?i:the)\s+{P.DATE_ANY})(?![\d/])", 0.6),
        (rf"{P.DATE_CUE}(?P<v>{P.SPACED_DATE}|{P.SPACED_DATE_SHORT})", 0.6),
        # a reference written surname/date ("ref kowalski/3 May 1950")
        (rf"(?<=[{P.LOW}]/)(?P<v>{P.DATE_ANY})(?![\d/])", 0.6),
        (rf"(?<![\w/.-])(?P<v>{P.WEEKDAY_ORDINAL})", 0.6),
        (rf"{P.DATE_CUE}(?P<v>{P.DAY_MONTH_NUMERIC})", 0.6),
        (P.DAY_ALONE, 0.6),
        (P.MONTH_ALONE, 0.6),
        # a weekday before a day and month in figures ("rang Mon 12/5"); the German day.month
        # with its closing dot after a date cue ("admitted 31.03.", "Service date 28.02.")
        (rf"(?<![\w/.-])(?P<v>{P.WEEKDAY_DAY_MONTH})", 0.6),
        (rf"{P.DATE_CUE}(?P<v>{P.DOT_DAY_MONTH})", 0.6),
        # the German "am / vom / bis / ab / seit" before it ("Termin am 13.05.")
        (rf"(?i:\b(?:am|vom|bis|ab|seit)\s+)(?P<v>{P.DOT_DAY_MONTH})", 0.6),
        # tenth round: day, month and year in figures with spaces ("signed in 11 2 2023") and the
        # German "06.07." without a cue, each standing alone between spaces, brackets or commas;
        # a weekday before an ordinal in words ("thu the twenty-eighth"); part of a month
        (rf"(?<![\w/.,:-])(?P<v>{P.SPACED_DATE})(?![\w/.:-])", 0.6),
        (rf"(?:(?<=[\s(])|^)(?P<v>{P.DOT_DAY_MONTH})(?=\s|$|[,;)])", 0.6),
        # ("thu the twenty-eighth"; with "the" and no comma: "tuesday, first of all" stays)
        (rf"(?<![\w/.-])(?P<v>{P.WEEKDAY_NAME}\.?\s+(?i:the)\s+{P.DAY_WORD})(?![\w-])", 0.6),
        (P.MONTH_PART, 0.6),
        # twelfth round: an ordinal day with "the" after an arrival, a register or a statement
        # taken, after the birth sign "*" or opening a chat stamp ("arr. the eleventh -", "CD
        # register the twenty-fourth |", "* the fifth,", "[the twentieth, 21:14]")
        (
            # (thirteenth round: also after "issued", "dated", "expires", "due": "PCN issued
            # the fifth on ...")
            rf"(?i:\b(?:arr\.?|arriving|arrived|register|taken|issued|dated|expires|expired|"
            rf"expiring|due)\s+|\*\s*|\[)"
            rf"(?P<v>{P.DAY_ORDINAL})(?:{P.DAY_CLOSES}|(?=\s[-–]\s)|(?=\s+(?i:on)\s))",
            0.6,
        ),
    )


# Lab and score words: "potassium from 5.5 to 6.1" is a change of value, not two dates.
_LAB_BEFORE = re.compile(
    r"(?i:\b(?:pain|gcs|bp|k\+?|potassium|sodium|na|hb|hba1c|crp|inr|temp|temperature|glucose|sugars?|bms?|"
    r"creat\w*|egfr|ph|lactate|calcium|ca|magnesium|phosphate|tsh|t4|wcc|neuts|plt|platelets|"
    r"alt|ast|bili\w*|albumin|ferritin|b12|folate|psa|urea|score|dose|levels?|weight|bmi|"
    r"went|gone|rose|risen|fell|fallen|dropped|increased|decreased|reduced|up|down)\b)"
)


class RangeEndDateRecognizer(RegexRecognizer):
    """The far end of a range whose near end is a date ("from 02.06. to 16.06.", "from 3/11 to
    17/11", "from the 6th to the 11th"), and a near end in figures before a far end in figures;
    not after a lab, score or change word ("pain from 8/10 to 3/10")."""

    ENTITY = "DATE"
    PATTERNS = (
        (
            rf"(?i:\bfrom)\s+(?:{P.DOT_DAY_MONTH}|{P.DAY_MONTH_NUMERIC}|{P.DAY_ORDINAL}|"
            rf"{P.DATE_ANY})\s+(?i:to|until|till|-)\s+(?P<v>{P.DOT_DAY_MONTH}|"
            rf"{P.DAY_MONTH_NUMERIC}|{P.DAY_ORDINAL})",
            0.6,
        ),
        (
            rf"(?i:\bfrom)\s+(?P<v>{P.DOT_DAY_MONTH}|{P.DAY_MONTH_NUMERIC})\s+(?i:to|until|till|-)"
            rf"\s+(?=(?:{P.DOT_DAY_MONTH}|{P.DAY_MONTH_NUMERIC}))",
            0.6,
        ),
    )

    def analyze(self, text, entities, nlp_artifacts=None):
        # the words before "from" ("pain from 8/10 to 3/10", "Hb went from ...")
        return [
            r
            for r in super().analyze(text, entities, nlp_artifacts)
            if not _LAB_BEFORE.search(text[max(0, r.start - 40) : r.start].rsplit("from", 1)[0])
        ]


class DottedRangeDateRecognizer(RegexRecognizer):
    """A range of two days and months with dots ("sick note from 5.11 to 19.11"); both ends are
    reported, and not after a lab, score or change word ("potassium from 5.5 to 6.1")."""

    ENTITY = "DATE"
    PATTERNS = ((P.DOTTED_RANGE, 0.6),)

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        meta = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        for rx, score in self._compiled:
            for m in rx.finditer(text):
                if _LAB_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                    continue
                for g in ("a", "b"):
                    results.append(
                        RecognizerResult(self.ENTITY, m.start(g), m.end(g), score, None, meta)
                    )
        return results


class AgeOver89Recognizer(RegexRecognizer):
    """Ages of 90 and above, an identifier under HIPAA Safe Harbor; younger ages are kept."""

    ENTITY = "AGE"
    PATTERNS = (
        (
            rf"\b(?P<v>{P.AGE90})"
            r"(?:[- ](?i:years?|yrs?)[- ](?i:old)|[- ](?i:year-old)|(?i:yo|y/o))",
            0.9,
        ),
        (
            rf"(?i:aged|age|i'm|i am|she's|he's|she is|he is|turned|turning)\s+(?P<v>{P.AGE90})\b"
            r"(?!\s*(?:%|kg|lb|mg|bpm|mmhg|cm|/))",
            0.85,
        ),
        (r"\b(?P<v>(?i:ninety|a hundred|one hundred)(?:[- ][a-z]+)?)[- ](?i:years?[- ]old)", 0.9),
        (rf"\b(?P<v>{P.AGE90})\s+(?i:years of age|yrs of age)", 0.9),
        (rf"{P.KIN_SUBJECT}\s+(?P<v>{P.AGE90})\b(?!\s*(?:%|kg|lb|mg|bpm|mmhg|cm|/|\.\d))", 0.85),
        (rf"{P.NAME},\s+(?P<v>{P.AGE90})\)", 0.85),
        # a relative named between commas, then the age ("My father, X Y, is 94 and ...")
        (
            rf"{P.RELATION},\s+[^,.;]{{2,40}},\s+(?i:is|was|turned|turns)\s+(?:(?i:nearly|almost|"
            rf"now|just|over)\s+)?(?P<v>{P.AGE90})\b"
            r"(?!\s*(?:%|kg|lb|mg|bpm|mmhg|cm|/|\.\d|(?i:percent|per\s+cent)))",
            0.85,
        ),
    )


class InsuranceIdRecognizer(RegexRecognizer):
    """Insurance, policy, member and Medicare/Medicaid ids, found through their cue words."""

    ENTITY = "INSURANCE_ID"
    PATTERNS = ((rf"{P.INSURANCE_CUE}{P.ID_JOIN}(?P<v>{P.ID_VALUE})", 0.95),)

    def validate(self, value: str) -> bool:
        return len(_digits(value)) >= 3


class PassportRecognizer(RegexRecognizer):
    """Passport numbers after a passport cue."""

    ENTITY = "PASSPORT"
    PATTERNS = ((rf"(?i:passport)(?i:\s+(?:number|no\.?|#))?{P.ID_JOIN}(?P<v>{P.ID_VALUE})", 0.95),)

    def validate(self, value: str) -> bool:
        return len(_digits(value)) >= 3


class DriverLicenceRecognizer(RegexRecognizer):
    """Driving licence numbers (UK and US spellings) after a licence cue."""

    ENTITY = "DRIVER_LICENSE"
    PATTERNS = ((rf"{P.LICENCE_CUE}{P.ID_JOIN}(?P<v>{P.ID_VALUE})", 0.95),)

    def validate(self, value: str) -> bool:
        return len(_digits(value)) >= 3


class NationalIdRecognizer(RegexRecognizer):
    """US Social Security numbers and UK National Insurance numbers."""

    ENTITY = "NATIONAL_ID"
    PATTERNS = (
        (r"\b(?P<v>\d{3}-\d{2}-\d{4})\b", 0.85),
        (
            r"(?i:social security(?:\s+number)?|SSN)(?i:\s+is)?[:#\s]+"
            r"(?P<v>\d{3}[- ]?\d{2}[- ]?\d{4})",
            0.95,
        ),
        (r"\b(?P<v>[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D])\b", 0.85),
    )


ALL_RECOGNIZERS: tuple[type[RegexRecognizer], ...] = (
    PersonCueRecognizer,
    CapitalAfterLowerCueRecognizer,
    CuedLowerNameRecognizer,
    HereNameRecognizer,
    TitledNameRecognizer,
    HonorificNameRecognizer,
    TitledActorNameRecognizer,
    GreetingItsNameRecognizer,
    RelativeNameRecognizer,
    SignOffNameRecognizer,
    LexiconNameRecognizer,
    FormFieldNameRecognizer,
    GreetingNameRecognizer,
    SignatureNameRecognizer,
    EndCommaCapitalRecognizer,
    NameBeforeDateRecognizer,
    AskedNameRecognizer,
    AskedKnownNameRecognizer,
    KinPossessiveNameRecognizer,
    PossessiveKinNameRecognizer,
    ServiceForNameRecognizer,
    TwoWordsOrNamedRecognizer,
    NameShapeRecognizer,
    OurNameRecognizer,
    KinBracketNameRecognizer,
    KinAppositionNameRecognizer,
    NameBeforeKinRecognizer,
    CuedNameNeedsLessRecognizer,
    InvertedSelfNameRecognizer,
    VocativeNameRecognizer,
    *NAMES_RECORDS,
    *NAMES_LETTERS,
    *NAMES_ROLES,
    *NAMES_FIELDS,
    *NAMES_CONTEXT,
    *NAMES_NOTES,
    *NAMES_MESSAGES,
    *NAMES_SCHEDULES,
    *NAMES_REQUESTS,
    *NAMES_LISTS,
    EuStreetRecognizer,
    AddressBlockRecognizer,
    EircodeRecognizer,
    EuPostcodeRecognizer,
    CuedPostcodeRecognizer,
    EuTownRecognizer,
    TownBeforeEircodeRecognizer,
    CuedTownRecognizer,
    ClosingTownRecognizer,
    PracticeTownRecognizer,
    ListTownRecognizer,
    CantonTownRecognizer,
    StreetOrMoveTownRecognizer,
    KinTownRecognizer,
    MrnRecognizer,
    NhsNumberRecognizer,
    PhoneRecognizer,
    PostcodeRecognizer,
    StreetAddressRecognizer,
    TownBeforePostcodeRecognizer,
    DateOfBirthRecognizer,
    FullDateRecognizer,
    DottedRangeDateRecognizer,
    RangeEndDateRecognizer,
    AgeOver89Recognizer,
    InsuranceIdRecognizer,
    PassportRecognizer,
    DriverLicenceRecognizer,
    NationalIdRecognizer,
    IpAddressRecognizer,
    UrlRecognizer,
    CreditCardRecognizer,
    GenericIdRecognizer,
)
