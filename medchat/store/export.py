"""Export a stored session as JSON or Markdown. Only scrubbed, stored text is ever exported."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from medchat.store.sessions import SessionStore


def export_json(store: SessionStore, session_id: str, owner: str | None = None) -> str:
    meta = store.get(session_id, owner)
    ratings = store.ratings(session_id)
    return json.dumps(
        {
            "session": meta.model_dump(mode="json"),
            "turns": [t.model_dump(mode="json") for t in store.turns(session_id)],
            "ratings": {k: v.model_dump(mode="json") for k, v in ratings.items()},
            "events": store.events(session_id),
        },
        indent=2,
    )


def export_markdown(store: SessionStore, session_id: str, owner: str | None = None) -> str:
    meta = store.get(session_id, owner)
    ratings = store.ratings(session_id)
    when = datetime.fromtimestamp(meta.created, UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# MedChat session {meta.id}",
        "",
        f"- mode: {meta.mode.value}",
        f"- started: {when}",
    ]
    if meta.persona_id:
        lines.append(f"- persona: {meta.persona_id} (variant {meta.variant})")
    if meta.models:
        lines.append("- models: " + ", ".join(f"{k}={v}" for k, v in meta.models.items()))
    lines += ["", "## Transcript", ""]
    for turn in store.turns(session_id):
        lines.append(f"**{turn.role.value.capitalize()}** ({turn.author}): {turn.text}")
        if turn.id in ratings:
            r = ratings[turn.id]
            mark = {1: "up", 0: "neutral", -1: "down"}[r.score]
            lines.append(f"> rating: {mark}" + (f" — {r.comment}" if r.comment else ""))
        lines.append("")
    if meta.summary:
        lines += ["## Summary", ""]
        for key, value in meta.summary.items():
            lines.append(f"- **{key}**: {value}")
    return "\n".join(lines).rstrip() + "\n"
