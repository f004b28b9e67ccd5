"""Reliability fixtures: a clean store on the embedded Redis (as tests/dialogue uses), and an
external Debian redis-server that a test may kill -9 and restart on the same port and directory."""

from __future__ import annotations

import pytest

from medchat.store import SessionStore
from tests.reliability.redis_server import RedisServer


@pytest.fixture
def store(embedded_redis):
    embedded_redis.flushdb()
    return SessionStore(embedded_redis, ttl_days=1)


@pytest.fixture
def redis_server(tmp_path):
    """Its own AOF server (fsync on every write), so killing it disturbs no other test."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()
