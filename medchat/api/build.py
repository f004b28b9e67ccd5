"""Assemble the patient API from a `SessionService`: for `python -m medchat serve` and for the
app, which mounts the same routes next to its UI."""

from __future__ import annotations

from fastapi import FastAPI

from medchat.api.keys import ApiKeys
from medchat.api.patients import PatientDesk
from medchat.api.server import create_app, create_router
from medchat.config import Settings
from medchat.service.build import session_secret
from medchat.service.personas import PersonaRegistry
from medchat.service.sessions import SessionService


def desk_and_keys(
    settings: Settings, service: SessionService, registry: PersonaRegistry | None = None
) -> tuple[PatientDesk, ApiKeys]:
    desk = PatientDesk(service, registry or service.personas, session_secret(settings))
    return desk, ApiKeys(service.store.r)


def api_app(
    settings: Settings, service: SessionService, registry: PersonaRegistry | None = None
) -> FastAPI:
    """The API on its own server."""
    desk, keys = desk_and_keys(settings, service, registry)
    return create_app(desk, keys, settings.api_rate_per_min)


def mount_api(
    app: FastAPI,
    settings: Settings,
    service: SessionService,
    registry: PersonaRegistry | None = None,
) -> None:
    """Add the API's routes to an existing server (the Gradio app's)."""
    desk, keys = desk_and_keys(settings, service, registry)
    app.include_router(create_router(desk, keys, settings.api_rate_per_min))
