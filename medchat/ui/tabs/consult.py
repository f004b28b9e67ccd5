"""The Consult tab: the clinician writes as the patient, the AI doctor answers (streamed)."""

from __future__ import annotations

import gradio as gr

from medchat.service.sessions import SessionService
from medchat.ui.chatview import ChatView
from medchat.ui.controllers import consult
from medchat.ui.tabs.common import ChatPanel, clearing_input, owner, while_busy

INTRO = (
    "You play the **patient**; the AI plays the doctor. Rate each doctor reply below, then "
    "press **End consultation** for the doctor's summary and differential. Highlighted tags "
    "such as <mark>PERSON_1</mark> show where an identifier was replaced."
)


class ConsultTab:
    def __init__(self, backend: SessionService):
        self.backend = backend
        gr.Markdown(INTRO)
        with gr.Row():
            self.model = gr.Dropdown(
                backend.model_names(), value=backend.default_model, label="Doctor model", scale=3
            )
            self.new = gr.Button("New consultation", scale=1)
        self.panel = ChatPanel("consult", "Consultation", consult.new, feedback_options=None)
        with gr.Row():
            self.text = gr.Textbox(
                placeholder="Describe what brings you in today",
                show_label=False,
                scale=8,
                elem_id="consult-input",
            )
            self.send = gr.Button("Send", variant="primary", scale=1, elem_id="consult-send")
        with gr.Accordion("Rate the doctor's replies", open=True):
            with gr.Row():
                self.turn = gr.Dropdown([], label="Doctor reply", scale=4, elem_id="consult-turn")
                self.comment = gr.Textbox(label="Comment (optional)", scale=4)
                self.up = gr.Button("▲ Good", scale=1, elem_id="consult-up")
                self.down = gr.Button("▼ Poor", scale=1, elem_id="consult-down")
            self.rated = gr.Markdown(elem_id="consult-rated")
        self.end = gr.Button("End consultation", variant="stop", elem_id="consult-end")
        self.summary = gr.Markdown(elem_id="consult-summary")
        self._wire()

    @property
    def outputs(self) -> list:
        return [*self.panel.outputs, self.summary, self.turn]

    def show(self, view: ChatView) -> list:
        turns = view.doctor_turns()
        choice = gr.Dropdown(choices=turns, value=turns[0][1] if turns else None)
        return [*ChatPanel.show(view), view.summary, choice]

    def _wire(self) -> None:
        backend = self.backend

        def on_send(text: str, view: ChatView, model: str, request: gr.Request):
            yield from clearing_input(
                consult.send(backend, owner(request), view, text, model), self.show
            )

        def on_end(view: ChatView, request: gr.Request):
            for v in consult.end(backend, owner(request), view):
                yield self.show(v)

        def on_rate(score: int):
            def rate(view: ChatView, turn_id: str, comment: str, request: gr.Request):
                return consult.rate(backend, owner(request), view, turn_id, score, comment), ""

            return rate

        def on_new():
            return ["", *self.show(consult.new())]

        args = {"inputs": [self.text, self.panel.state, self.model]}
        outs = [self.text, *self.outputs]
        triggers = (self.send.click, self.text.submit)
        while_busy(self.send, triggers, on_send, **args, outputs=outs, api_name="consult_send")
        end = {"inputs": [self.panel.state], "outputs": self.outputs}
        while_busy(self.end, [self.end.click], on_end, **end, api_name="consult_end")
        rate_in = [self.panel.state, self.turn, self.comment]
        self.up.click(on_rate(1), rate_in, [self.rated, self.comment], api_visibility="private")
        self.down.click(on_rate(-1), rate_in, [self.rated, self.comment], api_visibility="private")
        self.new.click(on_new, None, outs, api_visibility="private")
