"""Backend registry: a name -> a function that builds a LangChain chat model.

Engines are cached per model (and dtype, for transformers): every UI session and every batch
dialogue in the process shares one model, one llama.cpp server or one batching queue.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from langchain_core.language_models import BaseChatModel

from medchat.config import Settings, get_settings
from medchat.errors import ConfigError, did_you_mean
from medchat.models.bundled import Progress, _no_progress

_engines: dict[tuple[str, str], object] = {}
_engines_lock = threading.Lock()


def close_engines() -> None:
    """Stop the batching threads and the llama.cpp servers this process started.

    Registered to run when the main thread ends, before any atexit handler: spaCy's BLAS (blis)
    frees itself in an atexit handler, and a batching thread still logging its last batch
    through the PII scrubber then crashed the process (see `medchat.lifecycle`).
    """
    for engine in list(_engines.values()):
        engine.close()
    _engines.clear()


threading._register_atexit(close_engines)  # the hook concurrent.futures uses for the same reason


def get_llama_server(name: str, settings: Settings, progress: Progress = _no_progress):
    """The shared, running `LlamaServer` for a GGUF model, started on first use."""
    from medchat.models.llamacpp import LlamaServer, find_server
    from medchat.models.llamacpp.server import ServerOptions

    key = ("llamacpp", name)
    with _engines_lock:
        server = _engines.get(key)
        if server is None:
            binary = find_server(settings)
            path = resolve_gguf(name, settings, progress)
            options = ServerOptions(
                slots=settings.llamacpp_slots,
                ctx_per_slot=settings.llamacpp_ctx_per_slot,
                threads=settings.threads,
                cache_ram_mib=settings.llamacpp_cache_ram_mib,
                start_timeout_s=settings.llamacpp_start_timeout_s,
            )
            progress(f"Starting llama.cpp for {name}", 0.9)
            server = LlamaServer(binary, path, options, settings.home / "logs")
            server.ensure_running()
            _engines[key] = server
    return server


def resolve_gguf(name: str, settings: Settings, progress: Progress = _no_progress):
    """A GGUF file for `name`: a bundled model (assembled and verified once) or a .gguf path."""
    from pathlib import Path

    from medchat.errors import UnknownModelError
    from medchat.models.bundled import bundled_gguf
    from medchat.models.registry import BUNDLED, get_bundled

    if name in BUNDLED:
        return bundled_gguf(get_bundled(name), settings.models_dir, progress)
    path = Path(name).expanduser()
    if path.suffix == ".gguf" and path.is_file():
        return path
    raise UnknownModelError(
        f"The llama.cpp backend runs GGUF models: {name!r} is neither a bundled model nor a "
        f".gguf file. {did_you_mean(name, BUNDLED)} For a Hugging Face model use "
        "MEDCHAT_BACKEND=local (transformers) or an OpenAI-compatible server."
    )


def _load_llamacpp(settings: Settings, model: str, progress: Progress, **kw) -> BaseChatModel:
    from medchat.models.llamacpp import LlamaCppChatModel

    return LlamaCppChatModel(
        server=get_llama_server(model, settings, progress),
        model_name=model,
        max_new_tokens=settings.max_new_tokens,
        temperature=settings.temperature,
        timeout_s=settings.turn_timeout_s,
    )


def get_engine(
    name: str, settings: Settings, dtype: str | None = None, progress: Progress = _no_progress
):
    """The shared `BatchingEngine` for a local model, loading it on first use."""
    from medchat.models.batching import BatchingEngine
    from medchat.models.local import load_local, resolve_device, resolve_dtype

    key = (name, resolve_dtype(dtype or settings.dtype, resolve_device(settings.device)))
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
    from medchat.models.openai_chat import OpenAIChatModel

    if not settings.openai_base_url:
        raise ConfigError(
            "The openai backend needs a server: set MEDCHAT_OPENAI_BASE_URL "
            "(for example http://127.0.0.1:8000/v1 for vLLM)."
        )
    return OpenAIChatModel(
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
    "llamacpp": _load_llamacpp,
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
