"""The llama.cpp backend for real: a llama-server built from the pinned sdist, the 135M GGUF."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from medchat.config import Settings
from medchat.errors import ConfigError, ModelError, ModelTimeoutError, UnknownModelError
from medchat.models import load_chat_model
from medchat.models.budget import with_frequency_penalty, with_max_tokens
from medchat.models.llamacpp import LlamaCppChatModel, LlamaServer, find_server
from medchat.models.llamacpp.server import ServerOptions

SYSTEM = SystemMessage(
    "You are a patient called Sam seeing a doctor. You have had chest pain for two hours. It "
    "is a heavy pressure in the middle of the chest that goes down the left arm. You feel "
    "sweaty and a little breathless. You smoke ten cigarettes a day and take no medicines. "
    "Answer the doctor's questions in one short sentence, in the first person."
)


def ask(question: str) -> list:
    return [SYSTEM, HumanMessage(question)]


def test_when_backend_is_llamacpp_then_the_model_is_served_by_llama_server(llamacpp_model):
    assert isinstance(llamacpp_model, LlamaCppChatModel)
    assert llamacpp_model.server.running
    reply = llamacpp_model.invoke(ask("What brings you in today?"))
    assert reply.content.strip()
    assert reply.usage_metadata["output_tokens"] > 0
    assert reply.response_metadata["finish_reason"] in {"stop", "length"}


def test_when_streaming_then_chunks_arrive_one_by_one_and_join_to_the_invoke_reply(
    llamacpp_model,
):
    """Compared with the prompt cached both times: a cold prompt is evaluated in one wide batch,
    a cached one token by token, and float rounding can then tip a greedy choice."""
    question = ask("When did the pain start?")
    llamacpp_model.invoke(question)
    chunks = [str(c.content) for c in llamacpp_model.stream(question)]
    assert len([c for c in chunks if c]) > 3
    assert "".join(chunks) == llamacpp_model.invoke(question).content


def test_when_a_session_continues_then_its_prompt_prefix_is_reused(llamacpp_model):
    """The second turn re-evaluates only what is new: the counter and the reply say so."""
    server = llamacpp_model.server
    first = [*ask("What brings you in today?")]
    reply = llamacpp_model.invoke(first)
    before = server.stats.cached_tokens
    second = [*first, AIMessage(str(reply.content)), HumanMessage("Does the pain go anywhere?")]
    follow_up = llamacpp_model.invoke(second)
    cached = follow_up.response_metadata["cached_tokens"]
    assert cached >= len(SYSTEM.content) // 8  # at least the system prompt (~4 chars a token)
    assert server.stats.cached_tokens - before == cached
    assert follow_up.usage_metadata["input_tokens"] > cached


def _decodes(server: LlamaServer) -> tuple[float, float]:
    """(decode calls, slot-decodes) so far: the server reports only their lifetime ratio."""
    metrics = server.metrics()
    calls = metrics["llamacpp:n_decode_total"]
    return calls, calls * metrics["llamacpp:n_busy_slots_per_decode"]


def test_when_requests_arrive_together_then_they_are_decoded_in_one_batch(llamacpp_model):
    """Measured over this test's decodes only: the lifetime ratio of a server shared with the
    other tests is mostly single-request decodes and says little about these four."""
    server = llamacpp_model.server
    calls_before, busy_before = _decodes(server)
    questions = ["Do you smoke?", "Any allergies?", "Where is the pain?", "Do you feel sick?"]
    model = llamacpp_model.bind(max_new_tokens=24, ignore_eos=True)
    replies = model.batch([ask(q) for q in questions], config={"max_concurrency": 4})
    assert all(r.usage_metadata["output_tokens"] == 24 for r in replies)
    calls_after, busy_after = _decodes(server)
    per_decode = (busy_after - busy_before) / (calls_after - calls_before)
    assert per_decode > 1.5, "concurrent requests were decoded one at a time"


def test_when_the_reader_stops_early_then_the_server_cancels_the_request(llamacpp_model):
    server = llamacpp_model.server
    predicted = server.metrics()["llamacpp:tokens_predicted_total"]
    stream = llamacpp_model.bind(max_new_tokens=1500, ignore_eos=True).stream(ask("Tell me."))
    for _, _chunk in zip(range(3), stream, strict=False):
        pass
    stream.close()  # the caller leaves: the connection closes
    deadline = time.monotonic() + 20
    while server.metrics()["llamacpp:requests_processing"] > 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.metrics()["llamacpp:requests_processing"] == 0
    assert server.metrics()["llamacpp:tokens_predicted_total"] - predicted < 1500


@pytest.mark.parametrize("stop", [["."], [" pain", "chest"]])
def test_when_stop_strings_are_given_then_the_reply_ends_before_them(llamacpp_model, stop):
    reply = llamacpp_model.invoke(ask("Describe the pain."), stop=stop)
    assert not any(s in reply.content for s in stop)


def test_when_a_budget_is_bound_then_the_reply_has_at_most_that_many_tokens(llamacpp_model):
    reply = with_max_tokens(llamacpp_model, 3).invoke(ask("Tell me about the pain."))
    assert 0 < reply.usage_metadata["output_tokens"] <= 3


def test_when_a_frequency_penalty_is_bound_then_the_server_loops_less(llamacpp_model):
    """The close's guard against a looping differential ("spinal cord injury; spinal cord
    injury; ..."): the penalty reaches llama-server and a greedy loop breaks."""
    prompt = [
        HumanMessage(
            "List possible causes of back pain, separated by semicolons: spinal cord injury; "
            "spinal cord injury; spinal cord injury;"
        )
    ]
    plain = with_max_tokens(llamacpp_model, 40)
    loops = plain.invoke(prompt).content.lower().count("injury")
    penalised = with_frequency_penalty(plain, 2.0).invoke(prompt).content.lower().count("injury")
    assert loops >= 3 and penalised < loops


def test_when_a_model_has_no_penalty_keyword_or_the_penalty_is_0_then_it_is_unchanged(
    llamacpp_model,
):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    fake = FakeListChatModel(responses=["ok"])
    assert with_frequency_penalty(fake, 0.5) is fake
    assert with_frequency_penalty(llamacpp_model, 0.0) is llamacpp_model
    bound = with_frequency_penalty(with_max_tokens(llamacpp_model, 5), 0.5)
    assert bound.kwargs == {"max_new_tokens": 5, "frequency_penalty": 0.5}


def test_when_the_turn_timeout_passes_then_a_timeout_error_is_raised(llamacpp_model):
    slow = llamacpp_model.model_copy(update={"timeout_s": 0.001})
    with pytest.raises(ModelTimeoutError, match="MEDCHAT_TURN_TIMEOUT_S"):
        slow.bind(max_new_tokens=500, ignore_eos=True).invoke(ask("Tell me everything."))


@pytest.fixture
def own_server(llamacpp_settings, llamacpp_model, tmp_path):
    """A second server of the same model, so killing it leaves the shared one alone."""
    shared = llamacpp_model.server
    server = LlamaServer(shared.binary, shared.model_path, ServerOptions(slots=1), tmp_path)
    yield server
    server.close()


def test_when_the_server_dies_mid_reply_then_the_error_is_clear_and_the_next_request_works(
    own_server, llamacpp_model
):
    model = llamacpp_model.model_copy(update={"server": own_server})
    stream = model.bind(max_new_tokens=2000, ignore_eos=True).stream(ask("Go on."))
    next(stream)
    killed = own_server._proc
    threading.Timer(0.2, killed.kill).start()
    with pytest.raises(ModelError, match="restarted on the next request"):
        for _ in stream:
            pass
    # The kernel closes a killed process's sockets just before the process can be reaped, so
    # the client's error can arrive a moment before poll() sees the exit.
    killed.wait(timeout=10)
    assert not own_server.running
    assert model.invoke(ask("Are you still there?")).content.strip()
    assert own_server.starts == 2


def test_when_the_server_is_closed_then_requests_fail_with_a_clear_error(
    own_server, llamacpp_model
):
    model = llamacpp_model.model_copy(update={"server": own_server})
    own_server.close()
    with pytest.raises(ModelError, match="shut down"):
        model.invoke(ask("Hello?"))


@pytest.mark.parametrize(
    ("update", "error", "match"),
    [
        ({"llama_server": Path("/nonexistent/llama-server")}, ConfigError, "LLAMA_SERVER"),
        ({"cache_dir": Path("/nonexistent-cache")}, ModelError, "make setup"),
    ],
)
def test_when_the_server_binary_is_missing_then_the_error_says_how_to_get_it(
    llamacpp_settings, update, error, match
):
    with pytest.raises(error, match=match):
        find_server(llamacpp_settings.model_copy(update=update))


def test_when_the_model_is_not_gguf_then_the_llamacpp_backend_names_the_alternatives(
    llamacpp_settings,
):
    with pytest.raises(UnknownModelError, match="MEDCHAT_BACKEND=local"):
        load_chat_model(llamacpp_settings, model="org/some-hf-model")


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "llamacpp"),
        ({"model": "/tmp/x/model.gguf"}, "llamacpp"),
        ({"model": "Qwen/Qwen2.5-1.5B-Instruct"}, "local"),
        ({"device": "cuda"}, "local"),
        ({"openai_base_url": "http://127.0.0.1:9/v1"}, "openai"),
        ({"backend": "local"}, "local"),
    ],
)
def test_when_backend_is_auto_then_it_is_chosen_by_model_and_device(env, backend):
    assert Settings(**env).resolved_backend == backend


def test_when_the_thread_that_started_the_server_ends_then_the_server_lives_on(
    llamacpp_model, tmp_path
):
    """The app loads its model on a warm-up thread that ends at once; the server must not die
    with that thread (Linux's parent-death signal follows the forking thread)."""
    shared = llamacpp_model.server
    server = LlamaServer(shared.binary, shared.model_path, ServerOptions(slots=1), tmp_path)
    try:
        loader = threading.Thread(target=server.ensure_running)
        loader.start()
        loader.join()
        time.sleep(1.0)
        assert server.running and server.starts == 1
        model = llamacpp_model.model_copy(update={"server": server})
        assert model.invoke(ask("Hello?")).content.strip()
        assert server.starts == 1
    finally:
        server.close()


def test_when_the_build_is_cached_then_build_server_returns_it_without_building(
    llamacpp_settings, tmp_path
):
    from medchat.models.llamacpp.binary import build_server, cached_server_path

    settings = llamacpp_settings.model_copy(update={"cache_dir": tmp_path})
    binary = cached_server_path(settings)
    binary.parent.mkdir(parents=True)
    binary.write_bytes(b"#!/bin/sh\n")
    assert build_server(settings, source=tmp_path / "never-read.tar.gz") == binary


def test_when_the_source_does_not_build_then_the_error_names_the_step_and_nothing_is_cached(
    llamacpp_settings, tmp_path
):
    import tarfile

    from medchat.models.llamacpp.binary import build_server, cached_server_path

    tree = tmp_path / "src" / "llama_cpp_python-0.0.0" / "vendor" / "llama.cpp"
    tree.mkdir(parents=True)
    (tree / "CMakeLists.txt").write_text("this is not cmake(\n")
    sdist = tmp_path / "broken.tar.gz"
    with tarfile.open(sdist, "w:gz") as archive:
        archive.add(tmp_path / "src" / "llama_cpp_python-0.0.0", arcname="llama_cpp_python-0.0.0")
    settings = llamacpp_settings.model_copy(update={"cache_dir": tmp_path / "cache"})
    with pytest.raises(ModelError, match=r"Building llama\.cpp failed at: cmake -S"):
        build_server(settings, jobs=1, source=sdist)
    assert not cached_server_path(settings).exists()
