"""Build and launch the Gradio app."""

from __future__ import annotations

from collections.abc import Iterator

import gradio as gr

from medchat.config import Settings, get_settings
from medchat.errors import MedChatError
from medchat.log import configure_logging
from medchat.models import load_chat_model
from medchat.models.warmup import ModelWarmup
from medchat.ui.consult import consult_reply


def build_app(settings: Settings, warmup: ModelWarmup) -> gr.Blocks:
    """The MedChat UI; `warmup` supplies the model (tests pass their own)."""

    def respond(message: str, history: list[dict]) -> Iterator[str]:
        try:
            yield from consult_reply(message, history, warmup, settings.max_message_chars)
        except MedChatError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Blocks(title="MedChat") as demo:
        gr.Markdown(
            "# MedChat\nA simulated consultation: you are the patient, the model is the doctor."
        )
        status = gr.Markdown(warmup.status.describe())
        gr.Timer(1.0).tick(
            warmup.status.describe, outputs=status, api_visibility="private"
        )
        gr.ChatInterface(
            respond,
            chatbot=gr.Chatbot(height=480, label="Consultation"),
            textbox=gr.Textbox(placeholder="Describe what brings you in today", scale=7),
            concurrency_limit=None,
            api_name="chat",
        )
    return demo


def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    warmup = ModelWarmup(lambda progress: load_chat_model(settings, progress=progress)).start()
    demo = build_app(settings, warmup)
    demo.queue(default_concurrency_limit=None).launch(
        server_name=settings.host, server_port=settings.port, show_error=True
    )
