"""The safety step of the turn pipeline: scrub, then check, and log only scrubbed text.

`SafetyLayer` is what the dialogue engine calls for every turn, in both directions. It holds no
dialogue state beyond the caller's `ScrubSession` and the red flags the caller passes back in.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import structlog

from safety.pii.scrubber import Entity, Scrubber
from safety.pii.stream import StreamScrubber
from safety.pii.surrogates import ScrubSession
from safety.policy.filter import OutputContext, SafetyFilter
from safety.types import Action, Mode, Verdict


@dataclass(frozen=True)
class CheckedTurn:
    """A turn after the layer: scrubbed text, what was scrubbed, and the safety verdict."""

    text: str
    entities: tuple[Entity, ...]
    verdict: Verdict


class SafetyLayer:
    """Scrubber plus filter, with one narrow method per direction."""

    def __init__(
        self,
        scrubber: Scrubber | None = None,
        safety_filter: SafetyFilter | None = None,
        logger=None,
        stream_clauses: bool = True,
    ) -> None:
        self.scrubber = scrubber or Scrubber()
        self.filter = safety_filter or SafetyFilter()
        self.log = logger or structlog.get_logger().bind(component="safety")
        # Clause release shows text sooner; the output rules then judge each clause with what
        # came before it, so a rule that needs the rest of the sentence fires one clause later.
        self.stream_clauses = stream_clauses

    def inbound(
        self, text: str, mode: str | Mode, session: ScrubSession | None = None
    ) -> CheckedTurn:
        """What a person (or the other agent) said: scrub it, then check it."""
        scrubbed = self.scrubber.scrub(text, session)
        verdict = self.filter.check_input(scrubbed.text, mode)
        self._record("inbound", mode, scrubbed.entities, verdict)
        return CheckedTurn(scrubbed.text, scrubbed.entities, verdict)

    def outbound(
        self,
        text: str,
        mode: str | Mode,
        context: OutputContext | None = None,
        session: ScrubSession | None = None,
    ) -> CheckedTurn:
        """A complete model reply: scrub it, then check it."""
        scrubbed = self.scrubber.scrub(text, session)
        verdict = self.filter.check_output(scrubbed.text, mode, context)
        self._record("outbound", mode, scrubbed.entities, verdict)
        return CheckedTurn(scrubbed.text, scrubbed.entities, verdict)

    def stream_outbound(
        self,
        chunks: Iterable[str],
        mode: str | Mode,
        context: OutputContext | None = None,
        session: ScrubSession | None = None,
    ) -> Iterator[str | Verdict]:
        """Yield scrubbed clauses (or sentences) as they become safe to show; stop with the
        Verdict if one blocks. Every piece is checked together with everything shown before it."""
        stream = StreamScrubber(self.scrubber, session, clauses=self.stream_clauses)
        shown = ""
        for chunk in itertools.chain(chunks, [None]):  # lazily: text must flow as it comes
            piece = stream.flush() if chunk is None else stream.feed(chunk)
            if not piece:
                continue
            verdict = self.filter.check_output(shown + piece, mode, _no_flags(context))
            if verdict.action is Action.BLOCK:
                self._record("outbound", mode, tuple(stream.entities), verdict)
                yield verdict
                return
            shown += piece
            yield piece
        final = self.filter.check_output(shown, mode, context)
        self._record("outbound", mode, tuple(stream.entities), final)
        if final.action is not Action.ALLOW:
            yield final

    def _record(self, direction: str, mode, entities, verdict: Verdict) -> None:
        self.log.info(
            "safety.verdict",
            direction=direction,
            mode=str(mode),
            action=verdict.action.value,
            category=verdict.category,
            reason=verdict.reason,
            layer=verdict.layer,
            scrubbed_types=sorted({e.type for e in entities}),
        )


def _no_flags(context: OutputContext | None) -> OutputContext | None:
    """Missing-escalation is judged on the whole reply, not on its first clause."""
    if context is None or not context.red_flags:
        return context
    return OutputContext(
        context.speaker, frozenset(), context.hidden_diagnosis, context.diagnosis_synonyms
    )
