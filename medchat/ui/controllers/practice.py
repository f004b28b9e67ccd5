"""Practice: the student is the doctor, a persona the patient, the examiner reports findings.

The student sees only the patient card; the diagnosis appears in the feedback after they submit
theirs: the OSCE report (`medchat.evaluation.osce`) with its chart and a downloadable HTML copy.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from medchat.errors import MedChatError
from medchat.log import get_logger
from medchat.service.conversation import submit_diagnosis
from medchat.service.personas import Persona, PersonaRegistry
from medchat.service.sessions import SessionService
from medchat.types import Mode
from medchat.ui import render
from medchat.ui.chatview import ChatView, fold
from medchat.ui.controllers.common import clear_notices, live, notice, opened
from medchat.ui.feedback import practice_feedback

log = get_logger("ui.practice")

ANY = "any"
RANDOM = "random"


def specialties(registry: PersonaRegistry) -> list[str]:
    return [ANY, *sorted({p.specialty.value for p in registry})]


def difficulties(registry: PersonaRegistry) -> list[str]:
    order = {"easy": 0, "medium": 1, "hard": 2}
    return [ANY, *sorted({p.difficulty.value for p in registry}, key=order.get)]


def matching(registry: PersonaRegistry, specialty: str, difficulty: str) -> list[Persona]:
    return [
        p
        for p in registry
        if specialty in (ANY, p.specialty.value) and difficulty in (ANY, p.difficulty.value)
    ]


def persona_choices(personas: Iterable[Persona]) -> list[tuple[str, str]]:
    """(label, id) pairs for every persona picker: the title, never the raw id.

    Titles never name the diagnosis. Only where two titles are the same is the specialty added
    ("Cough in a 40-year-old (respiratory)"), or the id if that still does not tell them apart.
    """
    personas = list(personas)
    titles = Counter(p.title for p in personas)
    titled = Counter((p.title, p.specialty) for p in personas)
    choices = []
    for p in personas:
        label = p.title
        if titles[p.title] > 1:
            extra = (
                p.specialty.value.replace("_", " ") if titled[p.title, p.specialty] == 1 else p.id
            )
            label = f"{label} ({extra})"
        choices.append((label, p.id))
    return choices


def case_choices(registry: PersonaRegistry, specialty: str, difficulty: str) -> list[tuple]:
    """(label, id) pairs for the Practice case picker, after a "Random case" entry."""
    return [("Random case", RANDOM), *persona_choices(matching(registry, specialty, difficulty))]


@dataclass
class PracticeView:
    chat: ChatView
    card: str = ""
    feedback: str = ""
    chart: Path | None = None
    """The score chart (PNG) once the student has submitted."""
    report: Path | None = None
    """The downloadable HTML report once the student has submitted."""


def start(
    backend: SessionService,
    owner: str,
    registry: PersonaRegistry,
    case_id: str,
    specialty: str = ANY,
    difficulty: str = ANY,
    rng: random.Random | None = None,
    reports: Path | None = None,
) -> PracticeView:
    """Open a new practice session on the chosen (or a random matching) case."""
    view = PracticeView(ChatView(mode=Mode.PRACTICE))
    try:
        if case_id in (None, "", RANDOM):
            cases = matching(registry, specialty, difficulty)
            if not cases:
                raise MedChatError("No case matches that specialty and difficulty.")
            case_id = (rng or random.Random()).choice(cases).id
        conv = backend.start(owner, Mode.PRACTICE, registry.get(case_id).id)
    except MedChatError as exc:
        notice(view.chat, exc)
        return view
    return resume(conv, reports)


def resume(conv, reports: Path | None = None) -> PracticeView:
    from medchat.ui.chatview import from_conversation

    persona = conv.persona
    chat = from_conversation(conv)
    chat.status = "You are the doctor: greet the patient and take a history."
    view = PracticeView(chat, render.patient_card(persona) if persona else "")
    if conv.ended and reports is not None:
        _show_feedback(view, conv, reports)
    return view


def say(backend: SessionService, owner: str, view: ChatView, text: str) -> Iterator[ChatView]:
    clear_notices(view)
    if not (text or "").strip():
        yield notice(view, "Type a question for the patient first.")
        return
    conv = yield from opened(backend, owner, view, "patient")
    if conv is None:
        return
    yield from fold(view, conv.say(text))


def examine(
    backend: SessionService, owner: str, view: ChatView, request: str
) -> Iterator[ChatView]:
    """An examination or a test: the examiner answers only from the case."""
    clear_notices(view)
    if not (request or "").strip():
        yield notice(view, "Say what to examine or which test to order.")
        return
    try:
        conv = live(backend, owner, view)
    except MedChatError as exc:
        yield notice(view, exc)
        return
    yield from fold(view, conv.examine(request))


def submit(
    backend: SessionService,
    owner: str,
    view: ChatView,
    leading: str,
    differential: str,
    reports: Path,
) -> PracticeView:
    """Record the student's diagnosis, end the session, and score it (files go to `reports`)."""
    clear_notices(view)
    result = PracticeView(view)
    try:
        conv = live(backend, owner, view)
        submit_diagnosis(conv, leading, differential)
    except MedChatError as exc:
        notice(view, exc)
        return result
    view.ended = True
    view.status = "Submitted. Your feedback is below."
    _show_feedback(result, conv, reports)
    return result


def _show_feedback(view: PracticeView, conv, reports: Path) -> None:
    """Score the session; if scoring fails the transcript and checklist are still shown."""
    persona = conv.persona
    if persona is None:
        view.feedback = fallback_feedback(conv, "its case file is no longer available")
        return
    try:
        result = practice_feedback(conv, persona, reports)
    except Exception as exc:  # feedback must never lose the submitted session
        log.error("practice.feedback_failed", session=conv.meta.id, error=type(exc).__name__)
        view.feedback = fallback_feedback(conv, "scoring failed")
        return
    view.feedback, view.chart, view.report = result.markdown, result.chart, result.report


def fallback_feedback(conv, why: str) -> str:
    """Without a score: their answer, the case's, transcript and checklist."""
    persona = conv.persona
    summary = conv.meta.summary or {}
    rows = ["## Feedback", f"*No score for this session ({why}); compare for yourself:*"]
    leading = render.mark_identifiers(summary.get("leading diagnosis", "—"))
    rows.append(f"**Your leading diagnosis:** {leading}")
    differential = summary.get("differential_list") or []
    if differential:
        rows.append(
            "**Your differential:** " + "; ".join(render.mark_identifiers(d) for d in differential)
        )
    if persona is not None:
        rows.append(f"**Case diagnosis:** {persona.diagnosis.name}")
    rows += ["### Transcript", render.transcript_markdown(conv.turns()) or "*(no turns)*"]
    if persona is not None:
        rows += ["### Case checklist", render.checklist_markdown(persona)]
    return "\n\n".join(rows)
