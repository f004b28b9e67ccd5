"""Service fixtures: the app's parts over the small bundled model and a real Redis server that
separate clients (and separate processes) reach by URL, as app replicas would."""

from __future__ import annotations

import uuid

import pytest
import redis


@pytest.fixture(scope="session")
def job_settings(settings, external_redis):
    """Short replies and dialogues; the external Redis, so a second process can join in."""
    return settings.model_copy(
        update={"max_new_tokens": 8, "max_turns": 4, "redis_url": external_redis}
    )


@pytest.fixture(scope="session")
def parts(job_settings, external_redis, llamacpp_model):
    """What an app process runs jobs with: the real `SessionService` over the small llama.cpp
    model."""
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.sessions import SessionService
    from medchat.store import SessionStore

    model = llamacpp_model.model_copy(update={"max_new_tokens": job_settings.max_new_tokens})
    warmup = ModelWarmup(lambda progress: model).start()
    store = SessionStore(redis.Redis.from_url(external_redis), ttl_days=1)
    return SessionService(job_settings, store, warmup, guard_factory(job_settings))


@pytest.fixture
def owner():
    return f"user-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def new_client(external_redis):
    """A fresh connection to the shared server each call: processes share nothing else."""
    return lambda: redis.Redis.from_url(external_redis)
