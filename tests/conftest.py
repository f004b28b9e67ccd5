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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
