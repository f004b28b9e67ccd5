"""One turn at a time per session, whichever thread or app process serves it.

Play in autoplay, a second browser tab or a retried request can ask a session for a turn while
another is still streaming. Without a lock both read the same transcript, pick the same next
speaker, and the model answers the same message twice. The lock lives in Redis (the session's
home), so it holds across app processes; it expires on its own if a process dies holding it.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any

from redis.exceptions import LockError

from medchat.errors import MedChatError
from medchat.store.sessions import SessionStore


class TurnLock:
    """A Redis lock per session. Not re-entrant: public `Conversation` methods take it, and
    what they call inside a turn (a close, an examiner report) uses the unlocked versions.
    The lock's token is not thread-local: a UI server may resume a streaming generator on
    another worker thread than the one that started it."""

    def __init__(self, store: SessionStore, session_id: str, timeout_s: float):
        self.store, self.session_id, self.timeout_s = store, session_id, timeout_s

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        lock = self.store.turn_lock(self.session_id, self.timeout_s)
        if not lock.acquire(blocking=True, blocking_timeout=self.timeout_s):
            raise MedChatError(
                "Another turn of this session is still running; try again when it has finished."
            )
        try:
            yield
        finally:
            with contextlib.suppress(LockError):  # expired during a very long turn: no harm
                lock.release()


def exclusive(method: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """Run a `Conversation` generator method while holding the session's turn lock."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        with self.turn_lock.hold():
            yield from method(self, *args, **kwargs)

    return wrapper
