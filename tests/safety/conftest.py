"""Shared, session-scoped fixtures: the spaCy and MiniLM models load once per test run."""

from __future__ import annotations

import pytest

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
