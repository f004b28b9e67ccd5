"""Replacement styles and the per-session mapping that keeps them consistent.

A `ScrubSession` remembers every value it replaced, so "Sarah" is `<PERSON_1>` (or the same fake
name) on every turn, and it remembers name tokens so a later bare "Jones" is still caught.
Styles are a small registry: a dict plus one lookup whose error lists the valid names.
"""

from __future__ import annotations

import random
import re
from typing import ClassVar

from faker import Faker

from safety.errors import UnknownNameError


def _key(value: str) -> str:
    return " ".join(value.lower().split())


class Style:
    """How one identifier becomes its surrogate; subclasses implement `make`."""

    name: ClassVar[str]

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def make(self, entity_type: str, value: str, index: int) -> str:
        """Return the surrogate for the `index`-th distinct value of this type in a session."""
        raise NotImplementedError


class TagStyle(Style):
    """`<PERSON_1>`-style tags, for the UI and for model prompts."""

    name = "tags"

    def make(self, entity_type: str, value: str, index: int) -> str:
        return f"<{entity_type}_{index}>"


class FakeStyle(Style):
    """Realistic values from a seeded Faker, for publishable datasets; ids keep their shape."""

    name = "fake"
    GENERATORS: ClassVar[dict[str, str]] = {
        "PERSON": "name",
        "LOCATION": "city",
        "STREET_ADDRESS": "street_address",
        "POSTCODE": "postcode",
        "PHONE_NUMBER": "phone_number",
        "EMAIL_ADDRESS": "email",
        "URL": "url",
        "IP_ADDRESS": "ipv4",
        "CREDIT_CARD": "credit_card_number",
    }

    def __init__(self, seed: int = 0, locale: str = "en_GB") -> None:
        super().__init__(seed)
        self.faker = Faker(locale)
        self.faker.seed_instance(seed)
        self.rng = random.Random(seed)

    def make(self, entity_type: str, value: str, index: int) -> str:
        if entity_type == "PERSON" and len(value.split()) == 1:
            return self.faker.first_name()
        if entity_type in self.GENERATORS:
            return str(getattr(self.faker, self.GENERATORS[entity_type])())
        if entity_type in ("DATE", "DATE_OF_BIRTH"):
            return self.faker.date_of_birth(minimum_age=18, maximum_age=85).strftime("%d/%m/%Y")
        if entity_type == "AGE":
            return "90"
        return self._same_shape(value)

    def _same_shape(self, value: str) -> str:
        """Digits become random digits and letters random capitals, so formats survive."""

        def swap(ch: str) -> str:
            if ch.isdigit():
                return str(self.rng.randrange(10))
            if ch.isalpha():
                return chr(ord("A") + self.rng.randrange(26))
            return ch

        return "".join(swap(ch) for ch in value)


STYLES: dict[str, type[Style]] = {TagStyle.name: TagStyle, FakeStyle.name: FakeStyle}


def get_style(name: str, seed: int = 0) -> Style:
    """Look a style up by name; the error lists the valid ones."""
    try:
        return STYLES[name](seed=seed)
    except KeyError:
        raise UnknownNameError(
            f"unknown scrub style {name!r}; valid styles: {', '.join(sorted(STYLES))}"
        ) from None


class ScrubSession:
    """Consistent surrogates for one conversation; never shared between conversations."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self._map: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}
        self.known_names: set[str] = set()

    def surrogate(self, entity_type: str, value: str) -> str:
        """The surrogate for a value, created on first sight and reused afterwards."""
        kind = "PERSON" if entity_type == "PERSON" else entity_type
        key = (kind, _key(value))
        if key not in self._map:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            self._map[key] = self.style.make(kind, value, self._counts[kind])
            if kind == "PERSON":
                self._remember_name_parts(value, self._map[key])
        return self._map[key]

    def _remember_name_parts(self, value: str, surrogate: str) -> None:
        """Map each part of a full name to the matching part of its surrogate."""
        parts = value.split()
        if len(parts) < 2:
            return
        fake_parts = surrogate.split() if not surrogate.startswith("<") else [surrogate]
        for i, part in enumerate(parts):
            if len(part) < 3 or not part[0].isupper():
                continue
            fake = fake_parts[min(i, len(fake_parts) - 1)]
            self._map.setdefault(("PERSON", _key(part)), fake)
            self.known_names.add(part)

    def known_name_pattern(self) -> re.Pattern[str] | None:
        """A regex matching every name part seen so far in this session, or None."""
        if not self.known_names:
            return None
        names = sorted(self.known_names, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
