"""Shared, session-scoped fixtures: the spaCy and MiniLM models load once per test run."""

from __future__ import annotations

import re

import pytest

from safety.devsets import safety_sources
from safety.pii.scrubber import Scrubber
from safety.policy.filter import SafetyFilter


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    return Scrubber(style="tags")


@pytest.fixture(scope="session")
def safety_filter() -> SafetyFilter:
    return SafetyFilter()


@pytest.fixture(scope="session")
def rules_filter() -> SafetyFilter:
    return SafetyFilter(classifier=False)


@pytest.fixture(scope="session")
def detected(scrubber):
    """(type, value) pairs found in a text with a fresh session."""

    def run(text: str) -> list[tuple[str, str]]:
        return [
            (e.type, text[e.start : e.end]) for e in scrubber.detect(text, scrubber.new_session())
        ]

    return run


@pytest.fixture(scope="session")
def scrubbed(scrubber):
    """The scrubbed text of a text, with a fresh session."""

    def run(text: str) -> str:
        return scrubber.scrub(text, scrubber.new_session()).text

    return run


_WORD = re.compile(r"[a-z0-9']+")


@pytest.fixture(scope="session")
def closest_share():
    """The highest share of words (Jaccard on word sets) any of the texts has with any row of
    a committed safety set: tests keep their sentences and exemplars away from a fresh round."""

    def words(text: str) -> set[str]:
        return set(_WORD.findall(text.lower()))

    def run(texts: list[str], name: str) -> float:
        rows = [words(r["text"]) for r in safety_sources.read(name)]
        return max(len(words(t) & h) / len(words(t) | h) for t in texts for h in rows)

    return run
