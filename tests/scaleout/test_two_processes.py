"""The scale-out path: two real app processes (`python app.py`) on one real Redis server, as
two replicas behind a load balancer would run. Sessions, generate jobs and a turn cut short by
a killed process all move between them through Redis alone; the test talks HTTP to each app
with gradio_client, and reads Redis only to check what was stored."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests
from gradio_client import Client

from tests.conftest import SMALL_MODEL, TEST_HOME, free_port

REPO = Path(__file__).resolve().parents[2]
STARTUP_S = 180
PERSONA = "chest-pain-58m"


class App:
    """One app process; `kill()` is SIGKILL, as a crashed machine or an OOM kill."""

    def __init__(self, redis_url: str, tmp: Path, name: str, **env: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = open(tmp / f"{name}.log", "w")  # noqa: SIM115 (closed in stop)
        settings = {
            "MEDCHAT_HOME": str(TEST_HOME),
            "MEDCHAT_REDIS_URL": redis_url,
            "MEDCHAT_HOST": "127.0.0.1",
            "MEDCHAT_PORT": str(self.port),
            "MEDCHAT_MODEL": SMALL_MODEL,
            "MEDCHAT_BACKEND": "llamacpp",
            "MEDCHAT_MAX_NEW_TOKENS": "8",
            "MEDCHAT_MAX_TURNS": "8",
            "MEDCHAT_SESSION_SECRET": "one-secret-for-every-replica",
            "MEDCHAT_TURN_LOCK_TTL_S": "3",
            "MEDCHAT_LOG_FORMAT": "json",
            **env,
        }
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "app.py")],
            cwd=REPO,
            env={**os.environ, **settings},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self) -> Client:
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"app exited; see {self.log.name}"
            try:
                if requests.get(self.url, timeout=2).status_code == 200:
                    return Client(self.url, verbose=False)
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise AssertionError(f"app not up in {STARTUP_S} s; see {self.log.name}")

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)  # the app and its llama-server
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        self.ask_to_stop()
        self.wait_stopped()

    def ask_to_stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)

    def wait_stopped(self) -> None:
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


@pytest.fixture(scope="module")
def replicas(external_redis, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("replicas")
    redis.Redis.from_url(external_redis).flushdb()
    apps = [App(external_redis, tmp, "a"), App(external_redis, tmp, "b")]
    try:
        clients = [app.wait_ready() for app in apps]
        yield apps, clients, redis.Redis.from_url(external_redis)
    finally:
        for app in apps:  # both asked first: each takes seconds to close down
            app.ask_to_stop()
        for app in apps:
            app.wait_stopped()


def stored(r: redis.Redis) -> object:
    from medchat.store import SessionStore

    return SessionStore(r)


def newest_session(r: redis.Redis, before: set[str]) -> str:
    (session_id,) = {m.id for m in stored(r).list("local")} - before
    return session_id


def consult(client: Client, text: str) -> list:
    """Send `text` in the Consult tab; the last streamed update."""
    return list(client.submit(text, api_name="/consult_send"))[-1]


def test_when_a_session_starts_on_one_replica_then_it_continues_on_the_other(replicas):
    _, (a, b), r = replicas
    before = {m.id for m in stored(r).list("local")}
    consult(a, "My name is Margaret Okonkwo. I have had a headache for 3 days.")
    session_id = newest_session(r, before)

    b.predict(session_id, api_name="/sessions_resume")
    chat = consult(b, "The nurse called me Mrs Okonkwo. It is worse in the mornings.")[1]
    assert [m["role"] for m in chat] == ["user", "assistant", "user", "assistant"]

    turns = stored(r).turns(session_id)
    assert [t.role.value for t in turns] == ["patient", "doctor", "patient", "doctor"]
    assert [t.seq for t in turns] == [1, 2, 3, 4]
    # The surrogate map came from Redis: B knew the surname A had seen in the full name.
    assert "<PERSON_1>" in turns[0].text and "<PERSON_1>" in turns[2].text
    assert all("Okonkwo" not in t.text and "Margaret" not in t.text for t in turns)


def test_when_a_generate_job_starts_on_one_replica_then_the_other_shows_its_progress(replicas):
    _, (a, b), _ = replicas
    form = ([PERSONA], "*", "any", 1, 1, 2, "openai", 0)
    started = a.predict(*form, api_name="/generate_start")[0]
    assert "job <code>" in started, started
    job = started.split("job <code>")[1].split("</code>")[0]
    seen = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        progress = b.predict(api_name="/generate_status")[0]
        seen.append(progress)
        if "Finished" in progress or "Failed" in progress:
            break
        time.sleep(1)
    assert job in seen[-1], seen[-1]
    assert "1 of 1 dialogues done" in seen[-1], seen[-1]
    assert "Finished" in seen[-1], seen[-1]


def test_when_a_replica_is_killed_mid_turn_then_the_session_resumes_on_the_other(
    replicas, external_redis, tmp_path
):
    """A third replica, with long replies so that the kill lands inside a turn (retried until
    one does: a reply can end early), is killed as its reply streams; the surviving replica
    takes the session over with no lost and no doubled turn.

    The survivor is replica B of the module's pair: it has the same settings a fresh app would
    have, and it never saw the victim's session (a new id), so it can only find it through
    Redis; reusing it spares starting a fourth app process."""
    _, (_, b), r = replicas
    for attempt in range(3):
        victim = App(external_redis, tmp_path, f"victim{attempt}", MEDCHAT_MAX_NEW_TOKENS="160")
        try:
            a = victim.wait_ready()
            before = {m.id for m in stored(r).list("local")}
            text = "Please explain in detail every possible cause of my chest pain."
            job = a.submit(text, api_name="/consult_send")
            session_id = None
            while session_id is None:  # the patient's turn is stored, the reply streaming
                time.sleep(0.05)
                ids = {m.id for m in stored(r).list("local")} - before
                if ids and any(t.role.value == "patient" for t in stored(r).turns(*ids)):
                    (session_id,) = ids
            victim.kill()
            with contextlib.suppress(Exception):  # its server is gone
                job.cancel()
            mid_turn = r.exists(f"medchat:s:{session_id}:turn")
        finally:
            victim.stop()
        if mid_turn:
            break
    assert mid_turn, "no kill landed inside a turn in three attempts"
    cut = stored(r).turns(session_id)
    assert [t.role.value for t in cut] == ["patient"]  # nothing half-written

    b.predict(session_id, api_name="/sessions_resume")  # waits out the dead lock (3 s)
    chat = consult(b, "It started an hour ago.")[1]
    assert chat[-1]["role"] == "assistant" and chat[-1]["content"][0]["text"].strip()
    turns = stored(r).turns(session_id)
    assert [t.role.value for t in turns] == ["patient", "patient", "doctor"]
    assert [t.seq for t in turns] == [1, 2, 3]
    assert len({t.id for t in turns}) == 3
    assert turns[0].text == text


def test_when_the_app_serves_then_its_patient_api_continues_a_consultation_on_either_replica(
    replicas,
):
    """`app.py` mounts the patient API on its own port: a stateless client (it resends the
    history, as chat clients do) starts a consultation on one replica and continues it on the
    other, which finds it by the history's HMAC in the shared Redis."""
    import openai

    from medchat.api.keys import ApiKeys

    apps, _, r = replicas
    key = ApiKeys(r).create("replicas", owner="api-replicas")
    a, b = (openai.OpenAI(base_url=f"{app.url}v1", api_key=key, max_retries=0) for app in apps)
    assert f"patient/{PERSONA}" in [m.id for m in a.models.list()]
    history = [{"role": "user", "content": "Does the pain go anywhere else?"}]
    first = a.chat.completions.with_raw_response.create(
        model=f"patient/{PERSONA}", messages=history
    )
    history += [
        {"role": "assistant", "content": first.parse().choices[0].message.content},
        {"role": "user", "content": "Have you ever had this before?"},
    ]
    second = b.chat.completions.with_raw_response.create(
        model=f"patient/{PERSONA}", messages=history
    )
    session = first.headers["x-medchat-session"]
    assert second.headers["x-medchat-session"] == session
    turns = stored(r).turns(session)
    assert [t.role.value for t in turns] == ["doctor", "patient", "doctor", "patient"]
    assert turns[-1].text == second.parse().choices[0].message.content
