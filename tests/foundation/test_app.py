"""The consult chat served by Gradio, driven over loopback with gradio_client and the real model."""

from __future__ import annotations

import pytest
from gradio_client import Client

from medchat.errors import InputTooLongError, MedChatError
from medchat.models.warmup import ModelWarmup
from medchat.ui.consult import consult_reply, history_pairs
from tests.conftest import free_port


@pytest.fixture(scope="module")
def warmup(small_chat_model):
    return ModelWarmup(lambda progress: small_chat_model).start()


@pytest.fixture(scope="module")
def app_url(settings, warmup):
    from medchat.ui.app import build_app

    demo = build_app(settings, warmup)
    port = free_port()
    demo.queue(default_concurrency_limit=None).launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True
    )
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_when_patient_writes_then_doctor_reply_streams_over_http(app_url):
    client = Client(app_url, verbose=False)
    job = client.submit("I have had a headache for three days.", api_name="/chat")
    updates = list(job)
    assert len(updates) > 2, "the reply did not stream"
    assert isinstance(updates[-1], str) and updates[-1].strip()
    assert updates[-1].startswith(updates[0][:5])


def test_when_history_is_given_then_generator_sends_it_to_the_model(warmup, settings):
    history = [
        {"role": "user", "content": "I have a cough."},
        {"role": "assistant", "content": [{"type": "text", "text": "How long for?"}]},
    ]
    assert history_pairs(history) == [("patient", "I have a cough."), ("doctor", "How long for?")]
    outputs = list(consult_reply("Three days.", history, warmup, settings.max_message_chars))
    assert outputs and outputs[-1].strip()


def test_when_message_is_too_long_then_clear_error_before_any_model_call(warmup):
    with pytest.raises(InputTooLongError, match="limit is 10"):
        list(consult_reply("x" * 11, [], warmup, max_chars=10))


def test_when_model_is_still_preparing_then_progress_is_shown():
    import threading

    release = threading.Event()

    def slow_build(progress):
        progress("Verifying weights", 0.5)
        release.wait(5)
        raise OSError("disk full")

    pending = ModelWarmup(slow_build).start()
    replies = consult_reply("hello", [], pending, max_chars=100)
    first = next(replies)
    release.set()
    assert "Preparing the model" in first and "50%" in first
    with pytest.raises(MedChatError, match="disk full"):
        list(replies)
