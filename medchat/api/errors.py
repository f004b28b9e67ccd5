"""OpenAI-style error objects, so a client library raises its usual exception with our message:
{"error": {"message": ..., "type": ..., "param": ..., "code": ...}}
"""

from __future__ import annotations

from typing import Any

from medchat.errors import (
    InputTooLongError,
    MedChatError,
    ModelError,
    PersonaError,
    SessionError,
)


class ApiError(Exception):
    """An error answered with `status` and an OpenAI-style body."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str,
        type_: str = "invalid_request_error",
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status, self.message, self.code = status, message, code
        self.type, self.param, self.headers = type_, param, headers or {}

    def body(self) -> dict[str, Any]:
        return {
            "error": {
                "message": self.message,
                "type": self.type,
                "param": self.param,
                "code": self.code,
            }
        }


def from_medchat(exc: MedChatError) -> ApiError:
    """The API error for a user-facing MedChat error, by its type."""
    if isinstance(exc, InputTooLongError):
        return ApiError(400, str(exc), "message_too_long", param="messages")
    if isinstance(exc, PersonaError):
        return ApiError(404, str(exc), "model_not_found", param="model")
    if isinstance(exc, SessionError):
        return ApiError(404, str(exc), "session_not_found", param="user")
    if isinstance(exc, ModelError):
        return ApiError(502, str(exc), "model_error", "server_error")
    return ApiError(400, str(exc), "invalid_request")


def unknown_model(name: str, valid: list[str]) -> ApiError:
    from medchat.errors import did_you_mean

    return ApiError(
        404,
        f"The model {name!r} does not exist: models are `patient/<persona id>`, optionally "
        f"`@<variant>`. {did_you_mean(name, valid)}",
        "model_not_found",
        param="model",
    )
