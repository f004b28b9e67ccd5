"""Errors raised by the safety layer.

`SafetyError` means "show this to the user": its message names the file or setting at fault and
how to fix it. The package is a leaf, so it cannot reuse `medchat.errors`; the CLI edge turns
these into clean messages.
"""

from __future__ import annotations


class SafetyError(Exception):
    """Base class: a user-facing safety-layer error whose message says how to fix it."""


class PolicyError(SafetyError):
    """A policy or rules file is missing, malformed or invalid (never silently defaulted)."""


class UnknownNameError(SafetyError, KeyError):
    """A registry lookup failed; the message lists the valid names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])
