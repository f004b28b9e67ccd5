"""How long a reader waits for the first text: characters received before anything is shown,
sentence release against clause release, over hand-written doctor turns and patient utterances.

Run with `-s` to see the means; the test asserts only that clause release is never later.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from safety.pii.stream import StreamScrubber, first_release, mean_first_release


def _doctor_turns() -> list[str]:
    gold = resources.files("medchat.evaluation") / "gold"
    turns = []
    for name in ("scorer_dev.jsonl", "scorer_test.jsonl"):
        for line in gold.joinpath(name).read_text("utf-8").splitlines():
            turns += [t["text"] for t in json.loads(line)["turns"] if t["role"] == "doctor"]
    return turns


def _patient_utterances() -> list[str]:
    dev = resources.files("safety.devsets").joinpath("pii_dev.jsonl").read_text("utf-8")
    return [json.loads(line)["text"] for line in dev.splitlines()]


@pytest.mark.parametrize(
    ("sample", "replies"),
    [
        ("doctor turns (gold transcripts)", _doctor_turns()),
        ("patient utterances with identifiers (PII dev set)", _patient_utterances()),
    ],
)
def test_when_released_by_clause_then_the_first_text_never_comes_later(scrubber, sample, replies):
    def stream(clauses: bool) -> StreamScrubber:
        return StreamScrubber(scrubber, scrubber.new_session(), clauses=clauses)

    for reply in replies:
        assert first_release(reply, stream(True)) <= first_release(reply, stream(False)), reply
    by_sentence = mean_first_release(replies, lambda: stream(False))
    by_clause = mean_first_release(replies, lambda: stream(True))
    print(
        f"\n{sample}: n={len(replies)}, mean characters before the first text: "
        f"sentence {by_sentence:.1f}, clause {by_clause:.1f}"
    )
    assert by_clause < by_sentence
