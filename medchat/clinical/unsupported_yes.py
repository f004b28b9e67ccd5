"""A yes that only repeats the doctor's words: nothing in the case says it.

Asked "Does the lump move up when you swallow?" with a nearby fact to answer from ("I noticed it
six weeks ago when I was shaving"), the small default model answers "Yes, the lump moves up when
I swallow." It takes the question for the answer. Measured on a read probe set's absent-symptom
questions, 15 of 228 first replies opened this way, each asserting something its case never says
("Yes, there has been blood in the loose stools", "Yes, I do see zigzag lines before the
headache"): the error that teaches a student a finding the case lacks.

The check looks at the reply's first sentence only: it opens with a yes, most of its telling
words are the question's, and it conveys no fact of the case (the same conveyance check the
review uses). The same shape also answers a question worded differently from its case ("Any
saddle anaesthesia?" "Yes, I've noticed saddle anaesthesia." where the case says the patient's
bum feels numb): about as often, on the read runs. So the mend has to suit both: the sentence
becomes "I'm not sure about that." and the facts selected for the question follow in the case's
words, which is a patient unsure of the doctor's term describing what they feel, or unsure of
something the case does not say.
"""

from __future__ import annotations

import re

import numpy as np

from medchat.clinical.conveyance import content_words, conveyed, sentences
from medchat.clinical.review import is_negative, telling_stems

NOT_SURE_THAT = "I'm not sure about that."

_YES = re.compile(r"^\W*(?:(?P<label>\w+): )?(?:yes|yeah|yep|yup)\b[\s,.!-]*", re.IGNORECASE)
_ECHO_SHARE = 0.5
"""Half of the sentence's telling words are the question's: an echo, not an answer in the
patient's words (tried on read runs: every flagged sentence shared 0.5 or more)."""


def unsupported_yes(
    reply: str, question: str, fact_texts: list[str], fact_vecs: np.ndarray
) -> str | None:
    """The reply's first sentence if it is a yes echoing `question` that conveys none of the
    case's facts (`fact_texts`, with their vectors), else None. A bare "Yes, he does." is left
    alone: it repeats nothing and may be right."""
    first = sentences(reply.strip())[0]
    opener = _YES.match(first)
    if opener is None:
        return None
    body = first[opener.end() :]
    # Three-letter finding words count ("Yes, the eye is watering a lot." is an echo of "Is
    # the eye watering a lot?": read blind set fresh_0712b, it had one telling word and passed).
    words = telling_stems(body) | _short_words(body)
    asked = telling_stems(question) | _short_words(question)
    if len(words) < 2 or len(words & asked) < _ECHO_SHARE * len(words):
        return None
    hits = conveyed(body, fact_texts, fact_vecs) if fact_texts else []
    if any(hit and _supports(fact) for fact, hit in zip(fact_texts, hits, strict=True)):
        return None
    return first


def _supports(fact: str) -> bool:
    """Whether a case fact the echo conveys can stand behind its yes: it states something. A
    case's denial ("I haven't found lumps anywhere else") is near "Yes, the lump moves up and
    down when I swallow" and says the opposite of a yes; it passed as support on the read blind
    set fresh_0712b. Requiring the fact to hold every word the echo took from the question was
    tried and dropped: "Yes, the pain radiates to my jaw and down my left arm" is right against
    "It goes into my jaw and down my left arm"."""
    return not is_negative(fact)


def mend_unsupported_yes(reply: str, sentence: str) -> str:
    """`reply` with `sentence` (its first) said as NOT_SURE_THAT, an informant's label kept."""
    opener = _YES.match(sentence)
    label = f"{opener.group('label')}: " if opener and opener.group("label") else ""
    rest = reply.strip()[len(sentence) :].strip()
    return f"{label}{NOT_SURE_THAT} {rest}".strip()


def yes_beside_the_point(
    reply: str, question: str, picked_texts: list[str], picked_vecs: np.ndarray
) -> str | None:
    """The reply's first sentence if it opens with a yes and goes on to tell a fact picked for
    the question that shares no telling word with the question, else None.

    "Have your eyes or skin gone yellow?" "Yes, my urine looks darker than usual." The yes
    affirms the doctor's question, and what follows is another finding: a student hears
    jaundice the case does not have. When the pick is right but worded otherwise ("Any trouble
    sleeping?" "Yes, I wake at four every night") the sentence says as much without its yes,
    so the mend (`drop_yes`) costs a right answer nothing. A body of fewer than two telling
    words ("Yes, at weekends") is left alone."""
    first = sentences(reply.strip())[0]
    opener = _YES.match(first)
    if opener is None or not picked_texts:
        return None
    body = first[opener.end() :]
    words = telling_stems(body)
    if len(words) < 2 or (words | _short_words(body)) & (
        telling_stems(question) | _short_words(question)
    ):
        return None
    return first if any(conveyed(body, picked_texts, picked_vecs)) else None


_SHORT_FUNCTION = frozenset(
    re.findall(
        r"\S+",
        "any you not got ago out all her day get yes few she bit two now are his ten off one lot "
        "i'd did use too can new own six say put far its him due age set end who our yet non let "
        "way why old big try fix buy see run top son mum dad boy bed the and but for was has had "
        "nor how may",
    )
)


def _short_words(text: str) -> set[str]:
    """Three-letter words that name a finding or a place ("arm", "eye", "red", "wee"), which
    `telling_stems` leaves out: "Yes, it goes down my left arm" is about the arm asked of."""
    return {w for w in content_words(text) if len(w) == 3 and w not in _SHORT_FUNCTION}


def drop_yes(reply: str) -> str:
    """`reply` without the yes that opens it ("Yes, my urine..." -> "My urine..."), an
    informant's label kept."""
    text = reply.strip()
    opener = _YES.match(text)
    if opener is None:
        return text
    label = f"{opener.group('label')}: " if opener.group("label") else ""
    rest = text[opener.end() :]
    return f"{label}{rest[:1].upper()}{rest[1:]}" if rest else text


def opens_with_yes(reply: str) -> bool:
    """Whether a reply opens with a yes (an informant's label allowed)."""
    return _YES.match(reply.strip()) is not None


def bare_yes_beside(reply: str, question: str, picked_texts: list[str]) -> str | None:
    """The reply's first sentence if it is a bare yes ("Yes, it has.", "Yes, he does.") and no
    fact picked for the question shares a telling word with it, else None.

    The bare yes affirms the question itself, and the picked fact then appended tells another
    thing: "Has the pain ever woken you up at night?" "Yes, it has. For the last few weeks I've
    had a tightness walking up hills...". On the read blind set fresh_0712b two of the 18
    absent-question answers that opened with a yes were this shape. A bare yes beside a pick
    that shares a word with the question ("Do you smoke?" "Yes, I do." with "I smoke ten a
    day") is left alone: it is most often right. The mend is the echo's: "I'm not sure about
    that." and the picked facts after it."""
    first = sentences(reply.strip())[0]
    opener = _YES.match(first)
    if opener is None or not picked_texts:
        return None
    body = first[opener.end() :]
    if telling_stems(body) | _short_words(body):
        return None
    asked = telling_stems(question) | _short_words(question)
    if not asked or any(asked & (telling_stems(t) | _short_words(t)) for t in picked_texts):
        return None
    return first
