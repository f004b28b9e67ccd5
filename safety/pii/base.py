"""The declared-regex recognizer base: subclasses list ENTITY and PATTERNS, this does the rest.

Patterns are case-sensitive unless they opt in with `(?i:...)`, so capitalisation can carry
meaning (a name after "Dr", a UK postcode). When a pattern has a group named `v`, only that
group is reported, so cue words ("MRN", "born on") stay in the scrubbed text for context.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult


class RegexRecognizer(EntityRecognizer):
    """Base for declared regex recognizers; subclasses may override `validate`."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[tuple[tuple[str, float], ...]]

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__)
        self._compiled = [(re.compile(rx), score) for rx, score in self.PATTERNS]

    def load(self) -> None:
        """Nothing to load: patterns compile in the constructor."""

    def validate(self, value: str) -> bool:
        """Return False to reject a match (checksums, digit counts)."""
        return True

    def refine(self, value: str) -> str:
        """The part of a match to report (a run of its words, located by its first occurrence
        in the match); "" drops the match. Lets a pattern over-capture and trim in code."""
        return value

    def analyze(self, text, entities, nlp_artifacts=None):
        """Report every validated match (or its `v` group) as this recognizer's entity."""
        results = []
        meta = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        for rx, score in self._compiled:
            for m in rx.finditer(text):
                group = "v" if "v" in rx.groupindex and m.group("v") is not None else 0
                start, end = m.span(group)
                raw = text[start:end].rstrip(".,;: ")
                value = self.refine(raw)
                start += raw.find(value) if value else 0
                if value and self.validate(value):
                    results.append(
                        RecognizerResult(self.ENTITY, start, start + len(value), score, None, meta)
                    )
        return results


def digits_of(value: str) -> str:
    """Only the digits of a value (for checksums and digit counts)."""
    return re.sub(r"\D", "", value)
