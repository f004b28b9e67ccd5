"""The LangChain seam: local (real 135M model), OpenAI-compatible (a real local server), fake."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from medchat.models import load_chat_model
from medchat.models.bundled import converted_dir
from medchat.models.fake import ScriptedChatModel, ScriptedFailure
from medchat.models.registry import BUNDLED
from tests.conftest import SMALL_MODEL, free_port

PROMPT = [
    SystemMessage("You are a doctor. Ask one short question."),
    HumanMessage("I have had a headache for three days."),
]


def test_when_local_backend_is_invoked_then_reply_and_usage_are_returned(small_chat_model):
    assert isinstance(small_chat_model, BaseChatModel)
    reply = small_chat_model.invoke(PROMPT)
    assert reply.content.strip()
    assert reply.usage_metadata["output_tokens"] > 0
    assert reply.response_metadata["finish_reason"] in {"stop", "length"}


def test_when_local_backend_streams_then_chunks_join_to_the_invoke_reply(small_chat_model):
    chunks = [str(c.content) for c in small_chat_model.stream(PROMPT)]
    assert len([c for c in chunks if c]) > 3
    assert "".join(chunks) == small_chat_model.invoke(PROMPT).content


def test_when_langchain_batch_is_used_then_requests_share_generate_calls(
    small_chat_model, small_engine
):
    prompts = [
        [*PROMPT[:1], HumanMessage(q)] for q in ("I feel sick.", "My back hurts.", "I can't sleep.")
    ]
    before = len(small_engine.batch_sizes)
    replies = small_chat_model.batch(prompts)
    assert all(r.content.strip() for r in replies)
    assert max(list(small_engine.batch_sizes)[before:]) > 1


@pytest.fixture(scope="module")
def openai_server(settings, small_engine):
    """`transformers serve` on the saved safetensors copy of the bundled 135M model."""
    model_dir = converted_dir(BUNDLED[SMALL_MODEL], settings.models_dir, "float32")
    port = free_port()
    serve = Path(sys.executable).with_name("transformers")
    proc = subprocess.Popen(
        [str(serve), "serve", str(model_dir), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("transformers serve did not start within 120 s")
        yield url, str(model_dir)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_when_openai_backend_points_at_a_local_server_then_it_answers_and_streams(
    settings, openai_server
):
    url, served_name = openai_server
    cfg = settings.model_copy(update={"openai_base_url": f"{url}/v1"})
    model = load_chat_model(cfg, model=served_name, backend="openai")
    reply = model.invoke(PROMPT)
    assert reply.content.strip()
    chunks = [str(c.content) for c in model.stream(PROMPT)]
    assert len([c for c in chunks if c]) > 1


def test_when_fake_backend_is_scripted_then_it_replies_in_order_and_can_fail(settings):
    model = load_chat_model(settings, backend="fake", script=["First reply.", "!fail"])
    assert isinstance(model, ScriptedChatModel)
    assert model.invoke(PROMPT).content == "First reply."
    with pytest.raises(ScriptedFailure):
        list(model.stream(PROMPT))
    assert len(model.calls) == 2
