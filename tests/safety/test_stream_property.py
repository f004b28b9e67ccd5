"""Property: however a reply is chunked, clause release never shows a piece of an identifier that
the sentence-at-a-time scrub hides, and plain clinical clauses come out at their first comma."""

from __future__ import annotations

import random
import re
from functools import lru_cache
from itertools import pairwise

import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety.devsets import pii_templates as T
from safety.devsets.build import render
from safety.devsets.pii_values import make_values
from safety.pii.clinical import load_allow_list
from safety.pii.stream import StreamScrubber, first_release

_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@lru_cache(maxsize=1)
def _fakers() -> tuple[Faker, Faker]:
    return Faker("en_GB"), Faker("en_US")


def _row(index: int, seed: int) -> dict:
    """One dev-set style utterance: text plus the spans of its identifiers."""
    rng = random.Random(seed)
    gb, us = _fakers()
    gb.seed_instance(seed)
    us.seed_instance(seed + 1)
    values = make_values(rng, gb, us)
    values.update(
        drug=rng.choice(T.DRUGS),
        cond=rng.choice(T.CONDITIONS),
        dur=rng.choice(T.DURATIONS),
        age=rng.choice(T.AGES),
        time=rng.choice(T.TIMES),
        vital=rng.choice(T.VITALS),
        dose=rng.choice(T.DOSES),
    )
    return render(T.TEMPLATES[index], values)


def _fragments(row: dict) -> set[str]:
    """What must not be seen of each identifier: every 4-digit window of its digit runs, and
    its words of 3+ letters (name parts, street and e-mail words)."""
    out: set[str] = set()
    for span in row["entities"]:
        value = row["text"][span["start"] : span["end"]]
        for run in re.findall(r"\d{4,}", value):
            out.update(run[i : i + 4] for i in range(len(run) - 3))
        out.update(w for w in re.findall(r"[A-Za-z]{3,}", value))
    return out


def _seen(fragment: str, text: str) -> bool:
    if fragment.isdigit():
        return fragment in text
    return re.search(rf"(?<![A-Za-z]){re.escape(fragment)}(?![A-Za-z])", text) is not None


def _sentence_scrub(scrubber, text: str) -> str:
    reference = StreamScrubber(scrubber, scrubber.new_session(), clauses=False)
    return reference.feed(text) + reference.flush()


def _streamed(scrubber, text: str, cuts: list[int]) -> str:
    bounds = [0, *sorted(set(cuts)), len(text)]
    stream = StreamScrubber(scrubber, scrubber.new_session())
    return "".join(stream.feed(text[a:b]) for a, b in pairwise(bounds)) + stream.flush()


def _assert_no_extra_leak(row: dict, reference: str, streamed: str) -> None:
    for fragment in _fragments(row):
        if not _seen(fragment, reference):
            assert not _seen(fragment, streamed), (fragment, row["text"], streamed)


@pytest.mark.parametrize("index", range(len(T.TEMPLATES)))
def test_when_fed_one_character_at_a_time_then_output_equals_the_sentence_scrub(scrubber, index):
    row = _row(index, seed=index)
    reference = _sentence_scrub(scrubber, row["text"])
    streamed = _streamed(scrubber, row["text"], list(range(1, len(row["text"]))))
    _assert_no_extra_leak(row, reference, streamed)
    assert streamed == reference


@_SETTINGS
@given(
    index=st.integers(0, len(T.TEMPLATES) - 1),
    seed=st.integers(0, 10**6),
    cuts=st.lists(st.floats(0, 1), max_size=15),
)
def test_when_chunked_at_random_then_no_identifier_fragment_is_shown(scrubber, index, seed, cuts):
    row = _row(index, seed)
    text = row["text"]
    reference = _sentence_scrub(scrubber, text)
    streamed = _streamed(scrubber, text, [int(c * len(text)) for c in cuts])
    _assert_no_extra_leak(row, reference, streamed)


# Brand names the scrubber does not know ("Fostair") hold their clause like any unknown capital.
KNOWN_DRUGS = tuple(d for d in T.DRUGS if d.lower() in load_allow_list())
CLINICAL_OPENINGS = (
    "The pain started {dur} ago",
    "It's been going on for {dur}",
    "I've been taking {dose} of {drug}",
    "My temperature was {vital} this morning",
    "that sounds really uncomfortable",
    "the cough got worse {dur} ago",
)
CLINICAL_CLAUSES = (
    "it's worse on stairs",
    "and I feel sick",
    "but the {drug} helps a little",
    "especially at night",
    "and I've lost my appetite",
    "which worries me",
)


@_SETTINGS
@given(
    opening=st.sampled_from(CLINICAL_OPENINGS),
    rest=st.lists(st.sampled_from(CLINICAL_CLAUSES), min_size=1, max_size=3),
    dur=st.sampled_from(T.DURATIONS),
    dose=st.sampled_from(T.DOSES),
    drug=st.sampled_from(KNOWN_DRUGS),
    vital=st.sampled_from(T.VITALS),
)
def test_when_sentence_is_identifier_free_then_first_release_is_at_the_first_comma(
    scrubber, opening, rest, dur, dose, drug, vital
):
    slots = {"dur": dur, "dose": dose, "drug": drug, "vital": vital}
    first = opening.format(**slots)
    first = first[0].upper() + first[1:]
    text = ", ".join([first, *(c.format(**slots) for c in rest)]) + "."
    assert first_release(text, StreamScrubber(scrubber, scrubber.new_session())) == len(first) + 2
