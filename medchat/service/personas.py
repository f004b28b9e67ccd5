"""The persona registry and persona types as the application layer offers them: loaded once
per process (`default_registry`) and passed to whoever needs it."""

from medchat.personas.loader import PersonaRegistry, default_registry, get_persona
from medchat.personas.schema import Persona
from medchat.personas.variation import make_variant

__all__ = ["Persona", "PersonaRegistry", "default_registry", "get_persona", "make_variant"]


def persona_of(persona_id: str | None, variant: int = 0) -> Persona | None:
    """The (varied) persona of a session, or None for a session without one."""
    if persona_id is None:
        return None
    return make_variant(get_persona(persona_id), variant)
