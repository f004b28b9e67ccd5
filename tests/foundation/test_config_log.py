"""Settings come only from MEDCHAT_* variables; logs never carry conversation text."""

from __future__ import annotations

import io
import json

import pytest
import structlog

from medchat.config import Settings
from medchat.log import configure_logging, get_logger


@pytest.mark.parametrize(
    ("env", "field", "expected"),
    [
        ({"MEDCHAT_MODEL": "smollm2-135m-instruct"}, "model", "smollm2-135m-instruct"),
        ({"MEDCHAT_PORT": "8001"}, "port", 8001),
        ({"REDIS_URL": "redis://127.0.0.1:6390/0"}, "redis_url", "redis://127.0.0.1:6390/0"),
        ({"MEDCHAT_REDIS_URL": "redis://h:1/2"}, "redis_url", "redis://h:1/2"),
        ({"MEDCHAT_OPENAI_BASE_URL": "http://x/v1"}, "resolved_backend", "openai"),
        ({}, "resolved_backend", "llamacpp"),
        ({"MEDCHAT_MODEL": "Qwen/Qwen2.5-1.5B-Instruct"}, "resolved_backend", "local"),
        ({}, "host", "127.0.0.1"),
    ],
)
def test_when_env_is_set_then_settings_follow(monkeypatch, env, field, expected):
    for key in (
        "MEDCHAT_MODEL",
        "MEDCHAT_PORT",
        "REDIS_URL",
        "MEDCHAT_REDIS_URL",
        "MEDCHAT_OPENAI_BASE_URL",
        "MEDCHAT_BACKEND",
        "MEDCHAT_HOST",
    ):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert getattr(Settings(), field) == expected


@pytest.mark.parametrize(("key", "value"), [("MEDCHAT_PORT", "0"), ("MEDCHAT_DTYPE", "int3")])
def test_when_env_value_is_invalid_then_settings_refuse_it(monkeypatch, key, value):
    monkeypatch.setenv(key, value)
    with pytest.raises(ValueError):
        Settings()


def test_when_api_key_is_set_then_its_repr_hides_it(monkeypatch):
    monkeypatch.setenv("MEDCHAT_OPENAI_API_KEY", "sk-canary-123")
    settings = Settings()
    assert "sk-canary-123" not in repr(settings)
    assert settings.openai_api_key.get_secret_value() == "sk-canary-123"


def test_when_events_carry_text_fields_then_json_log_has_lengths_only():
    stream = io.StringIO()
    configure_logging("json", "INFO", stream=stream)
    try:
        get_logger("test").info("turn_done", text="my name is Canary Smith", reply="hello", turn=3)
    finally:
        structlog.reset_defaults()
    event = json.loads(stream.getvalue())
    assert "Canary" not in stream.getvalue()
    assert event["text_chars"] == len("my name is Canary Smith")
    assert event["reply_chars"] == 5
    assert event["turn"] == 3 and event["event"] == "turn_done"


def test_when_extra_processor_is_given_then_it_runs_on_every_event():
    stream = io.StringIO()

    def redact(_logger, _method, event):
        event["event"] = event["event"].replace("secret", "[x]")
        return event

    configure_logging("json", "INFO", extra_processors=[redact], stream=stream)
    try:
        get_logger("test").info("a secret event")
    finally:
        structlog.reset_defaults()
    assert json.loads(stream.getvalue())["event"] == "a [x] event"


def test_when_stderr_is_replaced_and_closed_then_logging_follows_the_current_stderr(monkeypatch):
    """A stream bound at configure time and closed later (a test runner's capture) must not make
    every later log call raise inside the code that logged."""
    first = io.StringIO()
    monkeypatch.setattr("sys.stderr", first)
    configure_logging("json", "INFO", extra_processors=())
    first.close()
    second = io.StringIO()
    monkeypatch.setattr("sys.stderr", second)
    get_logger("test").info("turn.step", step="scrub")
    assert json.loads(second.getvalue())["step"] == "scrub"
    structlog.reset_defaults()


def test_when_events_name_generated_ids_then_they_are_logged_as_made_and_names_are_not():
    """Session and job ids are random, not patient text: the scrubber once turned some into
    "<PERSON_1>-..." and a session's lines no longer matched. A person's name under the same
    key is still scrubbed."""
    from medchat.types import new_id

    ids = [new_id() for _ in range(200)]
    stream = io.StringIO()
    configure_logging("json", "INFO", stream=stream)
    try:
        for session_id in ids:
            get_logger("test").info("turn_stored", session=session_id, job=session_id)
        get_logger("test").info("turn_stored", session="Margaret Okonkwo", job="Mr Tadhg Brennan")
    finally:
        structlog.reset_defaults()
    events = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(e["session"], e["job"]) for e in events[:-1]] == [(i, i) for i in ids]
    assert "Okonkwo" not in events[-1]["session"] and "Brennan" not in events[-1]["job"]
