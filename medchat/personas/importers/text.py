"""Rules that turn clinical case prose into atomic first-person facts.

Public case sets are written about the patient ("She reports a 1-month history of diplopia"); a
simulated patient must speak as themselves in lay words ("I've had double vision for a month").
These rules do the mechanical part (split, re-voice, swap jargon, classify); imported facts are
still rougher than hand-written ones, which `personas/README.md` says.
"""

from __future__ import annotations

import re

from medchat.personas.schema import FactCategory as C

_JARGON = {
    r"\bdiplopia\b": "double vision",
    r"\bdyspn(o)?ea\b": "shortness of breath",
    r"\borthopn(o)?ea\b": "breathlessness lying flat",
    r"\bsyncope\b": "fainting",
    r"\bemesis\b": "vomiting",
    r"\bhaematemesis\b|\bhematemesis\b": "vomiting blood",
    r"\bhaemoptysis\b|\bhemoptysis\b": "coughing up blood",
    r"\bhematochezia\b|\bhaematochezia\b": "blood in my stool",
    r"\bmelena\b|\bmelaena\b": "black tarry stools",
    r"\bhematuria\b|\bhaematuria\b": "blood in my urine",
    r"\bdysuria\b": "pain when passing urine",
    r"\bpolyuria\b": "passing a lot of urine",
    r"\bpolydipsia\b": "being very thirsty",
    r"\bpruritus\b|\bpruritic\b": "itching",
    r"\barthralgia\b": "joint pain",
    r"\bmyalgia\b": "muscle aches",
    r"\bdysphagia\b": "trouble swallowing",
    r"\bodynophagia\b": "pain on swallowing",
    r"\bpalpitations\b": "a pounding heartbeat",
    r"\btachypn(o)?ea\b": "fast breathing",
    r"\bvertigo\b": "the room spinning",
    r"\bepistaxis\b": "nosebleeds",
    r"\bphotophobia\b": "light hurting my eyes",
    r"\bdysmenorrh(o)?ea\b": "painful periods",
    r"\bmenorrhagia\b": "heavy periods",
    r"\bdyspareunia\b": "pain during sex",
    r"\bparesthesias?\b|\bparaesthesias?\b": "pins and needles",
    r"\bpyrexia\b|\bfebrile\b": "fever",
    r"\bmalaise\b": "feeling generally unwell",
    r"\bpostprandial\b": "after meals",
    r"\bbilateral\b": "on both sides",
    r"\bnocturnal\b": "at night",
    r"\bpedal edema\b|\bankle oedema\b": "swollen ankles",
    r"\bedema\b|\boedema\b": "swelling",
    r"\brhinorrh(o)?ea\b": "runny nose",
}

_PREFIX = re.compile(
    r"^(the )?(patient|patient's (mother|father|parents?)|she|he|mother|father|parents)\s+"
    r"(also\s+)?(reports?|notes?|describes?|states?|mentions?|says?|complains? of|presents? with|"
    r"was noted to have|has noticed|noticed|recalls?|admits? to)\s+(that\s+)?",
    re.IGNORECASE,
)
_DENIES = re.compile(
    r"^(the )?(patient|she|he)\s+(also\s+)?denies\s+(any\s+|experiencing\s+(any\s+)?)?",
    re.IGNORECASE,
)
_PRONOUNS = [
    (r"\b(the patient|she|he)\b", "I"),
    (r"\b(her|his)\b(?=\s+[a-z])", "my"),
    (r"\bher\b|\bhim\b", "me"),
    (r"\b(herself|himself)\b", "myself"),
    (r"\bthe patient's\b", "my"),
]
_VERBS = {
    "has": "have",
    "is": "am",
    "does": "do",
    "was": "was",
    "reports": "report",
    "notes": "notice",
    "experiences": "get",
    "feels": "feel",
    "smokes": "smoke",
    "drinks": "drink",
    "works": "work",
    "lives": "live",
    "takes": "take",
    "uses": "use",
    "denies": "deny",
    "describes": "describe",
    "complains": "complain",
    "noticed": "noticed",
    "had": "had",
    "says": "say",
    "recalls": "remember",
    "finds": "find",
    "needs": "need",
    "wakes": "wake",
    "gets": "get",
    "goes": "go",
    "eats": "eat",
    "enjoys": "enjoy",
    "presents": "came in",
    "drives": "drive",
    "plays": "play",
    "attends": "go to",
}

_SPLIT = re.compile(r"(?<=[.!?])\s+|;\s+|,\s+(?=(?:[Hh]e|[Ss]he|I)\s)")


def sentences(text: object) -> list[str]:
    """Split prose into sentences; lists and dicts are opened up; placeholders give nothing."""
    if isinstance(text, dict):
        return [s for value in text.values() for s in sentences(value)]
    if isinstance(text, list):
        return [s for value in text for s in sentences(value)]
    text = "" if text is None else str(text)
    if not text or _is_placeholder(text):
        return []
    parts = [p.strip().rstrip(".").strip() for p in _SPLIT.split(text.strip())]
    return [p for p in parts if len(p) > 2 and not _is_placeholder(p)]


def _is_placeholder(text: str) -> bool:
    lowered = text.strip().strip(".").lower()
    return lowered in {"", "-", "none", "n/a", "na", "unknown", "not provided"} or (
        "not provided" in lowered or "no additional symptoms" in lowered
    )


def lay(text: str) -> str:
    """Swap jargon for lay words and drop parenthesised restatements like '(diplopia)'."""
    text = re.sub(r"\s*\((?:[a-z][a-z -]*)\)", "", text)
    for pattern, plain in _JARGON.items():
        text = re.sub(pattern, plain, text, flags=re.IGNORECASE)
    return text


def first_person(sentence: str, child: str | None = None) -> str:
    """Re-voice a third-person clinical sentence as the patient speaking.

    For a child (`child` = "son" or "daughter") the parent speaks: "he/she" stay as they are and
    "the patient" becomes "my son".
    """
    if child:
        return _parent_voice(sentence, child)
    text = sentence.strip().rstrip(".")
    denied = _DENIES.match(text)
    if denied:
        return f"I haven't had {lay(text[denied.end() :])}."
    text = _PREFIX.sub("", text)
    text = re.sub(r"^(also\s+)?", "", text)
    text = re.sub(r"^patient\b", "I", text, flags=re.I)
    text = re.sub(r"^non-?smoker\b", "I don't smoke", text, flags=re.I)
    text = re.sub(r"^(no|history of)\b", lambda m: f"I have {m.group(1).lower()}", text, flags=re.I)
    first = text.split(" ", 1)[0].lower()
    if first in _VERBS and first.endswith("s"):
        text = f"I {text[0].lower()}{text[1:]}"
    for pattern, repl in _PRONOUNS:
        text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    text = re.sub(
        r"\bI (\w+)",
        lambda m: f"I {_VERBS.get(m.group(1).lower(), m.group(1))}",
        text,
    )
    text = lay(text)
    if not re.match(r"^(I|My|I'm|I've)\b", text):
        text = "I've had " + text[0].lower() + text[1:] if _looks_like_noun_phrase(text) else text
    return text[0].upper() + text[1:] + "."


_PARENT_PREFIX = re.compile(
    r"^((the|her|his) )?((patient|newborn|baby|infant|child)'s )?(mother|father|parents?|mom|mum)"
    r"\s+"
    r"(also\s+)?(reports?|notes?|states?|says?|mentions?|describes?|noticed|is concerned)\s+"
    r"(that\s+)?",
    re.IGNORECASE,
)
_CHILD_SUBJECT = re.compile(r"^(the )?(patient|newborn|baby|infant|child|boy|girl)\b", re.I)


def _parent_voice(sentence: str, child: str) -> str:
    text = _PARENT_PREFIX.sub("", sentence.strip().rstrip("."))
    denied = _DENIES.match(text)
    if denied:
        return f"My {child} hasn't had {lay(text[denied.end() :])}."
    if _PREFIX.match(text):
        text = _PREFIX.sub("", text)
        if _noun_phrase_start(text):
            text = f"my {child} has had {text[0].lower()}{text[1:]}"
    text = _CHILD_SUBJECT.sub(f"my {child}", text)
    text = re.sub(r"\bthe patient's\b", f"my {child}'s", text, flags=re.I)
    text = re.sub(r"\bthe patient\b", f"my {child}", text, flags=re.I)
    text = re.sub(r"^no\b", f"My {child} has no", text, flags=re.I)
    text = lay(text)
    if _noun_phrase_start(text):
        text = f"my {child} has had {text[0].lower()}{text[1:]}"
    return text[0].upper() + text[1:] + "."


_NOT_NOUN_START = re.compile(
    r"^(my|he|she|i|they|his|her|their|there|it|this|these|those|several|mother|father|"
    r"having|initially|in|on|at|despite|when|while|after|before)\b",
    re.I,
)


def _noun_phrase_start(text: str) -> bool:
    """'2 days history of fever' takes a 'has had'; 'they live in...' does not."""
    return _looks_like_noun_phrase(text) and not _NOT_NOUN_START.match(text)


def _looks_like_noun_phrase(text: str) -> bool:
    """'1-month history of double vision' needs a verb; 'Symptoms worsen after...' does not."""
    words = text.lower().split()
    verbs = {
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "worsen",
        "worsens",
        "improve",
        "improves",
        "began",
        "started",
        "occurs",
        "occur",
        "gets",
        "get",
        "became",
    }
    return not any(w in verbs or w.endswith("ed") for w in words[:6])


def negative(item: str, child: str | None = None) -> str:
    """'No sorethroat' -> "I haven't had any sore throat." (or "My son hasn't had any ...")."""
    item = re.sub(r"^(no|denies|without)\s+", "", item.strip().rstrip("."), flags=re.I)
    item = re.sub(r"^(any|experiencing)\s+|\s+(reported|noted)$", "", item, flags=re.I)
    item = re.sub(r"^(a|an)\s+", "", lay(item.replace("sorethroat", "sore throat")), flags=re.I)
    who = f"My {child} hasn't" if child else "I haven't"
    return f"{who} had any {item.lower()}."


_RULES: list[tuple[C, str]] = [
    (C.HPC_ONSET, r"\d+[- ](hour|day|week|month|year)s?[- ]history"),
    (C.ALLERGIES, r"allerg"),
    (C.MEDICATIONS, r"\b(taking|takes|tablets?|pills?|mg\b|prescribed|inhaler|contracepti)"),
    (C.FAMILY, r"\b(mother|father|sister|brother|family|parents?|grand\w+|sibling|aunt|uncle)\b"),
    (
        C.SOCIAL,
        r"\b(smok|cigarette|alcohol|drinks?|beer|wine|works? (as|in|at)|job|employ|"
        r"lives? (with|alone)|married|travel|sexual|partner|drug use|student|diet|"
        r"exercise)",
    ),
    (
        C.PAST_HISTORY,
        r"\b(history of|diagnosed|surgery|operation|previous|past medical|"
        r"hospitali[sz]ed|years ago i had|vaccin)",
    ),
    (C.HPC_RADIATION, r"\b(radiat|spreads?|goes (to|into|down)|moves to)"),
    (
        C.HPC_EXACERBATING_RELIEVING,
        r"\b(worse (with|when|after|on)|worsens?|improves?|better|"
        r"relieved|eases?|aggravat|triggered|after (eating|meals))",
    ),
    (
        C.HPC_TIMING,
        r"\b(comes and goes|intermittent|constant|episodes?|at night|in the morning|"
        r"every|daily|times a (day|week)|lasts?|minutes|hours)\b",
    ),
    (C.HPC_SEVERITY, r"\b(severe|mild|moderate|/10|out of 10|excruciating|worst|unbearable)"),
    (
        C.HPC_CHARACTER,
        r"\b(sharp|dull|burning|crushing|throbbing|stabbing|aching|cramp|"
        r"colicky|tight|pressure|describes? (it|the))",
    ),
    (
        C.HPC_ONSET,
        r"\b(ago|started|began|since|for the (past|last)|onset|sudden|gradual|"
        r"\d+[- ](day|week|month|year)s?|yesterday|this morning)",
    ),
    (
        C.HPC_SITE,
        r"\b(located|in (my|the) (chest|abdomen|belly|back|head|leg|arm|neck)|"
        r"left|right|upper|lower)\b",
    ),
]


def classify(
    text: str, default: C = C.HPC_ASSOCIATED, only: set[C] | None = None, child: bool = False
) -> C:
    """The first matching category rule (among `only`, if given); `default` when none match.

    For a child the parent is the informant, so "her mother reports..." is not family history.
    """
    lowered = text.lower()
    if child:
        lowered = _PARENT_PREFIX.sub("", lowered)
    for category, pattern in _RULES:
        if category == C.FAMILY and child and not re.search(r"famil|runs in|sibling", lowered):
            continue
        if (only is None or category in only) and re.search(pattern, lowered):
            return category
    return default


def split_list(text: str) -> list[str]:
    """'chest pain, palpitations, or recent infections' -> three items."""
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+(?=no\b)", text)
    return [p.strip().rstrip(".") for p in parts if p.strip().rstrip(".")]


PMH_ONLY = {C.ALLERGIES, C.MEDICATIONS, C.FAMILY, C.SOCIAL}
SOCIAL_ONLY = {C.ALLERGIES, C.MEDICATIONS, C.FAMILY}
