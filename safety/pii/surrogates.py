"""Replacement styles and the per-session mapping that keeps them consistent.

A `ScrubSession` remembers every value it replaced, so "Sarah" is `<PERSON_1>` (or the same fake
name) on every turn, and it remembers name tokens so a later bare "Jones" is still caught.
Styles are a small registry: a dict plus one lookup whose error lists the valid names.

What a session remembers lives in a `SurrogateMemory`: process memory by default, or the
session store, so every app replica serving the session gives a value the same surrogate. The
memory never sees a raw value: values are keyed by an HMAC of their normalised form (a secret
key, so a leaked store cannot be reversed by hashing a list of names), and a remembered name
part is kept only as its HMAC too.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
from collections.abc import Callable, Iterator
from typing import ClassVar, Protocol

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
        self.rng = random.Random(seed)

    def make(self, entity_type: str, value: str, index: int) -> str:
        """Seeded by (seed, type, index), not by call order: two processes serving one session
        then draw the same fake for the same index."""
        self.faker.seed_instance(f"{self.seed}:{entity_type}:{index}")
        self.rng.seed(f"{self.seed}:{entity_type}:{index}:shape")
        return self._make(entity_type, value)

    def _make(self, entity_type: str, value: str) -> str:
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


class SurrogateMemory(Protocol):
    """Where one session's surrogates live, keyed by HMAC digests (never by raw values)."""

    def get(self, key: str) -> str | None: ...

    def add(self, key: str, kind: str, make: Callable[[int], str]) -> str:
        """The surrogate under `key`, made from the kind's next index if there is none yet;
        when two writers race, both get the one stored first."""
        ...

    def setdefault(self, key: str, surrogate: str) -> None: ...

    def add_name(self, digest: str) -> None: ...

    def names(self) -> frozenset[str]: ...


class LocalMemory:
    """A session's surrogates in this process only (evaluation, one-off scrubbing, tests)."""

    def __init__(self) -> None:
        self._map: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._names: set[str] = set()

    def get(self, key: str) -> str | None:
        return self._map.get(key)

    def add(self, key: str, kind: str, make: Callable[[int], str]) -> str:
        if key not in self._map:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            self._map[key] = make(self._counts[kind])
        return self._map[key]

    def setdefault(self, key: str, surrogate: str) -> None:
        self._map.setdefault(key, surrogate)

    def add_name(self, digest: str) -> None:
        self._names.add(digest)

    def names(self) -> frozenset[str]:
        return frozenset(self._names)


_WORD = re.compile(r"[^\W_][\w'’-]*")
_PIECE = re.compile(r"[-'’]")


class ScrubSession:
    """Consistent surrogates for one conversation; never shared between conversations."""

    def __init__(
        self, style: Style, memory: SurrogateMemory | None = None, secret: bytes = b""
    ) -> None:
        self.style = style
        self.memory: SurrogateMemory = memory if memory is not None else LocalMemory()
        self._secret = secret

    def digest(self, kind: str, value: str) -> str:
        """The keyed hash a value is remembered by."""
        message = f"{kind}\x1f{value}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:32]

    def surrogate(self, entity_type: str, value: str) -> str:
        """The surrogate for a value, created on first sight and reused afterwards."""
        kind = "PERSON" if entity_type == "PERSON" else entity_type
        key = self.digest(kind, _key(value))
        found = self.memory.get(key)
        if found is None:
            found = self.memory.add(key, kind, lambda index: self.style.make(kind, value, index))
            if kind == "PERSON":
                self._remember_name_parts(value, found)
        return found

    def remember_name(self, part: str) -> None:
        """Catch `part` on its own later in the session (a bare surname after a full name)."""
        self.memory.add_name(self.digest("NAME", part))

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
            self.memory.setdefault(self.digest("PERSON", _key(part)), fake)
            self.remember_name(part)

    def known_name_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of `text` that are name parts seen earlier in this session, found by hashing
        each word (and each piece of a hyphenated or apostrophised word) of three or more
        letters that starts with a capital."""
        names = self.memory.names()
        if not names:
            return
        for word in _WORD.finditer(text):
            pieces = [(word.start(), word.group())]
            offset = word.start()
            for piece in _PIECE.split(word.group()):
                pieces.append((offset, piece))
                offset += len(piece) + 1
            seen = set()
            for start, piece in pieces:
                span = (start, start + len(piece))
                if span in seen or len(piece) < 3 or not piece[0].isupper():
                    continue
                seen.add(span)
                if self.digest("NAME", piece) in names:
                    yield span
