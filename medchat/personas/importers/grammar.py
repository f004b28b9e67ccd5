"""Small English grammar for re-voiced sentences: pronouns, verb agreement, noun phrases.

Turning "she has" into "I have" is more than a word swap: the verb must agree ("I also suffer"),
a bare noun phrase needs a verb ("Knee pain that started yesterday" -> "I've had knee pain
that started yesterday"), and a patient speaks in contractions ("I haven't", "I'm").
"""

from __future__ import annotations

import re

NOUN_ING = {
    "swelling", "bleeding", "itching", "wheezing", "vomiting", "sweating", "tingling", "burning",
    "ringing", "snoring", "bruising", "morning", "evening", "aching", "clothing", "something",
    "nothing", "anything", "everything", "worsening", "increasing", "growing", "ongoing",
    "recurring", "persisting", "following", "hearing", "cracking", "remaining", "sporting",
}  # fmt: skip
"""Words ending in -ing that name a thing or describe one, so take "had", not "been"."""

VERBS_S = {
    "has", "is", "does", "drinks", "smokes", "works", "lives", "takes", "uses", "enjoys", "plays",
    "attempts", "dresses", "becomes", "gets", "feels", "finds", "needs", "goes", "wakes", "suffers",
    "believes", "denies", "reports", "claims", "admits", "experiences", "eats", "exercises",
    "sleeps", "walks", "tilts", "visits", "notices", "notes", "complains", "cites", "recounts",
    "recalls", "presents", "attends", "drives", "wears", "states", "mentions", "says", "tends",
    "seems", "appears", "comes", "lasts", "occurs", "worsens", "improves", "increases", "spreads",
    "radiates", "interferes", "wants", "thinks", "knows", "consumes", "reddens", "droops",
    "exists", "hurts", "itches",
}  # fmt: skip
PAST = {
    "had", "was", "were", "went", "got", "became", "began", "lost", "felt", "found", "fell",
    "came", "gained", "regained", "noticed", "developed", "started", "returned", "experienced",
    "broke", "yelled", "spent", "took", "used", "stopped", "joined", "tried", "occurred",
    "worsened", "improved", "resolved", "continued", "happened", "showed",
}  # fmt: skip
PARTICIPLES = {
    "diagnosed", "treated", "delivered", "released", "advised", "brought", "admitted", "referred",
    "born", "seen", "involved",
}  # fmt: skip
_AUXILIARIES = {
    "are", "have", "worsen", "improve", "occur", "tend", "can", "could", "may", "might", "will",
    "would", "should", "must", "do", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
    "happen", "come", "go", "get", "feel", "seem", "start", "am",
}  # fmt: skip
_ATTRIBUTIVE_ED = {
    "controlled", "managed", "treated", "diagnosed", "noted", "associated", "performed", "caused",
    "related", "described", "prescribed", "documented", "reduced", "decreased", "increased",
    "distended", "dilated", "impaired", "altered", "elevated", "raised", "unexplained",
    "repeated", "advanced", "prolonged", "localised", "localized", "red",
}  # fmt: skip
ADVERBS = (
    r"also|still|often|occasionally|now|then|recently|always|never|frequently|sometimes|just|"
    r"only|usually|currently|initially|later|even|really|typically|slightly"
)
_NOT_A_NOUN = r"(?:to|and|or|but|any|anymore|with|in|on|at|for|from|during|that|as|if|when)\b"
_CONTRACTIONS = [
    (r"\bI am\b", "I'm"),
    (r"\bI have (been|had|got|never|lost|gained|noticed|started|also)\b", r"I've \1"),
    (r"\bI have not\b", "I haven't"),
    (r"\bI do not\b", "I don't"),
    (r"\bI did not\b", "I didn't"),
    (r"\bI was not\b", "I wasn't"),
    (r"\b(has|does|did|is|are|was|were|could|would|have|do) not\b", r"\1n't"),
]


def is_noun_phrase(text: str) -> bool:
    """True when the head (before any relative clause) has no verb: it needs "I've had"."""
    head = re.split(
        r"\s(?:that|which|who|when|where|because|after|before|since|as|but)\s|,"
        r"|\s(?:for|in) which\s",
        text,
    )[0]
    words = head.lower().split()
    if not words or words[0] in ("my", "i", "i'm", "i've", "it", "they", "this", "these", "the"):
        return False
    if words[0] in ("there", "he", "she", "her", "his", "we", "our", "their"):
        return False
    if words[0] in ("earlier", "despite", "although", "when", "while", "if", "during", "after"):
        return False
    return not has_verb(head)


def has_verb(text: str) -> bool:
    """Whether `text` holds a finite verb (by word list; '-ed' after a noun counts)."""
    words = text.lower().split()
    for position, word in enumerate(words):
        if word in VERBS_S or word in PAST or word in _AUXILIARIES:
            return True
        after_noun = position > 0 and words[position - 1] not in (
            "the", "a", "an", "of", "with", "and", "or", "no", "any", "despite", "by", "my",
        )  # fmt: skip
        if word.endswith("ed") and word not in _ATTRIBUTIVE_ED and after_noun:
            return True
    return False


def is_gerund_start(text: str) -> bool:
    first = text.split(" ", 1)[0].lower()
    return first.endswith("ing") and first not in NOUN_ING


def pronouns(text: str) -> str:
    """Third person -> first: she/he -> I, her/his -> my, him -> me, 'the family' -> 'my family'."""
    text = re.sub(r"\b(?:the )?patient's\b", "my", text, flags=re.I)
    text = re.sub(r"\bthe patient\b|^patient\b", "I", text, flags=re.I)
    text = re.sub(r"\b(?:she|he)\b", "I", text, flags=re.I)
    text = re.sub(r"\b(?:herself|himself)\b", "myself", text, flags=re.I)
    text = re.sub(r"\bhis\b", "my", text, flags=re.I)
    text = re.sub(r"\bhim\b", "me", text, flags=re.I)
    text = re.sub(rf"\bher\b(?=\s+(?!{_NOT_A_NOUN})[a-z])", "my", text, flags=re.I)
    text = re.sub(r"\bher\b", "me", text, flags=re.I)
    return re.sub(
        r"\bthe (family|roommates|mother|father|wife|husband|partner)\b", r"my \1", text, flags=re.I
    )


def base_form(verb: str) -> str:
    """'has' -> 'have', 'suffers' -> 'suffer', 'tries' -> 'try'; other words unchanged."""
    special = {"has": "have", "is": "am", "does": "do", "was": "was", "goes": "go"}
    if verb in special:
        return special[verb]
    if not verb.endswith("s") or verb.endswith(("ss", "us", "is")) or verb in ("always", "as"):
        return verb
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


def agree(text: str) -> str:
    """'I has' -> 'I have', 'I also suffers' -> 'I also suffer', 'I ... and has' -> 'and have'."""
    text = re.sub(r"\bI's\b", "my", text)
    text = re.sub(
        rf"\bI((?:\s+(?:{ADVERBS}))*)\s+([a-z]+)\b",
        lambda m: f"I{m.group(1)} {base_form(m.group(2))}",
        text,
    )
    text = re.sub(
        rf"\bI((?:\s+(?:{ADVERBS}))*)\s+(\w+ing)\b",
        lambda m: f"I'm{m.group(1)} {m.group(2)}" if m.group(2) not in NOUN_ING else m.group(0),
        text,
    )
    if re.match(r"^I\b", text):
        text = re.sub(rf"\b(and|but|or)((?:\s+(?:{ADVERBS}))*)\s+([a-z]+)\b", _conjoined, text)
    text = re.sub(r"\bI am (heavy |light )?smoker\b", r"I am a \1smoker", text)
    text = re.sub(
        r"\bI am ((?:a |an )?[\w\s-]+?) for (\d+|the past|the last)\b", r"I've been \1 for \2", text
    )
    text = re.sub(
        r"\bI (also )?have (?:a )?(?:long |significant |medical )*history of smoking\b",
        r"I've \1smoked",
        text,
    )
    text = re.sub(r"\bhave smoking history\b", "have smoked", text)
    text = re.sub(
        r"\bI (also )?have (?:a )?(?:long |significant |medical )*history of\b", r"I've \1had", text
    )
    text = re.sub(r"\b(my|his|her) back of (?:the|my|his|her) (\w+)", r"the back of \1 \2", text)
    text = re.sub(
        r"\b(I've|have|has) had (passing|being|getting|feeling|needing|coughing|waking)\b",
        r"\1 been \2",
        text,
    )
    return re.sub(r"\b(\w+ed) also\b", r"also \1", text)


def _conjoined(match: re.Match[str]) -> str:
    """'I ... and has' -> 'and have', unless another subject ('it', 'which') came between."""
    before = match.string[: match.start()]
    verb = match.group(3)
    if verb not in VERBS_S or re.search(r"\b(?:it|they|this|that|which|who|she|he)\b", before):
        return match.group(0)
    return f"{match.group(1)}{match.group(2)} {base_form(verb)}"


def finish(text: str | None) -> str | None:
    """Inline denials, contractions, spacing, a capital and a full stop."""
    if not text:
        return None
    text = re.sub(r"\b(but|and)\s+(?:(I|he|she)\s+)?den(?:ies|y)\s+(?:any\s+)?(\w+)", _denial, text)
    for pattern, short in _CONTRACTIONS:
        text = re.sub(pattern, short, text)
    text = re.sub(r"\band that (?=my|his|her|I)\b", "and ", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(".").strip()
    text = re.sub(r"\s+,", ",", text)
    return text[0].upper() + text[1:] + "."


def _denial(match: re.Match[str]) -> str:
    who = match.group(2) or "I"
    have = "haven't" if who == "I" else "hasn't"
    thing = match.group(3)
    if thing.endswith("ing") and thing not in NOUN_ING:
        return f"{match.group(1)} {who} {have} been {thing}"
    return f"{match.group(1)} {who} {have} had any {thing}"


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is a name or an acronym."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first.endswith("'s") or not first[1:].islower()):
        return text
    return text[0].lower() + text[1:] if text else text


def join(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " and " + items[-1]


COUNTABLE = {
    "cough", "fever", "headache", "rash", "lump", "sore", "wound", "blackout",
    "murmur", "temperature", "bite", "nose",
}  # fmt: skip
"""Head nouns that take "a" in an opening line ("a cough", "a large wound")."""


def with_article(item: str) -> str:
    """'cough' -> 'a cough', 'large wound on the leg' -> 'a large wound ...'; 'pain' stays."""
    words = item.lower().split()
    if not words or words[0] in ("a", "an", "the", "my", "some"):
        return item
    words = re.split(r"\s(?:on|in|of|with|over|that|for|from)\s", item.lower())[0].split()
    countable = words[-1] in COUNTABLE or (
        words[-1] == "swelling" and len(words) > 1 and words[-2] in ("growing", "large", "new")
    )
    return with_a(item) if countable else item


def with_a(text: str) -> str:
    if re.match(r"(?:a|an|the)\s", text, re.I):
        return text
    return f"{'an' if text[0].lower() in 'aeiou' else 'a'} {text}"


def for_duration(number: str, unit: str) -> str:
    if number.lower() in ("1", "one"):
        return f"for {'an' if unit == 'hour' else 'a'} {unit}"
    return f"for {number} {unit}s"


def split_tail(text: str) -> tuple[str, str]:
    """Head noun phrase and a trailing ', which ...' / ', for which ...' clause."""
    m = re.search(
        r"(?:,\s*|\s+)(?:for|in|during) which\b"
        r"|,\s*(?:which|that|who|along with|but|currently|managed|treated|controlled)\b"
        r"|\s+(?:which|that)\s",
        text,
    )
    if not m:
        return text, ""
    tail = text[m.start() :]
    if not tail.lstrip(", ").startswith(("for", "in", "during")):
        tail = re.sub(r"^,?\s*which\s+(?!I\b|he\b|she\b)", ", and it ", tail)
    if not tail.startswith(","):
        tail = "," + tail if tail.lstrip().startswith(("for", "in", "during")) else tail
    return text[: m.start()], tail


def drop_restatements(text: str) -> str:
    """'double vision (diplopia)', 'a clot (DVT)': the bracket restates what came before."""
    return re.sub(r"\s*\((?![\d.]+[- ]?(?:lb|pound))[^()]*\)", "", text)
