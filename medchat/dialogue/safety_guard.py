"""`Guard` over the `safety` package: one `SafetyLayer` per process, one scrub session per
conversation, so a name keeps its surrogate for the whole session."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from safety.types import Verdict

_layers: dict[tuple, Any] = {}
GUARD_TOKENS = 4
"""A label is one word; a few tokens leave room for its pieces ("SELF_HARM")."""
_lock = threading.Lock()


def guard_chat_model(settings: Any, name: str, backend: str | None = None) -> Any:
    """The chat model a `ModelGuard` asks: `name` bound to a few greedy tokens."""
    from medchat.models import load_chat_model
    from medchat.models.budget import with_max_tokens

    model = load_chat_model(settings, name, backend=backend)
    return with_max_tokens(model, GUARD_TOKENS).bind(temperature=0.0)


def shared_layer(
    style: str,
    policy: Path | None,
    region: str | None,
    guard_model: Any = None,
    guard_name: str | None = None,
) -> Any:
    """The process-wide safety layer (spaCy and MiniLM load once, about 5 s). `guard_model`, a
    chat model named `guard_name`, is asked where the classifier is unsure
    (`safety.policy.guard`)."""
    from medchat.agents.doctor import DOCTOR_NAME
    from safety.layer import SafetyLayer
    from safety.pii.scrubber import Scrubber
    from safety.policy.filter import SafetyFilter
    from safety.policy.guard import ModelGuard

    key = (style, str(policy), region, guard_name if guard_model is not None else None)
    with _lock:
        if key not in _layers:
            scrubber = Scrubber(style=style, keep_names=(DOCTOR_NAME,))
            guard = ModelGuard(guard_model) if guard_model is not None else None
            _layers[key] = SafetyLayer(scrubber, SafetyFilter(policy, region=region, guard=guard))
    return _layers[key]


class SafetyGuard:
    """Scrubs and checks one conversation's turns through the `safety` package."""

    def __init__(self, layer: Any, memory: Any = None, secret: bytes = b""):
        """`memory`: where the session's surrogates live (the session store, so every replica
        agrees; process memory if None), keyed by HMACs under `secret`."""
        self.layer = layer
        self.session = layer.scrubber.new_session(memory, secret)

    def scrub(self, text: str) -> str:
        return self.layer.scrubber.scrub(text, self.session).text

    def inbound(self, text: str, mode: str) -> tuple[str, Verdict]:
        checked = self.layer.inbound(text, mode, self.session)
        return checked.text, checked.verdict

    def outbound(
        self, chunks: Iterable[str], mode: str, context: dict[str, Any]
    ) -> Iterator[str | Verdict]:
        from safety.policy.filter import OutputContext

        ctx = OutputContext(
            speaker=context.get("speaker") or context.get("role"),
            red_flags=frozenset(context.get("red_flags", ())),
            hidden_diagnosis=context.get("hidden_diagnosis"),
            diagnosis_synonyms=tuple(context.get("diagnosis_synonyms", ())),
            instructions=context.get("instructions"),
        )
        yield from self.layer.stream_outbound(chunks, mode, ctx, self.session)
