"""Pick the case facts that answer a doctor's question, so the patient says only those.

A simulated patient that sees the whole case volunteers everything or invents the rest. The
patient agent instead gets, per turn, the few facts selected here: category rules catch the
standard history questions ("any allergies?" -> allergy facts, none -> say no), MiniLM sentence
embeddings rank facts within a category and match symptom questions ("any fever?"), and open
questions ("what brings you in?") get only the facts the case marks as volunteered. A fact about
another symptom or body site than the question names is dropped (`medchat.clinical.lexicon`):
similarity alone answers "any neck pain?" with the case's ear pain. So is a fact that shares a
word or a body part with the question but answers another one, by class (`medchat.clinical.
mismatch`: "Is the phlegm green?" is not answered by "I bring up phlegm"). The rules, word lists
and encoder are shared clinical vocabulary (`medchat.clinical.questions`, `.lexicon`,
`.encoder`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

from medchat.clinical.concepts import Concept, asked_concepts, asked_facets, states
from medchat.clinical.encoder import Encoder, embed, get_encoder
from medchat.clinical.lexicon import names_other_complaint, off_topic
from medchat.clinical.mismatch import fails_to_answer
from medchat.clinical.questions import asked_part, is_open_question, question_categories
from medchat.clinical.spelling import mend
from medchat.personas.schema import Fact, FactCategory, Persona

COMPLAINT = frozenset(
    {
        FactCategory.HPC_SITE,
        FactCategory.HPC_ONSET,
        FactCategory.HPC_CHARACTER,
        FactCategory.HPC_RADIATION,
        FactCategory.HPC_TIMING,
        FactCategory.HPC_EXACERBATING_RELIEVING,
        FactCategory.HPC_SEVERITY,
    }
)
"""The categories that describe the presenting complaint itself (where, when, what like)."""
HPC = COMPLAINT | {FactCategory.HPC_ASSOCIATED}


TAKEN = re.compile(
    r"\b(managed|controlled|treated) (with|by|on)\b|\bprescribed\b|\binhalers?\b|"
    r"\bi (take|use|have) (\w+ ){0,2}(tablets|pills|medication|medicines|injections)\b|"
    r"\b(tablets|pills|medication|medicines) (for|every|each|daily|twice)\b",
    re.IGNORECASE,
)
EASED = re.compile(r"\b(helped|helps|relieved?|relieves|eased?|eases|settles?)\b", re.IGNORECASE)
"""Only what relieves: a fact that says what makes it worse is left to its own category, as
"worse" questions about another trigger ("does coffee make it worse?") are common and absent."""


def filed_as(fact: Fact) -> set[FactCategory]:
    """The categories a fact answers: its own, and for a fact filed elsewhere (imported cases
    file "high blood pressure, managed with enalapril" under past history and "painkillers
    barely helped" under associated symptoms) the medication or relieving category its words
    state, so a question about what the patient takes or what helps finds it."""
    found = {fact.category}
    if TAKEN.search(fact.text):
        found.add(FactCategory.MEDICATIONS)
    if EASED.search(fact.text):
        found.add(FactCategory.HPC_EXACERBATING_RELIEVING)
    return found


def complaint_text(persona: Persona) -> str:
    """What the presenting complaint is: the opening statement and the facts describing it."""
    return " ".join(
        [persona.opening_statement, *(f.text for f in persona.facts if f.category in COMPLAINT)]
    )


class FactSelector:
    """Select the facts of a persona that answer one doctor question.

    `min_score` is the cosine floor when no rule recognises the question (symptom questions:
    "any fever?"); a fact at least `strong` close is kept even outside the matched rules'
    categories; `margin` keeps only facts close to the best one; at most `concept_facts` facts
    come from a concept the question asks about (`medchat.clinical.concepts`), before the rest.
    """

    def __init__(
        self,
        encoder: Encoder | None = None,
        min_score: float = 0.45,
        strong: float = 0.7,
        margin: float = 0.15,
        concept_facts: int = 2,
    ):
        self._encoder = encoder
        self.min_score = min_score
        self.strong = strong
        self.margin = margin
        self.concept_facts = concept_facts
        self._cache: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}
        self._words: dict[str, frozenset[str]] = {}

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = get_encoder()
        return self._encoder

    def fact_vectors(self, persona: Persona) -> np.ndarray:
        """Embeddings of the persona's facts, computed once (variants share them)."""
        key = (persona.id, tuple(f.text for f in persona.facts))
        if key not in self._cache:
            self._cache[key] = embed(self.encoder, [f.text for f in persona.facts])
        return self._cache[key]

    def case_words(self, persona: Persona) -> frozenset[str]:
        """The words of the persona's opening statement and facts (what a typo is mended to)."""
        text = " ".join([persona.opening_statement, *(f.text for f in persona.facts)])
        if text not in self._words:  # keyed by the text: variants of a case share an id
            self._words[text] = frozenset(re.findall(r"[a-z]+", text.lower()))
        return self._words[text]

    def scores(self, persona: Persona, question: str) -> np.ndarray:
        """Cosine similarity of the question to each fact, in file order."""
        query = embed(self.encoder, [question])[0]
        return self.fact_vectors(persona) @ query

    def asked(self, persona: Persona, question: str) -> str:
        """The text `select` embeds for `question` (`_read`). A batch scorer primes its
        encoder with these texts, not the turns as written."""
        return self._read(persona, question)[1]

    def _read(self, persona: Persona, question: str) -> tuple[str, str]:
        """The turn with its spelling mended to the case's words ("Are you seeing halos round
        lihgts?": a misspelt word shares no word piece with the fact that answers it), and its
        part that asks (`asked_part`), the text compared with the facts."""
        turn = mend(question, self.case_words(persona))
        return turn, asked_part(turn)

    def select(
        self, persona: Persona, question: str, k: int = 3, exclude_ids: Collection[str] = ()
    ) -> list[Fact]:
        """The facts that answer `question`, best first; [] means the case does not cover it.

        Open questions get every volunteered fact not in `exclude_ids` (already said), in file
        order, regardless of `k`. A turn's sentences before its question that ask nothing
        ("That sounds worrying.") are left out (`asked_part`).
        """
        turn, question = self._read(persona, question)
        floors = question_categories(question)
        concepts = asked_concepts(question, turn)
        # "Have you been feeling like you can't go on?" reads as open ("been feeling"), but it
        # asks one thing: the volunteered facts do not answer it.
        if not floors and not concepts and is_open_question(question):
            return [f for f in persona.volunteered_facts if f.id not in exclude_ids]
        if floors and names_other_complaint(question, complaint_text(persona)):
            # "Has your hearing changed?" matches the timing rule, whose facts ("it's slowly
            # getting worse") are about the presenting complaint, not about hearing: such facts
            # must be as close as any other.
            floors = {c: max(f, self.min_score) if c in HPC else f for c, f in floors.items()}
        cosines = self.scores(persona, question)
        scored = [
            (float(score), index)
            for index, score in enumerate(cosines)
            if persona.facts[index].id not in exclude_ids
        ]
        stated = [[i for i, f in enumerate(persona.facts) if states(c, f.text)] for c in concepts]
        focused = [
            _facet_focus(persona, c, question, indices, exclude_ids)
            for c, indices in zip(concepts, stated, strict=True)
        ]
        by_concept = self._concept_facts(persona, focused, cosines, exclude_ids)
        if floors:
            no_rule = 2.0  # above any cosine: a category no rule matched never qualifies
            scored = [
                (score, index)
                for score, index in scored
                if score
                >= min(
                    self.strong,
                    *(floors.get(c, no_rule) for c in filed_as(persona.facts[index])),
                )
            ]
        else:
            scored = [(score, index) for score, index in scored if score >= self.min_score]
        if concepts and not any(focused):
            # Asked about suicidal thoughts, low mood or a stressor (or a narrow part: money), a
            # case stating none most likely has none: a fact merely near the words ("it's
            # worse when I bend") is not an answer.
            scored = [(score, index) for score, index in scored if score >= self.strong]
        complaint = complaint_text(persona)
        scored = [s for s in scored if not off_topic(question, persona.facts[s[1]].text, complaint)]
        if not concepts:
            # A fact sharing a word or a body part with the question but about something else
            # ("Is the phlegm green?" -> "I bring up phlegm"): see `medchat.clinical.mismatch`.
            scored = [
                s
                for s in scored
                if not fails_to_answer(question, persona.facts[s[1]], complaint, bool(floors))
            ]
        scored.sort(reverse=True)
        picked = []
        if scored:
            best = scored[0][0]
            picked = [i for score, i in scored[:k] if score >= best - self.margin]
        # A fact about what the question asks (suicidal thoughts, low mood), whatever its
        # cosine, comes first; the similarity picks fill the rest (a compound question's other
        # half: "how many did you take, and did you mean to kill yourself?").
        rest = [i for i in picked if i not in by_concept]
        return [persona.facts[i] for i in [*by_concept, *rest][:k]]

    def _concept_facts(
        self,
        persona: Persona,
        stated: Sequence[Sequence[int]],
        cosines: np.ndarray,
        exclude_ids: Collection[str],
    ) -> list[int]:
        """Of the facts stating each concept asked (`stated`, indices per concept), closest
        first, taken in turn from each concept ("How's your mood, and any thoughts of harming
        yourself?" gets one of each first); at most `concept_facts`, or one per concept if more
        are asked."""
        per_concept = [
            sorted(
                (i for i in indices if persona.facts[i].id not in exclude_ids),
                key=lambda i: -cosines[i],
            )
            for indices in stated
        ]
        # Within a concept, as among similarity picks, only facts near its best one: asked
        # about past attempts, the case's past-attempt fact, not also its current thoughts.
        per_concept = [
            [i for i in p if cosines[i] >= cosines[p[0]] - self.margin] for p in per_concept if p
        ]
        order: list[int] = []
        for rank in range(max((len(p) for p in per_concept), default=0)):
            order += [p[rank] for p in per_concept if rank < len(p) and p[rank] not in order]
        return order[: max(self.concept_facts, len(stated))]


def _facet_focus(
    persona: Persona,
    concept: Concept,
    question: str,
    indices: Sequence[int],
    exclude_ids: Collection[str],
) -> Sequence[int]:
    """Of the facts stating `concept`, those stating the part the question asks about ("have
    you decided when?": the intent fact, not the thoughts the encoder puts closer); all of them
    when it asks no part; when none states the part, none for a `narrow` concept ("any money
    worries?" is not answered by a bereavement), all for the others."""
    facets = asked_facets(concept, question)
    if not facets:
        return indices
    focused = [
        i
        for i in indices
        if persona.facts[i].id not in exclude_ids
        and any(f.stated.search(persona.facts[i].text) for f in facets)
    ]
    return focused if focused or concept.narrow else indices
