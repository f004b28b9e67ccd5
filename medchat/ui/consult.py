"""Plain generators behind the consult chat, testable without a browser or Gradio."""

from __future__ import annotations

from collections.abc import Iterator

from medchat.agents.doctor import doctor_messages
from medchat.errors import InputTooLongError, MedChatError
from medchat.log import get_logger
from medchat.models.warmup import ModelWarmup

log = get_logger("ui.consult")


def history_pairs(history: list[dict]) -> list[tuple[str, str]]:
    """Gradio's messages history -> `(role, text)` pairs for the doctor prompt."""
    pairs = []
    for item in history:
        content = item.get("content")
        if isinstance(content, list):  # Gradio 6 may wrap text as [{"type": "text", "text": ...}]
            content = " ".join(c.get("text", "") for c in content if isinstance(c, dict))
        role = "patient" if item.get("role") == "user" else "doctor"
        pairs.append((role, str(content or "")))
    return pairs


def consult_reply(
    message: str, history: list[dict], warmup: ModelWarmup, max_chars: int
) -> Iterator[str]:
    """Stream the doctor's reply to the patient's `message`; yields the text so far."""
    if len(message) > max_chars:
        raise InputTooLongError(
            f"Your message has {len(message)} characters; the limit is {max_chars}. "
            "Please shorten it (MEDCHAT_MAX_MESSAGE_CHARS)."
        )
    model = warmup.wait(timeout=0)
    while model is None:
        yield warmup.status.describe()
        model = warmup.wait(timeout=1.0)
    messages = doctor_messages([*history_pairs(history), ("patient", message)])
    reply = ""
    try:
        for chunk in model.stream(messages):
            reply += str(chunk.content)
            yield reply
    except MedChatError:
        raise
    except Exception as exc:  # a backend failure: tell the user, keep the conversation
        log.error("consult_model_error", error=type(exc).__name__)
        raise MedChatError(
            f"The model failed to answer ({type(exc).__name__}); try again."
        ) from exc
    log.info("consult_turn", reply_chars=len(reply))
    if not reply.strip():
        yield "(The model returned an empty reply; please send your message again.)"
