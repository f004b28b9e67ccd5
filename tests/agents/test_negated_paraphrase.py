"""A case fact said only inside a no is denied, not said (`said_only_in_a_no`).

The replies are the default model's own (`eval fidelity`, 2026-12-07): similarity put each
denial as close to its fact as a yes, so the review and the fidelity figures counted them as
said and the denial check excused them."""

from __future__ import annotations

import pytest

from medchat.clinical.conveyance import conveyed
from medchat.clinical.encoder import embed, get_encoder
from medchat.clinical.negated_paraphrase import said_only_in_a_no
from medchat.personas.loader import get_persona


def _said_and_only_in_a_no(
    persona_id: str, fact_ids: list[str], reply: str
) -> tuple[set[str], set[str]]:
    """The facts the similarity check counts as said, and those of them said only in a no."""
    persona = get_persona(persona_id)
    facts = {f.id: f.text for f in persona.facts if f.id in fact_ids}
    vecs = embed(get_encoder(), list(facts.values()))
    hits = conveyed(reply, list(facts.values()), vecs)
    said = {fid for fid, hit in zip(facts, hits, strict=True) if hit}
    return said, said_only_in_a_no(reply, facts, said, vecs)


def _fact_id(persona_id: str, words: str) -> str:
    return next(f.id for f in get_persona(persona_id).facts if words in f.text)


@pytest.mark.parametrize(
    ("persona_id", "words", "reply"),
    [
        ("agentclinic-000", "weakness in my arms", "No, I haven't had weakness in my arms."),
        ("agentclinic-094", "DVT", "No, I haven't had a clot in my leg."),
        ("changing-mole-52f", "bled", "No, it has never bled on me."),
        ("breathless-34f", "coughed up", "No, I haven't coughed up any blood or anything."),
        ("avey-032", "frothy", "No, I haven't noticed frothy urine."),
    ],
)
def test_when_a_reply_says_a_fact_only_inside_a_no_then_it_is_not_said(persona_id, words, reply):
    fact = _fact_id(persona_id, words)
    assert _said_and_only_in_a_no(persona_id, [fact], reply) == ({fact}, {fact})


@pytest.mark.parametrize(
    ("persona_id", "words", "reply"),
    [
        # the no denies pain, which the case never states; the swelling is not what it denies
        ("agentclinic-003", "neck swelling for", "No, the swelling in my neck is not painful."),
        # the fact is said again outside the no: a contradiction, counted elsewhere
        (
            "agentclinic-094",
            "DVT",
            "No, not recently. I had a blood clot, a DVT, in my right leg 5 years ago.",
        ),
        # unsure is not a no
        ("overdose-19f", "try again", "I don't know if I'd try to do it again."),
        # said plainly
        ("changing-mole-52f", "bled", "It bled a bit once when my bra strap rubbed it."),
    ],
)
def test_when_a_no_denies_something_else_or_the_fact_is_said_then_it_stays_said(
    persona_id, words, reply
):
    fact = _fact_id(persona_id, words)
    assert _said_and_only_in_a_no(persona_id, [fact], reply) == ({fact}, set())


def test_when_a_fact_is_worded_with_a_negation_then_its_echo_is_said():
    """ "I wrote a message to my mum but I didn't send it" said back with its negation agrees
    with the case."""
    reply = "I wrote a message to my mum on my phone, but I didn't send it."
    assert _said_and_only_in_a_no("overdose-19f", ["note"], reply) == ({"note"}, set())
