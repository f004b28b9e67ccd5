"""Transitional: the session service moved to `medchat.service.sessions`."""

from medchat.service.sessions import SessionService as Backend

__all__ = ["Backend"]
