"""What the tabs send back beside each streamed view."""

from __future__ import annotations

import gradio as gr

from medchat.ui.chatview import ChatView
from medchat.ui.tabs.common import clearing_input


def test_when_a_reply_streams_then_only_the_first_update_empties_the_input_box():
    """A later chunk must not wipe what the user has started typing (a browser test once sent
    an empty message because the reply's last chunk cleared the box after the test filled it)."""
    views = [ChatView(), ChatView(), ChatView()]
    updates = list(clearing_input(iter(views), lambda view: [id(view)]))
    assert [u[0] for u in updates] == ["", gr.skip(), gr.skip()]
    assert [u[1] for u in updates] == [id(v) for v in views]
