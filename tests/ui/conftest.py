"""UI fixtures: a SessionService over the real small model, real Redis and the real safety
layer; one app server per test module; Debian's chromium for the browser tests."""

from __future__ import annotations

import pytest

from tests.conftest import free_port

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """`playwright install` cannot download here: drive the system chromium."""
    return {"executable_path": "/usr/bin/chromium", "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def ui_settings(settings):
    """Short replies and a short dialogue cap keep the browser runs quick on two cores."""
    return settings.model_copy(update={"max_new_tokens": 8, "max_turns": 6})


@pytest.fixture(scope="session")
def ui_model(llamacpp_model, ui_settings):
    """The default CPU engine (llama.cpp) on the small bundled model, as `make run` serves it."""
    return llamacpp_model.model_copy(update={"max_new_tokens": ui_settings.max_new_tokens})


@pytest.fixture(scope="session")
def ui_store(embedded_redis):
    from medchat.store import SessionStore

    return SessionStore(embedded_redis, ttl_days=1)


@pytest.fixture(scope="session")
def backend(ui_settings, ui_store, ui_model):
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.sessions import SessionService

    warmup = ModelWarmup(lambda progress: ui_model).start()
    return SessionService(ui_settings, ui_store, warmup, guard_factory(ui_settings))


def serve_app(demo, **launch):
    from medchat.ui.app import serve

    port = free_port()
    serve(
        demo,
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        **launch,
    )
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def app(ui_settings, backend):
    """The app as `main()` serves it, on a free loopback port: (Blocks, url)."""
    from medchat.ui.app import build_app

    demo = build_app(ui_settings, backend=backend)
    yield demo, serve_app(demo)
    demo.close()


@pytest.fixture(scope="module")
def app_url(app):
    return app[1]
