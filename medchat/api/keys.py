"""API keys and per-key rate limits, kept in Redis so every replica sees the same ones.

A key is 32 random bytes shown once at creation; Redis keeps only its SHA-256 (a random
256-bit secret needs no slow hash: nothing about it can be guessed), under
    medchat:apikey:{sha256}   hash   name, owner, rate (requests per minute), created
    medchat:apikeys           hash   name -> sha256 (for `list` and `revoke`)
    medchat:rl:{name}:{minute}  counter of requests in that minute, expires after two
The key's owner owns every session it opens, so one key never sees another owner's sessions.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

import redis

from medchat.errors import MedChatError

PREFIX = "mc-"
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")  # names and owners are parts of Redis keys
_INDEX = "medchat:apikeys"


@dataclass(frozen=True)
class ApiKey:
    name: str
    owner: str
    rate_per_min: int | None
    """None: the deployment's MEDCHAT_API_RATE_PER_MIN."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiKeys:
    """Create, check, list and revoke keys; count each key's requests per minute."""

    def __init__(self, client: redis.Redis):
        self.r = client

    def create(self, name: str, owner: str | None = None, rate_per_min: int | None = None) -> str:
        """A new key for `name` (its sessions belong to `owner`, default `api-{name}`); returns
        the token, which is not stored and cannot be shown again."""
        owner = owner or f"api-{name}"
        for label, value in (("name", name), ("owner", owner)):
            if not _NAME.match(value):
                raise MedChatError(f"The key's {label} {value!r} may use letters, digits, _ . @ -.")
        if rate_per_min is not None and rate_per_min < 1:
            raise MedChatError("The rate limit must be at least 1 request per minute.")
        if self.r.hexists(_INDEX, name):
            raise MedChatError(f"A key named {name!r} exists; revoke it first or pick a new name.")
        token = PREFIX + secrets.token_urlsafe(32)
        fields = {"name": name, "owner": owner, "created": str(time.time())}
        if rate_per_min is not None:
            fields["rate"] = str(rate_per_min)
        with self.r.pipeline() as pipe:
            pipe.hset(f"medchat:apikey:{digest(token)}", mapping=fields)
            pipe.hset(_INDEX, name, digest(token))
            pipe.execute()
        return token

    def check(self, token: str) -> ApiKey | None:
        """The key a bearer token names, or None."""
        if not token.startswith(PREFIX):
            return None
        key = self._load(digest(token))
        if key is None:
            return None
        # The index must still point at this digest: a revoked key is gone from both.
        if not hmac.compare_digest(self.r.hget(_INDEX, key.name) or b"", digest(token).encode()):
            return None
        return key

    def names(self) -> dict[str, ApiKey]:
        out = {}
        for name, dig in self.r.hgetall(_INDEX).items():
            key = self._load(dig.decode())
            if key is not None:
                out[name.decode()] = key
        return dict(sorted(out.items()))

    def _load(self, dig: str) -> ApiKey | None:
        """The key stored under digest `dig`, or None."""
        found = self.r.hgetall(f"medchat:apikey:{dig}")
        if not found:
            return None
        data = {k.decode(): v.decode() for k, v in found.items()}
        rate = int(data["rate"]) if "rate" in data else None
        return ApiKey(data["name"], data["owner"], rate)

    def revoke(self, name: str) -> None:
        dig = self.r.hget(_INDEX, name)
        if dig is None:
            raise MedChatError(f"No API key named {name!r}.")
        with self.r.pipeline() as pipe:
            pipe.delete(f"medchat:apikey:{dig.decode()}")
            pipe.hdel(_INDEX, name)
            pipe.execute()

    def spend(self, key: ApiKey, limit: int, now: float | None = None) -> float | None:
        """Count one request against `key`'s minute; None if allowed, else the seconds until
        the next minute starts (the Retry-After)."""
        now = time.time() if now is None else now
        minute = int(now // 60)
        counter = f"medchat:rl:{key.name}:{minute}"
        with self.r.pipeline() as pipe:
            pipe.incr(counter)
            pipe.expire(counter, 120)
            used, _ = pipe.execute()
        if used <= limit:
            return None
        return round(60 - (now % 60), 3)
