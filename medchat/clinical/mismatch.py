"""Classes of case facts that look like an answer to a question and are not one.

Similarity picks the case fact nearest a question, and for a question the case does not cover
that is a fact sharing its words: "Is the phlegm green?" gets "I've been bringing up phlegm",
"Any pain in your neck?" gets the elbow case's "It's a sharp pain", "Any cocaine?" gets "I
smoke 20 a day". Given it, the small patient model says yes or tells that fact. Each check here
names one such class by what the question asks and what the fact says, never by a sentence;
each only rules out, so a fact naming nothing the lists know stays with the similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from medchat.clinical.contradiction import telling
from medchat.clinical.lexicon import (
    named_sites,
    named_symptoms,
    sites_compatible,
    symptom_terms,
    symptoms_compatible,
)
from medchat.clinical.review import BOTH_SIDES, OTHER_ONE, is_negative
from medchat.personas.schema import Fact
from medchat.personas.schema import FactCategory as C

_CONTEXT = re.compile(r"\b(?:the|his|her|your|this|that|these|those|its)\s+(?:(\w+)\s+)?$", re.I)
"""Words before a term that make it what the question asks about rather than what it asks:
"Is *the swelling* painful?", "Any blood in *his diarrhoea*?", with at most one word between
("the loose stools"), which must name nothing itself ("Are the spots itchy?": itchy is asked)."""
_DEFINITE = re.compile(r"\b(?:the|his|her|this|that|these|those|its)\s+(?:(\w+)\s+)?$", re.I)
"""The same for a word no list knows ("the wound", "the mole"): "your" is left out, since
"problems with your vision" asks about the vision."""


def _after(context: re.Pattern[str], before: str) -> bool:
    """Whether the words `before` a term end in `context`, the word between naming nothing."""
    found = context.search(before)
    between = found.group(1) if found else None
    return bool(found) and not (between and (findings(between) or named_sites(between)))


_PART = re.compile(r"\b(?:or|and)\b|,", re.I)
CLAUSE_JOIN = re.compile(
    r"(?:,|\b(?:or|and)\b)\s+(?:do|does|did|is|are|was|were|has|have|had|any|can|could|will|"
    r"would|how|what|where|when)\b",
    re.I,
)
"""A second question joined to the first ("a stiff neck, or does the light bother her?"): a
fact may answer either half. Terms joined inside one question ("any neck or shoulder pain")
are not two questions."""


@lru_cache(maxsize=1)
def _qualities() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], dict[str, frozenset[str]]]:
    text = resources.files("medchat.clinical").joinpath("findings.txt").read_text()
    terms, linked = [], {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            body, _, wider = line.partition(">")
            variants = [v.strip() for v in body.split("|") if v.strip()]
            name = "quality:" + variants[0]
            pattern = "|".join(re.escape(v) for v in variants)
            terms.append((name, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)))
            linked[name] = frozenset(w.strip() for w in wider.split(",") if w.strip())
    return tuple(terms), linked


def findings(text: str) -> dict[str, list[int]]:
    """The symptoms and qualities `text` names, each with where it is named."""
    found: dict[str, list[int]] = {}
    symptoms = named_symptoms(text)
    for name, pattern in (*symptom_terms(), *_qualities()[0]):
        if name in symptoms or name.startswith("quality:"):
            for match in pattern.finditer(text):
                found.setdefault(name, []).append(match.start())
    return found


def _compatible(a: str, b: str) -> bool:
    quality_a, quality_b = a.startswith("quality:"), b.startswith("quality:")
    if not quality_a and not quality_b:
        return symptoms_compatible(a, b)
    linked = _qualities()[1]
    return a == b or b in linked.get(a, ()) or a in linked.get(b, ())


def asks_another_quality(question: str, fact: str, about: str = "") -> bool:
    """The question names what the fact is about as its subject and asks a quality the fact
    does not state: "Is the swelling tender?" is not answered by "I've had the swelling for a
    week", nor "Does the wound smell?" by "The wound has been there for months". The subject
    is a term both name after "the", "his", "your"... ("the swelling") or, for words no list
    knows, a word both share after "the", "his" or "her" ("the wound"); only a part of the
    question holding the subject counts ("does she have a stiff neck, or does the light bother
    her?" is answered on the light). A fact naming nothing is read as `about` (the complaint,
    for a fact describing it: "I get these four times a week")."""
    asked, said = findings(question), findings(fact) or findings(about)
    if not asked:
        return False
    named = {a for a in asked if any(_compatible(a, b) for b in said)}
    subjects = {a for a in named if any(_after(_CONTEXT, question[:at]) for at in asked[a])}
    if named and not subjects:
        return False  # "Any cough or fever?": the term both name is asked, not a subject
    if subjects:
        others = set(asked) - subjects
        rest = set(said) - subjects  # what the fact says beside the subject
        return bool(others) and not any(_compatible(a, b) for a in others for b in rest)
    shared = telling(question) & telling(fact) - _site_stems(question)
    for part in _PART.split(question):
        at = [m.start() for m in re.finditer(r"[a-z]+", part.lower()) if m.group()[:5] in shared]
        if any(_after(_DEFINITE, part[:i]) for i in at) and findings(part):
            return True
    return False


def _site_stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if named_sites(w)}


SITED = frozenset(
    {C.HPC_SITE, C.HPC_ONSET, C.HPC_CHARACTER, C.HPC_RADIATION, C.HPC_TIMING, C.HPC_SEVERITY}
)
"""Facts describing the presenting complaint: one naming no body site is about the
complaint's ("It's a sharp pain" in a tummy-pain case). What makes it better or worse is left
out: it names activities ("opening my bowels"), not where it is."""


def at_another_site(question: str, fact: Fact, complaint: str) -> bool:
    """The question names a body site and the fact is about another: a fact describing the
    complaint that names no site is about the complaint's site ("Any pain in your shoulder?"
    is not answered by a tummy case's "It's a sharp pain now"). Sites joined inside one question
    ("any neck or back pain") are all asked; a second question joined on ("..., or does the
    light bother her?") may be answered instead, so the check stands aside."""
    if CLAUSE_JOIN.search(question):
        return False
    asked, said = named_sites(question), named_sites(fact.text)
    if not said and (fact.category in SITED or _POINTS_BACK.search(fact.text)):
        said = named_sites(complaint)
    return bool(asked and said and not any(sites_compatible(a, b) for a in asked for b in said))


_POINTS_BACK = re.compile(r"\blike (?:this|that)\b", re.I)
"""A fact pointing back to the complaint ("I've never had pain like this before") is about it."""
_TOWARDS = re.compile(
    r"\b(?:go(?:es|ing)?|spread\w*|mov(?:e|es|ing)|travel\w*|shoot\w*|radiat\w*)\b.*?"
    r"\b(?:into|to|towards|down|up|through|round|across)\b(?P<rest>.*)",
    re.I,
)


def goes_elsewhere(question: str, fact: Fact) -> bool:
    """The question asks whether the complaint goes to a site ("Does the pain go into your
    back?") and the fact names no site there: the complaint's own site ("It's in my tummy")
    does not answer it, nor a fact naming no site unless it is about spreading ("It doesn't
    go anywhere else")."""
    towards = _TOWARDS.search(question)
    where = named_sites(towards.group("rest")) if towards else frozenset()
    if not where:
        return False
    said = named_sites(fact.text)
    if not said:
        return fact.category is not C.HPC_RADIATION
    return not any(sites_compatible(a, b) for a in where for b in said)


_RELATIVE = re.compile(
    r"\b(?:famil\w*|parents?|mother|mum|mom|father|dad|siblings?|brothers?|sisters?|sons?|"
    r"daughters?|child|children|kids?|bab(?:y|ies)|wife|husband|partners?|relatives?|"
    r"grand\w*|uncles?|aunts?|cousins?|twins?|genetic|inherit\w*|run in)\b",
    re.I,
)


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll)\b", re.I)


def about_a_relative(question: str, fact: Fact) -> bool:
    """A family-history fact for a question about the patient's own body or history: "Any
    personal history of kidney stones?" is not answered by "Kidney stones run in my family".
    A fact filed as family history that tells of the patient ("My family says I've been
    confused", as imported cases file some) is the patient's own and stays."""
    return (
        fact.category is C.FAMILY
        and bool(_RELATIVE.search(fact.text))
        and not _FIRST_PERSON.search(fact.text)
        and not _RELATIVE.search(question)
    )


_HABITS = {
    "smoking": r"smok\w*|cigar\w*|vap(?:e|es|ing)|tobacco|roll-ups?",
    "alcohol": r"alcohol|drinks?|drinking|drank|units|beers?|wine|pints?|spirits",
    "drugs": r"drugs?|cannabis|weed|cocaine|heroin|recreational|ecstasy|speed",
    "sex": r"sex|sexual(?:ly)?|condoms?",
}
_PROCEDURES = {
    "surgery": r"operations?|operated|surger(?:y|ies)|removed|taken out|\w+ectomy",
    "test": r"tests?|tested|screening|scans?|smears?|x-?rays?|\w+oscopy|biops(?:y|ies)",
    "vaccine": r"jabs?|vaccin\w*|immuni[sz]\w*",
    "injection": r"injections?|injected",
    "transfusion": r"transfusions?",
}
_KINDS = tuple(
    {name: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for name, p in table.items()}
    for table in (_HABITS, _PROCEDURES)
)


def other_kind(question: str, fact: str) -> bool:
    """Both name a habit of the social history, or both a kind of procedure, and none in
    common: "Any cocaine?" is not answered by "I smoke 20 a day", "Are you sexually active?"
    by "I don't take drugs", nor "Any operations?" by "My last smear was clear"."""
    for kinds in _KINDS:
        asked = {n for n, p in kinds.items() if p.search(question)}
        said = {n for n, p in kinds.items() if p.search(fact)}
        if asked and said and not asked & said:
            return True
    return False


NOT_SYMPTOMS = frozenset({C.ALLERGIES, C.SOCIAL, C.FAMILY, C.IDEAS, C.CONCERNS, C.EXPECTATIONS})


def symptom_from_history(question: str, fact: Fact) -> bool:
    """A question naming a symptom, answered with a fact that names none and is no symptom's
    fact: an allergy, a habit, a relative, the patient's ideas, or a past-history denial ("Has
    she had any fits?" -> "She's never been in hospital"). An affirmative past history stays:
    "I have epilepsy" answers a question about fits in words no list links."""
    if not named_symptoms(question) or named_symptoms(fact.text):
        return False
    return fact.category in NOT_SYMPTOMS or (
        fact.category is C.PAST_HISTORY and is_negative(fact.text)
    )


def about_the_other_one(question: str, fact: Fact, complaint: str) -> bool:
    """The question asks about the other of a paired part ("What about your other knee?",
    "sores like this on your other leg?") and the fact is about a part of that kind without
    saying "other" or "both": it tells the affected one, not the one asked about. On the read
    blind set fresh_0712b (2026-12-07, night) both such questions got the affected side's fact,
    and the model answered "Yes, I've had a sore on my right leg" or had its right no ("No, the
    other knee doesn't have any pain") read as denying the case's knee pain. A fact describing
    the complaint that names no site is about the complaint's ("The sore began as a small red
    spot"), as in `at_another_site`."""
    other = OTHER_ONE.search(question)
    asked = named_sites(other.group("part")) if other else frozenset()
    said = named_sites(fact.text)
    if asked and not said and fact.category in SITED:
        said = named_sites(complaint)
    if not asked or not said or BOTH_SIDES.search(fact.text):
        return False
    return any(sites_compatible(a, b) for a in asked for b in said)


def fails_to_answer(question: str, fact: Fact, complaint: str, by_rule: bool) -> str | None:
    """The class by which `fact` does not answer `question` (None when no class applies).
    `by_rule`: a category rule reads the question (`medchat.clinical.questions`); the quality
    and symptom classes are for the questions no rule reads, where similarity alone picks."""
    about = complaint if fact.category in SITED else ""
    if not by_rule and asks_another_quality(question, fact.text, about):
        return "another quality"
    if at_another_site(question, fact, complaint):
        return "another site"
    if goes_elsewhere(question, fact):
        return "not where it goes"
    if about_the_other_one(question, fact, complaint):
        return "the other one of a pair"
    if about_a_relative(question, fact):
        return "a relative's history"
    if other_kind(question, fact.text):
        return "another habit or procedure"
    if not by_rule and symptom_from_history(question, fact):
        return "a symptom answered from the history"
    return None
