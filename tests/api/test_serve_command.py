"""`python -m medchat serve` and `python -m medchat api-key` as an operator runs them: real
processes, a real Redis server, the small bundled model on llama.cpp, the `openai` client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import openai
import pytest

from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME, free_port


@pytest.fixture
def env(external_redis):
    return {
        **os.environ,
        "MEDCHAT_HOME": str(TEST_HOME),
        "MEDCHAT_REDIS_URL": external_redis,
        "MEDCHAT_MODEL": SMALL_MODEL,
        "MEDCHAT_BACKEND": "llamacpp",
        "MEDCHAT_MAX_NEW_TOKENS": "8",
        "MEDCHAT_LLAMACPP_SLOTS": "1",
        "MEDCHAT_LOG_FORMAT": "json",
    }


def medchat(env, *args: str) -> str:
    cmd = [sys.executable, "-m", "medchat", *args]
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_when_an_operator_serves_the_api_then_a_key_they_made_works_until_revoked(env, tmp_path):
    name = f"operator-{time.monotonic_ns()}"
    token = medchat(env, "api-key", "create", name, "--rate", "30").strip()
    assert token.startswith("mc-")
    listing = medchat(env, "api-key", "list")
    assert f"{name}\towner=api-{name}\trate=30/min" in listing and token not in listing

    port = free_port()
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(
        [sys.executable, "-m", "medchat", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=token, max_retries=0)
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
            try:
                reply = client.chat.completions.create(
                    model="patient/chest-pain-58m",
                    messages=[{"role": "user", "content": "Does the pain go anywhere else?"}],
                )
                break
            except (openai.APIConnectionError, openai.InternalServerError) as exc:
                # not listening yet, or 503 model_loading while llama.cpp starts
                assert time.monotonic() < deadline, f"serve not ready: {exc}"
                time.sleep(0.5)
        assert reply.choices[0].message.content.strip()

        medchat(env, "api-key", "revoke", name)
        with pytest.raises(openai.AuthenticationError):
            client.models.list()

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()
