"""The default parts of a conversation: configured model, Redis store, safety guard."""

from __future__ import annotations

from medchat.config import Settings
from medchat.dialogue.safety_guard import SafetyGuard, guard_chat_model, shared_layer
from medchat.dialogue.sessions import Wiring
from medchat.models import load_chat_model
from medchat.store import SessionStore, connect
from medchat.store.surrogates import session_secret
from medchat.types import SessionMeta


def guard_factory(settings: Settings):
    """A function making each session its own guard over the shared safety layer."""

    guard_model = (
        guard_chat_model(settings, settings.safety_guard_model)
        if settings.safety_guard_model
        else None
    )

    secret = session_secret(settings)

    def make(meta: SessionMeta, store: SessionStore | None = None) -> SafetyGuard:
        """The session's guard; with `store`, its surrogate map lives in the session store."""
        layer = shared_layer(
            settings.scrub_style,
            settings.safety_policy,
            settings.safety_region,
            guard_model,
            settings.safety_guard_model,
        )
        memory = store.surrogates(meta.id) if store is not None else None
        return SafetyGuard(layer, memory, secret)

    return make


def default_wiring(settings: Settings) -> Wiring:
    """One model serves both roles (its batching layer interleaves them)."""
    store = SessionStore(connect(settings), settings.session_ttl_days)
    model = load_chat_model(settings)
    return Wiring.one_model(settings, store, guard_factory(settings), model)
