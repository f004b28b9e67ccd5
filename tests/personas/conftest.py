"""Persona test fixtures: a minimal valid case to break on purpose, and the shared encoder."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

MINIMAL = {
    "id": "tiny-case",
    "title": "Cough in a 40-year-old",
    "specialty": "respiratory",
    "difficulty": "easy",
    "setting": "primary_care",
    "demographics": {"name": "Ann Example", "age": 40, "age_range": [35, 45], "sex": "female"},
    "opening_statement": "I've had a cough.",
    "facts": [
        {
            "id": "onset",
            "category": "hpc_onset",
            "text": "It started a week ago.",
            "volunteered": True,
        },
        {"id": "sputum", "category": "hpc_character", "text": "I cough up green phlegm."},
        {"id": "smoke", "category": "social", "text": "I smoke ten a day."},
    ],
    "diagnosis": {"name": "Acute bronchitis", "synonyms": ["bronchitis"]},
    "checklist": [
        {"id": "onset", "category": "history", "text": "Asks onset", "fact_ids": ["onset"]},
        {"id": "dx", "category": "diagnosis", "text": "Names it", "weight": 3, "critical": True},
    ],
    "source": "medchat",
    "license": "MIT",
}


@pytest.fixture
def minimal() -> dict:
    """A fresh deep copy of a minimal valid persona dict."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture(scope="session")
def encoder():
    """The real offline MiniLM model, loaded once for the whole run."""
    from medchat.clinical.encoder import get_encoder

    return get_encoder()


@pytest.fixture(scope="session")
def registry():
    from medchat.personas.loader import default_registry

    return default_registry()
