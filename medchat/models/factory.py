"""Backend registry: a name -> a function that builds a LangChain chat model.

Local engines are cached per (model, dtype), so every UI session and every batch dialogue in the
process shares one model and one batching queue.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable

from langchain_core.language_models import BaseChatModel

from medchat.config import Settings, get_settings
from medchat.errors import ConfigError, did_you_mean
from medchat.models.bundled import Progress, _no_progress

_engines: dict[tuple[str, str], object] = {}
_engines_lock = threading.Lock()


@atexit.register
def _close_engines() -> None:
    """Stop the worker threads before the interpreter tears torch down under them."""
    for engine in list(_engines.values()):
        engine.close()


def get_engine(
    name: str, settings: Settings, dtype: str | None = None, progress: Progress = _no_progress
):
    """The shared `BatchingEngine` for a local model, loading it on first use."""
    from medchat.models.batching import BatchingEngine
    from medchat.models.local import load_local, resolve_dtype

    key = (name, resolve_dtype(dtype or settings.dtype))
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            loaded = load_local(name, settings, key[1], progress)
            engine = BatchingEngine(loaded, settings.batch_window_ms, settings.max_batch_size)
            _engines[key] = engine
    return engine


def _load_local(settings: Settings, model: str, progress: Progress, **kw) -> BaseChatModel:
    from medchat.models.chat_local import LocalChatModel

    engine = get_engine(model, settings, kw.get("dtype"), progress)
    return LocalChatModel(
        engine=engine,
        model_name=model,
        max_new_tokens=settings.max_new_tokens,
        temperature=settings.temperature,
        timeout_s=settings.turn_timeout_s,
    )


def _load_openai(settings: Settings, model: str, progress: Progress, **kw) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    if not settings.openai_base_url:
        raise ConfigError(
            "The openai backend needs a server: set MEDCHAT_OPENAI_BASE_URL "
            "(for example http://127.0.0.1:8000/v1 for vLLM)."
        )
    return ChatOpenAI(
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key,
        model=model,
        temperature=settings.temperature,
        max_tokens=settings.max_new_tokens,
        timeout=settings.turn_timeout_s,
        max_retries=1,
    )


def _load_fake(settings: Settings, model: str, progress: Progress, **kw) -> BaseChatModel:
    from medchat.models.fake import ScriptedChatModel

    return ScriptedChatModel(script=kw.get("script") or ["Hello, what brings you in today?"])


BACKENDS: dict[str, Callable[..., BaseChatModel]] = {
    "local": _load_local,
    "openai": _load_openai,
    "fake": _load_fake,
}


def load_chat_model(
    settings: Settings | None = None,
    model: str | None = None,
    backend: str | None = None,
    progress: Progress = _no_progress,
    **kwargs,
) -> BaseChatModel:
    """Build the chat model for `backend` (default: the configured one)."""
    settings = settings or get_settings()
    backend = backend or settings.resolved_backend
    try:
        build = BACKENDS[backend]
    except KeyError:
        hint = did_you_mean(backend, BACKENDS)
        raise ConfigError(f"Unknown backend {backend!r}. {hint}") from None
    return build(settings, model or settings.model, progress, **kwargs)
