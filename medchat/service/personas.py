"""The persona registry and persona types as the application layer offers them: loaded once
per process (`default_registry`) and passed to whoever needs it."""

from medchat.personas.loader import PersonaRegistry, default_registry, get_persona
from medchat.personas.schema import Persona
from medchat.personas.variation import make_variant

__all__ = [
    "Persona",
    "PersonaRegistry",
    "default_registry",
    "get_persona",
    "make_variant",
]
