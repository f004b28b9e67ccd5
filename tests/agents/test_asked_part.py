"""A doctor's acknowledgement before its question ("That sounds very concerning.") does not choose
the patient's facts: only the part of the turn that asks does. Turns here are written for this
test; the selector check runs the real selector on probes from every bundled source."""

from __future__ import annotations

import pytest

from medchat.clinical.questions import asked_part
from medchat.evaluation import selection


@pytest.mark.parametrize(
    ("turn", "asked"),
    [
        # acknowledgements before the question are dropped
        ("That sounds very concerning. Can you tell me more?", "Can you tell me more?"),
        ("Oh I see, thank you. When did it start?", "When did it start?"),
        ("I'm so sorry. That must be frightening. Any fever?", "Any fever?"),
        ("Okay. thanks for that. any trouble sleeping", "any trouble sleeping"),
        # a sentence that asks, or says what the question is about, stays
        ("Tell me about the pain. Is it sharp?", "Tell me about the pain. Is it sharp?"),
        ("You mentioned a cough. Is it productive?", "You mentioned a cough. Is it productive?"),
        (
            "I'd like to ask about your family. Any heart problems?",
            "I'd like to ask about your family. Any heart problems?",
        ),
        # what follows the question stays; a single sentence is the whole ask
        ("Any chest pain? Even a little.", "Any chest pain? Even a little."),
        ("Describe the pain for me.", "Describe the pain for me."),
        ("", ""),
    ],
)
def test_when_a_turn_is_read_then_only_its_asking_part_is_kept(turn, asked):
    assert asked_part(turn) == asked


@pytest.fixture(scope="module")
def plain_selection() -> tuple[list[selection.Probe], list[list[str]]]:
    """Forty probes of every source and the facts the real selector picks for them as asked.

    The plain selection does not depend on the preamble, so the three cases below share one
    run of it instead of each repeating it; `selection.run` does not change the probes, and
    what it keeps between runs is only its vector cache (the facts and the asked parts, which
    the cases below share: embedding them is most of a run's time)."""
    probes = selection.load_probes()
    subset = [
        p
        for source in sorted({p.source for p in probes})
        for p in [q for q in probes if q.source == source][:40]
    ]
    return subset, [r.selected for r in selection.run(subset)]


@pytest.mark.parametrize(
    "preamble",
    ["That sounds very concerning.", "I'm sorry to hear that.", "That must be worrying for you."],
)
def test_when_an_acknowledgement_precedes_each_probe_then_the_selection_is_unchanged(
    preamble, plain_selection
):
    subset, plain = plain_selection
    said = [r.selected for r in selection.run(selection.with_preamble(subset, preamble))]
    assert said == plain
