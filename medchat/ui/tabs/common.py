"""Pieces every tab's layout shares: the chat panel and the request's owner."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import gradio as gr

from medchat.ui.chatview import ChatView
from medchat.ui.controllers.common import owner_of


def owner(request: gr.Request | None) -> str:
    return owner_of(getattr(request, "username", None) if request else None)


def clearing_input(views: Iterable[ChatView], show: Callable[[ChatView], list]) -> Iterator[list]:
    """Each streamed view behind the input box's value: emptied by the first update, then left
    alone, so what the user starts typing while a reply streams is not wiped by the next chunk."""
    for i, view in enumerate(views):
        yield ["" if i == 0 else gr.skip(), *show(view)]


def while_busy(button: gr.Button, triggers: Iterable[Any], fn: Callable, **event: Any) -> None:
    """Wire `fn` to each trigger with `button` disabled until it has finished. Gradio drops a
    click while the same click's event is still running, so an enabled Send during a streamed
    reply would swallow the user's next message without a word; a disabled one says "wait".
    The button comes back in a `.then` step, which the page starts only once `fn` is done."""
    private = {"queue": False, "api_visibility": "private"}
    for i, trigger in enumerate(triggers):
        named = event if i == 0 else {**event, "api_name": None, "api_visibility": "private"}
        trigger(lambda: gr.Button(interactive=False), None, button, **private).then(
            fn, **named
        ).then(lambda: gr.Button(interactive=True), None, button, **private)


# The alert area stays at the top of the window while it holds escalation advice. Gradio's outer
# container clips with `overflow: hidden`, which would make it the sticky box's scroller (one that
# never scrolls); `clip` cuts the same way without being a scroller.
CSS = """
.gradio-container { overflow: clip !important; }
.medchat-alert-area:has(.medchat-escalations) {
    position: sticky; top: 0; z-index: 20; background: var(--body-background-fill);
}
"""


class ChatPanel:
    """An alert area (escalations that stay, and this turn's banner), a status line and a chat,
    plus the panel's `ChatView`."""

    def __init__(self, name: str, label: str, new_view: Callable[[], ChatView], **chat: Any):
        self.name = name
        self.state = gr.State(new_view())
        self.banner = gr.HTML(elem_id=f"{name}-banner", elem_classes="medchat-alert-area")
        self.status = gr.Markdown(elem_id=f"{name}-status")
        self.chatbot = gr.Chatbot(
            label=label,
            height=chat.pop("height", 420),
            elem_id=f"{name}-chat",
            group_consecutive_messages=False,  # an examiner finding is not the patient speaking
            **chat,
        )

    @property
    def outputs(self) -> list:
        return [self.state, self.chatbot, self.banner, self.status]

    @staticmethod
    def show(view: ChatView) -> list:
        """Component values for `view`; messages are copied so Gradio sees each change."""
        return [view, [dict(m) for m in view.messages], view.alerts, view.status]

    def skip(self) -> list:
        return [gr.skip() for _ in self.outputs]
