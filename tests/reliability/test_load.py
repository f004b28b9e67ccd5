"""Load: 16 concurrent consultations through `gradio_client` against the real app process
(`python app.py`, the small model, the real safety layer, an external redis-server), 25 turns
each, repeated in rounds until at least 1,000 turns have run.

Checked: the store holds every turn once, in order, alternating patient/doctor; no client saw
an error; canary identifiers typed by users are in neither Redis nor the app's logs; the app
listens on loopback only. Reported: p50/p95 turn latency and time to first doctor text, and the
app process's resident memory after warm-up and after each round (Gradio has had queue leaks).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import psutil
import pytest
import redis
from gradio_client import Client

from medchat.store import SessionStore
from medchat.types import Role
from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME, free_port
from tests.reliability.report import percentile, write_result

pytestmark = pytest.mark.reliability

SESSIONS, TURNS, MIN_TOTAL_TURNS = 16, 25, 1000
SYMPTOMS = [
    "the headache is worse in the mornings",
    "I feel sick after breakfast",
    "paracetamol does not help much",
    "the light bothers me",
    "my mother had migraines",
]
CANARIES = ["Ottoline Fenwick-Brannigan", "943 476 5919", "07700 900982", "ottoline.fb@example.net"]
PLANTED = (
    "My name is Ottoline Fenwick-Brannigan, NHS number 943 476 5919, phone 07700 900982, "
    "email ottoline.fb@example.net."
)


def message(session: int, turn: int) -> str:
    text = f"Visit {session:02d}, message {turn:02d}: {SYMPTOMS[turn % len(SYMPTOMS)]}."
    return f"{text} {PLANTED}" if turn == 0 else text


@pytest.fixture
def app_process(redis_server, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDCHAT_")}
    env |= {
        "HF_HUB_OFFLINE": "1",
        "MEDCHAT_HOME": str(TEST_HOME),
        "MEDCHAT_MODEL": SMALL_MODEL,
        "MEDCHAT_DTYPE": "float32",
        "MEDCHAT_MAX_NEW_TOKENS": "8",
        "MEDCHAT_MAX_TURNS": str(2 * TURNS + 10),
        "MEDCHAT_PORT": str(port),
        "MEDCHAT_REDIS_URL": redis_server.url,
        "MEDCHAT_LOG_FORMAT": "json",
    }
    log = tmp_path / "app.log"
    with log.open("w") as out:
        cmd = [sys.executable, "app.py"]
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=out, stdout=out)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            Client(url, verbose=False)
            break
        except Exception:
            assert proc.poll() is None, log.read_text()[-3000:]
            time.sleep(1)
    yield proc, url, log
    proc.terminate()
    proc.wait(timeout=30)


def run_session(url: str, session: int, out: dict, lock: threading.Lock) -> None:
    client = Client(url, verbose=False)
    latencies, firsts, errors, final = [], [], [], None
    for turn in range(TURNS):
        start, first = time.perf_counter(), None
        try:
            for update in client.submit(message(session, turn), api_name="/consult_send"):
                chat = update[1] or []
                if first is None and chat and chat[-1]["role"] == "assistant":
                    first = time.perf_counter() - start
                final = update
        except Exception as exc:
            errors.append(repr(exc))
            continue
        latencies.append(time.perf_counter() - start)
        firsts.append(first if first is not None else latencies[-1])
        if final[2]:  # a banner: a handled error (timeout, model failure, notice)
            errors.append(f"banner: {final[2][:200]}")
    with lock:
        out[session] = {"latencies": latencies, "firsts": firsts, "errors": errors, "final": final}


def run_round(url: str, first_session: int) -> tuple[dict, float]:
    out: dict = {}
    lock = threading.Lock()
    threads = [
        threading.Thread(target=run_session, args=(url, first_session + i, out, lock))
        for i in range(SESSIONS)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out, time.perf_counter() - start


def check_store(store: SessionStore, sessions: range) -> None:
    """Every session: 25 patient turns in order, each answered once; nothing lost or doubled."""
    metas = [store.get(k.decode().split(":")[2]) for k in store.r.scan_iter("medchat:s:*:meta")]
    by_visit = {}
    for meta in metas:
        turns = store.turns(meta.id)
        by_visit[int(turns[0].text[6:8])] = turns
    for session in sessions:
        turns = by_visit[session]
        patient = [t for t in turns if t.role == Role.PATIENT]
        assert [t.text[:21] for t in patient] == [message(session, i)[:21] for i in range(TURNS)]
        assert [t.role for t in turns] == [Role.PATIENT, Role.DOCTOR] * TURNS, session
        assert [t.seq for t in turns] == list(range(1, 2 * TURNS + 1))
        assert len({t.id for t in turns}) == len(turns)


def raw_redis_text(client: redis.Redis) -> str:
    parts = []
    for key in client.scan_iter("*"):
        kind = client.type(key)
        values = {
            b"string": lambda k: [client.get(k)],
            b"hash": lambda k: list(client.hgetall(k).items()),
            b"list": lambda k: client.lrange(k, 0, -1),
            b"zset": lambda k: client.zrange(k, 0, -1),
        }[kind](key)
        parts.append(repr(key) + repr(values))
    return " ".join(parts)


def test_when_16_users_talk_for_25_turns_then_nothing_is_lost_and_memory_is_reported(
    app_process, redis_server
):
    proc, url, log = app_process
    app = psutil.Process(proc.pid)
    listening = {c.laddr.ip for c in app.net_connections("tcp") if c.status == "LISTEN"}
    assert listening == {"127.0.0.1"}, f"the app listens on {listening}"
    warm = Client(url, verbose=False)
    list(warm.submit("Visit 99, message 00: hello.", api_name="/consult_send"))  # model ready
    rss = [app.memory_info().rss]
    rounds, all_latencies, all_firsts, errors, wall = 0, [], [], [], 0.0
    while rounds * SESSIONS * TURNS < MIN_TOTAL_TURNS:
        out, seconds = run_round(url, rounds * SESSIONS)
        wall += seconds
        rounds += 1
        rss.append(app.memory_info().rss)
        for result in out.values():
            all_latencies += result["latencies"]
            all_firsts += result["firsts"]
            errors += result["errors"]
        if rounds == 1:
            first_round = {
                "turn_p50_s": percentile(all_latencies, 0.5),
                "turn_p95_s": percentile(all_latencies, 0.95),
                "seconds": seconds,
            }
        print(f"round {rounds}: {seconds:.0f} s, rss {rss[-1] / 2**20:.0f} MiB", flush=True)
    turns = rounds * SESSIONS * TURNS
    mib = [round(r / 2**20, 1) for r in rss]
    figures = {
        "model": SMALL_MODEL,
        "max_new_tokens": 8,
        "concurrent_sessions": SESSIONS,
        "turns_per_session": TURNS,
        "rounds": rounds,
        "turns": turns,
        "unhandled_or_shown_errors": len(errors),
        "wall_s": round(wall, 1),
        "turns_per_min": round(60 * turns / wall, 1),
        "turn_p50_s": round(percentile(all_latencies, 0.5), 2),
        "turn_p95_s": round(percentile(all_latencies, 0.95), 2),
        "first_text_p50_s": round(percentile(all_firsts, 0.5), 2),
        "first_text_p95_s": round(percentile(all_firsts, 0.95), 2),
        "first_round": {k: round(v, 2) for k, v in first_round.items()},
        "rss_mib_after_warmup_then_each_round": mib,
        "rss_growth_mib_total": round(mib[-1] - mib[0], 1),
        "rss_growth_mib_per_1000_turns_after_round_1": round(
            (mib[-1] - mib[1]) / ((rounds - 1) * SESSIONS * TURNS) * 1000, 1
        )
        if rounds > 1
        else None,
    }
    write_result("load", figures)

    assert errors == [], errors[:5]
    client = redis.Redis.from_url(redis_server.url)
    check_store(SessionStore(client), range(rounds * SESSIONS))
    raw, logs = raw_redis_text(client), log.read_text()
    assert '"turn_stored"' in logs  # the log is the app's and it was written
    for canary in CANARIES:
        assert canary not in raw and canary not in logs, canary
