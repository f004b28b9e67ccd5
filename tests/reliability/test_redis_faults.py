"""Redis killed with `kill -9` in the middle of a consultation and restarted on the same port and
data directory: every turn the user was shown (acknowledged) is still stored, none twice, and
the same client carries on by itself (redis-py's retry with backoff, the idempotent append).

Real redis-server with AOF (fsync always), the real safety layer; a scripted doctor, because
the model is not what is under test and the kill must land while turns are being written.
"""

from __future__ import annotations

import threading
import time

from medchat.dialogue import sessions
from medchat.dialogue.events import TurnEvent
from medchat.store import SessionStore, connect
from medchat.types import Mode
from tests.dialogue.conftest import scripted_wiring

MESSAGES = 40
KILL_AFTER = 12  # acknowledged user messages before the kill


def test_when_redis_is_killed_and_restarted_mid_run_then_no_acknowledged_turn_is_lost(
    settings, redis_server
):
    settings = settings.model_copy(update={"redis_url": redis_server.url, "max_turns": 200})
    store = SessionStore(connect(settings))
    conv = sessions.start(scripted_wiring(settings, store), Mode.CONSULT)
    acknowledged: list[str] = []
    failures: list[BaseException] = []
    sent = threading.Semaphore(0)

    def user() -> None:
        for i in range(MESSAGES):
            try:
                for event in conv.say(f"Message {i}: the pain in my knee is worse."):
                    if isinstance(event, TurnEvent):
                        acknowledged.append(event.turn.id)
            except Exception as exc:
                failures.append(exc)
            sent.release()

    thread = threading.Thread(target=user)
    thread.start()
    for _ in range(KILL_AFTER):
        sent.acquire()
    redis_server.kill9()
    killed_at = len(acknowledged)
    time.sleep(0.5)  # the app keeps trying while the server is down
    redis_server.start()
    thread.join(timeout=120)

    assert not thread.is_alive()
    assert failures == [], f"turns failed instead of waiting for Redis: {failures!r}"
    assert KILL_AFTER * 2 <= killed_at < MESSAGES * 2, "the kill did not land mid-run"
    stored = store.turns(conv.meta.id)  # the same client, reconnected by itself
    ids = [t.id for t in stored]
    assert set(acknowledged) <= set(ids), "an acknowledged turn was lost"
    assert len(ids) == len(set(ids)) == len(acknowledged) == MESSAGES * 2
    assert [t.seq for t in stored] == list(range(1, len(stored) + 1))
    fresh = SessionStore(connect(settings))
    assert [t.id for t in fresh.turns(conv.meta.id)] == ids  # what is on disk, seen anew
