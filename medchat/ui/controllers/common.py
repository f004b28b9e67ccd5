"""Helpers every tab's handlers share: getting a conversation, waiting for the model."""

from __future__ import annotations

from collections.abc import Generator, Iterator

from medchat.errors import MedChatError
from medchat.service.conversation import Conversation
from medchat.service.sessions import SessionService
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


def opened(
    backend: SessionService, owner: str, view: ChatView, role: str | None = None
) -> Generator[ChatView, None, Conversation | None]:
    """The session's conversation once the model playing `role` in it (default: the app's
    model) is ready, showing progress meanwhile; on an error, a notice and None.
    Use as `conv = yield from opened(...)`."""
    try:
        conv = live(backend, owner, view)
        yield from ready(backend, view, conv.meta.models.get(role) if role else None)
    except MedChatError as exc:
        yield notice(view, exc)
        return None
    return conv
