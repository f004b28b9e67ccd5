"""Run one self-play dialogue through the engine and turn it into a dataset record."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from medchat.batch.gates import gate
from medchat.batch.plan import Item
from medchat.dialogue import sessions
from medchat.dialogue.driver import Drive
from medchat.dialogue.events import VerdictEvent
from medchat.dialogue.sessions import Wiring
from medchat.dialogue.streaming import ModelClock, model_clock
from medchat.types import Mode, Turn

MAX_CONSECUTIVE_ERRORS = 3
MAX_STEPS = 1000
"""A backstop only: the engine's turn cap closes a dialogue long before."""
TURN_META = ("facts", "review", "request")
"""Turn meta kept in the record: the case facts selected for a patient turn (the gates read
them), how the live review repaired the turn, and what an examiner turn answered."""

__all__ = ["Cancelled", "gate", "run_dialogue"]


class Cancelled(Exception):
    """The job was cancelled mid-dialogue; the unfinished dialogue is dropped, never journaled,
    so a resumed job plays it again from the start."""


def run_dialogue(
    wiring: Wiring, item: Item, stop: Callable[[], bool] | None = None
) -> dict[str, Any]:
    """Play `item` doctor-vs-patient to its close; the record says whether it passed the gates.

    `stop` is checked between turns, so a cancelled job ends within one model turn."""
    clock = ModelClock()
    token = model_clock.set(clock)
    started = time.monotonic()
    verdicts: list[dict] = []
    try:
        conv = sessions.start(
            wiring, Mode.SELFPLAY, item.persona_id, item.variant, owner="batch", seed=item.seed
        )
        drive = Drive(conv, MAX_STEPS, stop, MAX_CONSECUTIVE_ERRORS)
        for event in drive:
            if isinstance(event, VerdictEvent):
                verdicts.append(
                    {
                        "direction": event.direction,
                        "action": event.action,
                        "category": event.category,
                    }
                )
        if drive.stopped_by == "stopped":
            raise Cancelled(item.id)
        errors = drive.errors
        turns = conv.turns()
        meta = conv.meta
    finally:
        model_clock.reset(token)
    seconds = time.monotonic() - started
    persona = wiring.personas.get(item.persona_id)
    messages = [{"role": t.role.value, "content": t.text} for t in turns]
    record = {
        "id": item.id,
        "persona_id": item.persona_id,
        "variant": item.variant,
        "messages": messages,
        "metadata": {
            "specialty": persona.specialty.value,
            "models": meta.models,
            "prompt_versions": meta.prompt_versions,
            "seed": item.seed,
            "session_id": meta.id,
            "end": meta.summary or {},
            "timings": {"seconds": round(seconds, 3), "model_seconds": round(clock.seconds, 3)},
            "token_counts": {"generated_chunks": clock.chunks},
            "safety_labels": [
                {"turn": t.seq, "role": t.role.value, **(t.safety or {})} for t in turns
            ],
            "turns": [_turn_meta(t) for t in turns],
            "verdicts": verdicts,
            "errors": errors,
        },
    }
    record["reject_reason"] = gate(record, persona)
    return record


def _turn_meta(turn: Turn) -> dict[str, Any]:
    """One entry per message, in order, so `metadata.turns[i]` describes `messages[i]`."""
    kept = {key: _lists(turn.meta[key]) for key in TURN_META if key in turn.meta}
    return {"turn": turn.seq, "role": turn.role.value, **kept}


def _lists(value: Any) -> Any:
    """Empty lists as lists: the store's round trip through Redis Lua (cjson) turns `[]` into
    `{}`, which would give a dataset column two types. No turn meta holds an empty mapping."""
    if value == {}:
        return []
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    return value
