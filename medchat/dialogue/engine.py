"""The bounded turn loop. Every turn, whoever types it, runs the same pipeline:

    text -> PII scrub -> safety check -> agent prompt -> model (streamed)
         -> safety check + PII scrub + role review, a clause at a time
         -> review of the whole reply, repaired if needed (see agents.repair) -> store

Only scrubbed text is stored, logged, shown or sent to a model; raw text lives in this module for
one turn at most. A failure caused by the model (exception, timeout, empty reply) becomes an
`ErrorEvent` and the conversation stays usable; anything else is a bug and is raised.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterator
from functools import partial
from typing import Any

from medchat.agents import repair
from medchat.agents.base import Agent
from medchat.clinical.review import Problem
from medchat.dialogue.closing import CLOSE_INSTRUCTION, parse_close
from medchat.dialogue.events import (
    EndEvent,
    ErrorEvent,
    Event,
    ExaminerEvent,
    RetractEvent,
    TokenEvent,
    TurnEvent,
    VerdictEvent,
)
from medchat.dialogue.exam_requests import asks_for_exam
from medchat.dialogue.guard import Guard, Verdict
from medchat.dialogue.streaming import stream_with_timeout
from medchat.dialogue.turnlock import TurnLock, exclusive
from medchat.errors import InputTooLongError, MedChatError, ModelError, ModelTimeoutError
from medchat.log import get_logger
from medchat.models.budget import with_frequency_penalty, with_max_tokens
from medchat.store.sessions import SessionStore
from medchat.types import Mode, Role, SessionMeta, Turn

log = get_logger("dialogue")

HUMAN_ROLE = {Mode.CONSULT: Role.PATIENT, Mode.PRACTICE: Role.DOCTOR}
OTHER = {Role.DOCTOR: Role.PATIENT, Role.PATIENT: Role.DOCTOR}


class Conversation:
    """One session's dialogue. Create with the session's metadata, store, guard and agents."""

    def __init__(
        self,
        meta: SessionMeta,
        store: SessionStore,
        guard: Guard,
        agents: dict[Role, Agent],
        examiner: Any | None = None,
        max_turns: int = 20,
        timeout_s: float = 180.0,
        max_chars: int = 4000,
        close_tokens: int | None = None,
        close_penalty: float = 0.0,
        lock_ttl_s: float = 15.0,
        persona: Any | None = None,
    ):
        self.meta = meta
        self.persona = persona
        """The session's persona as varied for it (None without one), from the registry the
        conversation was built with."""
        self.store = store
        self.guard = guard
        self.agents = agents
        self.examiner = examiner
        self.max_turns = max_turns
        self.timeout_s = timeout_s
        self.max_chars = max_chars
        self.close_tokens = close_tokens
        self.close_penalty = close_penalty
        # One turn at a time (see dialogue.turnlock); a turn that ends in a close takes two
        # model calls, so a waiting turn waits for both.
        self.turn_lock = TurnLock(store, meta.id, 3 * timeout_s + 30, lock_ttl_s)
        # Loaded from the session's events when a turn takes the lock (`refresh`): every turn
        # runs under it, so reading them here too would read them twice per request.
        self._red_flags: set[str] = set()

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the metadata and red flags another process may have changed since."""
        self.reload_meta()
        self._red_flags = self._stored_red_flags()

    def reload_meta(self) -> None:
        self.meta = self.store.get(self.meta.id)

    def _stored_red_flags(self) -> set[str]:
        return {
            e["category"]
            for e in self.events()
            if e.get("type") == "verdict" and e.get("action") == "escalate"
        }

    def events(self) -> list[dict[str, Any]]:
        """The session's recorded events (verdicts, examiner requests, errors)."""
        return self.store.events(self.meta.id)

    @property
    def ended(self) -> bool:
        return self.meta.status == "ended"

    def turns(self) -> list[Turn]:
        return self.store.turns(self.meta.id)

    def dialogue_turns(self) -> list[Turn]:
        return [t for t in self.turns() if t.role in (Role.DOCTOR, Role.PATIENT)]

    def next_speaker(self) -> Role:
        turns = self.dialogue_turns()
        return Role.DOCTOR if not turns else OTHER[turns[-1].role]

    @property
    def human_role(self) -> Role | None:
        """The side a person plays: fixed by the mode, or chosen in autoplay (kept in the
        session store, so another replica or a restart knows it)."""
        if self.meta.mode == Mode.AUTOPLAY:
            side = self.store.side(self.meta.id)
            return Role(side) if side else None
        return HUMAN_ROLE.get(self.meta.mode)

    def take_over(self, role: Role | None) -> None:
        """Autoplay: a person takes the `role` side (None hands it back to the model)."""
        if self.meta.mode != Mode.AUTOPLAY:
            raise MedChatError("Only autoplay sessions can change who plays which side.")
        self.store.set_side(self.meta.id, role.value if role is not None else None)

    # -- the person's turn -------------------------------------------------------------------
    @exclusive
    def say(self, text: str, examine: bool = False) -> Iterator[Event]:
        """The person speaks as their role; the model side then replies.

        With `examine`, a doctor's turn that asks for an examination or a test is also answered
        by the examiner, before the patient replies: the order model-vs-model dialogues use, so
        a doctor agent driven over the patient API gets the same findings at the same point."""
        role = self._require_human_turn()
        text = check_length(_clean(text), self.max_chars)
        if not text:
            raise MedChatError("The message is empty.")
        scrubbed, verdict = self.guard.inbound(text, self._safety_mode())
        del text  # raw text is not needed past this point
        turn = self._store(role, scrubbed, "human", {"input": verdict.as_dict()})
        yield TurnEvent(turn)
        if verdict.action != "allow":
            yield self._verdict_event("input", verdict)
        if verdict.action == "block":
            return
        if examine and role == Role.DOCTOR and self.examiner and asks_for_exam(scrubbed):
            yield from self._examine(scrubbed)
        yield from self._after_turn(OTHER[role], crisis=verdict.action == "escalate")

    @exclusive
    def examine(self, request: str) -> Iterator[Event]:
        """Practice: the student asks the examiner for a finding or a test result."""
        yield from self._examine(request)

    def _examine(self, request: str) -> Iterator[Event]:
        if self.examiner is None:
            raise MedChatError("This session has no examiner (it needs a persona).")
        request = self.guard.scrub(check_length(_clean(request), self.max_chars, "request"))
        result = self.examiner.respond(request)
        yield ExaminerEvent(result.kind, result.name, result.finding, result.status)
        self.store.add_event(self.meta, {"type": "examiner", "request": request, **_public(result)})
        text = f"{result.name}: {result.finding}"
        yield TurnEvent(self._store(Role.EXAMINER, text, "examiner", None, {"request": request}))

    # -- the model's turn --------------------------------------------------------------------
    @exclusive
    def step(self) -> Iterator[Event]:
        """Autoplay/selfplay: the model plays the next speaker's turn."""
        role = self.next_speaker()
        if role == self.human_role:
            raise MedChatError(f"It is your turn as the {role.value}.")
        yield from self._after_turn(role)

    def _after_turn(self, role: Role, crisis: bool = False) -> Iterator[Event]:
        if self.ended:
            return
        if role == self.human_role:
            return
        if role == Role.DOCTOR and len(self.dialogue_turns()) >= self.max_turns:
            yield from self._close("turn_cap")
            return
        yield from self._model_turn(role, crisis=crisis)

    def _model_turn(
        self,
        role: Role,
        instruction: str | None = None,
        max_tokens: int | None = None,
        crisis: bool = False,
    ) -> Iterator[Event]:
        """One model turn. `crisis`: the doctor answers a message the safety layer escalated.
        Such a reply is held back until it is whole and checked: one without emergency or
        crisis advice is replaced by the agent's fixed crisis reply, so a harmful answer to an
        injection wrapped in a crisis never reaches the screen, not even while streaming."""
        agent = self.agents[role]
        hold = crisis and role == Role.DOCTOR and instruction is None
        turns = self.turns()
        messages = agent.messages(turns, instruction)
        model = with_max_tokens(agent.model, max_tokens)
        if instruction is not None:  # the close: a list a greedy model may loop in
            model = with_frequency_penalty(model, self.close_penalty)
        scripted = agent.scripted_reply(turns) if instruction is None else None
        if scripted is None:
            chunks = stream_with_timeout(model, messages, self.timeout_s)
        else:
            chunks = iter([scripted])
        reviewed = instruction is None and scripted is None  # a close has its own parser
        context = {**agent.output_context(), "red_flags": sorted(self._red_flags)}
        released: list[str] = []
        verdict: Verdict | None = None
        early: list[Problem] | None = None
        started = time.monotonic()
        outbound = self.guard.outbound(_from_model(chunks, role), self._safety_mode(), context)
        try:
            for item in outbound:
                if isinstance(item, Verdict):
                    verdict = item
                    continue
                if reviewed and (found := agent.review("".join(released) + item, final=False)):
                    early = found  # stop generating; what is already on screen is retracted
                    break
                released.append(item)
                if not hold:
                    yield TokenEvent(role, item)
        except ModelError as exc:  # the backend failed or timed out; the transcript stays as it was
            log.warning("model_failed", role=role.value, error=type(exc.__cause__ or exc).__name__)
            yield self._error(error_kind(exc), str(exc))
            return
        finally:
            outbound.close()
        text = "".join(released).strip()
        shown = "" if hold else text
        review: dict[str, Any] = {"scripted": True} if scripted is not None else {}
        if verdict is not None:
            yield self._verdict_event("output", verdict)
            if verdict.action == "block" and self._recited_unasked(verdict, reviewed):
                # Model against model, nobody asked for the instructions: a refusal would
                # answer no one, so the turn is repaired like any reply out of role.
                text, early = "", [Problem("role_break", "reads out its instructions")]
            elif verdict.action == "block":
                text, reviewed = agent.replacement(verdict, text), False
            elif hold and verdict.action == "escalate":  # no emergency or crisis advice in it
                text, reviewed = agent.crisis_reply(verdict.category), False
                review = {"replaced": "crisis_reply"}
        if reviewed and (text or early):
            regenerate = partial(self._regenerate, model, context)
            try:
                fixed = repair.finish(agent, turns, text, regenerate, early, self.guard.scrub)
            except ModelError as exc:
                yield self._error(error_kind(exc), str(exc))
                return
            text, review = fixed.text.strip(), fixed.meta()
            if hold and text and self._lacks_advice(text, context):  # the repair dropped it
                text = agent.crisis_reply(_crisis_category(self._red_flags))
                review = {**review, "replaced": "crisis_reply"}
            if shown and not text.startswith(shown):
                yield RetractEvent(role)
            if text != shown:
                yield TokenEvent(role, text[len(shown) :] if text.startswith(shown) else text)
        if not text:
            yield self._error("empty", f"The {role.value} model returned an empty reply.")
            return
        safety = {"output": (verdict or Verdict("allow")).as_dict()}
        meta = {"seconds": round(time.monotonic() - started, 3), **agent.turn_meta()}
        if review:
            meta["review"] = review
        turn = self._store(role, text, agent.name, safety, meta)
        yield TurnEvent(turn)
        if role == Role.DOCTOR and (summary := parse_close(text)):
            yield from self._end("doctor_closed", summary)
        elif role == Role.DOCTOR and self._examiner_follows(text):
            yield from self._examine(text)

    def _regenerate(self, model: Any, context: dict[str, Any], messages: list) -> str:
        """One non-streamed reply for a repair, scrubbed and checked like any other ("" if the
        output check stops it)."""
        try:
            raw = "".join(stream_with_timeout(model, messages, self.timeout_s))
        except MedChatError:
            raise
        except Exception as exc:  # as in the streamed turn: the backend failed, not the app
            raise ModelError(f"The model failed on the retry ({type(exc).__name__}).") from exc
        out = []
        for item in self.guard.outbound(iter([raw]), self._safety_mode(), context):
            if isinstance(item, Verdict):
                if item.action == "block":
                    return ""
            else:
                out.append(item)
        return "".join(out)

    def _lacks_advice(self, text: str, context: dict[str, Any]) -> bool:
        """Whether the output check, run again on a repaired reply to an escalated message,
        objects to it (it gives no emergency or crisis advice, or is blocked)."""
        checked = self.guard.outbound(iter([text]), self._safety_mode(), context)
        return any(isinstance(v, Verdict) and v.action != "allow" for v in checked)

    def _automatic(self) -> bool:
        """Model against model: self-play, or autoplay with no person on either side."""
        return self.meta.mode in (Mode.AUTOPLAY, Mode.SELFPLAY) and self.human_role is None

    def _recited_unasked(self, verdict: Verdict, reviewed: bool) -> bool:
        """A reply blocked for repeating its instructions when both sides are models: the block
        is a role break to repair, not a refusal, since nobody asked."""
        return self._automatic() and reviewed and verdict.category == "prompt_disclosure"

    def _examiner_follows(self, doctor_text: str) -> bool:
        """In model-vs-model modes the examiner answers the model doctor's exam requests."""
        return self._automatic() and self.examiner is not None and asks_for_exam(doctor_text)

    # -- ending ------------------------------------------------------------------------------
    @exclusive
    def close(self, reason: str = "requested") -> Iterator[Event]:
        """Ask the doctor for the structured close (summary, differential, plan, safety-net)."""
        yield from self._close(reason)

    def _close(self, reason: str) -> Iterator[Event]:
        if self.ended:
            return
        if Role.DOCTOR not in self.agents:
            yield from self._end(reason, {})
            return
        events = list(self._model_turn(Role.DOCTOR, CLOSE_INSTRUCTION, self.close_tokens))
        yield from (e for e in events if not isinstance(e, EndEvent))
        turn = next((e.turn for e in events if isinstance(e, TurnEvent)), None)
        summary = parse_close(turn.text) if turn else None
        yield from self._end(reason, summary or ({"text": turn.text} if turn else {}))

    def _end(self, reason: str, summary: dict[str, Any]) -> Iterator[Event]:
        self.meta.status = "ended"
        self.meta.summary = {"reason": reason, **summary}
        self.store.save(self.meta)
        log.info("conversation_ended", session=self.meta.id, reason=reason)
        yield EndEvent(reason, summary)

    # -- helpers -----------------------------------------------------------------------------
    def _require_human_turn(self) -> Role:
        if self.ended:
            raise MedChatError("This consultation has ended; start a new session.")
        if self.human_role is None:
            raise MedChatError("Nobody plays a side in this session; take over a side first.")
        return self.human_role

    def _safety_mode(self) -> str:
        return {Mode.CONSULT: "consult", Mode.PRACTICE: "practice"}.get(self.meta.mode, "selfplay")

    def _store(
        self, role: Role, text: str, author: str, safety: dict | None, meta: dict | None = None
    ) -> Turn:
        turn = self.store.append_turn(
            self.meta, Turn(role=role, text=text, author=author, safety=safety, meta=meta or {})
        )
        log.info(
            "turn_stored", session=self.meta.id, seq=turn.seq, role=role.value, chars=len(text)
        )
        return turn

    def _verdict_event(self, direction: str, verdict: Verdict) -> VerdictEvent:
        if verdict.action == "escalate" and direction == "input":
            self._red_flags.add(verdict.category)
        self.store.add_event(
            self.meta, {"type": "verdict", "direction": direction, **verdict.as_dict()}
        )
        log.info(
            "safety_verdict",
            session=self.meta.id,
            direction=direction,
            action=verdict.action,
            category=verdict.category,
        )
        return VerdictEvent(
            direction, verdict.action, verdict.category, verdict.reason, verdict.message
        )

    def _error(self, kind: str, message: str) -> ErrorEvent:
        self.store.add_event(self.meta, {"type": "error", "kind": kind, "message": message})
        log.warning("turn_error", session=self.meta.id, kind=kind)
        return ErrorEvent(kind, message + " The conversation is kept; you can try again.")


def _crisis_category(red_flags: set[str]) -> str:
    """The fixed crisis reply's kind, as the output check picks it."""
    return "self_harm" if "self_harm" in red_flags else "emergency"


def _from_model(chunks: Iterator[str], role: Role) -> Iterator[str]:
    """The model's chunks, with a backend exception turned into a `ModelError` here, before the
    guard sees the stream: what the guard itself raises is then a bug and is not reported to the
    user as a model failure."""
    try:
        yield from chunks
    except MedChatError:
        raise
    except Exception as exc:
        raise ModelError(f"The {role.value} model failed ({type(exc).__name__}).") from exc


def error_kind(exc: ModelError) -> str:
    """The `ErrorEvent` kind of a model failure, by its type."""
    return "timeout" if isinstance(exc, ModelTimeoutError) else "model"


def check_length(text: str, max_chars: int, what: str = "message") -> str:
    """Refuse over-long input with a clear error: cutting it silently would store (and score)
    something the person never wrote."""
    if len(text) > max_chars:
        raise InputTooLongError(
            f"The {what} has {len(text)} characters; the limit is {max_chars} "
            "(MEDCHAT_MAX_MESSAGE_CHARS). Please shorten it."
        )
    return text


_SPACES = {"Zs", "Zl", "Zp"}


def _clean(text: str) -> str:
    """NFKC-normalise, turn Unicode spaces and line separators into spaces, drop other
    invisible characters (keeping newlines and tabs), and trim.

    Fullwidth digits and `＠`, or a zero-width space inside a name, would otherwise slip an
    identifier past the scrubber's patterns; a bidi override could disguise what is stored.
    """
    return "".join(_visible(c) for c in unicodedata.normalize("NFKC", text)).strip()


def _visible(char: str) -> str:
    if char in "\n\t" or char.isprintable():
        return char
    return " " if unicodedata.category(char) in _SPACES else ""


def _public(result: Any) -> dict[str, Any]:
    return {"kind": result.kind, "name": result.name, "status": result.status}
