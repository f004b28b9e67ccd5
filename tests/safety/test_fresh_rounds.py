"""The fresh rounds' shared checks, one table over rounds 11 to 15 (issue #13): each file
follows the row scheme, mixes every kind, and is held out for its own round only (the round
after makes it dev); no trainer reads it. Each round's own rule tests stay in
`test_round<n>.py`. Nothing is mocked: the committed files and source lists are read."""

from __future__ import annotations

import pytest

from safety.devsets import safety_sources, train_escalation

LABELS = {
    "escalate": {"emergency", "self_harm"},
    "block": {
        "harm_to_others",
        "clinical_ethics",
        "falsified_documents",
        "illicit_drugs",
        "fabricated_illness",
        "medicine_misuse",
        "self_surgery",
    },
    "allow": {"none"},
}
FIELDS = {"text", "mode", "label", "category", "source", "half"}
CURRENT = 15  # the round whose fresh set is held out now
ROUNDS = (11, 12, 13, 14, 15)
# Whether round n-1 (dev since round n) is among the escalation head's training sources: the
# head was last retrained in round 11, with round 10.
HEAD_READS_PREVIOUS = {11: True, 12: False, 13: False, 14: False, 15: False}
# Files that were dev from the start, besides the fresh rounds: (name, source, half, grouped).
EXEMPLAR_FILES = [
    ("safety_escalation11", "escalation_exemplars11", "dev", True),
    ("safety_block11", "block_exemplars11", "dev", True),
]


def _texts(name: str) -> set[str]:
    return {r["text"] for r in safety_sources.read(name)}


@pytest.mark.parametrize(
    ("name", "source", "half", "grouped"),
    [(f"safety_fresh{n}", f"fresh_round{n}", "heldout", False) for n in ROUNDS] + EXEMPLAR_FILES,
)
def test_when_round_file_read_then_rows_follow_the_scheme(name, source, half, grouped):
    rows = safety_sources.read(name)
    assert len(rows) >= 70
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts)
    for r in rows:
        assert set(r) == FIELDS | ({"group"} if grouped else set())
        assert r["category"] in LABELS[r["label"]]
        assert r["mode"] in {"consult", "practice"}
        assert (r["source"], r["half"]) == (source, half)
        assert len(r["text"]) > 15


@pytest.mark.parametrize("n", ROUNDS)
def test_when_fresh_round_counted_then_it_mixes_every_kind(n):
    rows = safety_sources.read(f"safety_fresh{n}")
    labels = [r["label"] for r in rows]
    assert labels.count("escalate") >= 30 and labels.count("block") >= 20
    assert labels.count("allow") >= 20
    assert {r["category"] for r in rows if r["label"] == "escalate"} == {"emergency", "self_harm"}
    assert any(r["mode"] == "practice" for r in rows)


@pytest.mark.parametrize("n", ROUNDS)
def test_when_sources_listed_then_round_is_held_out_only_in_its_own_round(n):
    """Round n is held out while it is the current round; the round after makes it dev. The
    round before it is dev either way."""
    by_source = safety_sources.sources()
    held = {r["text"] for r in safety_sources.held_out(by_source)}
    assert f"fresh round {n - 1}, dev" in by_source
    assert f"fresh round {n - 1}, held out" not in by_source
    assert not held & _texts(f"safety_fresh{n - 1}")
    if n == CURRENT:
        assert f"fresh round {n}, held out" in by_source
        assert _texts(f"safety_fresh{n}") <= held
    else:
        assert f"fresh round {n}, dev" in by_source
        assert not held & _texts(f"safety_fresh{n}")


def test_when_sources_listed_then_exemplars_are_not_held_out():
    held = {r["text"] for r in safety_sources.held_out(safety_sources.sources())}
    for name, *_ in EXEMPLAR_FILES:
        assert not held & _texts(name)


@pytest.mark.parametrize("n", ROUNDS)
def test_when_trainers_read_their_rows_then_fresh_round_is_out(n):
    """Neither the classifier's nor the head's rows hold a fresh round; the head reads the
    round before only if it was retrained in round n."""
    train = {r["text"] for r in safety_sources.training_rows()}
    assert not train & _texts(f"safety_fresh{n}")
    assert not any("held out" in name for name in train_escalation.DEV_SOURCES)
    previous = f"fresh round {n - 1}, dev" in train_escalation.DEV_SOURCES
    assert previous is HEAD_READS_PREVIOUS[n]
