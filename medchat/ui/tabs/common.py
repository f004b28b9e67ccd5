"""Pieces every tab's layout shares: the chat panel and the request's owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from medchat.ui.chatview import ChatView
from medchat.ui.controllers.common import owner_of


def owner(request: gr.Request | None) -> str:
    return owner_of(getattr(request, "username", None) if request else None)


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
