"""Deterministic persona variants: same clinical case, different person.

Batch generation needs many patients per case without drifting from the case, so a variant changes
only who is speaking (name, age within the case's range, style axes) and never the facts, findings,
results or diagnosis. The same (case, seed) always gives the same variant; seed 0 is the case as
written.
"""

from __future__ import annotations

import hashlib
import random

from faker import Faker

from medchat.personas.schema import (
    Confusion,
    EmotionalState,
    LanguageProficiency,
    Level,
    Persona,
    Personality,
    Recall,
    Style,
)

# Weighted so most variants stay interviewable; rarer settings still appear across a batch.
_AXES = {
    "personality": (list(Personality), [4, 3, 2, 2, 1, 1]),
    "health_literacy": (list(Level), [2, 3, 2]),
    "language_proficiency": (list(LanguageProficiency), [6, 2, 1]),
    "recall": (list(Recall), [4, 3, 1]),
    "confusion": (list(Confusion), [8, 2, 1]),
}


def _rng_seed(persona_id: str, seed: int) -> int:
    """A stable integer from (case, seed); Python's hash() is salted per process, so not that."""
    digest = hashlib.sha256(f"{persona_id}:{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def variant_name(sex: str, seed: int, locale: str = "en_GB") -> str:
    """A fictional full name consistent with `sex`, the same for the same seed."""
    fake = Faker(locale)
    fake.seed_instance(seed)
    # first + last only: Faker's full names carry titles ("Dr", "MBE") a patient should not have
    first = fake.first_name_female() if sex == "female" else fake.first_name_male()
    return f"{first} {fake.last_name()}"


def make_variant(persona: Persona, seed: int) -> Persona:
    """Return variant `seed` of `persona`: new name, age and style; clinical content unchanged."""
    if seed < 0:
        raise ValueError("variant seed must be >= 0")
    if seed == 0:
        return persona
    rng = random.Random(_rng_seed(persona.id, seed))
    demo = persona.demographics
    age = demo.age
    if demo.age_range is not None and demo.age_text is None:
        age = rng.randint(*demo.age_range)
    name = variant_name(demo.sex, rng.getrandbits(32))
    axes = {key: rng.choices(values, weights)[0] for key, (values, weights) in _AXES.items()}
    # Keep the case's emotional state unless it is neutral: a suicidal patient stays low.
    emotion = persona.style.emotional_state
    if emotion == EmotionalState.CALM:
        emotion = rng.choice([EmotionalState.CALM, EmotionalState.WORRIED])
    style = Style(emotional_state=emotion, **axes)
    demographics = demo.model_copy(update={"name": name, "age": age})
    update = {"demographics": demographics, "style": style, "variant": seed}
    return persona.model_copy(update=update)
