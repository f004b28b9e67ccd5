"""The guard between every model and every person: PII scrubbing plus the safety filter.

The dialogue engine depends on this narrow interface only; `SafetyGuard` implements it over the
`safety` package. One guard lives per session, so a name gets the same surrogate all session long.
`Verdict` is the safety filter's own (`safety.types`), so verdicts pass through unconverted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from safety.types import Verdict as Verdict


class Guard(Protocol):
    """Scrub and check one session's turns; raw text goes in, only scrubbed text comes out."""

    def scrub(self, text: str) -> str: ...

    def inbound(self, text: str, mode: str) -> tuple[str, Verdict]:
        """A person's (or the other agent's) turn: its scrubbed text and the input verdict."""
        ...

    def outbound(
        self, chunks: Iterable[str], mode: str, context: dict[str, Any]
    ) -> Iterator[str | Verdict]:
        """Scrubbed clauses of a streamed reply as they become safe to show; a `block` verdict
        ends the stream, and a final non-allow verdict on the whole reply comes last."""
        ...
