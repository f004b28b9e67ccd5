"""What a scrubbed transcript must keep: clinical vocabulary and clinical spans.

Two guards: an allow-list of single tokens (drugs, eponyms, countries) that NER must never tag as
a name or place, and regexes for durations, times, ages up to 89, vitals and doses, which soft
detections (NER, bare dates, generic ids) may not overlap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|a few|few|several|couple of|"
    r"a couple of|half an?|a half)"
)
_UNIT_TIME = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|years?|yrs?)"
)
_WORD_NUM = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)

_EPONYM_HEAD = (
    r"(?:disease|syndrome|palsy|sign|test|fracture|phenomenon|disorder|thyroiditis|lymphoma|"
    r"sarcoma|tumou?r|ulcer|o?esophagus|cyst|node|reflex|manoeuvre|maneuver|procedure|score|"
    r"scale|criteria|triad|contracture|anomaly|encephalopathy|dystrophy|neuroma|neuralgia|"
    r"protein|bodies|repair|catheter|classification|"
    # a deformity or an encephalitis named after its describer ("Sprengel's deformity",
    # "Rasmussen encephalitis"; fifteenth round)
    r"deformity|deformities|encephalitis|"
    # breathing patterns, signs read at the bedside, and aids named after their maker
    # ("Cheyne-Stokes breathing", "Heberden's nodes", "Zimmer frame", "Thomas splint")
    r"breathing|respiration|murmur|frame|splint|collar|stocking|needle|"
    # signs and findings named after their describer, and conditions whose head is an
    # arteritis or an anaemia ("Tarnowski spots", "X's paresis", "X's diverticulum", "X Y
    # nodule", "X arteritis", "X anaemia"; seventeenth round, from hand-written 14 and
    # fresh16)
    r"spot|paresis|diverticulum|nodule|pupil|lesion|arteritis|an(?:a)?emia|"
    r"macroglobulin(?:a)?emia)s?"
)

# Words after which a day/month in figures is a calendar date, not months or a reading.
# and after a weekday ("Mon 25/11", "sun 18/10")
_DATE_WORD_BEFORE = (
    r"(?<!\bon\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\btill\s)(?<!\bdate\s)(?<!\bdated\s)(?<!\bto\s)"
    r"(?i:(?<!day\s)(?<!\bmon\s)(?<!\btue\s)(?<!tues\s)(?<!\bwed\s)(?<!weds\s)(?<!\bthu\s)"
    r"(?<!thur\s)(?<!hurs\s)(?<!\bfri\s)(?<!\bsat\s)(?<!\bsun\s))"
)

PROTECTED_PATTERNS: tuple[str, ...] = (
    # eponyms whose surname is common ("Bell's palsy", "Turner syndrome", "Smith fracture")
    rf"\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?(?:'s|s'|’s)?\s+(?i:{_EPONYM_HEAD})\b",
    # the German "Morbus" before an eponym ("Morbus Crohn", "morbus parkinson")
    r"(?i:\bmorbus\s+[a-zäöüß]+(?:[- ][a-zäöüß]+)?)",
    # the same typed in lower case, possessive only ("morton's neuroma", "bell's palsy")
    rf"\b[a-z]+(?:'s|’s)\s+(?i:{_EPONYM_HEAD})\b",
    # durations and ages up to 89 ("three days", "67 years old", "aged 45", "a 3-year-old");
    # after "the", "twenty-second" is a day of the month ("Sent: the twenty-second")
    # (not a day of the month written in words: "twenty-second of June"; sixteenth round)
    rf"(?i:(?<!the\s)\b{_NUM}(?:[- ]and[- ]a[- ]half)?[- ]{_UNIT_TIME}(?:[- ]old)?(?:\s+ago)?\b"
    r"(?!\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))",
    rf"(?i:\b(?:[1-8]?\d|{_WORD_NUM})[- ](?:years?|yrs?)[- ]old\b)",
    r"(?i:\b(?:aged|age)\s+[1-8]?\d\b)",
    r"(?i:\b[1-8]?\d\s*(?:yo|y/o|yrs)\b)",
    # clock times and relative days
    r"(?i:\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w))",
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b",
    r"(?i:\b(?:yesterday|today|tonight|tomorrow|this morning|last night|last week|last month|"
    r"last year|this week|at night|in the morning|in the evening|overnight)\b)",
    # vitals and lab values
    rf"(?i:(?<![\d/]){_DATE_WORD_BEFORE}\d{{2,3}}\s*/\s*\d{{2,3}}(?:\s*mm\s*hg)?\b(?!\s*/\s*\d))",
    r"(?i:\b\d{2,3}\s*(?:bpm|beats per minute|breaths per minute|/min)\b)",
    r"(?i:\b\d{2}(?:\.\d)?\s*(?:°\s*[CF]|degrees(?: celsius| fahrenheit| c| f)?|C\b|F\b))",
    r"(?i:\b(?:sats?|saturations?|spo2|o2|oxygen)\s*(?:of|at|is|was|:)?\s*\d{2,3}\s*%)",
    # ("st" is stone, unless it is an ordinal day before a month: "1st March", "21st of May")
    # nor before a year: "august 1st, 2022"
    # (nor "1st", "21st", "31st" written as one word: ordinal days, "registered Sep. 1st")
    r"(?i:\b(?![23]?1st\b)\d{1,3}(?:\.\d+)?\s*(?:%|kg|kilos?|lbs?|pounds|stone|st(?!\s+(?:of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|,?\s+(?:19|20)\d\d\b)|cm|mm|inches|"
    r"feet|ft)\b)",
    r"(?i:\b(?:bmi|hba1c|egfr|crp|inr|tsh|psa|hb|wcc|glucose|sugar|cholesterol|ldl|hdl|"
    r"troponin|creatinine|potassium|sodium|ferritin)\s*(?:of|is|was|:|at)?\s*\d+(?:\.\d+)?)",
    # electrolytes and chemistry by their symbol before a value ("Na 128", "K+ 6.1", "Ca 2.9",
    # "Cr 140"; fifteenth round): a symbol alone before a number is never a place
    r"(?i:\b(?:na|k|ca|cl|cr|urea|alb|mg|phos|hco3)(?:\+|2\+|-)?(?:\s+(?:of|is|was)\s+|"
    r"\s*[:=]\s*|\s+)\d+(?:\.\d+)?(?![\d/\w]))",
    # doses and frequencies
    r"(?i:\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|micrograms?|milligrams?|grams?|g|ml|mls|millilitres?|"
    r"milliliters?|l|units?|iu|mmol(?:/l)?|puffs?|tablets?|tabs?|capsules?|caps|pills?|drops?|"
    r"sachets?|patches|doses?|sprays?|cigarettes|drinks|units of alcohol|pints|glasses)\b)",
    r"(?i:\b(?:once|twice|three times|four times|\d\s*x)\s*(?:a|per|each|every)?\s*"
    r"(?:day|daily|week|weekly|night|morning)\b)",
    # scores and short clinical codes typed in notes ("GCS 15/15", "pain 7/10", "BP 145/95",
    # "3/7 history", "2/52", "t2dm", "MCV 78")
    r"(?i:\b(?:gcs|bp|pain|score|mcv|mch|plt|wbc|alt|ast|alp|bili|rr|hr|pulse|temp)\s*"
    r"(?:of|is|was|:|=)?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+)?)",
    # (not after a weekday: "Mon 22/7" is a date, eleventh round)
    r"(?<![\d/])(?i:(?<!mon )(?<!tue )(?<!wed )(?<!thu )(?<!fri )(?<!sat )(?<!sun )(?<!tues )"
    r"(?<!weds )(?<!thur )(?<!thurs ))\d{1,2}\s*/\s*(?:7|52)\b(?!\s*/)",
    # months ("6/12 of weight loss"), not after a word that introduces a calendar date ("on
    # 1/12", "since 15/12", "date 24/12")
    rf"(?<![\d/]){_DATE_WORD_BEFORE}\d{{1,2}}\s*/\s*12\b(?!\s*/)",
    r"(?i:(?<![\d/])\d{1,2}\s*/\s*12\s+(?:review|follow[- ]?up|f/u|fu|old|ago|hx|history|of)\b)",
    r"(?i:\bt[12]\s?dm\b)",
    # a disease or vitamin named by its letter ("Hep B", "hepatitis C", "Strep A", "vit D",
    # "vitamin B12", "group B strep")
    r"(?i:\b(?:hep|hepatitis|strep|vit|vitamin|group)\s?[a-e](?:\d{1,2})?\b)",
    # a change of a score or reading written as two fractions ("pain from 8/10 to 3/10", "Hb
    # went from 9/10 to 11/12"): not a date range
    r"(?i:\b(?:pain|score|gcs|hb|went|gone|rose|fell|dropped|improved|increased|decreased|"
    r"reduced|changed)\b[^.\n]{0,20}?\bfrom\s+\d{1,2}\s*/\s*\d{1,2}\s+(?:to|-)\s+"
    r"\d{1,2}\s*/\s*\d{1,2})",
    # a brand or generic name before the form it comes in ("Voltarol gel", "Daktacort cream");
    # not before "drops" alone, which is also a verb ("Ben drops me off")
    r"\b[A-Z][a-z]{3,}\s+(?:gel|cream|ointment|lotion|inhaler|tablets?|capsules?|injections?|"
    r"patch(?:es)?|pessar(?:y|ies)|suppositor(?:y|ies)|syrup|suspension|lozenges?|sachets?|"
    r"mouthwash|shampoo|(?:eye|ear|nasal)\s+(?:drops|spray))\b",
)


# A lone unknown word right after these is far more often a medicine than a name.
DRUG_CONTEXT = re.compile(
    r"(?i:\b(?:on|taking|take|takes|took|prescribed|started|stopped|tried|using|given|the|"
    r"mg of|dose of|course of|tablets of|inhaler|some|your|bring|brought|gave me|give me|rx|"
    r"out of|sold|dispensed|supplied)\s+|"
    # a relative's medicine, and what one has run out of ("my mum's Xaggitin", "ran out of her
    # X"); the Dutch, German and French verbs of taking ("gebruikt X"; seventeenth
    # round, from fresh16 and hand-written 14)
    r"\b(?i:mum|mam|mom|dad|mother|father|husband|wife|son|daughter|nan|gran)['’]s\s+|"
    r"\b(?i:out\s+of)\s+(?i:my|his|her|their|your)\s+|"
    r"\b(?i:gebruikt|neemt|slikt|nimmt|prend|prends)\s+|"
    # what one fetches or orders of one's own medicine ("can collect my Creon tomorrow")
    r"\b(?i:collect|collecting|pick\s+up|picking\s+up|order|ordering|renew|refill|reorder)\s+"
    r"(?i:my|his|her|their|mum's|dad's|mums|dads)\s+|(?<![\w.])\d+(?:\.\d+)?\s*(?i:mg|mcg|g|ml|micrograms?|milligrams?|puffs?)\s+"
    r"(?i:of)\s+)$"
)
# A change of treatment right after the token ("Stalevo stopped", "Keppra increased"): a medicine.
_TREATMENT_AFTER = re.compile(
    r"\s+(?i:stopped|started|restarted|held|withheld|increased|reduced|decreased|weaned|"
    r"switched|changed|titrated|continued|discontinued|paused|given|administered)\b"
    # or when it is taken ("Creon with meals", "Movicol at night", "Oramorph prn")
    r"|\s+(?i:with\s+(?:meals|food)|at\s+night|nocte|mane|bd|tds|qds|prn|od)\b"
    # or what one has of a medicine ("my Clenil dose", "the Qvar prescription")
    r"|\s+(?i:dose|doses|dosage|prescription|repeat|refill|script)\b"
    # or a pack count ("Dymista x56"; seventeenth round, from fresh16's delivery list)
    r"|\s+x\s?\d+\b"
)
# Someone's own medicine that is due or given by injection ("his X is due", "her X
# injection"; seventeenth round, from hand-written 14): after a possessive only, as "Sarah is
# due on Monday" names a person.
_OWN_BEFORE = re.compile(r"\b(?i:my|his|her|their|your)\s+$")
_OWN_DUE_AFTER = re.compile(
    r"\s+(?i:is\s+due|was\s+due|due|injection|injections|jab|script|prescription|levels?)\b"
)
# The kind of place a town names ("at the Hemmen health centre"): no medicine stands there,
# whatever comes before it.
_PLACE_KIND_AFTER = re.compile(
    r"\s+(?i:health\s+cent(?:re|er)|medical\s+cent(?:re|er)|surgery|practice|hospital|"
    r"infirmary|general\b|clinic)"
)
# A dose right after the token ("Fortisip 200 micrograms", "Xarelto 20mg"): a medicine.
_DOSE_AFTER = re.compile(
    r"\s+\d+(?:[.,]\d+)?\s*(?i:mg|mcg|µg|micrograms?|milligrams?|g|grams?|ml|units?|iu|"
    r"puffs?|tablets?|sachets?|drops?)\b"
)


def looks_like_drug(text: str, start: int, end: int) -> bool:
    """A single capitalised token in a medication context, or with a drug-like ending."""
    token = text[start:end]
    if " " in token or _PLACE_KIND_AFTER.match(text, end):
        return False
    if _OWN_BEFORE.search(text[max(0, start - 8) : start]) and _OWN_DUE_AFTER.match(text, end):
        return True
    if (
        DRUG_CONTEXT.search(text[max(0, start - 20) : start])
        or _DOSE_AFTER.match(text, end)
        or _TREATMENT_AFTER.match(text, end)
    ):
        return True
    return bool(re.fullmatch(r"[A-Za-z]+", token)) and bool(
        re.search(
            r"(?:pril|olol|statin|azole|mab|gliflozin|sartan|cillin|mycin|floxacin|"
            r"prazole|tidine|triptan|setron|lukast|xaban|gatran|dronate|histine|astine|"
            # more generic stems (fifteenth round, "mirabegron", "finerenone", "solifenacin")
            r"begron|fenacin|renone|tinib|glutide|gliptin|parin|semide|dipine|terol|tropium|"
            r"sonide|oxetine|triptyline|zepam|zolam)$",
            token.lower(),
        )
    )


@lru_cache(maxsize=1)
def _protected() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in PROTECTED_PATTERNS))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of clinical content (durations, times, vitals, doses) soft detections must keep."""
    return [m.span() for m in _protected().finditer(text)]


@lru_cache(maxsize=4)
def load_allow_list(path: str | None = None) -> frozenset[str]:
    """Lower-cased single tokens from the packaged (or given) clinical_terms.txt."""
    if path is None:
        raw = resources.files("safety.data").joinpath("clinical_terms.txt").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    terms: set[str] = set()
    for line in raw.splitlines():
        if line.lstrip().startswith("#"):
            continue
        terms.update(_norm(tok) for tok in line.split())
    terms.discard("")
    return frozenset(terms)


def _norm(token: str) -> str:
    token = token.strip(".,;:!?()\"'").lower()
    return token[:-2] if token.endswith(("'s", "’s")) else token


# Word endings that mark a medical term ("tendonitis", "fibrosis", "acromegaly"); names and
# places almost never end this way, and those that do are vetoed by the name list below.
_CLINICAL_ENDING = re.compile(
    r"(?:itis|osis|oses|omas?|a?emia|algia|pathy|pathies|plasia|trophy|megaly|iasis|ectomy|"
    r"ostomy|otomy|uria|rrh?oea|rrhea|rrhage|penia|plegia|paresis|lysis|stenosis|sclerosis|"
    r"cele|spasm|ulitis|ocele|ism|ismus)$"
)
# German and Dutch compound heads and French words for conditions and tests
# ("Schilddrüsenunterfunktion", "Lungenembolie", "longontsteking", "infarctus"; fourteenth round,
# from hand-written 11's lost clinical spans): no name or town is written this way.
_CONTINENTAL_CLINICAL = re.compile(
    r"(?:funktion|entz[üu]ndung|insuffizienz|erkrankung|krankheit|infarkt|embolie|st[öo]rung|"
    r"schmerzen|beschwerden|blutung|thrombose|verletzung|ontsteking|ziekte|klachten|onderzoek|"
    r"bloeding|fibrilleren|"
    # a fever, a rash, a cough or an infection as a German compound's head ("Scharlachfieber";
    # sixteenth round: hand-written 13 lost a German rash word). Not its "-rose" ending: German
    # given names end so too ("Heiderose", "Annerose")
    r"fieber|ausschlag|husten|infekt)$|^(?:infarctus|insuffisance|diab[èe]te|angine|bronchite|grippe|"
    r"asthme|fracture|cancer|avc)$"
)
# Adjective endings ("atopic", "bacterial", "ankylosing") that count only beside a clinical word.
_CLINICAL_ADJECTIVE = re.compile(r"(?:ic|al|ous|ary|oid|ive|ing|ular|tory)$")


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Given names and surnames (Faker en_GB/en_US): a word on this list is never clinical by its
    ending alone, so "Thomas" (-omas) or "Eric" (-ic) stay names."""
    from faker import Faker

    names: set[str] = set()
    for locale in ("en_GB", "en_US"):
        provider = Faker(locale)[locale].provider("faker.providers.person")
        for attr in ("first_names", "first_names_female", "first_names_male", "last_names"):
            names.update(n.lower() for n in getattr(provider, attr, ()))
    return frozenset(names)


def is_allow_listed(span_text: str, allow: frozenset[str]) -> bool:
    """True when every word of a detected span is clinical vocabulary ("Hashimoto", "Zoloft",
    "Ankylosing Spondylitis").

    "Every", not "any": "Sarah Jones" stays a name although "Jones" is also an eponym. A word
    is clinical when it is on the allow-list, or has a medical ending and is not a known name; an
    adjective ending counts only when the span also holds a word clinical by the first two rules.
    """
    words = [_norm(w) for w in re.split(r"[\s-]+", span_text) if w]
    words = [w for w in words if w]
    if not words:
        return False
    names = person_names()
    strong = [
        w in allow
        or (bool(_CLINICAL_ENDING.search(w)) and w not in names)
        or bool(_CONTINENTAL_CLINICAL.search(w))
        for w in words
    ]
    if all(strong):
        return True
    weak = [
        s or (bool(_CLINICAL_ADJECTIVE.search(w)) and w not in names)
        for w, s in zip(words, strong, strict=True)
    ]
    return any(strong) and all(weak)
