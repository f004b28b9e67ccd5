"""The Practice tab: the student takes a history as the doctor from a simulated patient."""

from __future__ import annotations

import tempfile
from pathlib import Path

import gradio as gr

from medchat.service.personas import PersonaRegistry
from medchat.service.sessions import SessionService
from medchat.types import Mode
from medchat.ui.chatview import ChatView
from medchat.ui.controllers import practice
from medchat.ui.controllers.practice import ANY, RANDOM, PracticeView
from medchat.ui.tabs.common import ChatPanel, clearing_input, owner, while_busy

INTRO = (
    "You play the **doctor**. Pick a case, read the patient card, take a history, examine and "
    "order tests, then submit your diagnosis to see the feedback."
)


class PracticeTab:
    def __init__(self, backend: SessionService, registry: PersonaRegistry):
        self.backend, self.registry = backend, registry
        # Gradio serves files from the system temp dir; one folder per session inside it.
        self.reports = Path(tempfile.mkdtemp(prefix="medchat-osce-"))
        gr.Markdown(INTRO)
        with gr.Row():
            self.specialty = gr.Dropdown(
                practice.specialties(registry), value=ANY, label="Specialty", scale=2
            )
            self.difficulty = gr.Dropdown(
                practice.difficulties(registry), value=ANY, label="Difficulty", scale=1
            )
            self.case = gr.Dropdown(
                practice.case_choices(registry, ANY, ANY),
                value=RANDOM,
                label="Case",
                scale=4,
                elem_id="practice-case",
            )
            self.start = gr.Button(
                "Start case", variant="primary", scale=1, elem_id="practice-start"
            )
        self.card = gr.Markdown(elem_id="practice-card")
        self.panel = ChatPanel("practice", "History", lambda: ChatView(mode=Mode.PRACTICE))
        with gr.Row():
            self.text = gr.Textbox(
                placeholder="Ask the patient a question",
                show_label=False,
                scale=8,
                elem_id="practice-input",
            )
            self.ask = gr.Button("Ask", variant="primary", scale=1, elem_id="practice-ask")
        with gr.Row():
            self.request = gr.Textbox(
                placeholder="e.g. chest examination, blood pressure, ECG",
                label="Examination or test",
                scale=6,
                elem_id="practice-request",
            )
            self.exam = gr.Button("Examine", scale=1, elem_id="practice-examine")
            self.test = gr.Button("Order test", scale=1, elem_id="practice-test")
        with gr.Accordion("Submit diagnosis", open=True), gr.Row():
            self.leading = gr.Textbox(
                label="Leading diagnosis", scale=3, elem_id="practice-leading"
            )
            self.differential = gr.Textbox(
                label="Differential (separate with ;)", scale=5, elem_id="practice-differential"
            )
            self.submit = gr.Button(
                "Submit diagnosis", variant="stop", scale=1, elem_id="practice-submit"
            )
        with gr.Row():
            self.feedback = gr.Markdown(elem_id="practice-feedback")
            with gr.Column(scale=1):
                self.chart = gr.Image(
                    label="Score", type="filepath", interactive=False, elem_id="practice-chart"
                )
                self.report = gr.File(
                    label="Report (HTML, with transcript)",
                    interactive=False,
                    elem_id="practice-report",
                )
        self._wire()

    @property
    def outputs(self) -> list:
        return [*self.panel.outputs, self.card, *self.feedback_outputs]

    @property
    def feedback_outputs(self) -> list:
        return [self.feedback, self.chart, self.report]

    @staticmethod
    def show(view: PracticeView) -> list:
        return [*ChatPanel.show(view.chat), view.card, *PracticeTab.show_feedback(view)]

    @staticmethod
    def show_feedback(view: PracticeView) -> list:
        return [view.feedback, _path(view.chart), _path(view.report)]

    def _wire(self) -> None:
        backend, registry = self.backend, self.registry

        def on_filter(specialty: str, difficulty: str):
            choices = practice.case_choices(registry, specialty, difficulty)
            return gr.Dropdown(choices=choices, value=RANDOM)

        def on_start(case_id: str, specialty: str, difficulty: str, request: gr.Request):
            view = practice.start(
                backend,
                owner(request),
                registry,
                case_id,
                specialty,
                difficulty,
                reports=self.reports,
            )
            return self.show(view)

        def on_ask(text: str, view: ChatView, request: gr.Request):
            yield from clearing_input(
                practice.say(backend, owner(request), view, text), ChatPanel.show
            )

        def on_examine(request_text: str, view: ChatView, request: gr.Request):
            yield from clearing_input(
                practice.examine(backend, owner(request), view, request_text), ChatPanel.show
            )

        def on_submit(view: ChatView, leading: str, differential: str, request: gr.Request):
            v = practice.submit(backend, owner(request), view, leading, differential, self.reports)
            return [*ChatPanel.show(v.chat), *self.show_feedback(v)]

        private = {"api_visibility": "private"}
        for dropdown in (self.specialty, self.difficulty):
            dropdown.change(on_filter, [self.specialty, self.difficulty], self.case, **private)
        self.start.click(
            on_start,
            [self.case, self.specialty, self.difficulty],
            self.outputs,
            api_name="practice_start",
        )
        ask_outs = [self.text, *self.panel.outputs]
        ask_in = [self.text, self.panel.state]
        triggers = (self.ask.click, self.text.submit)
        while_busy(
            self.ask, triggers, on_ask, inputs=ask_in, outputs=ask_outs, api_name="practice_ask"
        )
        exam_outs = [self.request, *self.panel.outputs]
        for button in (self.exam, self.test):
            exam_in = [self.request, self.panel.state]
            while_busy(
                button, [button.click], on_examine, inputs=exam_in, outputs=exam_outs, **private
            )
        self.submit.click(
            on_submit,
            [self.panel.state, self.leading, self.differential],
            [*self.panel.outputs, *self.feedback_outputs],
            api_name="practice_submit",
        )


def _path(path: Path | None) -> str | None:
    return str(path) if path else None
