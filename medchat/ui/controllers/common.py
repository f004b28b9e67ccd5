"""Helpers every tab's handlers share: getting a conversation, waiting for the model."""

from __future__ import annotations

from collections.abc import Iterator

from medchat.errors import MedChatError
from medchat.service.conversation import Conversation
from medchat.service.personas import Persona
from medchat.service.personas import persona_of as _persona_of
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
    return _persona_of(meta.persona_id, meta.variant)
