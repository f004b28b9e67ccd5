"""Conversation fixtures: real Redis, the real safety layer, the real small model or a script."""

from __future__ import annotations

import pytest

from medchat.dialogue.sessions import Wiring
from medchat.dialogue.wiring import guard_factory
from medchat.models.fake import ScriptedChatModel
from medchat.store import SessionStore


@pytest.fixture
def store(embedded_redis):
    embedded_redis.flushdb()
    return SessionStore(embedded_redis, ttl_days=1)


@pytest.fixture
def real_wiring(settings, store, small_chat_model):
    return Wiring(settings, store, guard_factory(settings), lambda role: small_chat_model)


def scripted_wiring(settings, store, doctor=(), patient=(), timeout_s=None) -> Wiring:
    """Scripted models for asserting exact dialogue logic and injecting failures."""
    models = {
        "doctor": ScriptedChatModel(script=list(doctor) or ["What brings you in?"]),
        "patient": ScriptedChatModel(script=list(patient) or ["I have a pain."]),
    }
    cfg = (
        settings if timeout_s is None else settings.model_copy(update={"turn_timeout_s": timeout_s})
    )
    return Wiring(cfg, store, guard_factory(settings), lambda role: models[role.value])
