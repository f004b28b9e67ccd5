"""Sessions: the owner's past sessions, resume, export and delete. Foreign ids reveal nothing."""

from __future__ import annotations

import time
from pathlib import Path

from medchat.errors import MedChatError
from medchat.service.sessions import SessionService

COLUMNS = ["id", "mode", "case", "status", "turns", "updated"]
SUFFIX = {"json": "json", "markdown": "md"}


def rows(backend: SessionService, owner: str) -> list[list]:
    """One row per session of `owner`, most recent first."""
    out = []
    for meta, turns in backend.list(owner):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(meta.updated))
        out.append(
            [meta.id, meta.mode.value, meta.title or "(consultation)", meta.status, turns, when]
        )
    return out


def export(backend: SessionService, owner: str, session_id: str, fmt: str, directory: Path) -> Path:
    """Write the export to a file the browser can download; only scrubbed text goes in."""
    session_id = (session_id or "").strip()
    if not session_id:
        raise MedChatError("Choose a session first.")
    text, suffix = backend.export(owner, session_id, fmt), SUFFIX[fmt]
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"medchat-{session_id}.{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def delete(backend: SessionService, owner: str, session_id: str) -> str:
    session_id = (session_id or "").strip()
    if not session_id:
        raise MedChatError("Choose a session first.")
    backend.delete(owner, session_id)
    return f"Deleted session {session_id}."
