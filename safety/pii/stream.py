"""Streaming scrubber: model tokens in, scrubbed clauses out, never a fragment of an identifier.

Text is held back until a clause or a sentence ends. Each time one may have ended, the whole
sentence so far (the part already shown plus the held tail) is run through the detector, so cue
words that were already shown ("my daughter, ...", "DOB: ...") still count, and the tail is
released only up to the last clause end that `safety.pii.clauses` judges closed: no detected
identifier touches it, the clause cannot run on into one ("Smith, John", "14 October, 1949"),
and every digit or capital in it is explained. Otherwise the text waits for its sentence end,
where it is scrubbed exactly as a whole sentence (the previous behaviour). Surrogates are
committed only for what is shown, in order, so numbering matches a one-shot scrub.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from safety.pii import clauses
from safety.pii.clinical import protected_spans
from safety.pii.scrubber import Entity, Scrubber
from safety.pii.surrogates import ScrubSession


class StreamScrubber:
    """Feed chunks with `feed`; each call returns the scrubbed text that is safe to show now.

    `clauses=False` restores sentence-at-a-time release (for comparison, or a stricter policy).
    """

    def __init__(
        self,
        scrubber: Scrubber,
        session: ScrubSession | None = None,
        max_hold: int = 2000,
        clauses: bool = True,
    ) -> None:
        self.scrubber = scrubber
        self.session = session or scrubber.session
        self.max_hold = max_hold
        self.clauses = clauses
        self.entities: list[Entity] = []
        self._shown = ""  # raw text of the current sentence already released (detection context)
        self._buffer = ""  # raw text not yet released
        self._offset = 0  # stream offset of the current sentence start, for `entities`
        self._checked = 0  # buffer length at the last clause check that released nothing

    def feed(self, chunk: str) -> str:
        """Add a chunk; return newly releasable scrubbed text (possibly the empty string)."""
        self._buffer += chunk
        out = []
        while True:
            text = self._shown + self._buffer
            end = next((e for e in clauses.sentence_ends(text) if e > len(self._shown)), None)
            if end is None:
                break
            out.append(self._release_sentence(end - len(self._shown)))
        if len(self._shown) + len(self._buffer) > self.max_hold:
            out.append(self._release_forced())
        elif self.clauses:
            out.append(self._release_clause())
        return "".join(out)

    def flush(self) -> str:
        """Scrub and return whatever is still held (call at the end of the stream)."""
        return self._release_sentence(len(self._buffer)) if self._buffer else ""

    def _release_sentence(self, cut: int) -> str:
        """Release buffer[:cut], which completes a sentence: scrub it as one, with no lookahead."""
        text, end = self._shown + self._buffer, len(self._shown) + cut
        return self._reset(text, self.scrubber.detect(text[:end], self.session), end)

    def _release_forced(self) -> str:
        """A run-on past `max_hold`: cut at the last space that splits no identifier (and, if
        possible, after no clause that could run on into one) and start afresh there, so
        neither the wait nor the detection context grows without bound."""
        text = self._shown + self._buffer
        found = self.scrubber.detect(text, self.session)
        opener = clauses.first_word(text)
        spaces = [i for i in range(len(text) - 2, len(self._shown) - 1, -1) if text[i] == " "]
        outside = [i for i in spaces if not any(e.start <= i < e.end for e in found)]
        closed = [
            i
            for i in outside
            if not any(e.start <= i <= e.end for e in found)
            and not clauses.ends_open(text, i, opener, self.scrubber.allow_list)
        ]
        cut = (closed or outside or [len(text) - 1])[0] + 1
        return self._reset(text, found, cut)

    def _reset(self, text: str, found: list[Entity], cut: int) -> str:
        """Release text[len(shown):cut] and start a new detection context at `cut`."""
        out = self._commit(text, found, cut)
        self._offset += cut
        self._shown, self._buffer, self._checked = "", text[cut:], 0
        return out

    def _release_clause(self) -> str:
        """Release up to the last closed clause end, judged with everything received so far."""
        text = self._shown + self._buffer
        base = len(self._shown)
        opener = clauses.first_word(text)
        ends = [
            (mark, cut)
            for mark, cut in clauses.clause_ends(text, base)
            if not clauses.ends_open(text, mark, opener, self.scrubber.allow_list)
        ]
        if not ends or ends[-1][1] - base <= self._checked:
            return ""  # no new candidate since the last look: skip the detector
        self._checked = len(self._buffer)
        found = self.scrubber.detect(text, self.session)
        spans = [(e.start, e.end) for e in found]
        keep = protected_spans(text)
        for mark, cut in reversed(ends):
            tail_start = max(base, mark - 80)
            last_word = text.rfind(" ", tail_start, mark) + 1 or tail_start
            if any(e.start < cut and e.end > last_word for e in found):
                continue  # an identifier reaches the clause end, or runs past it
            if clauses.unexplained(text, base, cut, spans, keep, self.scrubber.allow_list, opener):
                continue
            out = self._commit(text, found, cut)
            # Later candidates failed on this same text, and would fail again: skip them.
            self._shown, self._buffer = text[:cut], text[cut:]
            self._checked = len(self._buffer)
            return out
        return ""

    def _commit(self, text: str, found: list[Entity], cut: int) -> str:
        """Scrubbed text[len(shown):cut], committing surrogates for the entities in it."""
        base = len(self._shown)
        out, last = [], base
        for ent in found:
            if ent.end <= base or ent.start >= cut:
                continue
            # An entity reaching back into shown text (only if the detector changed its mind):
            # the shown part cannot be recalled, but nothing more of it is shown.
            start = max(ent.start, base)
            out.append(text[last:start])
            out.append(self.scrubber.replace(ent.type, text[ent.start : ent.end], self.session))
            self.entities.append(
                Entity(ent.type, self._offset + ent.start, self._offset + ent.end, ent.score)
            )
            last = min(ent.end, cut)
        out.append(text[last:cut])
        return "".join(out)


def first_release(text: str, stream: StreamScrubber) -> int:
    """How many characters of `text`, fed one at a time, arrive before anything is shown."""
    for i, ch in enumerate(text, start=1):
        if stream.feed(ch):
            return i
    return len(text)


def mean_first_release(replies: Iterable[str], make_stream: Callable[[], StreamScrubber]) -> float:
    """Mean characters a reader waits for before the first text of a reply appears."""
    waits = [first_release(reply, make_stream()) for reply in replies]
    return sum(waits) / len(waits) if waits else 0.0
