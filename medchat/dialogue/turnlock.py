"""One turn at a time per session, whichever thread or app process serves it.

Play in autoplay, a second browser tab or a retried request can ask a session for a turn while
another is still streaming. Without a lock both read the same transcript, pick the same next
speaker, and the model answers the same message twice. The lock lives in Redis (the session's
home), so it holds across app processes; it expires on its own if a process dies holding it.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from redis.exceptions import LockError, RedisError

from medchat.errors import MedChatError
from medchat.store.sessions import SessionStore


class TurnLock:
    """A Redis lock per session. Not re-entrant: public `Conversation` methods take it, and
    what they call inside a turn (a close, an examiner report) uses the unlocked versions.
    The lock's token is not thread-local: a UI server may resume a streaming generator on
    another worker thread than the one that started it."""

    def __init__(self, store: SessionStore, session_id: str, timeout_s: float, ttl_s: float = 15.0):
        """`timeout_s`: how long a turn waits for the lock; `ttl_s`: how long the lock outlives
        a process that stopped renewing it."""
        self.store, self.session_id = store, session_id
        self.timeout_s, self.ttl_s = timeout_s, ttl_s

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        lock = self.store.turn_lock(self.session_id, self.ttl_s)
        if not lock.acquire(blocking=True, blocking_timeout=self.timeout_s):
            raise MedChatError(
                "Another turn of this session is still running; try again when it has finished."
            )
        done = threading.Event()
        args = (lock, self.ttl_s, self.timeout_s, done)
        renewer = threading.Thread(target=_renew, args=args, daemon=True)
        renewer.start()
        try:
            yield
        finally:
            done.set()
            renewer.join()
            with contextlib.suppress(LockError):  # lapsed (Redis unreachable for a while)
                lock.release()


def _renew(lock: Any, ttl_s: float, max_hold_s: float, done: threading.Event) -> None:
    """Push the lock's expiry back to `ttl_s` every third of it until the turn is done, and
    for `max_hold_s` at most: a turn generator nobody resumes or closes must not hold the
    session for ever."""
    deadline = time.monotonic() + max_hold_s
    while not done.wait(ttl_s / 3) and time.monotonic() < deadline:
        try:
            lock.reacquire()
        except (LockError, RedisError):
            return  # lost it; the turn finishes, and its append is idempotent by turn id


def exclusive(method: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """Run a `Conversation` generator method while holding the session's turn lock, on the
    session's current metadata."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        with self.turn_lock.hold():
            self.refresh()  # another replica may have taken a turn since this object was made
            yield from method(self, *args, **kwargs)

    return wrapper
