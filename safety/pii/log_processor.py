"""A structlog processor that scrubs every string in a log event (a plain callable).

Defence in depth: MedChat's logging already drops conversation-text fields, and this catches
whatever else slips through (an exception message quoting a phone number, a stray `name=`).
Each event gets a fresh tag session, so log lines never link values across events.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from safety.pii.scrubber import Scrubber

_SKIP_KEYS = frozenset({"level", "timestamp", "logger", "component", "log_level"})
_default: Scrubber | None = None


def _scrubber() -> Scrubber:
    global _default
    if _default is None:
        _default = Scrubber(style="tags")
    return _default


def _clean(value: Any, scrubber: Scrubber, session) -> Any:
    if isinstance(value, str):
        # A str subclass (a StrEnum such as a verdict's action) is scrubbed as the plain string
        # it is: spaCy's tokenizer accepts only exact `str`.
        return scrubber.scrub(str.__str__(value), session).text
    if isinstance(value, dict):
        return {k: _clean(v, scrubber, session) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_clean(v, scrubber, session) for v in value)
    if isinstance(value, BaseException):
        return scrubber.scrub(f"{type(value).__name__}: {value}", session).text
    return value


def make_log_processor(
    scrubber: Scrubber | None = None,
) -> Callable[[Any, str, MutableMapping[str, Any]], MutableMapping[str, Any]]:
    """A processor bound to a given scrubber (tests and apps pass their own)."""

    def scrub_event(logger: Any, method: str, event_dict: MutableMapping[str, Any]):
        s = scrubber or _scrubber()
        session = s.new_session()
        for key in list(event_dict):
            if key not in _SKIP_KEYS:
                event_dict[key] = _clean(event_dict[key], s, session)
        return event_dict

    return scrub_event


def scrub_log_event(
    logger: Any, method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: scrub all string values (and nested ones) of one event."""
    return make_log_processor()(logger, method, event_dict)
