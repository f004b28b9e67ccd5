"""Build and launch the Gradio app: five tabs over one `SessionService`, optional login."""

from __future__ import annotations

import signal
from typing import Any

import gradio as gr

from medchat.api.build import mount_api
from medchat.config import Settings, get_settings
from medchat.log import configure_logging
from medchat.service.build import ModelWarmup, default_service, model_warmup, shutdown
from medchat.service.personas import PersonaRegistry, default_registry
from medchat.service.sessions import SessionService
from medchat.ui.auth import Authenticator, load_users
from medchat.ui.tabs.autoplay import AutoplayTab
from medchat.ui.tabs.common import CSS
from medchat.ui.tabs.consult import ConsultTab
from medchat.ui.tabs.generate import GenerateTab
from medchat.ui.tabs.practice import PracticeTab
from medchat.ui.tabs.sessions import SessionsTab
from safety.policy.embeddings import configure as configure_safety_embedding

TITLE = "# MedChat\nSimulated doctor–patient consultations. Not medical advice."


def build_app(
    settings: Settings,
    warmup: ModelWarmup | None = None,
    backend: SessionService | None = None,
    registry: PersonaRegistry | None = None,
    login: bool = False,
) -> gr.Blocks:
    """The MedChat UI. Tests pass their own backend (real model, real Redis)."""
    if backend is None:
        if warmup is None:
            raise ValueError("build_app needs a warmup or a backend")
        backend = default_service(settings, warmup)
    registry = registry or default_registry()
    with gr.Blocks(title="MedChat") as demo:
        gr.Markdown(TITLE + ("  ·  [Log out](/logout)" if login else ""))
        status = gr.Markdown(backend.status(), elem_id="model-status")
        timer = gr.Timer(1.0)

        def model_status():
            ready = backend.warmup().status.ready or bool(backend.warmup().status.error)
            return backend.status(), gr.Timer(active=not ready)

        timer.tick(model_status, outputs=[status, timer], api_visibility="private")
        with gr.Tabs() as tabs:
            with gr.Tab("Consult", id="consult"):
                consult = ConsultTab(backend)
            with gr.Tab("Practice", id="practice"):
                practice = PracticeTab(backend, registry)
            with gr.Tab("Autoplay", id="autoplay"):
                autoplay = AutoplayTab(backend, registry)
            with gr.Tab("Generate", id="generate") as generate_tab:
                generate = GenerateTab(backend, registry)
            with gr.Tab("Sessions", id="sessions") as sessions_tab:
                sessions = SessionsTab(backend)
        sessions.wire(tabs, consult, practice, autoplay)
        sessions_tab.select(sessions.refresh_rows, None, sessions.table, api_visibility="private")
        generate_tab.select(generate.refresh, None, generate.outputs, api_visibility="private")
    return demo


def launch_options(settings: Settings) -> dict[str, Any]:
    """`launch()` arguments from settings: loopback by default, login when users are set."""
    users = load_users(settings)
    options: dict[str, Any] = {
        "server_name": settings.host,
        "server_port": settings.port,
        "show_error": True,
    }
    if users:
        options["auth"] = Authenticator(users)
        options["auth_message"] = "MedChat: log in to see your sessions."
    return options


def serve(demo: gr.Blocks, **launch: Any) -> Any:
    """Queue without a per-event limit: the model layer batches concurrent users."""
    return demo.queue(default_concurrency_limit=None).launch(**{"css": CSS, **launch})


def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    configure_safety_embedding(settings.safety_embed_engine, settings.cache_dir)
    options = launch_options(settings)
    # `docker stop` and systemd send SIGTERM: handle it like Ctrl-C, so Gradio closes its server
    # and the embedded Redis is shut down below instead of outliving the app. SIGINT too: a
    # shell starts background jobs (`make run &`, nohup) with SIGINT ignored, and Python then
    # installs no Ctrl-C handler, so `kill -INT` left the app serving (seen in a test run).
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        backend = default_service(settings, model_warmup(settings).start())
        demo = build_app(settings, backend=backend, login="auth" in options)
        serve(demo, prevent_thread_lock=True, **options)
        mount_api(demo.app, settings, backend)  # the patient API on the same port, under /v1
        demo.block_thread()
    finally:
        shutdown()
