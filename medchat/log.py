"""Structured logging: one event per turn step, never raw conversation text.

Two guards keep patient text out of logs. `drop_text_fields` replaces any value under a key that
usually carries conversation text with its length, so a careless `log.info(..., text=reply)` leaks
nothing. Then the PII scrubber from `safety` runs over every remaining string, so an
identifier quoted in an error message is replaced too.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterable, MutableMapping
from typing import Any, TextIO

import structlog

Processor = Callable[[Any, str, MutableMapping[str, Any]], MutableMapping[str, Any]]

TEXT_KEYS = frozenset(
    {"text", "content", "message_text", "prompt", "reply", "answer", "question", "messages"}
)


def drop_text_fields(_logger: Any, _method: str, event: MutableMapping[str, Any]):
    """Replace conversation-text fields with their length (`text` -> `text_chars`)."""
    for key in list(event):
        if key in TEXT_KEYS:
            value = event.pop(key)
            event[f"{key}_chars"] = len(value) if hasattr(value, "__len__") else None
    return event


ID_KEYS = frozenset({"session", "job"})
GENERATED_ID = re.compile(r"[A-Za-z0-9_-]{22}")
"""What `medchat.types.new_id` makes (16 random bytes, URL-safe base64). The scrubber read some
as names ("Abcdef-vdmpwDbEheErgtQ" logged as "<PERSON_1>-vdmpwDbEheErgtQ"), which cut a
session's log lines apart. Only such values under these keys skip it; any other value is
scrubbed (a session named after a person, under `session`, included)."""


def scrub_pii(logger: Any, method: str, event: MutableMapping[str, Any]):
    """The `safety` package's PII scrubber as a processor, imported on first use (Presidio and
    spaCy take a second or two to load, which commands that log nothing should not pay)."""
    from safety.pii.log_processor import scrub_log_event

    ids = {
        key: event.pop(key)
        for key in ID_KEYS & event.keys()
        if isinstance(event[key], str) and GENERATED_ID.fullmatch(event[key])
    }
    event = scrub_log_event(logger, method, event)
    event.update(ids)
    return event


class _CurrentStderr:
    """Writes to whatever `sys.stderr` is at the moment of writing.

    Binding the stream object at configure time breaks when it is later replaced and closed (a
    test runner's capture, a daemon detaching its terminal): every log call would then raise
    "I/O operation on closed file" inside the code that logged.
    """

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


def configure_logging(
    fmt: str = "auto",
    level: str = "INFO",
    extra_processors: Iterable[Processor] = (scrub_pii,),
    stream: TextIO | None = None,
) -> None:
    """Configure structlog: console output on a terminal, JSON lines otherwise."""
    out: Any = stream or _CurrentStderr()
    if fmt == "auto":
        fmt = "console" if out.isatty() else "json"
    renderer: Processor = (
        structlog.dev.ConsoleRenderer(colors=False)
        if fmt == "console"
        else structlog.processors.JSONRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            drop_text_fields,
            *extra_processors,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, level)),
        logger_factory=structlog.PrintLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )


def get_logger(name: str) -> structlog.typing.FilteringBoundLogger:
    """A logger bound to a component name; lazy, so it follows a later `configure_logging`."""
    return structlog.get_logger(component=name)
