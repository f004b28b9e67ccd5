"""MedChat's safety layer: Presidio PII scrubbing and a mode-aware medical safety filter.

A leaf package: it imports nothing from `medchat`. Public names are imported lazily so that
`import safety` stays cheap; the spaCy and MiniLM models load on first use.
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "Scrubber": "safety.pii.scrubber",
    "ScrubResult": "safety.pii.scrubber",
    "Entity": "safety.pii.scrubber",
    "ScrubSession": "safety.pii.surrogates",
    "StreamScrubber": "safety.pii.stream",
    "scrub_log_event": "safety.pii.log_processor",
    "make_log_processor": "safety.pii.log_processor",
    "SafetyFilter": "safety.policy.filter",
    "Verdict": "safety.types",
    "OutputContext": "safety.policy.filter",
    "GuardModel": "safety.policy.filter",
    "Mode": "safety.types",
    "Action": "safety.types",
    "load_policy": "safety.policy.config",
    "SafetyLayer": "safety.layer",
    "CheckedTurn": "safety.layer",
    "SafetyError": "safety.errors",
    "PolicyError": "safety.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'safety' has no attribute {name!r}")
