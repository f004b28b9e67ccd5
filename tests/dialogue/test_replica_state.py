"""Per-session state that must survive a change of app process: each "replica" here is its own
guard factory, wiring and conversation objects over one real Redis server; they share nothing
but Redis."""

from __future__ import annotations

import time

import pytest

from medchat.dialogue import sessions
from medchat.dialogue.turnlock import TurnLock
from medchat.errors import MedChatError
from medchat.store import SessionStore
from medchat.types import Mode, Role
from tests.dialogue.conftest import scripted_wiring

PERSONA = "chest-pain-58m"


def replica(settings, redis_client, **script):
    """A fresh wiring (own guard factory, own store object) over the shared Redis."""
    return scripted_wiring(settings, SessionStore(redis_client, ttl_days=1), **script)


def test_when_a_second_replica_resumes_then_a_name_keeps_its_surrogate_and_a_bare_surname_is_caught(
    settings, embedded_redis
):
    embedded_redis.flushdb()
    a = replica(settings, embedded_redis)
    conv = sessions.start(a, Mode.CONSULT)
    list(conv.say("My name is Margaret Okonkwo and my chest hurts."))
    first = conv.turns()[0].text
    assert "Okonkwo" not in first and "<PERSON_1>" in first

    b = replica(settings, embedded_redis)
    again = sessions.resume(b, conv.meta.id)
    list(again.say("Okonkwo is my married name; Dr Margaret Okonkwo is my aunt."))
    later = again.turns()[-2].text  # the patient's, before the doctor's reply
    assert "Okonkwo" not in later and "Margaret" not in later, later
    assert "<PERSON_1>" in later and "<PERSON_2>" not in later, later


def test_when_surrogates_are_stored_then_redis_holds_no_raw_identifier(settings, embedded_redis):
    embedded_redis.flushdb()
    conv = sessions.start(replica(settings, embedded_redis), Mode.CONSULT)
    list(conv.say("I'm Oluwaseun Adeyemi-Clarke, call me on 07700 900461, email oa@example.org."))
    dump = b" ".join(
        key + b" " + b" ".join(_values(embedded_redis, key)) for key in embedded_redis.keys("*")
    )
    for raw in (b"Oluwaseun", b"Adeyemi", b"Clarke", b"900461", b"oa@example"):
        assert raw not in dump, raw
    assert embedded_redis.hlen(f"medchat:s:{conv.meta.id}:surrogates") >= 3


def _values(client, key: bytes) -> list[bytes]:
    kind = client.type(key)
    if kind == b"string":
        return [client.get(key)]
    if kind == b"hash":
        return [b" ".join(kv) for kv in client.hgetall(key).items()]
    if kind == b"set":
        return list(client.smembers(key))
    if kind == b"zset":
        return list(client.zrange(key, 0, -1))
    if kind == b"list":
        return client.lrange(key, 0, -1)
    return []


def test_when_the_secret_differs_then_the_same_value_has_another_key(settings, embedded_redis):
    """The map is keyed by an HMAC: without the deployment's secret a name cannot be looked up."""
    from safety.pii.surrogates import ScrubSession, TagStyle

    a = ScrubSession(TagStyle(), secret=b"one").digest("PERSON", "sarah jones")
    b = ScrubSession(TagStyle(), secret=b"two").digest("PERSON", "sarah jones")
    assert a != b and "sarah" not in a


def test_when_fake_surrogates_are_made_in_two_processes_then_the_nth_value_is_the_same():
    from safety.pii.surrogates import FakeStyle

    one, two = FakeStyle(seed=3), FakeStyle(seed=3)
    two.make("PERSON", "Zed Quill", 1)  # a different history of calls
    assert one.make("PERSON", "Ann Bee", 2) == two.make("PERSON", "Ann Bee", 2)


def test_when_a_side_is_taken_over_then_another_replica_knows_it(settings, embedded_redis):
    embedded_redis.flushdb()
    conv = sessions.start(replica(settings, embedded_redis), Mode.AUTOPLAY, PERSONA)
    conv.take_over(Role.PATIENT)
    other = sessions.resume(replica(settings, embedded_redis), conv.meta.id)
    assert other.human_role == Role.PATIENT
    list(other.step())  # the doctor opens
    with pytest.raises(MedChatError, match="your turn as the patient"):
        list(other.step())
    other.take_over(None)
    assert sessions.resume(replica(settings, embedded_redis), conv.meta.id).human_role is None


def test_when_a_turn_outlives_its_lock_ttl_then_the_renewal_keeps_others_out(embedded_redis):
    embedded_redis.flushdb()
    store = SessionStore(embedded_redis, ttl_days=1)
    holder, other = TurnLock(store, "s1", 5, ttl_s=0.3), TurnLock(store, "s1", 0.05, ttl_s=0.3)
    with holder.hold():
        time.sleep(1.0)  # three lock lifetimes
        with pytest.raises(MedChatError, match="still running"), other.hold():
            pass
    with other.hold():  # released at once when the turn ends
        pass


def test_when_the_holder_stops_renewing_then_the_lock_lapses_within_its_ttl(embedded_redis):
    """What a replica killed mid-turn leaves: a lock nobody renews."""
    embedded_redis.flushdb()
    store = SessionStore(embedded_redis, ttl_days=1)
    store.turn_lock("s2", 0.5).acquire()  # taken, never renewed or released
    started = time.monotonic()
    with TurnLock(store, "s2", 5, ttl_s=0.5).hold():
        waited = time.monotonic() - started
    assert 0.2 < waited < 2.0


def test_when_pause_is_asked_on_one_service_then_another_sees_it(ui_free_services):
    a, b = ui_free_services
    a.pause("sess-1")
    assert b.paused("sess-1")
    b.pause("sess-1", False)
    assert not a.paused("sess-1")


@pytest.fixture
def ui_free_services(settings, embedded_redis):
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.sessions import SessionService

    embedded_redis.flushdb()
    warm = ModelWarmup(lambda progress: object())

    def service():
        store = SessionStore(embedded_redis, ttl_days=1)
        return SessionService(settings, store, warm, guard_factory(settings))

    return service(), service()


def test_when_a_turn_saves_stale_metadata_then_a_take_over_made_meanwhile_stands(
    settings, embedded_redis
):
    """A turn finishing on one replica saves the metadata it loaded before the person took over
    on another; the take-over must survive that save."""
    embedded_redis.flushdb()
    conv = sessions.start(replica(settings, embedded_redis), Mode.AUTOPLAY, PERSONA)
    stale = sessions.resume(replica(settings, embedded_redis), conv.meta.id)
    conv.take_over(Role.DOCTOR)
    stale.store.save(stale.meta)
    assert (
        sessions.resume(replica(settings, embedded_redis), conv.meta.id).human_role == Role.DOCTOR
    )
