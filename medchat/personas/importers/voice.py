"""Who is speaking: chart sentences about the patient, re-voiced as the patient (or a parent).

"The patient reports a 1-month history of diplopia" -> "I've had double vision for a month."
"Denies chest pain" -> "I haven't had any chest pain." "History of migraine" -> "I've had migraine
before." Under-12s are spoken for by a parent ("My son has had ..."). Words come from `lay.py`,
grammar from `grammar.py`; a case's reviewed overrides (`overrides.py`) win over every rule.
"""

from __future__ import annotations

import re

from medchat.personas.importers.grammar import (
    ADVERBS,
    PARTICIPLES,
    PAST,
    VERBS_S,
    agree,
    drop_restatements,
    finish,
    for_duration,
    has_verb,
    is_gerund_start,
    is_noun_phrase,
    join,
    lower_first,
    pronouns,
    split_tail,
    with_a,
    with_article,
)
from medchat.personas.importers.lay import (
    Glossary,
    default_glossary,
    expand_shorthand,
    speaker_words,
    spoken_numbers,
)
from medchat.personas.importers.overrides import CaseOverride

_S = r"(?:the patient|patient|she|he)"
_REPORT = (
    r"(?:reports?|notes?|mentions?|states?|says?|describes?|recalls?|recounts?|cites?|claims?|"
    r"admits?(?: to)?|complains? of|is complaining of|complaining of|presents? with|"
    r"presented with|has noticed|noticed|notices)"
)
_REPORTED = re.compile(
    rf"^(?:{_S}\s+)?(?P<also>also\s+)?(?P<verb>{_REPORT})\s+(?:that\s+)?"
    rf"(?:a complaint of\s+|complaints of\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_DENIER = rf"(?:{_S}|(?:the |her |his )?(?:mother|father|parents?))"
_DENIED = re.compile(
    rf"^(?:{_DENIER}\s+)?(?:also\s+)?denies\s+(?:any\s+|having\s+|experiencing\s+(?:any\s+)?)?"
    rf"(?P<rest>.+)$",
    re.IGNORECASE,
)
_PARENT = re.compile(
    r"^(?:(?:the|her|his) )?(?:(?:patient|newborn|baby|infant|child)'s )?"
    r"(?:mother|father|parents?|mom|mum)\s+(?:also\s+)?"
    r"(?:reports?|notes?|states?|says?|mentions?|describes?|noticed|is concerned)\s+(?:that\s+)?",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?:a |an )?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]"
    r"(?P<unit>hour|day|week|month|year)s?[- ](?:history )?of (?P<what>.+)$",
    re.IGNORECASE,
)
_CHART_TAIL = re.compile(
    r"\s+and (?:does not|doesn't) present with any other complaints$|\s+(?:is|are) reported$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"^(?:additionally|also|furthermore|in addition),?\s+", re.IGNORECASE)
_OCCUPATION = re.compile(
    r"^(?:a |an )?(?:retired )?[\w\s]*\b(?:teacher|designer|accountant|student|manager|worker|"
    r"nurse|driver|engineer|warden|clerk|cleaner|builder|officer)$",
    re.IGNORECASE,
)
_BODY = (
    r"neck|arms?|legs?|knees?|wrists?|hands?|feet|foot|eyes?|ears?|face|head|chest|tummy|womb|"
    r"breasts?|hips?|elbows?|forearms?|shoulders?|cheeks|nostril|eyelid|body|skin|labia|"
    r"lower legs?|upper arms?"
)
_SIDES = r"(?:(?:left|right|upper|lower|other) )?"
_PLURAL_VERBS = {"last", "occur", "come", "start", "get", "go", "spread", "happen"}


class Speaker:
    """Re-voices one case's chart fragments; the case's overrides, if any, come first.

    `child` ("son"/"daughter") makes a parent the speaker. Overridden fragments are recorded in
    `used` so the importer can report overrides that no longer match anything (stale).
    """

    def __init__(
        self,
        child: str | None = None,
        glossary: Glossary | None = None,
        override: CaseOverride | None = None,
    ):
        self.child = child
        self.glossary = glossary or default_glossary()
        self.override = override
        self.used: set[str] = set()
        self.words = speaker_words(child)

    # -- what the importers call -----------------------------------------------------------

    def say(self, fragment: str) -> str | None:
        """One chart sentence as the patient says it; None when it is not theirs to say."""
        key = _key(fragment)
        found, text = self._overridden(key)
        if found:
            return text
        raw = _CHART_TAIL.sub("", _LEAD_IN.sub("", expand_shorthand(key)))
        matched, text = self.glossary.rewrite(raw, self.child)
        if matched:
            return finish(self._possessive(text)) if text else None
        if denied := _DENIED.match(raw):
            return finish(self._deny_list(drop_restatements(denied.group("rest"))))
        if re.match(r"no\s", raw, re.I):
            return self._absent(raw)
        text = spoken_numbers(self.glossary.plain(drop_restatements(raw)))
        text = self._parent_voice(text) if self.child else self._first_person(text)
        return finish(text)

    def deny(self, item: str) -> str | None:
        """An absent finding ('No sorethroat') -> "I haven't had any sore throat."."""
        key = _key(item)
        found, text = self._overridden(key)
        if found:
            return text
        return self._absent(key)

    def takes(self, medicines: list[str]) -> str | None:
        """A list of drug names -> "I take insulin, mesalamine and aspirin."."""
        found, text = self._overridden(_key(", ".join(m.strip() for m in medicines)))
        if found:
            return text
        names = [lower_first(m.strip()) for m in medicines if m.strip()]
        who = f"My {self.child} takes" if self.child else "I take"
        return finish(f"{who} {join(names)}") if names else None

    def family(self, fragment: str) -> str | None:
        """A family-history fragment; a bare condition ('Gallstones') runs in the family."""
        key = _key(fragment)
        found, text = self._overridden(key)
        if found:
            return text
        matched, text = self.glossary.rewrite(expand_shorthand(key), self.child)
        if matched:
            return finish(text)
        if is_noun_phrase(key) and not re.search(
            r"\b(?:mother|father|brother|sister)\b", key, re.I
        ):
            plain = spoken_numbers(self.glossary.plain(key))
            runs = "run" if plain.lower().endswith("s") else "runs"
            return finish(f"{plain} {runs} in {self.words['my']} family")
        return self.say(fragment)

    def opening(self, complaint: str) -> str:
        """The first words, from the chief complaint(s): "I've come in about a cough."."""
        items = complaint_items(complaint, self.glossary)
        said = join([self._possessive(with_article(i)) for i in items]) or "feeling unwell"
        if self.child:
            return f"I've brought my {self.child} in about {said}."
        return f"I've come in about {said}."

    # -- the rules -------------------------------------------------------------------------

    def _overridden(self, key: str) -> tuple[bool, str | None]:
        if self.override is not None and key in self.override.say:
            self.used.add(key)
            return True, self.override.say[key]
        return False, None

    def _absent(self, item: str) -> str | None:
        thing = re.sub(r"^(?:no|not|denies|without)\s+", "", item, flags=re.I)
        thing = re.sub(r"^(?:any|experiencing|episodes of)\s+", "", thing, flags=re.I)
        thing = re.sub(r"\s+(?:is\s+|are\s+)?(?:reported|noted)$", "", thing, flags=re.I)
        thing = expand_shorthand(thing.replace("sorethroat", "sore throat"))
        for candidate in (thing, spoken_numbers(self.glossary.plain(thing))):
            if stock := self.glossary.deny(candidate, self.child):
                return finish(stock)
        thing = spoken_numbers(self.glossary.plain(thing))
        if not is_noun_phrase(thing) and not is_gerund_start(thing):
            return finish(
                self._first_person(thing) if not self.child else self._parent_voice(thing)
            )
        return finish(self._negated(self._possessive(lower_first(thing))))

    def _negated(self, thing: str) -> str:
        first = thing.split(" ", 1)[0].lower()
        who = self.words["i_havent"]
        if is_gerund_start(thing):
            return f"{who} been {thing}"
        if first in ("anything", "any"):
            return f"{who} noticed {thing}"
        if first in ("a", "an", "the", "my", "his", "her"):
            return f"{who} had {thing}"
        return f"{who} had any {thing}"

    def _deny_list(self, rest: str) -> str:
        rest = spoken_numbers(self.glossary.plain(rest))
        if re.match(r"taking\b", rest):
            return f"{self.words['i_am']} not {self._possessive(pronouns(rest))}"
        rest = re.sub(r"^having\s+", "", rest)
        return self._negated(self._possessive(pronouns(rest) if not self.child else rest))

    def _possessive(self, text: str) -> str:
        """'the left leg' -> 'my left leg' (or 'his left leg' when a parent speaks)."""
        mine = "my" if not self.child else ("her" if self.child == "daughter" else "his")
        text = re.sub(
            rf"\b(?:the|her|his) ({_SIDES}(?:{_BODY}))\b(?! of\b)",
            lambda m: f"{mine} {m.group(1)}",
            text,
            flags=re.I,
        )
        text = re.sub(
            rf"^((?:left|right) (?:{_BODY}))\b",
            lambda m: f"{mine.title()} {m.group(1).lower()}",
            text,
            flags=re.I,
        )
        return re.sub(rf"\bto ((?:left|right) (?:{_BODY}))\b", rf"to {mine} \1", text)

    def _first_person(self, text: str) -> str:
        text = re.sub(r"^(?:the )?patient's\b", "my", text, flags=re.I)
        if reported := _REPORTED.match(text):
            return self._reported(reported)
        text = pronouns(text)
        first, second = ([*text.lower().split(" ", 2), ""])[:2]
        if first in PARTICIPLES:
            text = f"I was {lower_first(text)}"
        elif first in VERBS_S or first in PAST or _adverb_then_verb(first, second):
            text = f"I {lower_first(text)}"
        elif re.match(r"^(?:concerned|worried) (?:by|about)\b", text, re.I):
            text = re.sub(r"^\w+ (?:by|about)", "I'm worried about", text)
        elif re.match(
            r"^(?:married|single|divorced|widowed|sexually active|otherwise)\b", text, re.I
        ):
            text = f"I'm {lower_first(text)}"
        elif _OCCUPATION.match(text):
            text = f"I'm {with_a(lower_first(text))}"
        elif re.match(r"^(?:pain|symptoms|headaches|diarrh?o?ea|cough)\b", text, re.I) and (
            has_verb(text) or _adverb_then_verb(second, "x") or second in _PLURAL_VERBS
        ):
            text = f"My {lower_first(text)}"
        elif is_noun_phrase(text):
            text = self._had(text)
        return self._possessive(agree(text))

    def _reported(self, match: re.Match[str]) -> str:
        verb, rest = match.group("verb").lower(), match.group("rest")
        also = "also " if match.group("also") or rest.lower().startswith("also ") else ""
        rest = re.sub(r"^also\s+", "", rest, flags=re.I)
        if re.match(rf"^(?:{_S}|her|his|my|the (?:family|roommates))\b", rest, re.I):
            return self._first_person(rest)
        rest = pronouns(rest)
        first = rest.split(" ", 1)[0].lower()
        if verb in ("noticed", "has noticed", "notices"):
            return self._possessive(agree(f"I {also}noticed {rest}"))
        if first in ("no", "any"):
            return self._possessive(agree(f"I {also}have {rest}"))
        if verb.startswith("describ") and " as " in rest:
            what, like = rest.split(" as ", 1)
            what = re.sub(r"^(?:the|my)\s+", "", what)
            return self._possessive(f"My {what} {also}is {like}")
        if is_gerund_start(rest) and not re.search(r"\b(?:is|are|was|were)\b", rest):
            if verb.startswith(("recall", "recount")):
                return self._possessive(f"I {also}remember {rest}")
            if m := re.match(r"being (\w+ed)\b(.*)$", rest):
                return self._possessive(agree(f"I was {also}{m.group(1)}{m.group(2)}"))
            if rest.startswith("being ") and not re.search(r"\bfor \S+|\bover the\b", rest):
                return self._possessive(agree(f"I'm {also}{rest[6:]}"))
            gerund = re.sub(r"^being\s+", "", rest)
            return self._possessive(agree(f"I've {also}been {gerund}"))
        if not is_noun_phrase(rest):
            return self._first_person(rest)
        if verb.startswith(("recall", "recount")):
            return self._possessive(agree(f"I {also}remember {rest}"))
        if verb.startswith("cite") and (m := re.match(r"(.+) as (?:a|the) possible cause$", rest)):
            return self._possessive(f"I think {m.group(1)} might have caused it")
        return self._possessive(agree(self._had(rest, also)))

    def _had(self, noun_phrase: str, also: str = "") -> str:
        """'a 2-day history of X, which ...' -> "I've had X for 2 days, and it ..."."""
        what, duration = noun_phrase, ""
        if m := _DURATION.match(noun_phrase):
            what, duration = m.group("what"), for_duration(m.group("n"), m.group("unit"))
        elif m := re.match(r"^(?:a )?(?:long )?history of (.+)$", noun_phrase, re.I):
            what, duration = m.group(1), "before"
        head, tail = split_tail(lower_first(what))
        head = with_article(head)
        body = f"{head} {duration}".strip() + tail
        verb = "been" if is_gerund_start(head) else "had"
        if self.child:
            return f"{self.words['i']} has {also}{verb} {body}"
        return f"I've {also}{verb} {body}"

    def _parent_voice(self, text: str) -> str:
        pronoun = "she" if self.child == "daughter" else "he"
        text = _PARENT.sub("", text)
        if (reported := _REPORTED.match(text)) and is_noun_phrase(reported.group("rest")):
            text = self._had(reported.group("rest"))
        elif reported:
            text = reported.group("rest")
        child = r"(?:patient|child|baby|newborn|infant)"
        text = re.sub(rf"\b(?:the )?{child}'s\b", f"my {self.child}'s", text, flags=re.I)
        text = re.sub(rf"^(?:the )?{child}\b", f"my {self.child}", text, flags=re.I)
        text = re.sub(rf"\bthe {child}\b", pronoun, text, flags=re.I)
        first = text.split(" ", 1)[0].lower()
        if first in PARTICIPLES:
            text = f"{self.words['i']} was {lower_first(text)}"
        elif first in VERBS_S:
            text = f"{self.words['i']} {lower_first(text)}"
        elif is_noun_phrase(text) and not text.lower().startswith("my "):
            text = self._had(text)
        return self._possessive(text)


def _adverb_then_verb(first: str, second: str) -> bool:
    return bool(re.fullmatch(ADVERBS, first)) and second not in ("i", "my", "the", "")


def complaint_items(complaint: str, glossary: Glossary) -> list[str]:
    """'Fatigue, flank pain, and fever' -> ['tiredness', 'pain in the side', 'fever'] (lay)."""
    text = re.split(r",\s*(?:especially|specifically|particularly)\b", complaint.strip())[0]
    text = re.sub(r"^(?:the )?presence of\s+", "", text.strip().rstrip("."), flags=re.I)
    text = spoken_numbers(glossary.plain(expand_shorthand(text)))
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+(?!\w+ing\b)", text)]
    return [lower_first(i) for i in items if i]


def _key(fragment: str) -> str:
    return fragment.strip().rstrip(".").strip()
