"""The patient desk: what the patient API does, with no web framework in it.

A request's messages are the doctor's side of a consultation (`user`) and the patient's earlier
replies (`assistant`). The desk finds the session they continue, says the newest doctor message
through the ordinary practice pipeline (scrub, safety check, examiner for exam and test requests,
grounded patient reply, review, store) and returns what the patient said.

Which session? In this order:
  1. the `X-MedChat-Session` header: that session, or 404;
  2. the `user` field: the caller's own name for a consultation, made on first use;
  3. neither: a fresh session when the messages hold no earlier reply, else the session whose
     replies they repeat. The desk keeps an HMAC of every history it answered (not the text),
     so a stateless client that resends the whole conversation, as OpenAI clients do, continues
     its consultation without knowing about sessions.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from medchat.api.errors import ApiError, unknown_model
from medchat.errors import SessionError
from medchat.service.conversation import (
    Conversation,
    ErrorEvent,
    Event,
    ExaminerEvent,
    TurnEvent,
    VerdictEvent,
    check_length,
    split_differential,
    submit_diagnosis,
)
from medchat.service.feedback import score_practice
from medchat.service.personas import PersonaRegistry
from medchat.service.sessions import SessionService
from medchat.types import Mode, Role

PREFIX = "patient/"
_ERROR_CODES = {"model": "model_error", "timeout": "model_timeout", "empty": "model_empty"}
MAX_MESSAGES = 400
_MODEL = re.compile(r"^patient/([A-Za-z0-9_.-]+)(?:@(\d{1,6}))?$")


@dataclass
class Message:
    role: str
    content: str


@dataclass
class Reply:
    """The patient's answer to one doctor message, and what came with it."""

    session: Conversation
    text: str
    examiner: list[dict[str, str]] = field(default_factory=list)
    safety: list[dict[str, Any]] = field(default_factory=list)
    finish_reason: str = "stop"
    turn_id: str = ""

    @property
    def content(self) -> str:
        """What a chat client shows and sends back: the examiner's reports, then the patient."""
        lines = [f"[Examiner] {e['text']}" for e in self.examiner]
        return "\n".join([*lines, *([""] if lines else []), self.text]).strip()

    def extras(self) -> dict[str, Any]:
        return {
            "session": self.session.meta.id,
            "patient": self.text,
            "examiner": self.examiner,
            "safety": self.safety,
            "ended": self.session.ended,
        }


def model_name(persona_id: str, variant: int = 0) -> str:
    return f"{PREFIX}{persona_id}" + (f"@{variant}" if variant else "")


class PatientDesk:
    """Sessions of the patient API over one `SessionService` and persona registry."""

    def __init__(self, service: SessionService, registry: PersonaRegistry, secret: bytes):
        self.service, self.registry, self._secret = service, registry, secret

    # -- models ------------------------------------------------------------------------------
    def models(self) -> list[str]:
        return [model_name(pid) for pid in self.registry.ids()]

    def parse_model(self, name: str) -> tuple[str, int]:
        """(persona id, variant) of `patient/<id>[@<variant>]`; 404 for anything else."""
        found = _MODEL.match(name or "")
        if found is None or found.group(1) not in self.registry.ids():
            raise unknown_model(name, self.models())
        return found.group(1), int(found.group(2) or 0)

    # -- a turn ------------------------------------------------------------------------------
    def open(
        self,
        owner: str,
        model: str,
        messages: list[Message],
        session_id: str | None = None,
        user: str | None = None,
    ) -> tuple[Conversation, str, bool]:
        """The conversation the request continues, the doctor's new message, and whether the
        patient's reply to an earlier, already stored message is what is asked (a retry)."""
        persona_id, variant = self.parse_model(model)
        if len(messages) > MAX_MESSAGES:
            raise ApiError(
                400,
                f"At most {MAX_MESSAGES} messages per request.",
                "too_many_messages",
                param="messages",
            )
        dialogue = [m for m in messages if m.role in ("user", "assistant")]
        if not dialogue or dialogue[-1].role != "user" or not dialogue[-1].content.strip():
            raise ApiError(
                400,
                "The last message must be the doctor's (role `user`) and not empty.",
                "invalid_messages",
                param="messages",
            )
        # Before any session is made or found: a refused message must leave nothing behind.
        check_length(dialogue[-1].content.strip(), self.service.settings.max_message_chars)
        conv = self._session(owner, persona_id, variant, dialogue, session_id, user)
        if conv.persona is None or (conv.meta.persona_id, conv.meta.variant) != (
            persona_id,
            variant,
        ):
            raise ApiError(
                400,
                f"Session {conv.meta.id} is a consultation with "
                f"{model_name(conv.meta.persona_id or '?', conv.meta.variant)}, not {model}.",
                "model_mismatch",
                param="model",
            )
        if conv.ended:
            raise ApiError(409, "This consultation has ended; start a new one.", "session_ended")
        asked = sum(m.role == "user" for m in dialogue)
        turns = conv.dialogue_turns()
        stored = sum(t.role == Role.DOCTOR for t in turns)
        # A doctor message with no reply after it: its reply failed (a blocked one stays
        # unanswered, and sending it again must not get it answered).
        unanswered = bool(turns) and turns[-1].role == Role.DOCTOR and not _blocked(turns[-1])
        text = dialogue[-1].content
        if unanswered and (asked == stored or (asked == 1 and self._same(conv, text, turns[-1]))):
            return conv, text, True  # the patient's reply to it failed earlier: retry that
        if asked in (stored + 1, 1):
            return conv, text, False
        raise ApiError(
            409,
            f"The messages hold {asked} doctor message(s) but session {conv.meta.id} has "
            f"{stored}: send the conversation as this API returned it, or only the new message.",
            "history_mismatch",
            param="messages",
        )

    @staticmethod
    def _same(conv: Conversation, text: str, turn: Any) -> bool:
        """Whether `text` is the stored (scrubbed) doctor turn `turn` sent again."""
        return _norm(conv.guard.scrub(text)) == _norm(turn.text)

    def _session(
        self,
        owner: str,
        persona_id: str,
        variant: int,
        dialogue: list[Message],
        session_id: str | None,
        user: str | None,
    ) -> Conversation:
        if session_id:
            return self.service.conversation(owner, session_id)
        store = self.service.store
        if user:
            key = self._key(owner, "u", [persona_id, str(variant), user])
            found = store.r.get(key)
            if found is not None:
                try:
                    conv = self.service.conversation(owner, found.decode())
                    store.r.expire(key, store.ttl)  # the name lives as long as its session
                    return conv
                except SessionError:
                    pass  # expired: the name starts a new consultation
            if len(dialogue) > 1:
                raise ApiError(
                    404,
                    f"No consultation is named {user!r}: send only the first message to start "
                    "one under that name.",
                    "session_not_found",
                    param="user",
                )
            conv = self._start(owner, persona_id, variant)
            store.r.set(key, conv.meta.id, ex=store.ttl)
            return conv
        if len(dialogue) == 1:
            return self._start(owner, persona_id, variant)
        found = store.r.get(self._history_key(owner, persona_id, variant, dialogue[:-1]))
        if found is None:
            raise ApiError(
                404,
                "These messages continue no consultation this API answered (it may have "
                "expired). Pass the session id in the X-MedChat-Session header or a name "
                "in `user`, or send only a first message to start one.",
                "session_not_found",
                param="messages",
            )
        return self.service.conversation(owner, found.decode())

    def _start(self, owner: str, persona_id: str, variant: int) -> Conversation:
        return self.service.start(owner, Mode.PRACTICE, persona_id, variant=variant)

    def turn(self, conv: Conversation, text: str, retry: bool) -> Iterator[Event]:
        """The events of the doctor's message (or, on a retry, of the patient's reply only)."""
        return conv.step() if retry else conv.say(text, examine=True)

    def reply(self, conv: Conversation, events: Iterator[Event], retry: bool = False) -> Reply:
        """Collect a turn's events into the patient's reply; a failed turn raises (what was
        stored stays stored, and the same request retries the reply)."""
        with contextlib.closing(events):  # a failed turn must let go of the session's lock now
            return self._collect(conv, events, retry)

    def _collect(self, conv: Conversation, events: Iterator[Event], retry: bool) -> Reply:
        reply = Reply(conv, "")
        if retry:  # the examiner answered before the failure: report it with the reply
            reply.examiner = self._pending_findings(conv)
        for event in events:
            if isinstance(event, ErrorEvent):
                code = _ERROR_CODES.get(event.kind, "model_error")
                raise ApiError(
                    504 if code == "model_timeout" else 502, event.message, code, "server_error"
                )
            if isinstance(event, VerdictEvent):
                reply.safety.append(
                    {
                        "direction": event.direction,
                        "action": event.action,
                        "category": event.category,
                    }
                )
                if event.direction == "input" and event.action == "block":
                    raise ApiError(
                        400,
                        event.message or event.reason,
                        "content_policy_violation",
                        param="messages",
                    )
                if event.direction == "output" and event.action == "block":
                    reply.finish_reason = "content_filter"
            if isinstance(event, ExaminerEvent):
                reply.examiner.append(
                    {
                        "kind": event.kind,
                        "name": event.name,
                        "finding": event.finding,
                        "status": event.status,
                    }
                )
            if isinstance(event, TurnEvent):
                turn = event.turn
                if turn.role == Role.EXAMINER:
                    reply.examiner[-1]["text"] = turn.text
                elif turn.role == Role.PATIENT:
                    reply.text, reply.turn_id = turn.text, turn.id
        if not reply.text:
            raise ApiError(
                502,
                "The patient gave no reply; send the same request again.",
                "model_empty",
                "server_error",
            )
        return reply

    @staticmethod
    def _pending_findings(conv: Conversation) -> list[dict[str, str]]:
        """The examiner's reports stored after the doctor's last message."""
        turns = conv.dialogue_turns()
        last = turns[-1].seq if turns else 0
        found = []
        for turn in conv.turns():
            if turn.role == Role.EXAMINER and turn.seq > last:
                name, _, finding = turn.text.partition(": ")
                found.append({"name": name, "finding": finding, "text": turn.text})
        return found

    def remember(self, owner: str, messages: list[Message], reply: Reply) -> None:
        """Keep the HMAC of the history a stateless client will send next time."""
        conv = reply.session
        dialogue = [m for m in messages if m.role in ("user", "assistant")]
        history = [*dialogue, Message("assistant", reply.content)]
        key = self._history_key(owner, conv.meta.persona_id or "", conv.meta.variant, history)
        self.service.store.r.set(key, conv.meta.id, ex=self.service.store.ttl)

    # -- the end -----------------------------------------------------------------------------
    def finish(self, owner: str, session_id: str, diagnosis: str, differential: list[str]) -> dict:
        """Record the doctor's diagnosis, end the consultation and return its OSCE report."""
        conv = self.service.conversation(owner, session_id)
        persona = conv.persona
        if persona is None or conv.meta.mode != Mode.PRACTICE:
            raise ApiError(
                400, "Only patient consultations have an OSCE report.", "not_a_consultation"
            )
        if conv.ended:
            raise ApiError(409, "This consultation has ended already.", "session_ended")
        items = [d for item in differential for d in split_differential(item)]
        summary = submit_diagnosis(conv, diagnosis, "; ".join(items))
        report = score_practice(
            persona,
            conv.turns(),
            summary["leading diagnosis"],
            summary["differential_list"],
            started=conv.meta.created,
        )
        return {
            "session": conv.meta.id,
            "model": model_name(persona.id, conv.meta.variant),
            "report": report.to_dict(),
        }

    def transcript(self, owner: str, session_id: str) -> dict:
        conv = self.service.conversation(owner, session_id)
        return {
            "session": conv.meta.id,
            "model": model_name(conv.meta.persona_id or "?", conv.meta.variant),
            "status": conv.meta.status,
            "turns": [{"role": t.role.value, "text": t.text} for t in conv.turns()],
            "summary": conv.meta.summary,
        }

    # -- keys --------------------------------------------------------------------------------
    def _key(self, owner: str, kind: str, parts: list[str]) -> str:
        mac = hmac.new(self._secret, json.dumps(parts).encode(), hashlib.sha256).hexdigest()
        return f"medchat:api:{owner}:{kind}:{mac}"

    def _history_key(
        self, owner: str, persona_id: str, variant: int, history: list[Message]
    ) -> str:
        parts = [persona_id, str(variant), *(f"{m.role}\n{_norm(m.content)}" for m in history)]
        return self._key(owner, "h", parts)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _blocked(turn: Any) -> bool:
    return ((turn.safety or {}).get("input") or {}).get("action") == "block"
