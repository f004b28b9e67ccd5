"""The Generate tab: a self-play dataset job with progress, a preview and the files."""

from __future__ import annotations

import gradio as gr

from medchat.service.personas import PersonaRegistry
from medchat.service.sessions import SessionService
from medchat.ui.controllers import generate
from medchat.ui.controllers.generate import GenerateView, JobBoard
from medchat.ui.controllers.practice import persona_choices, specialties
from medchat.ui.tabs.common import owner

INTRO = (
    "Generate a dataset of AI doctor vs AI patient dialogues, scrubbed, safety-checked and "
    "quality-gated, as the `python -m medchat generate` command does. Pick cases (or leave the "
    "list empty for all), narrow them by id pattern or specialty, then press **Start**. Starting "
    "the same job again resumes it."
)


class GenerateTab:
    def __init__(
        self, backend: SessionService, registry: PersonaRegistry, board: JobBoard | None = None
    ):
        self.backend = backend
        self.registry = registry
        self.board = board or JobBoard(backend)
        gr.Markdown(INTRO)
        with gr.Row():
            self.personas = gr.Dropdown(
                persona_choices(registry),
                multiselect=True,
                label="Cases (empty = all)",
                scale=4,
                elem_id="generate-personas",
            )
            self.pattern = gr.Textbox(
                value="*", label="Case id pattern", scale=2, elem_id="generate-pattern"
            )
            self.specialty = gr.Dropdown(
                specialties(registry),
                value=generate.ANY,
                label="Specialty",
                scale=2,
                elem_id="generate-specialty",
            )
        with gr.Row():
            self.variants = gr.Number(
                1, label="Variants per case", precision=0, elem_id="generate-variants"
            )
            self.n = gr.Number(10, label="Dialogues", precision=0, elem_id="generate-n")
            self.max_turns = gr.Number(
                backend.settings.max_turns,
                label="Max turns",
                precision=0,
                elem_id="generate-max-turns",
            )
            self.fmt = gr.Radio(
                list(generate.FORMATS), value="openai", label="Format", elem_id="generate-format"
            )
            self.seed = gr.Number(0, label="Seed", precision=0, elem_id="generate-seed")
        with gr.Row():
            self.start = gr.Button("Start", variant="primary", elem_id="generate-start")
            self.cancel = gr.Button("Cancel", variant="stop", elem_id="generate-cancel")
        self.progress = gr.HTML(generate.IDLE, elem_id="generate-progress")
        self.preview = gr.Chatbot(
            label="Last finished dialogue",
            height=360,
            elem_id="generate-preview",
            group_consecutive_messages=False,
        )
        self.files = gr.File(
            label="Files", file_count="multiple", interactive=False, elem_id="generate-files"
        )
        self.timer = gr.Timer(1.0, active=False)
        self._wire()

    @property
    def outputs(self) -> list:
        return [self.progress, self.preview, self.files, self.timer]

    @staticmethod
    def show(view: GenerateView) -> list:
        """Component values; the timer polls only while a job is active."""
        return [view.progress, view.preview, view.files or None, gr.Timer(active=view.active)]

    def _wire(self) -> None:
        board, registry = self.board, self.registry

        def on_start(
            personas, pattern, specialty, variants, n, max_turns, fmt, seed, request: gr.Request
        ):
            form = dict(
                chosen=personas,
                pattern=pattern,
                specialty=specialty,
                variants=variants,
                n=n,
                max_turns=max_turns,
                fmt=fmt,
                seed=seed,
            )
            return self.show(generate.start(board, registry, owner(request), **form))

        def on_poll(request: gr.Request):
            return self.show(generate.poll(board, owner(request)))

        def on_cancel(request: gr.Request):
            return self.show(generate.cancel(board, owner(request)))

        form = [
            self.personas,
            self.pattern,
            self.specialty,
            self.variants,
            self.n,
            self.max_turns,
            self.fmt,
            self.seed,
        ]
        private = {"api_visibility": "private"}
        self.start.click(on_start, form, self.outputs, api_name="generate_start")
        self.cancel.click(on_cancel, None, self.outputs, **private)
        self.timer.tick(on_poll, None, self.outputs, api_name="generate_status")
        self.refresh = on_poll
