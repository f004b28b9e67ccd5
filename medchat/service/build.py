"""Assemble the application from settings: the store, the safety layer, the model warmups."""

from __future__ import annotations

from medchat.config import Settings
from medchat.lifecycle import shutdown
from medchat.models.warmup import ModelWarmup
from medchat.service.sessions import SessionService
from medchat.store.surrogates import session_secret

__all__ = ["ModelWarmup", "default_service", "model_warmup", "session_secret", "shutdown"]


def model_warmup(settings: Settings, name: str | None = None) -> ModelWarmup:
    """Prepare the model `name` (default: the configured one) on a background thread."""
    from medchat.models import load_chat_model

    cfg = settings if name is None else settings.model_copy(update={"model": name})
    return ModelWarmup(lambda progress: load_chat_model(cfg, progress=progress))


def default_service(settings: Settings, warmup: ModelWarmup) -> SessionService:
    """The configured store and safety layer; other bundled models load when first chosen."""
    from medchat.dialogue.wiring import guard_factory
    from medchat.store import SessionStore, connect

    store = SessionStore(connect(settings), settings.session_ttl_days)
    return SessionService(
        settings,
        store,
        warmup,
        guard_factory(settings),
        model_loader=lambda name: model_warmup(settings, name),
    )
