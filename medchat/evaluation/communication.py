"""Communication features of the student's turns: rules an OSCE examiner would tick.

Each feature is a regular expression over the doctor's sentences, because examiners mark the
words used ("I'm Dr Shah", "that sounds frightening"), and rules show the student which sentence
earned the mark. Stored turns are scrubbed, so a name may be a tag ("I'm <PERSON_1>").
Ideas-concerns-expectations reuse the patient grounding's question rules, so "what's worrying
you?" counts here exactly when it gets the patient's concern out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from medchat.clinical.questions import is_open_question, question_categories
from medchat.personas.schema import FactCategory

_ROLE = (
    r"(doctor|student|nurse|registrar|consultant|gp|physician|surgeon|house officer|"
    r"practitioner|clinician)s?"
)
INTRODUCTION = re.compile(
    r"\b(my name('s| is)|i'?m (dr|doctor)\b|i am (dr|doctor)\b|(i'?m|i am) one of the|"
    r"(i'?m|i am) <person_\d+>|"
    rf"(i'?m|i am) (\w+ ){{0,2}}\w+,? (a|an|one of the|the|your)\b[\w\s-]{{0,30}}\b{_ROLE}\b|"
    rf"(i'?m|i am) (a|an|the|your) [\w\s-]{{0,30}}\b{_ROLE}\b|this is dr)"
)
IDENTITY = re.compile(
    r"(confirm|tell me|check) your (full )?name|your date of birth|what('s| is) your (full )?name|"
    r"(can|could|may) i (take|have|get) your name|how would you like (me )?to call you|"
    r"what (should|shall|can) i call you"
)
CONSENT = re.compile(
    r"(is it|is that|would it be|are you) (ok|okay|alright|all right|happy|comfortable)|"
    r"do you mind (if|me)|would you mind|(may|can) i (ask|talk|speak|examine|have a chat)|"
    r"\bconsent\b|\bchaperone\b"
)
EMPATHY = re.compile(
    r"sorry (to hear|you('ve| have| are|'re))|i('m| am) (so |really |very )?sorry|"
    r"(that|it) (must|sounds?|seems?)( like it)?( been| be)? (really |very |quite |so )?"
    r"(hard|difficult|tough|frightening|scary|awful|horrible|worrying|distressing|stressful|"
    r"upsetting|painful|a lot)|"
    r"i can (see|imagine|understand)|understandabl|must be (hard|difficult|worrying|awful)|"
    r"(completely|totally) (normal|natural|understandable) to|you('ve| have) done the right thing|"
    r"thank you for (telling|sharing|being)"
)
SUMMARY = re.compile(
    r"\bsummari[sz]e|\bto recap|let me (just )?(recap|check (that )?i('ve| have) (got|understood))|"
    r"if i('ve| have) understood|so what you('re| are) (saying|telling me)|"
    r"(so|just) to (check|make sure|go over)|is that (right|correct|a fair summary)\??$|"
    r"have i (got|missed) (that|anything)"
)
UNDERSTANDING = re.compile(
    r"does (that|this|all that) make sense|any questions|do you understand|is (that|this) clear|"
    r"what do you understand|anything (you'd like|you want) me to (explain|go over)|"
    r"(can|could) you tell me (back )?what you('ve| have) understood"
)
JARGON = re.compile(
    r"\b(dyspn(o)?ea|orthopn(o)?ea|paroxysmal nocturnal|haemoptysis|hemoptysis|haematemesis|"
    r"hematemesis|mela?ena|haematuria|hematuria|dysuria|nocturia|syncop\w*|pleuritic|"
    r"radiat(e|es|ing|ion)|myocardial|infarct\w*|ischa?emi\w*|pyrexi\w*|febrile|rigors|"
    r"paraesthesi\w*|paresthesi\w*|dysphagia|odynophagia|photophobia|coryzal|"
    r"claudication|oedema|edema|analgesi\w*|nsaids?|anticoagula\w*|aetiology|etiology|"
    r"idiopathic|tachycardi\w*|bradycardi\w*|prodrom\w*|diplopia|dysarthria|aphasia|"
    r"menorrhagia|dysmenorrhoea|amenorrhoea|lmp|pr bleed|haematochezia|tenesmus|"
    r"hepatomegaly|splenomegaly|lymphadenopathy|exertional|postprandial|epigastri\w*|"
    r"suprapubic|periumbilical|iliac fossa|cp|sob)\b"
)
OPEN_START = re.compile(
    r"^(so,? |and,? |ok(ay)?,? |right,? |now,? )*(what|how|why|tell me|describe|talk me through|"
    r"can you (tell|describe|explain|talk)|could you (tell|describe|explain|talk)|"
    r"in what way|walk me through)\b"
)
CLOSED_START = re.compile(
    r"^(so,? |and,? |ok(ay)?,? |right,? |now,? )*(do|does|did|is|are|was|were|have|has|had|"
    r"any|anything|can|could|would|will|should|when|where|which|who|how (long|many|much|often|"
    r"old|far))\b"
)
_HOW_CLOSED = re.compile(
    r"^(so,? |and,? |ok(ay)?,? |right,? |now,? )*how (long|many|much|often|old|far)\b"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    """Sentences of one turn, lower-cased, without empty pieces."""
    return [s.strip().lower() for s in _SENTENCE.split(text) if s.strip()]


def is_question(sentence: str) -> bool:
    return sentence.endswith("?") or bool(
        OPEN_START.match(sentence) or CLOSED_START.match(sentence)
    )


def is_open(sentence: str) -> bool:
    """Open: invites the patient's own account ("what", "how", "tell me"), not a yes/no."""
    if _HOW_CLOSED.match(sentence):
        return False
    return bool(OPEN_START.match(sentence) or is_open_question(sentence))


@dataclass
class Communication:
    """What the student did, with the sentences that show it (quoted in the report)."""

    introduction: bool = False
    identity: bool = False
    consent: bool = False
    open_questions: int = 0
    closed_questions: int = 0
    empathy: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    understanding_checked: bool = False
    jargon: list[str] = field(default_factory=list)
    ideas: bool = False
    concerns: bool = False
    expectations: bool = False

    @property
    def open_ratio(self) -> float:
        asked = self.open_questions + self.closed_questions
        return self.open_questions / asked if asked else 0.0

    @property
    def ice_explored(self) -> int:
        return sum((self.ideas, self.concerns, self.expectations))

    def score(self) -> float:
        """0-100: the share of eight marks (intro, identity or consent, open questions at a third
        or more, empathy, summary, understanding checked, no jargon, ICE) earned."""
        marks = [
            self.introduction,
            self.identity or self.consent,
            min(1.0, self.open_ratio / 0.33),
            bool(self.empathy),
            bool(self.summaries),
            self.understanding_checked,
            max(0.0, 1.0 - 0.5 * len(self.jargon)),
            self.ice_explored / 3,
        ]
        return 100.0 * sum(float(m) for m in marks) / len(marks)


def assess(doctor_texts: Sequence[str]) -> Communication:
    """Communication features of the doctor's turns, in order."""
    c = Communication()
    for text in doctor_texts:
        for sentence in sentences(text):
            c.introduction |= bool(INTRODUCTION.search(sentence))
            c.identity |= bool(IDENTITY.search(sentence))
            c.consent |= bool(CONSENT.search(sentence))
            if EMPATHY.search(sentence):
                c.empathy.append(sentence)
            if SUMMARY.search(sentence):
                c.summaries.append(sentence)
            c.understanding_checked |= bool(UNDERSTANDING.search(sentence))
            c.jargon += [
                m.group(0) for m in JARGON.finditer(sentence) if m.group(0) not in c.jargon
            ]
            if is_question(sentence):
                if is_open(sentence):
                    c.open_questions += 1
                else:
                    c.closed_questions += 1
                asked = question_categories(sentence)
                c.ideas |= FactCategory.IDEAS in asked
                c.concerns |= FactCategory.CONCERNS in asked
                c.expectations |= FactCategory.EXPECTATIONS in asked
    return c
