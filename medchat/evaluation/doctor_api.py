"""Benchmark a doctor that MedChat does not run: it examines the cases through the patient API.

The in-process benchmark (`doctor_bench`) puts the doctor model inside the engine, which reviews
and repairs its turns. An external doctor (any OpenAI-compatible endpoint, `--doctor-url`) is
judged on what it says itself: this loop sends the doctor prompt and the consultation so far to
the doctor model, passes its reply to the patient API as the doctor's message, and at the end
asks it for the structured close, whose diagnosis goes to the API's end-of-consultation call;
the OSCE report that comes back gives the metrics.

The patient side is a `Patients` channel: `HttpPatients` over the API with the `openai` client
(`--patient-url`), or `LocalPatients` calling the same `PatientDesk` in process. Both run the
same code behind the HTTP layer, so with greedy decoding they give the same transcript, which
the tests check.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel

from medchat.agents.doctor import DoctorAgent
from medchat.api.patients import Message, PatientDesk, model_name
from medchat.dialogue.closing import CLOSE_INSTRUCTION, parse_close
from medchat.dialogue.streaming import stream_with_timeout
from medchat.evaluation.doctor_bench import Episode, run_all
from medchat.models.budget import with_max_tokens
from medchat.types import Role, Turn


@dataclass
class Answer:
    session: str
    patient: str
    examiner: list[str] = field(default_factory=list)
    """The examiner's reports, as stored ("name: finding")."""


class Patients(Protocol):
    def ask(self, model: str, session: str | None, text: str) -> Answer: ...

    def diagnose(self, session: str, leading: str, differential: list[str]) -> dict: ...


class LocalPatients:
    """The patient desk in this process (no HTTP), for comparison and offline runs."""

    def __init__(self, desk: PatientDesk, owner: str = "eval-doctor"):
        self.desk, self.owner = desk, owner

    def ask(self, model: str, session: str | None, text: str) -> Answer:
        conv, text, retry = self.desk.open(self.owner, model, [Message("user", text)], session)
        reply = self.desk.reply(conv, self.desk.turn(conv, text, retry), retry)
        return Answer(conv.meta.id, reply.text, [e["text"] for e in reply.examiner])

    def diagnose(self, session: str, leading: str, differential: list[str]) -> dict:
        return self.desk.finish(self.owner, session, leading, differential)


class HttpPatients:
    """The patient API at `base_url` (…/v1), through the official `openai` client."""

    def __init__(self, base_url: str, api_key: str, timeout_s: float = 600.0):
        import openai

        self.client = openai.OpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s)

    def ask(self, model: str, session: str | None, text: str) -> Answer:
        headers = {"X-MedChat-Session": session} if session else None
        raw = self.client.chat.completions.with_raw_response.create(
            model=model, messages=[{"role": "user", "content": text}], extra_headers=headers
        )
        extras = (raw.parse().model_extra or {})["medchat"]  # the content, taken apart
        examiner = [e["text"] for e in extras["examiner"]]
        return Answer(raw.headers["x-medchat-session"], extras["patient"], examiner)

    def diagnose(self, session: str, leading: str, differential: list[str]) -> dict:
        body = {"diagnosis": leading, "differential": differential}
        return self.client.post(f"/medchat/sessions/{session}/diagnosis", body=body, cast_to=object)


def _say(model: BaseChatModel, messages: list, timeout_s: float) -> str:
    return "".join(stream_with_timeout(model, messages, timeout_s)).strip()


def play(
    doctor: BaseChatModel,
    patients: Patients,
    persona_id: str,
    run: int,
    max_turns: int,
    close_tokens: int,
    timeout_s: float = 180.0,
) -> Episode:
    """One consultation with variant `run` of the persona, scored by the API's OSCE report."""
    started = time.monotonic()
    agent = DoctorAgent(doctor)
    model = model_name(persona_id, run)
    turns: list[Turn] = []
    session, close = None, None
    while sum(t.role != Role.EXAMINER for t in turns) < max_turns:
        text = _say(doctor, agent.messages(turns), timeout_s) or "Could you tell me more?"
        if parse_close(text):
            close = text
            break
        answer = patients.ask(model, session, text)
        session = answer.session
        turns.append(Turn(role=Role.DOCTOR, text=text, author="doctor"))
        turns += [Turn(role=Role.EXAMINER, text=e, author="examiner") for e in answer.examiner]
        turns.append(Turn(role=Role.PATIENT, text=answer.patient, author="patient"))
    if session is None:  # the doctor closed before asking anything: still one exchange
        answer = patients.ask(model, None, "Hello, what brings you in today?")
        session = answer.session
    if close is None:
        budget = with_max_tokens(doctor, close_tokens)
        close = _say(budget, agent.messages(turns, CLOSE_INSTRUCTION), timeout_s)
    summary = parse_close(close) or {}
    leading = str(summary.get("leading diagnosis") or "")
    differential = [str(d) for d in summary.get("differential_list") or []]
    report = patients.diagnose(session, leading or "(none given)", differential)["report"]
    rank = report["diagnosis"]["rank"]
    metrics = {
        "top1": float(report["diagnosis"]["verdict"] == "correct"),
        "top3": float(rank is not None and rank <= 3),
        "coverage": report["breakdown"]["checklist"] / 100.0,
        "doctor_turns": float(sum(t.role == Role.DOCTOR for t in turns)),
        "red_flags_missed": float(len(report["red_flags_missed"])),
        "close_parsed": float(bool(leading)),
    }
    transcript = [{"role": t.role.value, "text": t.text} for t in turns]
    transcript.append({"role": "doctor", "text": close})
    return Episode(
        persona_id,
        run,
        session,
        metrics,
        leading,
        differential,
        report["diagnosis"]["verdict"],
        "closed" if summary else "no_close",
        round(time.monotonic() - started, 1),
        transcript,
    )


def benchmark(
    doctor: BaseChatModel,
    patients: Patients,
    persona_ids: Sequence[str],
    runs: int,
    max_turns: int,
    close_tokens: int,
    timeout_s: float = 180.0,
    progress: Any = None,
    concurrency: int = 1,
    journal: Path | None = None,
) -> dict[str, Any]:
    """Every persona `runs` times; the same result shape as `doctor_bench.benchmark`."""
    return run_all(
        lambda pid, run: play(doctor, patients, pid, run, max_turns, close_tokens, timeout_s),
        persona_ids,
        runs,
        max_turns,
        progress,
        concurrency,
        journal,
    )
