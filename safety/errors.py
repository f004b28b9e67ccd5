"""Errors raised by the safety layer, and the root of the whole MedChat error family.

`SafetyError` means "show this to the user": its message names the file or setting at fault and
how to fix it. It is a `MedChatError`, so the CLI and UI edges, which turn `MedChatError` into a
clean message, need no second `except`.

`MedChatError` is declared here rather than in `medchat.errors` because `safety` is a leaf that
never imports `medchat`, while `medchat` may import `safety`; `medchat.errors` re-exports this
class, so there is one root and no import cycle (a third package for one class would be more
machinery than this).
"""

from __future__ import annotations


class MedChatError(Exception):
    """Base class of every user-facing error: its message is fit for a user and says how to
    fix it. Anything that is not a `MedChatError` is a bug and is raised as is."""


class SafetyError(MedChatError):
    """A user-facing safety-layer error whose message says how to fix it."""


class PolicyError(SafetyError):
    """A policy or rules file is missing, malformed or invalid (never silently defaulted)."""


class UnknownNameError(SafetyError, KeyError):
    """A registry lookup failed; the message lists the valid names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])
