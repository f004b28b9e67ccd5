"""What the application layer hands its callers for one session: the conversation handle, the
events its turns stream, the driver that lets the model sides talk, and the input limit check.

The UI and the APIs import these from here, not from `medchat.dialogue`, so the dialogue
package can change behind this surface.
"""

from medchat.dialogue.diagnosis import split_differential, submit_diagnosis
from medchat.dialogue.driver import Drive
from medchat.dialogue.engine import Conversation, check_length
from medchat.dialogue.events import (
    EndEvent,
    ErrorEvent,
    Event,
    ExaminerEvent,
    RetractEvent,
    TokenEvent,
    TurnEvent,
    VerdictEvent,
)

__all__ = [
    "Conversation",
    "Drive",
    "EndEvent",
    "ErrorEvent",
    "Event",
    "ExaminerEvent",
    "RetractEvent",
    "TokenEvent",
    "TurnEvent",
    "VerdictEvent",
    "check_length",
    "split_differential",
    "submit_diagnosis",
]
