"""A llama-server child process: started on a free loopback port, watched, restarted, stopped.

The server is a separate process so that a crash in native code cannot take the app down with it:
a request in flight then fails with a clear error, and the next request starts a new server.
The child is told to die with its parent (Linux `PR_SET_PDEATHSIG`), so a killed app leaves no
orphan holding a gigabyte of weights. Linux sends that signal when the *thread* that forked the
child ends, not the process: the app loads its model on a warm-up thread that ends at once, which
killed the server right after it started. So every server is forked by one launcher thread that
lives as long as the process.
"""

from __future__ import annotations

import contextlib
import ctypes
import queue
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from medchat.errors import ModelError
from medchat.log import get_logger

log = get_logger("models.llamacpp.server")

_PR_SET_PDEATHSIG = 1
_LOG_ROTATE_BYTES = 10 * 2**20
try:  # bound in the parent: the child, between fork and exec, must not load libraries
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # pragma: no cover - not Linux
    _prctl = None


@dataclass(frozen=True)
class ServerOptions:
    """How to run one model: slots and context decide concurrency and memory."""

    slots: int = 8
    ctx_per_slot: int = 4096
    threads: int | None = None
    cache_ram_mib: int = 1024
    start_timeout_s: float = 120.0
    extra_args: tuple[str, ...] = ()


@dataclass
class CacheStats:
    """Prompt tokens the server reused from cache vs evaluated, summed over requests."""

    requests: int = 0
    cached_tokens: int = 0
    prompt_tokens: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, cached: int, evaluated: int) -> None:
        with self.lock:
            self.requests += 1
            self.cached_tokens += cached
            self.prompt_tokens += evaluated

    @property
    def reuse_ratio(self) -> float:
        total = self.cached_tokens + self.prompt_tokens
        return self.cached_tokens / total if total else 0.0


class LlamaServer:
    """One managed llama-server serving one GGUF model."""

    def __init__(self, binary: Path, model_path: Path, options: ServerOptions, log_dir: Path):
        self.binary = binary
        self.model_path = model_path
        self.options = options
        self.log_dir = log_dir
        self.port: int | None = None
        self.starts = 0
        self.stats = CacheStats()
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.http = httpx.Client(timeout=10.0, limits=httpx.Limits(max_connections=64))

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self.port is None:
            raise ModelError("The llama.cpp server has not been started.")
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def ensure_running(self) -> LlamaServer:
        """Start the server if it is not running (first use, or after it died)."""
        with self._lock:
            if self._closed:
                raise ModelError("The model engine is shut down; restart the app.")
            if not self.running:
                if self._proc is not None:
                    log.warning("llamacpp_restart", exit_code=self._proc.returncode)
                self._start()
        return self

    def _command(self, port: int) -> list[str]:
        o = self.options
        cmd = [
            str(self.binary),
            "--model", str(self.model_path),
            "--host", "127.0.0.1",
            "--port", str(port),
            "--parallel", str(o.slots),
            "--ctx-size", str(o.slots * o.ctx_per_slot),
            "--no-kv-unified",  # each slot owns its context: one long session cannot starve others
            "--cache-ram", str(o.cache_ram_mib),
            "--metrics",
            "--no-webui",
        ]  # fmt: skip
        if o.threads:
            cmd += ["--threads", str(o.threads), "--threads-batch", str(o.threads)]
        return cmd + list(o.extra_args)

    def _start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        log_path = self.log_dir / "llama-server.log"
        if log_path.is_file() and log_path.stat().st_size > _LOG_ROTATE_BYTES:
            log_path.replace(log_path.with_suffix(".log.1"))  # keep one previous log, bounded
        with log_path.open("ab") as out:
            self._proc = _launch(self._command(port), out)
        self.port = port
        self.starts += 1
        started = time.monotonic()
        deadline = started + self.options.start_timeout_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise ModelError(
                    f"The llama.cpp server exited at start (code {self._proc.returncode}) "
                    f"for {self.model_path.name}. Its log: {log_path}\n{_tail(log_path)}"
                )
            with contextlib.suppress(httpx.HTTPError):
                if self.http.get(f"{self.base_url}/health", timeout=2.0).status_code == 200:
                    log.info(
                        "llamacpp_started",
                        pid=self._proc.pid,
                        port=port,
                        slots=self.options.slots,
                        seconds=round(time.monotonic() - started, 2),
                    )
                    return
            time.sleep(0.1)
        self._stop_process()
        raise ModelError(
            f"The llama.cpp server did not become ready within "
            f"{self.options.start_timeout_s:g} s (MEDCHAT_LLAMACPP_START_TIMEOUT_S). "
            f"Its log: {log_path}"
        )

    def close(self) -> None:
        """Stop the server; later requests fail with a clear error."""
        with self._lock:
            self._closed = True
            self._stop_process()
        self.http.close()

    def _stop_process(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    # -- observation -----------------------------------------------------------------------
    def metrics(self) -> dict[str, float]:
        """The server's Prometheus counters (`llamacpp:*`), by name."""
        text = self.http.get(f"{self.base_url}/metrics", timeout=5.0).text
        out: dict[str, float] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                with contextlib.suppress(ValueError):
                    out[name] = float(value)
        return out


class _Launcher:
    """The one thread that forks llama-servers; it never ends before the process does."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def launch(self, cmd: list[str], out: object) -> subprocess.Popen:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="medchat-llama-launcher", daemon=True
                )
                self._thread.start()
        reply: queue.SimpleQueue = queue.SimpleQueue()
        self._jobs.put((cmd, out, reply))
        result = reply.get()
        if isinstance(result, BaseException):
            raise result
        return result

    def _run(self) -> None:
        while True:
            cmd, out, reply = self._jobs.get()
            try:
                reply.put(
                    subprocess.Popen(
                        cmd,
                        stdin=subprocess.DEVNULL,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        preexec_fn=_die_with_parent,
                    )
                )
            except BaseException as exc:  # handed to the caller (a missing binary, say)
                reply.put(exc)


_launch = _Launcher().launch


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
