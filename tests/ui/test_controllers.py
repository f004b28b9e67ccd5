"""The handlers behind each tab, called as plain Python over the real engine, model and Redis."""

from __future__ import annotations

import json
import random
import threading
import uuid

import pytest

from medchat.errors import SessionError
from medchat.models.warmup import ModelWarmup
from medchat.personas.loader import default_registry
from medchat.service.sessions import SessionService
from medchat.types import Mode
from medchat.ui.chatview import ChatView
from medchat.ui.controllers import autoplay, consult, practice, sessions


@pytest.fixture
def owner():
    return f"user-{uuid.uuid4().hex[:8]}"


def last(views):
    """The final state of a streamed handler."""
    out = None
    for view in views:
        out = view
    return out


def test_when_patient_writes_then_view_streams_scrubbed_turns_and_rating_is_stored(backend, owner):
    views = list(consult.send(backend, owner, consult.new(), "I am Jane Doe, I have a cough."))
    view = views[-1]
    assert [m["role"] for m in view.messages] == ["user", "assistant"]
    assert "PERSON_1" in view.messages[0]["content"] and "Jane" not in str(view.messages)
    assert all(view.turn_ids) and not view.streaming
    label, turn_id = view.doctor_turns()[0]
    assert label.startswith("#2: ")
    note = consult.rate(backend, owner, view, turn_id, -1, "Call me Jane Doe next time")
    assert note == "Saved rating: down with your comment."
    rating = backend.store.ratings(view.session_id)[turn_id]
    assert rating.score == -1 and "Jane" not in rating.comment

    ended = last(consult.end(backend, owner, view))
    assert ended.ended and "Consultation ended" in ended.summary
    again = last(consult.send(backend, owner, ended, "One more thing"))
    assert "has ended" in again.banner


@pytest.mark.parametrize(
    ("turn_id", "expected"),
    [(None, "Choose a doctor turn"), ("not-a-turn", "not part of this session")],
)
def test_when_a_rating_has_no_valid_turn_then_it_is_refused(backend, owner, turn_id, expected):
    conv = backend.start(owner, Mode.CONSULT)
    view = ChatView(session_id=conv.meta.id)
    assert expected in consult.rate(backend, owner, view, turn_id, 1, "")


def test_when_a_rating_comment_is_too_long_then_it_is_refused_not_cut(backend, owner):
    conv = backend.start(owner, Mode.CONSULT)
    view = ChatView(session_id=conv.meta.id)
    message = consult.rate(backend, owner, view, "some-turn", 1, "x" * 5000)
    assert "comment has 5000 characters" in message and "the limit is 4000" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "Type a message first"), ("x" * 5000, "the limit is 4000")],
)
def test_when_a_message_is_empty_or_too_long_then_a_notice_and_no_model_call(
    backend, owner, text, expected
):
    view = last(consult.send(backend, owner, consult.new(), text))
    assert expected in view.banner and "medchat-notice" in view.banner
    assert not any(m["role"] == "assistant" for m in view.messages)


def test_when_the_model_times_out_then_error_banner_shows_and_conversation_stays(
    ui_settings, ui_store, ui_model, owner
):
    from medchat.dialogue.wiring import guard_factory

    slow = ui_settings.model_copy(update={"turn_timeout_s": 0.001})
    warm = ModelWarmup(lambda progress: ui_model).start()
    failing = SessionService(slow, ui_store, warm, guard_factory(ui_settings))
    view = last(consult.send(failing, owner, consult.new(), "I have a rash."))
    assert "medchat-error" in view.banner and "conversation is kept" in view.banner
    assert [m["role"] for m in view.messages] == ["user"]
    assert len(ui_store.turns(view.session_id)) == 1  # the patient's turn is kept


def test_when_the_model_is_still_preparing_then_progress_shows_then_its_error(
    ui_settings, ui_store, owner
):
    release = threading.Event()

    def slow_build(progress):
        progress("Verifying weights", 0.5)
        release.wait(5)
        raise OSError("disk full")

    pending = SessionService(ui_settings, ui_store, ModelWarmup(slow_build).start(), lambda m: None)
    views = consult.send(pending, owner, consult.new(), "hello")
    first = next(views)
    assert "Preparing the model" in first.status and "50%" in first.status
    release.set()
    final = last(views)
    assert "disk full" in final.banner and final.status == ""


def test_when_a_student_runs_a_case_then_card_examiner_and_osce_feedback(backend, owner, tmp_path):
    registry = default_registry()
    view = practice.start(
        backend, owner, registry, practice.RANDOM, "cardiology", "any", random.Random(1)
    )
    persona = registry.get(backend.store.list(owner)[0].persona_id)
    assert persona.specialty.value == "cardiology"
    assert persona.demographics.name in view.card and persona.diagnosis.name not in view.card
    chat = last(practice.examine(backend, owner, view.chat, "ECG"))
    assert chat.messages[-1]["content"].startswith("**Examiner:**")
    reports = tmp_path / "reports"
    result = practice.submit(backend, owner, chat, "", "", reports)
    assert "leading diagnosis first" in chat.banner and result.feedback == ""
    assert result.chart is None and result.report is None
    result = practice.submit(
        backend, owner, chat, "Tension headache, Mr Smith", "migraine; sinusitis", reports
    )
    chat = result.chat
    for part in ("Total", "/100", persona.diagnosis.name, "migraine; sinusitis", "Checklist"):
        assert part in result.feedback
    assert "Smith" not in result.feedback
    assert result.chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = result.report.read_text()
    assert "ECG" in page and persona.diagnosis.name in page and "Smith" not in page
    assert result.report.parent.name == chat.session_id
    meta = backend.store.get(chat.session_id, owner)
    assert meta.status == "ended" and "Smith" not in json.dumps(meta.summary)
    resumed = practice.resume(backend.conversation(owner, chat.session_id), reports)
    assert resumed.chart is not None and "Total" in resumed.feedback
    again = practice.submit(backend, owner, chat, "Migraine", "", reports)
    assert "has ended" in again.chat.banner


def test_when_scoring_fails_then_the_student_still_gets_the_transcript(
    backend, owner, tmp_path, monkeypatch
):
    def broken(*_args, **_kwargs):
        raise RuntimeError("scorer bug")

    monkeypatch.setattr(practice, "practice_feedback", broken)
    view = practice.start(backend, owner, default_registry(), "headache-44f")
    result = practice.submit(backend, owner, view.chat, "Migraine", "", tmp_path)
    assert "scoring failed" in result.feedback and "Case checklist" in result.feedback
    assert result.chat.ended and result.chart is None


def test_when_autoplay_is_driven_then_steps_take_over_and_pause_behave(backend, owner):
    view = autoplay.start(backend, owner, "chest-pain-58m")
    assert view.session_id and view.mode == Mode.AUTOPLAY
    view = autoplay.take_over(backend, owner, view, "doctor")
    assert "You play the doctor; it is your turn" in view.status
    view = last(autoplay.play(backend, owner, view))
    assert view.status == "Your turn as the doctor." and not view.messages
    view = last(autoplay.step(backend, owner, view))
    assert "your turn as the doctor" in view.banner.lower()
    view = autoplay.take_over(backend, owner, view, autoplay.NOBODY)
    view = last(autoplay.step(backend, owner, view))
    assert view.messages[-1]["content"].startswith("**Doctor:**")
    playing = autoplay.play(backend, owner, view)
    next(playing)  # the first turn is under way
    assert autoplay.pause(backend, view).startswith("Pausing")
    view = last(playing)
    assert view.status == "Paused." and len(view.messages) == 2  # it finished that turn only
    assert view.messages[-1]["content"].startswith("**Patient:**")


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_when_sessions_are_managed_then_only_the_owner_sees_exports_and_deletes(
    backend, owner, tmp_path, fmt
):
    registry = default_registry()
    view = practice.start(backend, owner, registry, "headache-44f")
    last(practice.examine(backend, owner, view.chat, "blood pressure"))
    rows = sessions.rows(backend, owner)
    assert [r[0] for r in rows] == [view.chat.session_id] and rows[0][4] == 1
    assert sessions.rows(backend, "someone-else") == []
    path = sessions.export(backend, owner, view.chat.session_id, fmt, tmp_path)
    assert view.chat.session_id in path.read_text()
    for action in (
        lambda: sessions.export(backend, "someone-else", view.chat.session_id, fmt, tmp_path),
        lambda: sessions.delete(backend, "someone-else", view.chat.session_id),
        lambda: backend.conversation("someone-else", view.chat.session_id),
    ):
        with pytest.raises(SessionError, match="No session with that id"):
            action()
    assert "Deleted" in sessions.delete(backend, owner, view.chat.session_id)
    assert sessions.rows(backend, owner) == []


def test_when_handlers_are_imported_then_gradio_is_not():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import medchat.ui.controllers.autoplay, medchat.ui.controllers.consult\n"
        "import medchat.ui.controllers.practice, medchat.ui.controllers.sessions\n"
        "import medchat.ui.auth\n"
        "assert 'gradio' not in sys.modules, 'a handler module imports gradio'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
