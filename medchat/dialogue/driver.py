"""The one loop that lets the model sides talk: autoplay's Play, batch self-play and the doctor
benchmark all step a conversation through `Drive`, so they stop for the same reasons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from medchat.dialogue.events import ErrorEvent, Event


class Drive:
    """Iterate over the events of up to `max_steps` model turns. It stops before a turn when
    the session has ended, when the next turn is the person's, or when `stop()` says so, and
    after `max_errors` failed turns in a row; `stopped_by` then says which ("ended",
    "human_turn", "stopped", "errors" or "max_steps").

    The session's metadata is reloaded before each turn, so an end decided by another tab or
    another app process between two turns is obeyed (the take-over side is read from the store
    each time; the turn itself reloads what it needs under its lock)."""

    def __init__(
        self,
        conv: Any,
        max_steps: int,
        stop: Callable[[], bool] | None = None,
        max_errors: int = 3,
    ):
        self.conv, self.max_steps, self.stop, self.max_errors = conv, max_steps, stop, max_errors
        self.stopped_by: str | None = None
        self.errors: list[str] = []

    def __iter__(self) -> Iterator[Event]:
        conv, failed_in_a_row = self.conv, 0
        for _ in range(self.max_steps):
            conv.reload_meta()
            if conv.ended:
                self.stopped_by = "ended"
                return
            if conv.human_role is not None and conv.next_speaker() == conv.human_role:
                self.stopped_by = "human_turn"
                return
            if self.stop is not None and self.stop():
                self.stopped_by = "stopped"
                return
            failed = False
            for event in conv.step():
                if isinstance(event, ErrorEvent):
                    self.errors.append(event.kind)
                    failed = True
                yield event
            failed_in_a_row = failed_in_a_row + 1 if failed else 0
            if failed_in_a_row >= self.max_errors:
                self.stopped_by = "errors"
                return
        conv.reload_meta()
        self.stopped_by = "ended" if conv.ended else "max_steps"
