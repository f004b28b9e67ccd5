"""A session's surrogate map in Redis, so every replica gives a value the same surrogate.

Keys (they expire and are deleted with the session, see `sessions.SESSION_PARTS`):
    medchat:s:{id}:surrogates   hash  HMAC digest of a normalised value -> its surrogate
    medchat:s:{id}:surrogate_n  hash  entity type -> how many values of it have surrogates
    medchat:s:{id}:names        set   HMAC digests of name parts seen (to catch a bare surname)

Only digests and surrogates are stored: the digest is keyed with the deployment's secret
(`session_secret`), so a copy of Redis cannot be matched against a list of names.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

import redis

from medchat.config import Settings


class RedisMemory:
    """`safety.pii.surrogates.SurrogateMemory` over one session's Redis keys."""

    def __init__(self, client: redis.Redis, session_id: str, ttl_s: int):
        self.r, self.ttl = client, ttl_s
        prefix = f"medchat:s:{session_id}"
        self.map, self.counts, self.names_key = (
            f"{prefix}:surrogates",
            f"{prefix}:surrogate_n",
            f"{prefix}:names",
        )

    def get(self, key: str) -> str | None:
        found = self.r.hget(self.map, key)
        return found.decode() if found is not None else None

    def add(self, key: str, kind: str, make: Callable[[int], str]) -> str:
        found = self.get(key)
        if found is not None:
            return found
        surrogate = make(int(self.r.hincrby(self.counts, kind, 1)))
        if not self.r.hsetnx(self.map, key, surrogate):  # another replica was first: use theirs
            return self.get(key) or surrogate
        self._expire()
        return surrogate

    def setdefault(self, key: str, surrogate: str) -> None:
        self.r.hsetnx(self.map, key, surrogate)

    def add_name(self, digest: str) -> None:
        self.r.sadd(self.names_key, digest)
        self._expire()

    def names(self) -> frozenset[str]:
        return frozenset(d.decode() for d in self.r.smembers(self.names_key))

    def _expire(self) -> None:
        with self.r.pipeline() as pipe:
            for key in (self.map, self.counts, self.names_key):
                pipe.expire(key, self.ttl)
            pipe.execute()


def session_secret(settings: Settings) -> bytes:
    """The HMAC key: `MEDCHAT_SESSION_SECRET`, or a random key made once and kept (mode 0600)
    in home, which replicas on one machine share; replicas on several machines must set it."""
    if settings.session_secret is not None:
        return settings.session_secret.get_secret_value().encode()
    path = Path(settings.home) / "session.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", opener=lambda p, f: _private(p, f)) as out:
                out.write(secrets.token_hex(32))
        except FileExistsError:  # another process made it first
            pass
    return path.read_text().strip().encode()


def _private(path: str, flags: int) -> int:
    import os

    return os.open(path, flags, 0o600)
