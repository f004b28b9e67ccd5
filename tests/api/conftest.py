"""Patient API fixtures: the real API server (uvicorn on a loopback port) over a real
`SessionService`, the small bundled model, a real Redis server and the real safety layer; the
tests talk to it with the official `openai` client."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.conftest import free_port


@dataclass
class Api:
    url: str
    """The base URL a client is given (…/v1)."""
    keys: object
    store: object
    key: str
    """A key with the default rate limit."""
    desk: object
    """The desk behind the server, for in-process comparisons."""

    def client(self, key: str | None = None, **kw):
        import openai

        return openai.OpenAI(base_url=self.url, api_key=key or self.key, max_retries=0, **kw)


@pytest.fixture(scope="session")
def api_settings(settings):
    """Short replies keep a turn to a few seconds on two cores."""
    return settings.model_copy(update={"max_new_tokens": 16, "api_rate_per_min": 1000})


def run_api(settings, model, redis_client) -> Iterator[Api]:
    """The API over `model`, served by uvicorn on a thread until the caller is done."""
    import uvicorn

    from medchat.api.build import api_app, desk_and_keys
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.sessions import SessionService
    from medchat.store import SessionStore

    store = SessionStore(redis_client, ttl_days=1)
    warmup = ModelWarmup(lambda progress: model).start()
    service = SessionService(settings, store, warmup, guard_factory(settings))
    desk, keys = desk_and_keys(settings, service)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(api_app(settings, service), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the API server did not start"
        time.sleep(0.05)
    import uuid

    key = keys.create(f"tests-{uuid.uuid4().hex[:8]}")
    try:
        yield Api(f"http://127.0.0.1:{port}/v1", keys, store, key, desk)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def api(api_settings, small_chat_model, embedded_redis):
    """The API over the real 135M model (transformers, float32: deterministic greedy turns)."""
    model = small_chat_model.model_copy(update={"max_new_tokens": api_settings.max_new_tokens})
    yield from run_api(api_settings, model, embedded_redis)
