"""What a reader would reject in a simulated patient's or doctor's reply, found by rule.

Small models slip out of role in a handful of recognisable ways: they speak as an assistant ("I'm
here to help you with your chest pain"), interview the doctor back ("Could you tell me more about
your pain?"), talk about themselves in the third person, or write the other speaker's line. A
patient can also contradict its case ("No" to a symptom its case has), claim a diagnosis it cannot
know ("I've been diagnosed with pneumonia") or leave out what was asked. Each is a `Problem`; the
agent repairs a reply that has one (see `medchat.agents.repair`).

The patterns are phrasings, not case content, so they apply to every persona; they were written
from the failure classes reported on the default model and are measured on replies they were not
written from (`tests/agents/test_review.py` and the fidelity evaluation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medchat.clinical.conveyance import content_words, sentences


@dataclass(frozen=True)
class Problem:
    kind: str
    """role_break, claim, leak, denial, contradiction, evasive, missing, invented, repetition,
    repeat, multi_question, echo, opening"""
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


STREAMABLE = frozenset({"role_break", "claim", "repetition"})
"""Kinds that can be seen in a reply's first clauses (checked while it streams)."""


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


AI_VOICE = _any(
    r"\bas an ai\b",
    r"\b(?:ai|artificial intelligence|large)?\s*language model\b",
    r"\bi(?:'m| am) (?:just |only )?(?:an? )?(?:ai|artificial intelligence|virtual assistant|"
    r"chatbot|bot|assistant)\b",
    r"\bi (?:don't|do not) have (?:a (?:body|physical body)|personal experiences?|feelings)\b",
)
ASSISTANT_VOICE = _any(
    r"\bhow (?:can|may|could|might) i (?:help|assist)\b",
    r"\b(?:i'm|i am) (?:here|happy|glad) to (?:help|assist|support)\b",
    r"\b(?:happy|glad) to (?:help|assist)\b",
    r"\bi can (?:help|assist) you\b",
    r"\bfeel free to\b",
    r"\bif you have any (?:other |more |further )?questions\b",
    r"\blet me know if (?:you|there)\b",
    r"\bis there anything else (?:i can|you(?:'d| would) like)\b",
    r"\byou(?:'re| are) welcome\b",
    r"\bcan(?:'t|not) (?:help|assist)(?: you)? with (?:that|this|your)\b",
    r"\b(?:enough |the )?information to (?:answer|help|assist)\b",
    r"\banswer your question\b",
)
PATIENT_REFUSAL = _any(
    r"\b(?:enough|the|sufficient|any) (?:medical )?(?:information|details|context) to "
    r"(?:examine|provide|determine|diagnose|make|give|say)\b",
    r"\bi(?:'m| am) (?:not able|unable) to (?:assist|provide|diagnose)\b",
    r"\bi (?:can't|cannot) (?:assist|diagnose)\b",
)
"""An assistant declining in a patient's mouth ("I don't have enough information to examine
your legs"); a doctor may say these in role, so they are checked for the patient only."""
CLINICIAN_SYMPATHY = _any(
    r"\b(?:i'm |i am )?sorry to hear (?:that|about)\b",
    r"\bthat must be (?:very )?(?:difficult|hard|uncomfortable|painful) for you\b",
    r"\bi understand (?:that )?(?:you(?:'re| are)|your)\b",
)
PROBE_BACK = _any(
    r"\b(?:could|can|would) you (?:please )?(?:tell|describe|explain) (?:to )?(?:me )?(?:more )?"
    r"(?:about )?(?:your|the (?:pain|symptoms?)|when|where|how|what)\b",
    r"\b(?:how long|since when) have you (?:had|been)\b",
    r"\bwhen did (?:it|the|your|this) (?:\w+ )?(?:start|begin)\b",
    r"\bare you (?:experiencing|having|taking|on any)\b",
    r"\bhave you (?:had|noticed|experienced|tried|taken) (?:any|this|these|it)\b",
    r"\bdo you have (?:any )?(?:other )?(?:symptoms|pain|allergies|fever|medical "
    r"(?:conditions|history))\b",
    r"\bwhat (?:brings|brought) you\b",
)
THIRD_PERSON = _any(
    r"\bthe patient\b",
    r"\bthe doctor's (?:last )?question\b",
    r"\bfacts you may use\b",
    r"\bnothing you know\b",
    r"\b(?:he|she|they) (?:reports|describes|denies|presents|complains|states)\b",
    r"\bpatient (?:reports|describes|denies|presents|complains|states)\b",
)
SPEAKER_LABEL = re.compile(
    r"(?:^|\n)\s*\**\s*(?:doctor|dr\.?|physician|patient|assistant|user)\s*\**\s*:", re.IGNORECASE
)

CLAIM = _any(
    r"\b(?:i(?:'ve| have)? been|i was|i got|i'm|i am|i've|they) diagnosed (?:me )?(?:with|as) "
    r"(?P<a>[^.,;!?]+)",
    r"\b(?:the|my|a|another|other) (?:doctors?|gp|consultant|specialist|nurse)s? "
    r"(?:said|says|told me|thinks?|thought|reckons?) (?:that )?"
    r"(?:it(?:'s| is| was)|i(?:'ve| have| had)(?: got)?) (?P<b>[^.,;!?]+)",
    r"\bit turned out to be (?P<c>[^.,;!?]+)",
    r"\bwhat i have is (?P<d>[^.,;!?]+)",
    r"\bi (?:have|had|'ve got|'ve had|got) (?:a |an )?(?P<e>[\w' -]{0,30}?"
    r"(?:itis|osis|oma|aemia|emia|pathy|syndrome|disease|disorder|infection|cancer|tumou?r|"
    r"failure|pneumonia|diabetes|asthma|angina|migraine|embolism|thrombosis|sepsis|hernia|"
    r"influenza|flu|covid|stroke|heart attack|ulcer|gallstone|fracture|clot)s?)\b",
)
_LEADING_DENIAL = re.compile(
    r"^\W*(?:no\b|nope\b|not really\b|nothing\b|never\b|i don't think so\b|i haven't\b|"
    r"i have not\b|i don't\b(?! know)|i do not\b(?! know)|i didn't\b|i'm not\b(?! sure)|"
    r"i am not\b(?! sure)|none\b)",
    re.IGNORECASE,
)
FLAT_NO = re.compile(r"^\W*(?:no|nope|nothing|none|not really)\b", re.IGNORECASE)
UNSURE = re.compile(r"\b(?:not sure|don't know|do not know|no idea|can't remember)\b", re.I)
PLAIN_ANSWER = re.compile(
    r"^\W*(?:\w+: )?(?:no\b|nope\b|not (?:that (?:i|we)|really|sure|at all)|nothing|none|never|"
    r"i(?: haven't| have not| don't| do not| didn't|'m not| am not|'ve not|'ve never)|"
    r"(?:she|he|they) (?:hasn't|has not|haven't|doesn't|does not|isn't|didn't))\b",
    re.IGNORECASE,
)
"""How a plain no or "not sure" begins ("No, ...", "Not that I've noticed.", an informant's
"Daughter: No, she hasn't."): the answer due to a question the case does not cover. Whole
words only: "I've noticed a lump" is not "I've not" (it was counted as one until 2026-12-07)."""
_REQUEST = re.compile(
    r"\b(?:can|may|could|shall) (?:i|we)\b|\bwould you (?:like|mind|be)\b|\bdo you mind\b|"
    r"\b(?:is|was) (?:it|that) (?:ok|okay|alright|all right|clear)\b|\bany questions\b|"
    r"\bunderstand\b|\bhappy (?:to|for|with)\b|\bagree\b|\bmake sense\b|\bcomfortable\b",
    re.IGNORECASE,
)
_ASKS_YES_NO = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|right|now),? )?(?:do|does|did|have|has|had|is|are|was|were|any|"
    r"ever)\b",
    re.IGNORECASE,
)


def is_plain_no(text: str) -> bool:
    """Whether a reply is a plain no or "not sure" (PLAIN_ANSWER)."""
    return bool(PLAIN_ANSWER.search(text))


def asks_about_patient(question: str) -> bool:
    """A yes/no question about the patient ("Any hearing problems?", "Have you had a cough?"),
    not a request, an offer or a check of understanding ("Can I examine you?", "Is that okay?"),
    which a plain no would answer wrongly."""
    return bool(_ASKS_YES_NO.search(question)) and not _REQUEST.search(question)


_NEGATED = re.compile(
    r"\b(?:no|not|never|none|nothing|haven't|hasn't|don't|doesn't|didn't|isn't|aren't|wasn't|"
    r"weren't|can't|cannot|without)\b",
    re.IGNORECASE,
)
NO_SYMPTOMS = re.compile(
    r"\b(?:no|not any|don't have any|do not have any|haven't (?:had|got|noticed) any|without any)"
    r"\s+(?:other\s+|associated\s+|additional\s+|further\s+|more\s+)?symptoms\b",
    re.IGNORECASE,
)
"""A blanket no ("I have no symptoms", "no other symptoms"): it denies every fact asked about."""
NOT_BETTER = re.compile(
    r"\b(?:not|isn't|hasn't|haven't|won't|doesn't|didn't|never)\s+(?:\w+\s+){0,2}?(?:any\s+)?"
    r"(?:better|easier|improv\w*|settl\w*|go(?:ne)? away|eas(?:e|ed|ing)|let(?:ting)? up)\b|"
    r"\bno (?:better|easier)\b|\bnot (?:just|only|simply|merely)\b",
    re.IGNORECASE,
)
"""A negated improvement ("it's not getting any better", "it hasn't gone away") says the
complaint goes on: the negation denies relief, not a case fact. So does "not just" ("sharp, not
just a dull ache any more"): it says more than what follows, and denies none of it."""
_CLAUSE = re.compile(
    r";|,?\s+and (?=(?:i|i'm|i've|my|it|it's|he|she|they)\b)|"
    r",\s+(?=(?:i|i'm|i've|my|it's|he|she|they)\b)",
    re.IGNORECASE,
)
"""Where a new clause with its own subject starts: a negation governs only its clause ("I felt
sick and I was sick once, and I haven't wanted to eat" denies nothing about being sick)."""
_CONTRAST = re.compile(
    r"\b(?:but|although|though|except|apart from|only)\b|,\s*just\b", re.IGNORECASE
)
"""A turn from what is denied to what is said: "No gravel or stones, just a little bit of pinkish
pee" says the case's pink urine (fresh_0712b, read: it was read as denying it)."""


_CLAIM_STOP = frozenset(
    re.findall(r"\w+", "bad really very little bit mild severe just probably maybe think some")
)


def role_breaks(text: str, role: str = "patient") -> list[str]:
    """The out-of-role phrasings in `text` (matched snippets)."""
    checks = [AI_VOICE, ASSISTANT_VOICE, SPEAKER_LABEL]
    if role == "patient":
        checks += [CLINICIAN_SYMPATHY, THIRD_PERSON, PATIENT_REFUSAL]
    found = [m.group(0).strip() for pattern in checks if (m := pattern.search(text))]
    if role == "patient":
        for sentence in sentences(text):
            if sentence.rstrip().endswith("?") and (m := PROBE_BACK.search(sentence)):
                found.append(m.group(0))
    return found


def echoes(text: str, source: str, width: int = 8, quoted: bool = False) -> bool:
    """Whether `text` repeats `width` words in a row of `source` (a prompt read out); quoted
    examples in the source are phrases the role may use, so they do not count unless `quoted`."""
    words = re.findall(r"[a-z']+", (source if quoted else re.sub(r'"[^"]*"', " ", source)).lower())
    grams = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
    said = re.findall(r"[a-z']+", text.lower())
    return any(" ".join(said[i : i + width]) in grams for i in range(len(said) - width + 1))


def repetition(text: str) -> bool:
    """A loop: the same sentence (or clause) said more than once, as small models do."""
    parts = [
        re.sub(r"\W+", " ", p).strip().lower()
        for p in re.split(r"[.!?,;\n]+", text)
        if len(p.split()) >= 3
    ]
    return len(parts) != len(set(parts))


FILLERS = frozenset({"please", "again", "just", "now", "then", "okay", "sorry", "doctor", "so"})
"""Words whose presence does not make a repeated turn a different one."""
LONG_TURN = 6
NEAR_SAME = 0.75
"""Two turns of at least LONG_TURN content words sharing this share of them say the same."""
_TURN_WORDS = re.compile(r"[a-z0-9']+")


@lru_cache(maxsize=4096)
def _turn_key(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """A turn's words, content words and stems, computed once per text (the gates compare every
    pair of a dialogue's turns; the live review compares each reply with all earlier turns)."""
    words = frozenset(content_words(text) - FILLERS)
    stems = frozenset(w.replace("'", "")[:5] for w in words)
    return " ".join(_TURN_WORDS.findall(text.lower())), words, stems


def same_turn(text: str, earlier: str) -> bool:
    """Whether `text` says `earlier` again: the same words, the same content words ("Can you
    describe the pain, please?" after "Can you describe the pain?"), or, in longer turns, nearly
    the same content words (NEAR_SAME of them, as Jaccard overlap of word stems). One rule for the
    live review of each reply and for the quality gates that read the stored dialogue."""
    new, old = _turn_key(text), _turn_key(earlier)
    if new[0] == old[0] or (len(new[1]) >= 2 and new[1] == old[1]):
        return True
    stems, old_stems = new[2], old[2]
    if min(len(stems), len(old_stems)) < LONG_TURN:
        return False
    return len(stems & old_stems) / len(stems | old_stems) >= NEAR_SAME


def repeats_turn(text: str, earlier: list[str]) -> bool:
    """Whether `text` says any of the `earlier` turns of the same speaker again."""
    return any(same_turn(text, old) for old in earlier)


_YES_OR_NO = re.compile(r"^\W*(?:\w+: )?(?:yes|yeah|yep|no|nope)\b", re.IGNORECASE)


def answers_back(text: str, question: str) -> bool:
    """Whether `text` answers the yes/no `question` in its own words ("Have you had any chest
    pain?" -> "No, I haven't had any chest pain."): a yes or no said first, then the question
    restated, is how people answer, not a line said back."""
    return bool(_YES_OR_NO.search(text)) and asks_about_patient(question)


def asks(text: str) -> bool:
    """A doctor turn that asks something or says something of substance; short remarks that
    ask nothing ("Thank you.") may come twice."""
    return "?" in text or len(text.split()) >= 4


_CHAINED_ASK = re.compile(
    r",\s*(?:and\s+|or\s+)?(?:how|what|when|where|whether|if|which|who|why)\b", re.IGNORECASE
)
RUN_ON_PARTS = 3
"""A question sentence chaining this many asks ("Could you describe the onset, how long it has
lasted, and if anything triggers it?") is a questionnaire; two linked asks ("When you cough,
what comes up?", "Where is it, and does it spread?") are how people ask."""


def _run_on_parts(sentence: str) -> int:
    """How many asks a run-on question sentence chains; 0 for any other sentence."""
    if not sentence.rstrip().endswith("?"):
        return 0
    parts = 1 + len(_CHAINED_ASK.findall(sentence))
    return parts if parts >= RUN_ON_PARTS else 0


def question_count(text: str) -> int:
    """Questions in a doctor turn: its question marks, with a run-on question sentence of
    RUN_ON_PARTS or more chained asks counted as that many."""
    extra = sum(max(0, _run_on_parts(s) - 1) for s in sentences(text))
    return len(re.findall(r"\?+", text)) + extra


def first_ask(sentence: str) -> str:
    """A run-on question cut to its first ask ("Could you describe the onset of your
    symptoms?"); other sentences unchanged."""
    if not _run_on_parts(sentence):
        return sentence
    return sentence[: _CHAINED_ASK.search(sentence).start()].rstrip() + "?"


SAYS_AGAIN = re.compile(r"^\W*(?:like|as) i (?:said|mentioned|told you)\b", re.IGNORECASE)
"""An answer that says it is said again: how a patient asked the same thing twice replies."""


def is_stock_answer(text: str) -> bool:
    """A short plain no or "not sure" (how people answer different questions), or an answer
    that says it is said again ("Like I said, it started two days ago."): saying it twice is
    not a loop."""
    if SAYS_AGAIN.search(text):
        return True
    words = len(text.split())
    return words < 4 or (words <= 8 and bool(FLAT_NO.search(text) or UNSURE.search(text)))


def claimed_diagnoses(text: str, case_text: str) -> list[str]:
    """Conditions the patient says it has been told or knows it has, unless its case says so."""
    known = {w[:5] for w in content_words(case_text)}
    out = []
    for match in CLAIM.finditer(text):
        claimed = next(g for g in match.groups() if g)
        words = {w[:5] for w in content_words(claimed)} - _CLAIM_STOP
        if words and not words <= known:
            out.append(claimed.strip())
    return out


_NEGATED_SUBJECT = re.compile(
    r"^\W*(?:\w+: )?(?:(?:my|her|his|our|their|the) [\w-]+|he|she|they|it|there|we|mum|dad)\s+"
    r"(?:hasn't|haven't|has not|have not|doesn't|don't|does not|do not|didn't|did not|isn't|"
    r"is not|wasn't|was not|aren't|won't|never)\b",
    re.IGNORECASE,
)
_NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few|couple)"
_FINDING_IN_NEGATION = re.compile(
    r"\b(?:any ?more|no longer)\b|"
    r"\b(?:didn't|did not|failed to) pass\b[^.;]*\b(?:test|check|screen\w*|exam\w*|hearing)\b|"
    r"\b(?:hasn't|haven't|has not|have not)\s+(?:been able to\s+)?(?:opened|passed|eaten|"
    r"slept|(?:had|got) (?:a|her|my|his|their) period|had (?:a|any) (?:wet nappy|wet nappies|"
    r"wee|poo)|done a (?:wee|poo)|had anything to (?:eat|drink)|weed|peed|"
    r"(?:wanted|been able) to eat|felt like eating)\b"
    r"[^.;]*\b(?:(?:for|in) (?:the )?(?:past |last )?(?:about |around |nearly |almost |over |"
    rf"more than |at least )?(?:a )?{_NUMBER}\b|since\b)|"
    r"\b(?:hasn't|haven't|has not|have not) (?:yet )?started (?:my|her|their) periods?\b",
    re.IGNORECASE,
)
"""Findings worded as negations: a change ("my clothes don't fit any more"), a failed test
("she didn't pass her newborn hearing test"), a body function absent for a span or since a
time ("he hasn't passed urine for the past 12 hours", "I haven't wanted to eat anything since
yesterday"), periods not yet started. Inability
("he can't keep anything down") is never read as a denial at all."""


def is_negative(text: str) -> bool:
    """Whether a case fact is itself a denial: "I haven't had a cough", and in another's voice
    or about a thing, "My son hasn't had any fever", "Daughter: She hasn't fallen", "There
    hasn't been any blood in the phlegm". A no agrees with such a fact; it cannot deny it.

    A finding worded as a negation is not a denial: a negated improvement ("it hasn't let up
    since it started") says the complaint goes on, and `_FINDING_IN_NEGATION` covers changes,
    failed tests and absent body functions. A no to those would deny the case."""
    if NOT_BETTER.search(text) or _FINDING_IN_NEGATION.search(text):
        return False
    return bool(_LEADING_DENIAL.search(text) or _NEGATED_SUBJECT.search(text))


_GENERIC = frozenset(
    re.findall(
        r"\w+",
        "pain feel feels felt like time really about since start started little just thing things "
        "anything something much very been went going there doctor nothing noticed never "
        "haven't hasn't don't doesn't didn't that's",
    )
)


def telling_stems(text: str) -> set[str]:
    """Five-letter stems of a text's telling words ("sweating" and "sweat" share "sweat")."""
    return {w[:5] for w in content_words(text) if len(w) > 3 and w not in _GENERIC}


def positive_part(fact: str) -> str:
    """The clauses of a case fact that state something rather than deny it.

    A mixed fact ("I'm slightly sensitive to noise but have no sensitivity to light", "I haven't
    set a date, but I've written a sort of letter") holds a finding and a denial. A no agrees
    with the denial and contradicts the finding, so only the finding's words can be denied. A
    clause whose negation is itself a finding ("it hasn't let up") counts as stating."""
    kept = []
    for clause in _CLAUSE.split(fact):
        for part in _CONTRAST.split(clause):
            if telling_stems(part) and not (is_negative(part) or _BARE_DENIAL.match(part)):
                kept.append(part.strip(" ,"))
    return ", ".join(kept)


_BARE_DENIAL = re.compile(
    r"^\W*(?:(?:i|he|she|they|we|there)(?:'s|'ve)?\s+)?(?:(?:have|has|had|is|are|was|were|with)"
    r"\s+)?(?:got\s+)?no\b(?! (?:better|easier)\b)",
    re.IGNORECASE,
)
"""A clause that is only a denial, with or without its subject: "... but have no sensitivity
to light", "..., no diarrhoea or blood", "I have no trouble with light", "there's no
discharge". A negation inside a finding ("I've lost weight without trying", "she's not
herself") does not make its clause a denial: only a clause opening with one does."""


_NEGATION_WORDED = re.compile(r"\b(?:can't|cannot|couldn't|won't|unable to)\b", re.IGNORECASE)


def _plainly_stated(fact: str) -> bool:
    """Whether a bare no can only contradict the fact. Not when the fact opens with a denial
    ("Did you pass out?" "No." agrees with "I didn't pass out, but I felt dazed"), nor when its
    finding is worded as a negation: "Has it eased?" "No." agrees with "it hasn't let up", and
    "Can he keep anything down?" "No." with "he can't keep anything down", while the same no
    to "Is it constant?" would deny them. Without the question a bare no to such a fact is
    ambiguous, so it is left to the clause check ("No, it's eased now" still denies)."""
    if is_negative(fact):
        return False
    worded = NOT_BETTER, _FINDING_IN_NEGATION, _NEGATION_WORDED
    return not any(pattern.search(fact) for pattern in worded)


_ADJUNCT = re.compile(
    r"\b(?:in|on|from|before|after|during|around|near|into|round)\s+(?:the|my|his|her|their|your|"
    r"its|a|an|this|that|those|these)\b",
    re.IGNORECASE,
)
"""Where a place or time adjunct starts: in "no blood in his diarrhoea" or "I don't see flashing
lights before the headaches" the negation denies the blood and the lights, not the diarrhoea or
the headaches the adjunct names."""
_BROAD_HEAD = frozenset(
    re.findall(
        r"\w+",
        "troub probl issue wrong chang diffi worry worri proce surge opera treat tests injur "
        "condi illne disea sympt unusu funny strang diffe bother",
    )
)
"""Five-letter stems of heads that say nothing by themselves ("any trouble with", "procedures on
my heart", "anything different about"): with them the adjunct is what is denied."""


_NEGATED_OBJECT = re.compile(r"\b(?:no|any)\s+(?!more\b|longer\b)\w{3,}", re.IGNORECASE)
"""What is negated, named: "no pus", "any ticks". Without it ("nothing runs in the family", "I
didn't see it in the morning") the words after the adjunct's preposition may be what is denied."""


_PAIN_HEAD = frozenset({"hurt", "hurts", "ache", "aches", "achy", "achin", "sore", "tende"})
"""Stems that name pain in other words ("no ache in my chest"): a case's "chest pain" holds only
the generic "pain", so the head's match cannot be seen, and such a clause stays a denial."""


def _denies_only_adjunct(clause: str, shared: set[str], case_stems: frozenset[str]) -> bool:
    """Whether a negated clause names what it negates ("no X", "any X"), shares words with a
    fact only inside its place or time adjunct, and what it negates is named nowhere in the
    case's stating words: "No, there's no blood in his diarrhoea" agrees with a case that has
    diarrhoea and no blood. The head runs from the named object to the adjunct, so the words
    before it ("there's", "I've noticed") are not taken for what is negated. Not when the
    negated head is a broad word ("No trouble with...", "no procedures on my heart") or pain in
    other words, nor when the case states it anywhere (`case_stems`)."""
    negation = _NEGATED.search(clause)
    adjunct = _ADJUNCT.search(clause, negation.end()) if negation else None
    if not adjunct:
        return False
    named = list(_NEGATED_OBJECT.finditer(clause, negation.start(), adjunct.start()))
    if not named:
        return False  # "nothing runs in the family": the adjunct is what is denied
    head = telling_stems(clause[named[-1].start() : adjunct.start()])
    return bool(head) and not (
        shared & head or head & (_BROAD_HEAD | _PAIN_HEAD) or head & case_stems
    )


OTHER_ONE = re.compile(r"\b(?:the|your|my|his|her|their)\s+other\s+(?P<part>\w+)", re.IGNORECASE)
"""The other of a paired part ("your other knee"); the selector's `about_the_other_one` uses it
too."""
BOTH_SIDES = re.compile(r"\b(?:other|both|either|each)\b", re.IGNORECASE)
"""A text about the other one or both sides, which the other-one checks leave alone."""


def _denies_the_other_one(clause: str, shared: set[str], fact: str) -> bool:
    """Whether every word a negated clause shares with a fact names "the other" of a pair, and
    the fact is not about the other one or both: "No, the other knee doesn't have any pain"
    agrees with a case's knee pain (read blind set fresh_0712b: it was read as a denial and
    mended into a vague non-answer)."""
    other = {w[:5] for w in OTHER_ONE.findall(clause)}
    return bool(other) and shared <= other and not BOTH_SIDES.search(fact)


_NOT_A_TRIGGER = re.compile(
    r"^(?P<cause>.*?)\b(?:do|does|did)(?:n't| not)\s+(?:seem to\s+|really\s+|ever\s+)?"
    r"(?:bring|set|trigger|cause|start|make)\b(?P<effect>.*)$",
    re.IGNORECASE,
)


def _denies_only_a_trigger(clause: str, shared: set[str], case_stems: frozenset[str]) -> bool:
    """Whether a negated clause says a named cause does not bring the complaint on ("No, salt
    or caffeine do not seem to bring the spells on"), shares words with a fact only in what is
    brought on, and the cause is named nowhere in the case's stating words: it denies the
    trigger, not the spells (read blind set fresh_0712b: read as denying the spells, mended
    into "I feel like I'm going to pass out")."""
    found = _NOT_A_TRIGGER.match(clause)
    if not found:
        return False
    cause, effect = telling_stems(found.group("cause")), telling_stems(found.group("effect"))
    return bool(cause and shared <= effect) and not (cause & shared or cause & case_stems)


@lru_cache(maxsize=256)
def _stating_stems(case: str) -> frozenset[str]:
    """The telling stems of what a case states: its sentences' `positive_part`s. A case that
    says "no sensitivity to light" does not name light as something it has."""
    return frozenset().union(*(telling_stems(positive_part(s)) for s in sentences(case)))


def _qualified_no(clause: str, shared: set[str], fact: str, case_stems: frozenset[str]) -> bool:
    """A no whose shared words with `fact` are only the frame of what it negates: a place or
    time, the other one of a pair, or what a named cause does not bring on."""
    return (
        _denies_only_adjunct(clause, shared, case_stems)
        or _denies_the_other_one(clause, shared, fact)
        or _denies_only_a_trigger(clause, shared, case_stems)
    )


_UNSURE_STEMS = frozenset({"sure", "know", "idea", "remem", "don't", "can't"})
"""The stems of an unsure clause's own words ("not sure", "don't know", "can't remember"): a
fact that happens to hold one ("I'm sure it's my heart") is not denied by "I'm not sure"."""


def denials(text: str, facts: dict[str, str], said: set[str], case: str | None = None) -> list[str]:
    """Ids of positive `facts` (id -> text) that `text` denies without also saying them.

    A bare no ("No.", "No, nothing like that.") denies every plainly stated one
    (`_plainly_stated`), a blanket one ("I have no symptoms") all of them; a negated clause
    sharing a telling word with a fact denies that fact, unless what it negates is an
    improvement ("it's not getting any better"). A mixed fact counts by its stating clauses
    only (`positive_part`): "No, light is fine" agrees with "Noise bothers me but I have no
    trouble with light", and "No, I haven't written anything" denies "I haven't set a date,
    but I've written a letter". Given the `case` text, a clause that shares words with a fact
    only in its place or time adjunct and negates something the case never states denies
    nothing (`_denies_only_adjunct`). An unsure clause is read by what it is unsure of: "I'm
    not sure about that" denies nothing, though a fact says "I'm sure it's my heart".
    """
    parts = {fid: positive_part(t) for fid, t in facts.items() if fid not in said}
    positive = [fid for fid, part in parts.items() if part or not is_negative(facts[fid])]
    if not positive:
        return []
    matched = {fid: parts[fid] or facts[fid] for fid in positive}
    case_stems = _stating_stems(case) if case is not None else frozenset()
    flat = not telling_stems(text)  # "No.", "No, nothing like that.": says nothing but no
    if flat and _LEADING_DENIAL.search(text) and not said:
        return sorted(fid for fid in positive if _plainly_stated(facts[fid]))
    out = set()
    for sentence in sentences(text):
        if _CONTRAST.search(sentence):
            continue
        if NO_SYMPTOMS.search(sentence):
            out |= set(positive)
            continue
        for clause in _CLAUSE.split(sentence):
            if _NEGATED.search(NOT_BETTER.sub(" ", clause)):
                words = telling_stems(clause)
                if UNSURE.search(clause):  # what it is unsure of, not "sure" or "know" itself
                    words -= _UNSURE_STEMS
                    if not words:
                        continue  # "I'm not sure about that": nothing named, nothing denied
                for fid, fact in matched.items():
                    shared = words & telling_stems(fact)
                    if shared and not (
                        case is not None and _qualified_no(clause, shared, fact, case_stems)
                    ):
                        out.add(fid)
    return sorted(out)


_LEAD_LABEL = re.compile(r"^\s*\**\s*(?:patient|doctor|dr\.?)\s*\**\s*:\s*\**\s*", re.IGNORECASE)
_NEXT_LABEL = re.compile(r"\n\s*\**\s*(?:doctor|dr\.?|patient|examiner)\s*\**\s*:", re.IGNORECASE)


def strip_labels(text: str) -> str:
    """A transcript continuation without its own speaker label, cut where another line starts."""
    text = _LEAD_LABEL.sub("", text, count=1)
    if match := _NEXT_LABEL.search(text):
        text = text[: match.start()]
    text = text.strip()
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    return text
