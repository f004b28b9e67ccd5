"""Conversations for every door: the models being prepared, the session store, and the
conversation of a session id.

No conversation is kept in process memory between requests: each request rebuilds it from
Redis (its transcript, metadata, surrogate map, who has taken over, the pause flag), which is
cheap next to a model turn and lets any replica behind a load balancer serve any request, and
a restart lose nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from langchain_core.language_models import BaseChatModel

from medchat.config import Settings
from medchat.dialogue import sessions
from medchat.dialogue.engine import Conversation
from medchat.dialogue.guard import Guard
from medchat.dialogue.sessions import Wiring
from medchat.errors import MedChatError
from medchat.models.warmup import ModelWarmup
from medchat.personas.loader import PersonaRegistry, default_registry
from medchat.store.sessions import SessionStore
from medchat.types import Mode, SessionMeta

GuardFactory = Callable[[SessionMeta, SessionStore], Guard]


class SessionService:
    """The single entry to the dialogue layer for the UI, the CLI and the APIs; tests build
    one from real parts."""

    def __init__(
        self,
        settings: Settings,
        store: SessionStore,
        warmup: ModelWarmup,
        guard_factory: GuardFactory,
        model_loader: Callable[[str], ModelWarmup] | None = None,
        personas: PersonaRegistry | None = None,
    ):
        self.settings = settings
        self.personas = personas if personas is not None else default_registry()
        """The deployment's persona registry: every session this service opens uses it."""
        self.store = store
        self.guard_factory = guard_factory
        self._warmups: dict[str, ModelWarmup] = {settings.model: warmup}
        self._model_loader = model_loader
        self._lock = threading.Lock()

    # -- models ------------------------------------------------------------------------------
    @property
    def default_model(self) -> str:
        return self.settings.model

    def model_names(self) -> list[str]:
        """The default model first, then any other model this deployment can load."""
        names = [self.default_model]
        loads_bundled = self.settings.resolved_backend in ("local", "llamacpp")
        if self._model_loader is not None and loads_bundled:
            from medchat.models.registry import BUNDLED

            names += [n for n in BUNDLED if n != self.default_model]
        return names

    def warmup(self, name: str | None = None) -> ModelWarmup:
        name = name or self.default_model
        with self._lock:
            if name not in self._warmups:
                if self._model_loader is None or name not in self.model_names():
                    raise MedChatError(
                        f"The model {name!r} is not available here. "
                        f"Choose one of: {', '.join(self.model_names())}."
                    )
                self._warmups[name] = self._model_loader(name).start()
            return self._warmups[name]

    def status(self, name: str | None = None) -> str:
        return self.warmup(name).status.describe()

    def wait_for_model(self, name: str | None = None) -> Iterator[str]:
        """Yield progress text until the model is ready; a failed preparation raises."""
        warmup = self.warmup(name)
        while warmup.wait(timeout=0) is None:
            yield warmup.status.describe()
            warmup.wait(timeout=1.0)

    def _wiring(self, name: str | None) -> Wiring:
        model: BaseChatModel | None = self.warmup(name).wait(timeout=0)
        if model is None:
            raise MedChatError("The model is still being prepared; please wait a moment.")
        return Wiring.one_model(self.settings, self.store, self.guard_factory, model, self.personas)

    # -- conversations -----------------------------------------------------------------------
    def start(
        self,
        owner: str,
        mode: Mode,
        persona_id: str | None = None,
        model: str | None = None,
        variant: int = 0,
    ) -> Conversation:
        return sessions.start(self._wiring(model), mode, persona_id, variant=variant, owner=owner)

    def conversation(self, owner: str, session_id: str) -> Conversation:
        """The stored conversation, as any replica sees it; a foreign id is 'not found'."""
        meta = self.store.get(session_id, owner)
        models = set(meta.models.values())
        model = next(iter(models)) if len(models) == 1 else None
        if model not in self.model_names():
            model = None
        return sessions.reopen(self._wiring(model), meta)

    # -- stored sessions ---------------------------------------------------------------------
    def list(self, owner: str) -> list[tuple[SessionMeta, int]]:
        """`owner`'s sessions, most recent first, each with its number of turns."""
        return [(meta, len(self.store.turns(meta.id))) for meta in self.store.list(owner)]

    def export(self, owner: str, session_id: str, fmt: str) -> str:
        """The stored (scrubbed) session as `json` or `markdown` text."""
        from medchat.store.export import export_json, export_markdown

        return {"json": export_json, "markdown": export_markdown}[fmt](
            self.store, session_id, owner
        )

    def delete(self, owner: str, session_id: str) -> None:
        self.store.delete(session_id, owner)  # every per-session key, the pause flag too

    def rate(self, owner: str, session_id: str, turn_id: str, score: int, comment: str) -> str:
        """Store a rating of one doctor turn; the comment is scrubbed like every stored text.
        Returns the comment as stored."""
        from medchat.dialogue.engine import check_length
        from medchat.types import Rating

        conv = self.conversation(owner, session_id)
        comment = check_length((comment or "").strip(), conv.max_chars, "comment")
        text = conv.guard.scrub(comment)
        self.store.rate(conv.meta, Rating(turn_id=turn_id, score=score, comment=text))
        return text

    # -- autoplay pause flags ----------------------------------------------------------------
    def pause(self, session_id: str, paused: bool = True) -> None:
        self.store.set_paused(session_id, paused)

    def paused(self, session_id: str) -> bool:
        return self.store.paused(session_id)
