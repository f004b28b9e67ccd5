"""Evaluation fixtures: the real MiniLM encoder and scorer, built once per test session."""

from __future__ import annotations

import pytest

from medchat.types import Role, Turn


@pytest.fixture(scope="session")
def scorer():
    """The process-wide scorer (as the app and `eval scorer` use it), so caches are shared."""
    from medchat.evaluation.osce import default_scorer

    return default_scorer()


@pytest.fixture(scope="session")
def examiner(scorer):
    from medchat.agents.examiner import Examiner

    return Examiner(scorer.encoder)


def doctor(*texts: str) -> list[Turn]:
    return [Turn(seq=i, role=Role.DOCTOR, text=t, author="human") for i, t in enumerate(texts)]


def examined(examiner, persona, *requests: str) -> list[Turn]:
    """Examiner turns as `Conversation.examine` stores them."""
    turns = []
    for request in requests:
        result = examiner.respond(persona, request)
        turns.append(
            Turn(
                role=Role.EXAMINER,
                text=f"{result.name}: {result.finding}",
                author="examiner",
                meta={"request": request},
            )
        )
    return turns
