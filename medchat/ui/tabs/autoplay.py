"""The Autoplay tab: watch the AI doctor and AI patient, step, play, pause, take over."""

from __future__ import annotations

import gradio as gr

from medchat.service.personas import PersonaRegistry
from medchat.service.sessions import SessionService
from medchat.types import Mode
from medchat.ui.chatview import ChatView
from medchat.ui.controllers import autoplay
from medchat.ui.controllers.practice import persona_choices
from medchat.ui.tabs.common import ChatPanel, clearing_input, owner, while_busy

INTRO = (
    "The AI doctor and the AI patient talk turn by turn. **Step** plays one turn, **Play** keeps "
    "going until **Pause**. Take over either side to type its turns yourself."
)


class AutoplayTab:
    def __init__(self, backend: SessionService, registry: PersonaRegistry):
        self.backend = backend
        gr.Markdown(INTRO)
        personas = persona_choices(registry)
        with gr.Row():
            self.persona = gr.Dropdown(
                personas,
                value=personas[0][1] if personas else None,
                label="Case",
                scale=5,
                elem_id="autoplay-persona",
            )
            self.start = gr.Button("Start", variant="primary", scale=1, elem_id="autoplay-start")
        self.panel = ChatPanel("autoplay", "Dialogue", lambda: ChatView(mode=Mode.AUTOPLAY))
        with gr.Row():
            self.step = gr.Button("Step", scale=1, elem_id="autoplay-step")
            self.play = gr.Button("Play", variant="primary", scale=1, elem_id="autoplay-play")
            self.pause = gr.Button("Pause", scale=1, elem_id="autoplay-pause")
            self.side = gr.Radio(
                autoplay.SIDES,
                value=autoplay.NOBODY,
                label="You play",
                scale=4,
                elem_id="autoplay-side",
            )
        with gr.Row():
            self.text = gr.Textbox(
                placeholder="Type the turn of the side you took over",
                show_label=False,
                scale=8,
                elem_id="autoplay-input",
            )
            self.send = gr.Button("Send", scale=1, elem_id="autoplay-send")
        self._wire()

    def _wire(self) -> None:
        backend, panel = self.backend, self.panel

        def on_start(persona_id: str, request: gr.Request):
            return [
                *ChatPanel.show(autoplay.start(backend, owner(request), persona_id)),
                autoplay.NOBODY,
            ]

        def on_step(view: ChatView, request: gr.Request):
            for v in autoplay.step(backend, owner(request), view):
                yield ChatPanel.show(v)

        def on_play(view: ChatView, request: gr.Request):
            max_steps = 2 * backend.settings.max_turns
            for v in autoplay.play(backend, owner(request), view, max_steps):
                yield ChatPanel.show(v)

        def on_pause(view: ChatView):
            return autoplay.pause(backend, view)

        def on_side(view: ChatView, side: str, request: gr.Request):
            return ChatPanel.show(autoplay.take_over(backend, owner(request), view, side))

        def on_send(text: str, view: ChatView, request: gr.Request):
            yield from clearing_input(
                autoplay.say(backend, owner(request), view, text), ChatPanel.show
            )

        private = {"api_visibility": "private"}
        self.start.click(
            on_start, [self.persona], [*panel.outputs, self.side], api_name="autoplay_start"
        )
        step = {"inputs": [panel.state], "outputs": panel.outputs}
        while_busy(self.step, [self.step.click], on_step, **step, api_name="autoplay_step")
        while_busy(self.play, [self.play.click], on_play, **step, **private)
        self.pause.click(on_pause, [panel.state], panel.status, **private)
        self.side.input(on_side, [panel.state, self.side], panel.outputs, **private)
        send_outs = [self.text, *panel.outputs]
        triggers = (self.send.click, self.text.submit)
        send_in = [self.text, panel.state]
        while_busy(self.send, triggers, on_send, inputs=send_in, outputs=send_outs, **private)
