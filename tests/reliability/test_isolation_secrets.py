"""Isolation and secrets, through the handlers the Gradio app calls and over HTTP.

tests/ui covers reading, exporting, deleting and resuming a foreign session by id; here a user
*forges* another's session id into their own view (send, rate, examine, submit), canary
identifiers go through every UI path that stores text (message, model reply, rating comment,
examiner request, diagnosis) and are searched in raw Redis, the logs and both exports, and an
API key is followed from the environment to the wire and nowhere else.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
import structlog

from medchat.config import Settings
from medchat.dialogue.wiring import guard_factory
from medchat.log import configure_logging
from medchat.models.fake import ScriptedChatModel
from medchat.models.warmup import ModelWarmup
from medchat.personas.loader import default_registry
from medchat.service.sessions import SessionService
from medchat.types import Role
from medchat.ui.controllers import consult, practice, sessions

CANARIES = {
    "name": "Ottoline Fenwick-Brannigan",
    "nhs": "943 476 5919",
    "phone": "07700 900982",
    "email": "ottoline.fb@example.net",
}
TYPED = (
    f"I'm {CANARIES['name']}, NHS number {CANARIES['nhs']}, phone {CANARIES['phone']}, "
    f"email {CANARIES['email']}. I have had a cough for three days."
)
# A model that repeats identifiers back, so the outbound scrub is tested too.
ECHO = f"Thank you {CANARIES['name']}, I will ring {CANARIES['phone']}. How long exactly?"


def last(views):
    """The final state of a streamed handler."""
    out = None
    for view in views:
        out = view
    return out


@pytest.fixture
def backend(settings, store):
    model = ScriptedChatModel(script=[ECHO])
    return SessionService(
        settings, store, ModelWarmup(lambda p: model).start(), guard_factory(settings)
    )


def test_when_a_user_forges_another_users_session_id_then_nothing_is_read_or_written(
    backend, tmp_path
):
    alice = last(consult.send(backend, "alice", consult.new(), "My ankle is swollen."))
    case = practice.start(backend, "alice", default_registry(), "chest-pain-58m").chat
    before = {sid: backend.store.turns(sid) for sid in (alice.session_id, case.session_id)}
    doctor_turn = alice.turn_ids[-1]

    forged = consult.new()
    forged.session_id = alice.session_id  # bob pastes alice's id into his own state
    sent = last(consult.send(backend, "bob", forged, "Show me your notes."))
    assert "No session with that id" in sent.banner and "ankle" not in str(sent.messages)
    assert "No session" in consult.rate(backend, "bob", forged, doctor_turn, -1, "bad")
    forged_case = practice.PracticeView(consult.new()).chat
    forged_case.session_id = case.session_id
    asked = last(practice.examine(backend, "bob", forged_case, "ECG"))
    assert "No session with that id" in asked.banner
    submitted = practice.submit(backend, "bob", forged_case, "angina", "", tmp_path)
    assert "No session with that id" in submitted.chat.banner

    after = {sid: backend.store.turns(sid) for sid in before}
    assert after == before and backend.store.ratings(alice.session_id) == {}
    assert backend.store.get(case.session_id, "alice").status != "ended"
    assert backend.store.list("bob") == []


def test_when_identifiers_go_through_every_ui_path_then_redis_logs_and_exports_hold_none(
    backend, tmp_path
):
    stream = io.StringIO()
    configure_logging("json", "DEBUG", stream=stream)
    try:
        chat = last(consult.send(backend, "carol", consult.new(), TYPED))
        consult.rate(backend, "carol", chat, chat.turn_ids[-1], 1, f"Nice, {CANARIES['name']}")
        case = practice.start(backend, "carol", default_registry(), "chest-pain-58m").chat
        last(practice.examine(backend, "carol", case, f"ECG for {CANARIES['name']} please"))
        practice.submit(backend, "carol", case, f"angina in {CANARIES['name']}", "", tmp_path)
    finally:
        structlog.reset_defaults()
    stored = backend.store.turns(chat.session_id)
    assert "three days" in stored[0].text and stored[1].role == Role.DOCTOR  # content kept
    exports = [
        sessions.export(backend, "carol", sid, fmt, tmp_path).read_text()
        for sid in (chat.session_id, case.session_id)
        for fmt in ("json", "markdown")
    ]
    places = {"redis": raw_redis(backend.store.r), "logs": stream.getvalue(), "exports": exports}
    assert "turn_stored" in places["logs"]
    for kind, canary in CANARIES.items():
        for where, text in places.items():
            assert canary not in str(text), f"{kind} canary found in {where}"
            assert canary.replace(" ", "") not in str(text).replace(" ", ""), (kind, where)


def raw_redis(client) -> str:
    """Every key and value in the database, whatever its type."""
    out = []
    for key in client.scan_iter("*"):
        kind = client.type(key)
        if kind == b"string":
            value = client.get(key)
        elif kind == b"hash":
            value = client.hgetall(key)
        elif kind == b"list":
            value = client.lrange(key, 0, -1)
        elif kind == b"set":  # the HMAC digests of name parts seen
            value = client.smembers(key)
        else:
            value = client.zrange(key, 0, -1)
        out.append(f"{key!r} {value!r}")
    return "\n".join(out)


KEY = "sk-canary-7f3c9d1e5b2a4860"


class _Refusing(BaseHTTPRequestHandler):
    """An OpenAI-compatible server that refuses the key and, like some, echoes it back."""

    seen: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        _Refusing.seen.append(self.headers.get("Authorization", ""))
        body = json.dumps({"error": {"message": f"Incorrect API key provided: {KEY}"}}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_when_an_api_key_is_configured_then_it_reaches_the_server_and_nothing_else(
    monkeypatch, store, caplog
):
    from medchat.dialogue import sessions as dialogue
    from medchat.dialogue.events import ErrorEvent
    from medchat.dialogue.sessions import Wiring
    from medchat.models import load_chat_model
    from medchat.types import Mode

    server = HTTPServer(("127.0.0.1", 0), _Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("MEDCHAT_OPENAI_API_KEY", KEY)
    monkeypatch.setenv("MEDCHAT_OPENAI_BASE_URL", f"http://127.0.0.1:{server.server_port}/v1")
    settings = Settings(model="served", max_new_tokens=8, turn_timeout_s=20)
    stream = io.StringIO()
    configure_logging("json", "DEBUG", stream=stream)
    caplog.set_level(logging.DEBUG)  # the openai and httpx libraries log requests at DEBUG
    try:
        model = load_chat_model(settings)
        wiring = Wiring(settings, store, guard_factory(settings), lambda role: model)
        conv = dialogue.start(wiring, Mode.CONSULT)
        events = list(conv.say("I have a sore throat."))
    finally:
        structlog.reset_defaults()
        server.shutdown()
    assert _Refusing.seen == [f"Bearer {KEY}"] * len(_Refusing.seen) and _Refusing.seen
    errors = [e for e in events if isinstance(e, ErrorEvent)]
    assert errors and errors[0].kind == "model"
    places = {
        "settings repr": repr(settings) + str(settings.model_dump()),
        "model repr": repr(model) + str(model),
        "events": repr(events),
        "redis": raw_redis(store.r),
        "logs": stream.getvalue(),
        "library logs": caplog.text,
    }
    for where, text in places.items():
        assert KEY not in text, f"the API key leaked into {where}"


def test_when_no_host_is_configured_then_the_server_binds_to_loopback(monkeypatch, tmp_path):
    from medchat.ui.app import launch_options

    monkeypatch.delenv("MEDCHAT_HOST", raising=False)
    monkeypatch.setenv("MEDCHAT_HOME", str(tmp_path))
    assert launch_options(Settings())["server_name"] == "127.0.0.1"
    monkeypatch.setenv("MEDCHAT_HOST", "0.0.0.0")  # an explicit choice, e.g. in the Dockerfile
    assert launch_options(Settings())["server_name"] == "0.0.0.0"
