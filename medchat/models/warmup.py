"""Prepare the configured model in the background and report progress.

The first start verifies and converts the bundled weights (a minute or more); the app shows this
progress instead of a frozen page, and chat requests wait for the model to be ready.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel

from medchat.errors import MedChatError
from medchat.log import get_logger

log = get_logger("models.warmup")


@dataclass
class WarmupStatus:
    stage: str = "Waiting to start"
    fraction: float = 0.0
    ready: bool = False
    error: str | None = None

    def describe(self) -> str:
        if self.error:
            return f"Model error: {self.error}"
        if self.ready:
            return "Model ready."
        return f"Preparing the model: {self.stage} ({self.fraction:.0%})"


class ModelWarmup:
    """Builds a chat model once, on a background thread, with observable progress."""

    def __init__(self, build: Callable[[Callable[[str, float], None]], BaseChatModel]):
        self._build = build
        self.status = WarmupStatus()
        self._model: BaseChatModel | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> ModelWarmup:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="medchat-warmup", daemon=True
                )
                self._thread.start()
        return self

    def _progress(self, stage: str, fraction: float) -> None:
        self.status.stage, self.status.fraction = stage, fraction

    def _run(self) -> None:
        try:
            self._model = self._build(self._progress)
            self.status.ready = True
        except MedChatError as exc:
            self.status.error = str(exc)
        except Exception as exc:  # a bug, but the page must say so rather than wait forever
            log.exception("model_warmup_failed")
            self.status.error = f"{type(exc).__name__}: {exc}. See the server log."
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> BaseChatModel | None:
        """The model once ready; None while still preparing after `timeout` seconds."""
        self.start()
        self._done.wait(timeout)
        if self.status.error:
            raise MedChatError(self.status.error)
        return self._model
