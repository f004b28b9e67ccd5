"""The student's diagnosis submission in practice: the engine's rules (scrub before storing,
record an event, end the session with a summary), under the session's turn lock."""

from __future__ import annotations

import re
from typing import Any

from medchat.dialogue.engine import check_length
from medchat.errors import MedChatError


def split_differential(text: str) -> list[str]:
    return [d.strip(" .") for d in re.split(r"[;\n,]", text or "") if d.strip(" .")]


def submit_diagnosis(conv: Any, leading: str, differential: str) -> dict:
    with conv.turn_lock.hold():
        conv.refresh()
        return _submit(conv, leading, differential)


def _submit(conv: Any, leading: str, differential: str) -> dict:
    if conv.ended:
        raise MedChatError("This session has ended; start a new case.")
    leading = (leading or "").strip()
    differential = check_length(differential or "", conv.max_chars, "differential")
    leading = conv.guard.scrub(check_length(leading, conv.max_chars, "leading diagnosis"))
    if not leading:
        raise MedChatError("Write your leading diagnosis first.")
    items = [conv.guard.scrub(d) for d in split_differential(differential)]
    summary = {"leading diagnosis": leading, "differential_list": items}
    conv.store.add_event(conv.meta, {"type": "diagnosis", **summary})
    conv.meta.status = "ended"
    conv.meta.summary = {"reason": "diagnosis_submitted", **summary}
    conv.store.save(conv.meta)
    return summary
