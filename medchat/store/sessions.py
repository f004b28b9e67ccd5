"""Session storage in Redis: metadata, the scrubbed transcript, events, ratings.

Keys (all expire together after `session_ttl_days` of inactivity):
    medchat:s:{id}:meta     string  SessionMeta JSON
    medchat:s:{id}:turns    hash    turn id -> Turn JSON
    medchat:s:{id}:order    zset    turn id scored by its sequence number
    medchat:s:{id}:events   list    safety verdicts, examiner requests, errors (JSON)
    medchat:s:{id}:ratings  hash    turn id -> Rating JSON
    medchat:s:{id}:surrogates, :surrogate_n, :names   the surrogate map (`store.surrogates`)
    medchat:s:{id}:paused   string  set while autoplay is asked to pause
    medchat:s:{id}:side     string  autoplay: the side a person has taken over
    medchat:u:{owner}:sessions zset session ids by last update

A turn append is one Lua script, so it is atomic and idempotent by turn id: a retried write after a
dropped connection returns the stored turn instead of adding a second copy. Callers must pass only
scrubbed text; the store does not scrub.
"""

from __future__ import annotations

import json
import time
from typing import Any

import redis

from medchat.errors import SessionError
from medchat.types import Rating, SessionMeta, Turn

_APPEND = """
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return existing end
local seq = redis.call('ZCARD', KEYS[2]) + 1
-- Set the number by text, not cjson: a decode/encode round trip turns [] into {}. The first
-- '"seq":' is the field (inside a string it would read '\"seq\":').
local encoded = string.gsub(ARGV[2], '"seq":%-?%d+', '"seq":' .. seq, 1)
redis.call('HSET', KEYS[1], ARGV[1], encoded)
redis.call('ZADD', KEYS[2], seq, ARGV[1])
return encoded
"""

SESSION_PARTS = (
    "meta",
    "turns",
    "order",
    "events",
    "ratings",
    "surrogates",
    "surrogate_n",
    "names",
    "paused",
    "side",
)
"""Every per-session key, so a session expires and is deleted as one."""

_NOT_FOUND = "No session with that id (it may have expired, or belong to another user)."


class SessionStore:
    """Sessions for one Redis database; `owner` scopes every read to its own sessions."""

    def __init__(self, client: redis.Redis, ttl_days: float = 30.0):
        self.r = client
        self.ttl = int(ttl_days * 86400)
        self._append = self.r.register_script(_APPEND)

    # -- keys --------------------------------------------------------------------------------
    @staticmethod
    def _key(session_id: str, part: str) -> str:
        return f"medchat:s:{session_id}:{part}"

    @staticmethod
    def _owner_key(owner: str) -> str:
        return f"medchat:u:{owner}:sessions"

    def _touch(self, pipe: Any, meta: SessionMeta) -> None:
        for part in SESSION_PARTS:
            pipe.expire(self._key(meta.id, part), self.ttl)
        pipe.zadd(self._owner_key(meta.owner), {meta.id: meta.updated})
        pipe.expire(self._owner_key(meta.owner), self.ttl)

    def surrogates(self, session_id: str) -> Any:
        """The session's surrogate map (`store.surrogates.RedisMemory`)."""
        from medchat.store.surrogates import RedisMemory

        return RedisMemory(self.r, session_id, self.ttl)

    # -- autoplay pause flag -----------------------------------------------------------------
    def set_paused(self, session_id: str, paused: bool) -> None:
        if paused:
            self.r.set(self._key(session_id, "paused"), b"1", ex=self.ttl)
        else:
            self.r.delete(self._key(session_id, "paused"))

    def paused(self, session_id: str) -> bool:
        return bool(self.r.exists(self._key(session_id, "paused")))

    # -- autoplay take-over: its own key, so a turn saving the metadata cannot undo it ------
    def set_side(self, session_id: str, role: str | None) -> None:
        if role:
            self.r.set(self._key(session_id, "side"), role.encode(), ex=self.ttl)
        else:
            self.r.delete(self._key(session_id, "side"))

    def side(self, session_id: str) -> str | None:
        found = self.r.get(self._key(session_id, "side"))
        return found.decode() if found is not None else None

    def turn_lock(self, session_id: str, timeout_s: float) -> Any:
        """A Redis lock that one turn of `session_id` holds (see `dialogue.turnlock`)."""
        return self.r.lock(self._key(session_id, "turn"), timeout=timeout_s, thread_local=False)

    # -- sessions ----------------------------------------------------------------------------
    def create(self, meta: SessionMeta) -> SessionMeta:
        with self.r.pipeline() as pipe:
            pipe.set(self._key(meta.id, "meta"), meta.model_dump_json(), nx=True)
            self._touch(pipe, meta)
            pipe.execute()
        return meta

    def get(self, session_id: str, owner: str | None = None) -> SessionMeta:
        """The session's metadata; a missing or foreign session gives the same error."""
        raw = self.r.get(self._key(session_id, "meta"))
        if raw is None:
            raise SessionError(_NOT_FOUND)
        meta = SessionMeta.model_validate_json(raw)
        if owner is not None and meta.owner != owner:
            raise SessionError(_NOT_FOUND)
        return meta

    def save(self, meta: SessionMeta) -> SessionMeta:
        meta.updated = time.time()
        with self.r.pipeline() as pipe:
            pipe.set(self._key(meta.id, "meta"), meta.model_dump_json())
            self._touch(pipe, meta)
            pipe.execute()
        return meta

    def list(self, owner: str, limit: int = 100) -> list[SessionMeta]:
        ids = self.r.zrevrange(self._owner_key(owner), 0, limit - 1)
        metas = []
        for sid in ids:
            try:
                metas.append(self.get(sid.decode(), owner))
            except SessionError:
                self.r.zrem(self._owner_key(owner), sid)  # expired: drop the stale index entry
        return metas

    def delete(self, session_id: str, owner: str) -> None:
        meta = self.get(session_id, owner)
        keys = [self._key(meta.id, p) for p in SESSION_PARTS]
        with self.r.pipeline() as pipe:
            pipe.delete(*keys)
            pipe.zrem(self._owner_key(owner), meta.id)
            pipe.execute()

    # -- transcript --------------------------------------------------------------------------
    def append_turn(self, meta: SessionMeta, turn: Turn) -> Turn:
        """Store `turn` once; a repeated call with the same turn id returns the stored turn."""
        stored = self._append(
            keys=[self._key(meta.id, "turns"), self._key(meta.id, "order")],
            args=[turn.id, turn.model_dump_json()],
        )
        self.save(meta)
        return Turn.model_validate_json(stored)

    def turns(self, session_id: str) -> list[Turn]:
        ids = self.r.zrange(self._key(session_id, "order"), 0, -1)
        if not ids:
            return []
        raws = self.r.hmget(self._key(session_id, "turns"), ids)
        return [Turn.model_validate_json(raw) for raw in raws if raw is not None]

    def add_event(self, meta: SessionMeta, event: dict[str, Any]) -> None:
        self.r.rpush(self._key(meta.id, "events"), json.dumps({"t": time.time(), **event}))

    def events(self, session_id: str) -> list[dict[str, Any]]:
        return [json.loads(e) for e in self.r.lrange(self._key(session_id, "events"), 0, -1)]

    # -- ratings -----------------------------------------------------------------------------
    def rate(self, meta: SessionMeta, rating: Rating) -> None:
        if not self.r.hexists(self._key(meta.id, "turns"), rating.turn_id):
            raise SessionError("That turn is not part of this session.")
        self.r.hset(self._key(meta.id, "ratings"), rating.turn_id, rating.model_dump_json())
        self.save(meta)

    def ratings(self, session_id: str) -> dict[str, Rating]:
        raw = self.r.hgetall(self._key(session_id, "ratings"))
        return {k.decode(): Rating.model_validate_json(v) for k, v in raw.items()}
