"""The Sessions tab: your sessions; resume one in its tab, export it, delete it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import gradio as gr

from medchat.errors import MedChatError
from medchat.service.sessions import SessionService
from medchat.types import Mode
from medchat.ui.chatview import from_conversation
from medchat.ui.controllers import practice, sessions
from medchat.ui.tabs.autoplay import AutoplayTab
from medchat.ui.tabs.common import ChatPanel, owner
from medchat.ui.tabs.consult import ConsultTab
from medchat.ui.tabs.practice import PracticeTab


class SessionsTab:
    def __init__(self, backend: SessionService):
        self.backend = backend
        self.export_dir = Path(tempfile.mkdtemp(prefix="medchat-export-"))
        gr.Markdown("Your sessions, most recent first. Click a row, or paste a session id.")
        self.refresh = gr.Button("Refresh", elem_id="sessions-refresh")
        self.table = gr.Dataframe(
            headers=sessions.COLUMNS, interactive=False, elem_id="sessions-table", wrap=True
        )
        with gr.Row():
            self.session = gr.Textbox(label="Session id", scale=4, elem_id="sessions-id")
            self.resume = gr.Button("Resume", variant="primary", elem_id="sessions-resume")
            self.json = gr.Button("Export JSON", elem_id="sessions-json")
            self.markdown = gr.Button("Export Markdown", elem_id="sessions-md")
            self.delete = gr.Button("Delete", variant="stop", elem_id="sessions-delete")
        self.message = gr.Markdown(elem_id="sessions-message")
        self.file = gr.File(label="Download", elem_id="sessions-file", interactive=False)

    def wire(
        self, tabs: gr.Tabs, consult: ConsultTab, practice_tab: PracticeTab, autoplay: AutoplayTab
    ) -> None:
        backend = self.backend

        def on_refresh(request: gr.Request):
            return sessions.rows(backend, owner(request))

        self.refresh_rows = on_refresh

        def on_select(event: gr.SelectData):
            return event.row_value[0] if event.row_value else ""

        def on_export(fmt: str):
            def export(session_id: str, request: gr.Request):
                try:
                    path = sessions.export(
                        backend, owner(request), session_id, fmt, self.export_dir
                    )
                except MedChatError as exc:
                    return None, str(exc)
                return str(path), f"Exported {path.name}: use the download link below."

            return export

        def on_delete(session_id: str, request: gr.Request):
            try:
                message = sessions.delete(backend, owner(request), session_id)
            except MedChatError as exc:
                return gr.skip(), str(exc), gr.skip()
            return sessions.rows(backend, owner(request)), message, ""

        targets = [consult.outputs, practice_tab.outputs, autoplay.panel.outputs]

        def on_resume(session_id: str, request: gr.Request):
            skips = [[gr.skip() for _ in t] for t in targets]
            try:
                conv = backend.conversation(owner(request), (session_id or "").strip())
            except MedChatError as exc:
                return [gr.skip(), str(exc), *(s for group in skips for s in group)]
            if conv.meta.mode == Mode.CONSULT:
                skips[0] = consult.show(from_conversation(conv))
            elif conv.meta.mode == Mode.PRACTICE:
                skips[1] = PracticeTab.show(practice.resume(conv, practice_tab.reports))
            else:
                skips[2] = ChatPanel.show(from_conversation(conv))
            tab = conv.meta.mode.value if conv.meta.mode != Mode.SELFPLAY else "autoplay"
            note = f"Resumed {conv.meta.id} in the {tab} tab."
            return [gr.Tabs(selected=tab), note, *(s for group in skips for s in group)]

        private = {"api_visibility": "private"}
        self.refresh.click(on_refresh, None, self.table, api_name="sessions_list")
        self.table.select(on_select, None, self.session, **private)
        self.json.click(on_export("json"), [self.session], [self.file, self.message], **private)
        self.markdown.click(
            on_export("markdown"), [self.session], [self.file, self.message], **private
        )
        self.delete.click(
            on_delete, [self.session], [self.table, self.message, self.session], **private
        )
        resume_outs = [tabs, self.message, *(c for t in targets for c in t)]
        self.resume.click(on_resume, [self.session], resume_outs, api_name="sessions_resume")
