"""A model that fails mid-reply, behind the real API server: the caller gets an OpenAI-style
error (plain or mid-stream), the transcript keeps the doctor's message and nothing half-said,
and sending the same request again retries the patient's reply. A scripted model stands in for
the failure, which the real one cannot be made to produce on cue."""

from __future__ import annotations

import openai
import pytest

from tests.api.conftest import run_api

MODEL = "patient/chest-pain-58m"
QUESTION = "When did the pain start?"
ANSWER = "It started about an hour ago while I was gardening."


@pytest.fixture
def flaky(api_settings, external_redis):
    """The API over a model whose replies fail, then succeed, in the order the test needs (on
    its own database of the real Redis server)."""
    import redis

    from medchat.models.fake import ScriptedChatModel

    model = ScriptedChatModel(script=["!fail", "!fail", *[ANSWER] * 8], cycle=False)
    client = redis.Redis.from_url(external_redis.rsplit("/", 1)[0] + "/5")
    client.flushdb()
    yield from run_api(api_settings, model, client)


def test_when_the_model_fails_mid_reply_then_the_error_is_clear_and_a_retry_answers(flaky):
    client = flaky.client()
    messages = [{"role": "user", "content": QUESTION}]
    with pytest.raises(openai.APIStatusError) as err:
        client.chat.completions.create(model=MODEL, messages=messages, user="flaky")
    assert err.value.status_code == 502 and err.value.code == "model_error"
    assert "kept" in err.value.message

    session = flaky.store.list(flaky.keys.check(flaky.key).owner)[0].id
    assert [t.role.value for t in flaky.store.turns(session)] == ["doctor"]

    # The same request streamed: the failure arrives as an error event the client raises.
    stream = client.chat.completions.create(
        model=MODEL, messages=messages, user="flaky", stream=True
    )
    with pytest.raises(openai.APIError, match="kept"):
        list(stream)
    assert [t.role.value for t in flaky.store.turns(session)] == ["doctor"]

    # Sent again, the stored question is answered once; it is not stored a second time.
    reply = client.chat.completions.create(model=MODEL, messages=messages, user="flaky")
    text = reply.choices[0].message.content
    assert text.startswith(ANSWER)  # the review may add what the case says about the onset
    turns = flaky.store.turns(session)
    assert [(t.role.value, t.text) for t in turns] == [("doctor", QUESTION), ("patient", text)]
