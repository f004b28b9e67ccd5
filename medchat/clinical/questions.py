"""What a doctor's question asks about: the fact categories it targets, and whether it is open.

The patient's fact selection answers by these rules and the OSCE scorer judges questioning by
them ("any allergies?" is an allergy question, "what brings you in?" an open one), so both read
one set of patterns.
"""

from __future__ import annotations

import re

from medchat.clinical.conveyance import sentences
from medchat.personas.schema import FactCategory as C

# Question patterns -> the fact categories that answer them, and how close (cosine) a fact of
# those categories must be. Exclusive topics ("any allergies?") take any fact of the category
# (ANY); multi-topic ones ("social": smoking, work, home) need the fact to be close too, so
# "do you smoke?" never returns the job; symptom words need a real match (SYMPTOM). Several
# rules may match ("where do you live" hits site and social); embeddings rank the union.
ANY, TOPIC, SYMPTOM = -1.0, 0.25, 0.4
QUESTION_RULES: list[tuple[str, tuple[C, ...], float]] = [
    (
        r"allerg|alerg|reactions? to (any |a |an )?(medic|drug|antibiotic|tablet|penicillin)",
        (C.ALLERGIES,),
        ANY,
    ),
    (
        r"medic(ation|ine|at)|\bmeds\b|tablets?|pills?|tak(e|ing) anything|prescri|inhaler|"
        r"over the counter|contracept|\bon any\b|what do you take|vitamins?|supplements?|herbal|"
        r"remed(y|ies)",
        (C.MEDICATIONS,),
        ANY,
    ),
    (
        r"famil|parents?|mother|\bmum\b|\bmom\b|father|\bdad\b|siblings?|brothers?|sisters?|"
        r"run in|relatives?|genetic",
        (C.FAMILY,),
        ANY,
    ),
    (
        r"smok|cigar|vape|alcohol|\bdrink|units|recreational|street drugs|\bdrugs\b|\bwork\b|"
        r"\bjob\b|occupation|for a living|live with|at home|who .*home|\blive\b|travel|abroad|"
        r"sexual|partner|"
        r"exercise|\bdiet\b|support|nursery|school|stops? you|keeps? you going|reasons? to liv",
        (C.SOCIAL,),
        TOPIC,
    ),
    (
        r"suicid|end(ing)? (your|it|my) (life|all)|kill (yourself|myself)|harm(ing)? yourself|"
        r"hurt(ing)? yourself|self[- ]harm|better off dead|not (be|being) (here|around)|plans? to|"
        r"how (you )?would (you )?do it|method|access to|note",
        (C.SYSTEMS_REVIEW, C.PAST_HISTORY),
        TOPIC,
    ),
    (
        r"appetite|eating|weight|sleep|energy|tired|concentrat|bowels?|waterworks|urine|\bwee\b|"
        r"periods?|mood",
        (C.HPC_ASSOCIATED, C.SYSTEMS_REVIEW),
        SYMPTOM,
    ),
    (
        r"medical (history|problems|conditions)|past (medical|history)|(any|other) "
        r"((ongoing|long[- ]term|chronic|existing|underlying|serious|major) )?(medical |"
        r"health )?(conditions|problems)(?! with)|ever (been|had)|previous(ly)?|operations?|"
        r"surger|hospital|illness(es)?|diagnosed with|treated for|fit and well|"
        r"(been|keep|generally) (healthy|well)|pregnancies|births?|vaccin|immuni[sz]",
        (C.PAST_HISTORY,),
        TOPIC,
    ),
    (r"\bwhere\b|whereabouts|which (part|side)|point to|location", (C.HPC_SITE,), ANY),
    (
        r"how many|how much (did|have) you|what did you take|did you take|overdose|swallow",
        (C.HPC_CHARACTER, C.HPC_ONSET, C.HPC_TIMING, C.HPC_ASSOCIATED),
        TOPIC,
    ),
    (
        r"when did|when was (that|this|it)|how long|\bstart|\bbegan|\bbegin|first notic|"
        r"since when|come on|came on|suddenly|gradually",
        (C.HPC_ONSET,),
        ANY,
    ),
    (
        r"describe|what (is|does|did) (it|the \w+) (feel|like)|what.*feel like|(kind|sort|type) of "
        r"(pain|feeling)|put (it )?into words|sharp|dull|burning|crushing|character",
        (C.HPC_CHARACTER,),
        ANY,
    ),
    (
        r"spread|spred|radiat|shoot|go(es)? anywhere|move (anywhere|to)|travel (to|down|anywhere)|"
        r"anywhere else",
        (C.HPC_RADIATION,),
        ANY,
    ),
    (
        r"come and go|constant|all the time|how often|time of day|at night|episodes?|pattern|"
        r"how long does (it|each)|last for|getting (worse|better)|changed|frequen",
        (C.HPC_TIMING,),
        ANY,
    ),
    (
        r"better|worse|relie|\bease|eases|anything (that )?helps?|helps? (it|the)|helped|trigger|"
        r"brings? (it )?on|sets? (it )?off|aggravat|painkiller",
        (C.HPC_EXACERBATING_RELIEVING,),
        ANY,
    ),
    (
        r"how (bad|severe|much does it hurt|painful)|scale|out of (10|ten)|"
        r"(zero|nought) to (10|ten)|severity|intens",
        (C.HPC_SEVERITY,),
        ANY,
    ),
    (
        r"other symptoms|anything else .*(notic|symptom)|notic\w* anything else|anything else "
        r"with|associated|along with|at the same time|any other (problems|changes)|"
        r"(what|which|any) (kinds? of )?symptoms|symptoms (do|have|are) you",
        (C.HPC_ASSOCIATED,),
        ANY,
    ),
    (
        r"(happened|had (this|it)|like this|felt this) before|anything like (this|it)",
        (C.HPC_TIMING, C.HPC_ONSET, C.PAST_HISTORY),
        TOPIC,
    ),
    (
        r"what do you think|any ideas?\b|theor(y|ies)|put it down to|make of (it|this|all)|"
        r"(thoughts|ideas?) (about|on|as to) what|your (own )?idea|"
        r"(might|could) be (causing|going on)|what.*think (it|is) (is|causing|going)",
        (C.IDEAS,),
        ANY,
    ),
    (
        r"worr|concern|afraid|scar(ed|ing|y)|frighten|anxious (about|that|i)|\bfears?\b|dread|"
        r"(on|through|playing on) your mind|nervous about",
        (C.CONCERNS,),
        ANY,
    ),
    (
        r"hoping|expect|what would you like|what you'd like|hope (to|for)|want (from|to get|us to)|"
        r"get out of (this|today|the)",
        (C.EXPECTATIONS,),
        ANY,
    ),
]

OPEN_QUESTION = re.compile(
    r"what (brings|brought|has brought) you|how can i help|what can i do for you|"
    r"tell me (more|about it|what|everything|a bit|a little)|what('s| is| has) been (happening|"
    r"going on)|go on\b|in your own words|what seems to be|what('s| is) the (problem|matter)|"
    r"start (from|at) the beginning|anything else (you|to tell|that)|how are you( feeling)?"
    r"( today)?\??$|what made you come|why (have|did) you come",
)


_OWN = frozenset(
    {C.PAST_HISTORY, C.HPC_ONSET, C.HPC_TIMING, C.HPC_CHARACTER, C.HPC_ASSOCIATED, C.SYSTEMS_REVIEW}
)
_JOINED = re.compile(r"\b(and|or|also)\b|,")
"""Two topics asked together ("Any allergies, and what medicines do you take?")."""


def question_categories(question: str) -> dict[C, float]:
    """The fact categories a question asks about, by rule, each with its similarity floor."""
    text = question.lower()
    found: dict[C, float] = {}
    for pattern, categories, floor in QUESTION_RULES:
        if re.search(pattern, text):
            for category in categories:
                found[category] = min(floor, found.get(category, floor))
    if C.FAMILY in found:
        # Relatives are the subject ("Do any conditions run in your family?"): the patient's
        # own history and symptoms do not answer it.
        found = {c: f for c, f in found.items() if c not in _OWN}
    if C.ALLERGIES in found and not _JOINED.search(text):
        # "allergic to any medicines?" asks about allergies only, and so does "have you ever had
        # a reaction to a medicine?" (its "ever had" is no question about past illnesses)
        found.pop(C.MEDICATIONS, None)
        found.pop(C.PAST_HISTORY, None)
    if C.PAST_HISTORY in found and not set(re.findall(r"[a-z]+", text)) - _HISTORY_WORDS:
        found[C.PAST_HISTORY] = ANY  # "What is your past history?" asks for all of it
    return found


_HISTORY_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        "what whats is are was your you do does did have has had any ever been got other "
        "past previous previously medical health history problems problem conditions condition "
        "illnesses illness issues serious significant major before tell me about s "
        "and or in the of so ok okay right now",
    )
)
"""Words of a past-history question that name nothing in particular: one made only of them
("What is your past history?", "Any medical problems in the past?") takes every past-history
fact, as "any allergies?" takes every allergy; the similarity floor would otherwise drop facts
as unlike the words "past history" as "I had chlamydia when I was nineteen", and the patient
would deny its own history."""


def is_open_question(question: str) -> bool:
    return bool(OPEN_QUESTION.search(question.lower().strip()))


_ASKING = re.compile(
    r"\b(?:tell me|describe|explain|talk me|walk me|go through|let'?s talk|i'?d like to "
    r"(?:know|ask|hear)|i want to (?:know|ask)|(?:can|could|would) you|you (?:mentioned|said|"
    r"told me)|regarding|going back to|coming back to|about your|earlier)",
    re.IGNORECASE,
)


def asked_part(turn: str) -> str:
    """The part of a doctor's turn that asks: its first question (its last sentence when none
    ends in "?") and what follows, without the sentences before it that ask nothing.

    Models preface a question with an acknowledgement ("Oh, that sounds very concerning. Can
    you tell me more about what she's been seeing?"), whose words match a rule of their own
    (concerns) and would pick the patient's worry instead of what was asked. A sentence before
    the question that asks too ("Tell me about the pain. Is it sharp?") or says what it is about
    ("You mentioned a cough. Is it productive?") stays.
    """
    parts = sentences(turn)
    # Without a question mark ("thanks. any fever"), the last sentence is the question.
    first = next((i for i, s in enumerate(parts) if s.rstrip().endswith("?")), len(parts) - 1)
    if first <= 0:  # one sentence, or the turn opens with its question: all of it is the ask
        return turn
    kept = [s for s in parts[:first] if _ASKING.search(s)] + parts[first:]
    return " ".join(kept)
