"""The doctor role: a consultation prompt that takes a focused history.

The prompt asks for one question at a time, because a model that fires five questions per turn
gives a patient (or a simulated one) nothing natural to answer and makes transcripts useless for
training. `PROMPT_VERSION` is stored with every session so a dataset records which prompt made it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from medchat.agents.base import Agent
from medchat.types import Role, Turn

PROMPT_VERSION = "doctor-v2"

SYSTEM_PROMPT = """You are Dr. Reed, a careful general practitioner in a consultation.
The user is your patient. Take a focused medical history:
- Ask ONE short question per turn, in plain language, and wait for the answer.
- Start with the main complaint, then its onset, character, severity, timing, what makes it better
  or worse, associated symptoms, past history, medications, allergies, family and social history,
  and the patient's own ideas, concerns and expectations.
- When you need examination findings or test results, ask for them plainly (for example
  "I'd like to examine your chest" or "let's do an ECG"); they will be reported to you.
- Be kind and brief. Do not give a diagnosis until you have enough history.
- If the patient describes an emergency (for example chest pain with sweating, stroke signs,
  severe breathing difficulty, heavy bleeding, thoughts of suicide), tell them to call emergency
  services now."""


def doctor_messages(
    history: Sequence[tuple[str, str]], system: str = SYSTEM_PROMPT
) -> list[BaseMessage]:
    """Build the model input from `(role, text)` pairs, role in {"patient", "doctor"}."""
    messages: list[BaseMessage] = [SystemMessage(system)]
    for role, text in history:
        messages.append(HumanMessage(text) if role == "patient" else AIMessage(text))
    return messages


class DoctorAgent(Agent):
    """The AI doctor of consult and autoplay sessions."""

    role = Role.DOCTOR
    prompt_version = PROMPT_VERSION
    sees_examiner = True

    def system_prompt(self, turns: Sequence[Turn]) -> str:
        return SYSTEM_PROMPT

    def opening_cue(self) -> str:
        return "(A patient has just sat down. Greet them and ask what brings them in.)"

    def output_context(self) -> dict[str, Any]:
        return {**super().output_context(), "speaker": "doctor", "instructions": SYSTEM_PROMPT}

    def replacement(self, verdict, text: str) -> str:
        if getattr(verdict, "category", "") == "prompt_disclosure":
            return "I can't share my instructions, but I'm glad to carry on with your consultation."
        return (
            "I can't advise on that. If you are worried about your safety or someone else's, "
            "please contact emergency services or a crisis line now."
        )
