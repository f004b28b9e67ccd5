"""Which symptoms and body sites a text names, and whether a fact is about another one.

MiniLM similarity alone matches "Any neck pain?" to "I haven't had any ear pain" and "Any pain in
your shoulder?" to the case's elbow pain (cosine ~0.55: same words, same shape). A patient given
such a fact for a symptom its case lacks says yes to it. Two word lists fix the anchor: the
symptom terms (`symptoms.txt`, also what the invented-symptom check reads) and the body sites
(`body_sites.txt`, with the wider sites each belongs to). A fact is off topic for a question when
both name symptoms (or both name sites) and no pair is compatible; a fact that names none is left
to the similarity, so paraphrases the lists do not know keep their recall.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PLURAL = r"(?:e?s)?"
"""Terms match their plural too ("fevers", "headaches")."""


def _lines(name: str) -> list[tuple[list[str], set[str]]]:
    """(variants, wider sites) per line of a word list; the first variant names the line."""
    text = resources.files("medchat.clinical").joinpath(name).read_text()
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            body, _, wider = line.partition(">")
            variants = [v.strip() for v in body.split("|") if v.strip()]
            out.append((variants, {w.strip() for w in wider.split(",") if w.strip()}))
    return out


def _pattern(variants: list[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(v) for v in variants)
    return re.compile(rf"(?<!\w)(?:{body}){_PLURAL}(?!\w)", re.IGNORECASE)


Terms = tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=2)
def _vocabulary(name: str) -> tuple[Terms, dict[str, frozenset[str]]]:
    """A word list's (name, pattern) per line, and the names each line points to after ">"."""
    lines = _lines(name)
    linked: dict[str, frozenset[str]] = {}
    for variants, targets in lines:
        linked[variants[0]] = linked.get(variants[0], frozenset()) | frozenset(targets)
    return tuple((v[0], _pattern(v)) for v, _ in lines), linked


def symptom_terms() -> Terms:
    return _vocabulary("symptoms.txt")[0]


def _sites() -> tuple[Terms, dict[str, frozenset[str]]]:
    return _vocabulary("body_sites.txt")


@lru_cache(maxsize=4096)
def _named(text: str, terms: Terms) -> frozenset[str]:
    """Terms named in `text`, a term inside a longer one's match left out ("chest pain" names
    chest pain, not pain as well). Cached: fact selection asks it of the same question once per
    candidate fact, and of the same case facts every turn."""
    spans = [(m.start(), m.end(), name) for name, p in terms for m in p.finditer(text)]
    return frozenset(
        name
        for start, end, name in spans
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
    )


def named_symptoms(text: str) -> frozenset[str]:
    return _named(text, symptom_terms())


def named_sites(text: str) -> frozenset[str]:
    return _named(text, _sites()[0])


def symptoms_compatible(a: str, b: str) -> bool:
    """Same term, terms the list links ("nausea > vomiting"), or one is the general word in the
    other ("pain" and "chest pain", "bleeding" and "vaginal bleeding"); every ache is a pain
    ("pain" and "headache")."""
    related = _vocabulary("symptoms.txt")[1]
    if a == b or a in related.get(b, ()) or b in related.get(a, ()):
        return True
    for general, specific in ((a, b), (b, a)):
        if " " not in general and general in specific.split():
            return True
        if general == "pain" and ("pain" in specific or "ache" in specific):
            return True
    return False


def sites_compatible(a: str, b: str) -> bool:
    wider = _sites()[1]
    return (
        a == b
        or a in wider.get(b, ())
        or b in wider.get(a, ())
        or "*" in wider.get(a, ())
        or "*" in wider.get(b, ())
    )


_JOINED = re.compile(r"\b(or|and)\b|,", re.IGNORECASE)
"""A question asking about two things ("a stiff neck, or does the light bother her?") may be
answered by a fact about either; the site check stands aside for it."""


def names_other_complaint(question: str, complaint: str) -> bool:
    """Whether `question` names a symptom, or (asked alone) a body site, that `complaint` (the
    text of the presenting complaint) names nothing compatible with: "Has your hearing got
    worse?" in a case of a changing mole asks about hearing, not about the mole getting worse.
    A symptom counts as another when the complaint names none (a mole is no symptom); a site
    only when the complaint names one, as in `off_topic`."""
    asked, known = named_symptoms(question), named_symptoms(complaint)
    if asked and not any(symptoms_compatible(a, b) for a in asked for b in known):
        return True
    if _JOINED.search(question):
        return False
    asked, known = named_sites(question), named_sites(complaint)
    return bool(asked and known and not any(sites_compatible(a, b) for a in asked for b in known))


def off_topic(question: str, fact: str, complaint: str = "") -> bool:
    """Whether `fact` is about another symptom or another body site than `question` asks about.

    A question asked alone that names the complaint and a new symptom asks about the new one
    ("Do you feel sick with the headaches?"): a fact naming only the complaint ("I've had
    headaches for 3 years") is off topic for it. False whenever either text names none: the
    lists are for ruling out, not for matching.
    """
    asked, said = named_symptoms(question), named_symptoms(fact)
    if asked and said and not any(symptoms_compatible(a, b) for a in asked for b in said):
        return True
    known = named_symptoms(complaint)
    new = {a for a in asked if not any(symptoms_compatible(a, k) for k in known)}
    if (
        said
        and known
        and new
        and new != asked
        and not _JOINED.search(question)
        and not any(symptoms_compatible(a, b) for a in new for b in said)
    ):
        return True
    if _JOINED.search(question):
        return False
    asked, said = named_sites(question), named_sites(fact)
    return bool(asked and said and not any(sites_compatible(a, b) for a in asked for b in said))
