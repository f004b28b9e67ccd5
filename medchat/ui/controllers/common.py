"""Helpers every tab's handlers share: getting a conversation, waiting for the model."""

from __future__ import annotations

from collections.abc import Iterator

from medchat.dialogue.engine import Conversation
from medchat.errors import MedChatError
from medchat.personas.schema import Persona
from medchat.personas.variation import make_variant
from medchat.service.sessions import SessionService
from medchat.types import SessionMeta
from medchat.ui import render
from medchat.ui.chatview import ChatView

LOCAL_OWNER = "local"


def owner_of(username: str | None) -> str:
    """The login name owns the sessions; without login everything belongs to 'local'."""
    return username or LOCAL_OWNER


def notice(view: ChatView, error: Exception | str, kind: str = "notice") -> ChatView:
    view.banner = render.banner(kind, str(error))
    view.status = ""
    return view


def clear_notices(view: ChatView) -> None:
    """Drop old notices and errors before a new action (escalations are kept apart and stay)."""
    view.banner = ""
    view.status = ""


def ready(backend: SessionService, view: ChatView, model: str | None = None) -> Iterator[ChatView]:
    """Show model preparation progress in `view.status` until the model can answer."""
    for status in backend.wait_for_model(model):
        view.status = status
        yield view
    view.status = ""


def live(backend: SessionService, owner: str, view: ChatView) -> Conversation:
    if not view.session_id:
        raise MedChatError("Start a session first.")
    return backend.conversation(owner, view.session_id)


def persona_of(meta: SessionMeta) -> Persona | None:
    from medchat.personas.loader import get_persona

    if meta.persona_id is None:
        return None
    return make_variant(get_persona(meta.persona_id), meta.variant)
