"""What a generation job will produce: one item per dialogue, each with a deterministic id.

The id hashes everything that determines the dialogue (persona, variant, seed, models, prompt
versions, turn cap), so re-running the same command finds the same ids and skips finished ones,
and changing any input makes new ids instead of silently mixing old and new dialogues.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from medchat.agents.doctor import PROMPT_VERSION as DOCTOR_PROMPT
from medchat.agents.patient import PROMPT_VERSION as PATIENT_PROMPT
from medchat.personas.schema import Persona


@dataclass(frozen=True)
class Item:
    """One dialogue to generate."""

    id: str
    persona_id: str
    variant: int
    seed: int


def dialogue_id(persona_id: str, variant: int, seed: int, models: dict, max_turns: int) -> str:
    key = {
        "persona": persona_id,
        "variant": variant,
        "seed": seed,
        "models": models,
        "prompts": {"doctor": DOCTOR_PROMPT, "patient": PATIENT_PROMPT},
        "max_turns": max_turns,
    }
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()
    return f"{persona_id}-v{variant}-{digest[:12]}"


def plan(
    personas: list[Persona],
    variants: int,
    n: int | None,
    seed: int,
    models: dict[str, str],
    max_turns: int,
) -> list[Item]:
    """Round-robin over personas x variants until `n` items (default: one each)."""
    combos = [(p.id, v) for v in range(variants) for p in personas]
    total = n if n is not None else len(combos)
    items = []
    for index in range(total):
        persona_id, variant = combos[index % len(combos)]
        item_seed = seed + index
        items.append(
            Item(
                dialogue_id(persona_id, variant, item_seed, models, max_turns),
                persona_id,
                variant,
                item_seed,
            )
        )
    return items
