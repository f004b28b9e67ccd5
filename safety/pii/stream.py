"""Streaming scrubber: model tokens in, whole scrubbed sentences out.

Text is held back until a sentence ends (or `flush()`), then the sentence is scrubbed as one
unit, so no fragment of a phone number or name ever reaches the screen before it is replaced.
A sentence ends at . ! ? followed by whitespace (so "37.5" and "a.b@x.com" do not end one),
not after abbreviations ("Dr.", "St.", "e.g.") or initials.
"""

from __future__ import annotations

import re

from safety.pii.scrubber import Entity, Scrubber
from safety.pii.surrogates import ScrubSession

_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n+")
_ABBREV = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|No|Apt|Ave|Rd|vs|etc|e\.g|i\.e|approx|Fig|Inc|Ltd|"
    r"Co|Dept|Univ|Gen|Hosp|tab|tabs|mg|ml)|\b[A-Z])\.\s+$"
)


class StreamScrubber:
    """Feed chunks with `feed`; each call returns the scrubbed text that is safe to show now."""

    def __init__(
        self,
        scrubber: Scrubber,
        session: ScrubSession | None = None,
        max_hold: int = 2000,
    ) -> None:
        self.scrubber = scrubber
        self.session = session or scrubber.session
        self.max_hold = max_hold
        self._buffer = ""
        self.entities: list[Entity] = []

    def feed(self, chunk: str) -> str:
        """Add a chunk; return scrubbed complete sentences (possibly the empty string)."""
        self._buffer += chunk
        cut = self._last_boundary(self._buffer)
        if cut == 0 and len(self._buffer) > self.max_hold:
            cut = self._buffer.rfind(" ", 0, len(self._buffer) - 1) + 1 or len(self._buffer)
        if cut == 0:
            return ""
        ready, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return self._scrub(ready)

    def flush(self) -> str:
        """Scrub and return whatever is still held (call at the end of the stream)."""
        ready, self._buffer = self._buffer, ""
        return self._scrub(ready) if ready else ""

    def _scrub(self, text: str) -> str:
        result = self.scrubber.scrub(text, self.session)
        self.entities.extend(result.entities)
        return result.text

    @staticmethod
    def _last_boundary(text: str) -> int:
        """End of the last complete sentence in `text`, or 0 when none is complete yet."""
        cut = 0
        for m in _END.finditer(text):
            if m.group().startswith("\n") or not _ABBREV.search(text[: m.end()]):
                cut = m.end()
        return cut
