"""Start or resume a conversation: pick agents for the mode, persona and models, wire the guard.

The UI, the terminal chat and batch self-play all come through here, so every conversation gets
the same pipeline whichever door it came in by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel

from medchat.agents.base import Agent
from medchat.agents.doctor import PROMPT_VERSION as DOCTOR_PROMPT
from medchat.agents.doctor import DoctorAgent
from medchat.agents.patient import PROMPT_VERSION as PATIENT_PROMPT
from medchat.agents.patient import PatientAgent
from medchat.config import Settings
from medchat.dialogue.engine import Conversation
from medchat.dialogue.guard import Guard
from medchat.errors import MedChatError
from medchat.personas.loader import PersonaRegistry, default_registry
from medchat.personas.schema import Persona
from medchat.personas.variation import make_variant
from medchat.store.sessions import SessionStore
from medchat.types import Mode, Role, SessionMeta


@dataclass
class CaseExaminer:
    """The examiner bound to one persona, as the engine calls it."""

    persona: Persona
    examiner: Any

    def respond(self, request: str) -> Any:
        return self.examiner.respond(self.persona, request)


@dataclass
class Wiring:
    """What a conversation is built from; tests and the batch runner pass their own parts."""

    settings: Settings
    store: SessionStore
    guard_factory: Callable[[SessionMeta, SessionStore], Guard]
    """Makes a session's guard; its surrogate map lives in the store it is given."""
    model_for: Callable[[Role], BaseChatModel]
    examiner: Any | None = None
    personas: PersonaRegistry = field(default_factory=default_registry)
    """Where sessions find their cases: the deployment's one registry, passed in."""

    @classmethod
    def one_model(
        cls,
        settings: Settings,
        store: SessionStore,
        guard_factory: Callable[[SessionMeta, SessionStore], Guard],
        model: BaseChatModel,
        personas: PersonaRegistry | None = None,
    ) -> Wiring:
        """The usual wiring: one model serves both roles (its batching layer interleaves them)."""
        return cls(
            settings,
            store,
            guard_factory,
            lambda role: model,
            personas=personas if personas is not None else default_registry(),
        )


def persona_of(meta: SessionMeta, personas: PersonaRegistry) -> Persona | None:
    """The session's persona, as varied for it; None for a session without one."""
    if meta.persona_id is None:
        return None
    return make_variant(personas.get(meta.persona_id), meta.variant)


def _agents(meta: SessionMeta, wiring: Wiring, persona: Persona | None) -> dict[Role, Agent]:
    agents: dict[Role, Agent] = {}
    if meta.mode != Mode.PRACTICE:
        agents[Role.DOCTOR] = DoctorAgent(wiring.model_for(Role.DOCTOR))
    if meta.mode != Mode.CONSULT:
        if persona is None:
            raise MedChatError(f"A {meta.mode.value} session needs a persona (--persona ID).")
        agents[Role.PATIENT] = PatientAgent(wiring.model_for(Role.PATIENT), persona)
    return agents


def _build(meta: SessionMeta, wiring: Wiring) -> Conversation:
    persona = persona_of(meta, wiring.personas)
    agents = _agents(meta, wiring, persona)
    examiner = None
    if persona is not None and meta.mode in (Mode.PRACTICE, Mode.AUTOPLAY, Mode.SELFPLAY):
        if wiring.examiner is None:
            from medchat.agents.examiner import Examiner

            wiring.examiner = Examiner()
        examiner = CaseExaminer(persona, wiring.examiner)
    s = wiring.settings
    return Conversation(
        meta,
        wiring.store,
        wiring.guard_factory(meta, wiring.store),
        agents,
        examiner=examiner,
        max_turns=s.max_turns,
        timeout_s=s.turn_timeout_s,
        max_chars=s.max_message_chars,
        close_tokens=s.close_tokens,
        close_penalty=s.close_frequency_penalty,
        lock_ttl_s=s.turn_lock_ttl_s,
        persona=persona,
    )


def start(
    wiring: Wiring,
    mode: Mode | str,
    persona_id: str | None = None,
    variant: int = 0,
    owner: str = "local",
    seed: int = 0,
) -> Conversation:
    """Create and store a new session, then return its conversation."""
    mode = Mode(mode)
    meta = SessionMeta(mode=mode, persona_id=persona_id, variant=variant, owner=owner, seed=seed)
    conversation = _build(meta, wiring)
    meta.models = {role.value: agent.name for role, agent in conversation.agents.items()}
    meta.prompt_versions = {
        role.value: {Role.DOCTOR: DOCTOR_PROMPT, Role.PATIENT: PATIENT_PROMPT}[role]
        for role in conversation.agents
    }
    if persona_id:
        meta.title = wiring.personas.get(persona_id).title
    wiring.store.create(meta)
    return conversation


def resume(wiring: Wiring, session_id: str, owner: str | None = None) -> Conversation:
    """The conversation of a stored session, as it was (after a restart too)."""
    return reopen(wiring, wiring.store.get(session_id, owner))


def reopen(wiring: Wiring, meta: SessionMeta) -> Conversation:
    """The conversation of a stored session whose metadata the caller has already read."""
    return _build(meta, wiring)
