"""The doctor role: a consultation prompt that takes a focused history.

The prompt asks for one question at a time, because a model that fires five questions per turn
gives a patient (or a simulated one) nothing natural to answer and makes transcripts useless for
training. `PROMPT_VERSION` is stored with every session so a dataset records which prompt made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from medchat.agents.base import Agent
from medchat.clinical.conveyance import sentences
from medchat.clinical.review import (
    Problem,
    asks,
    echoes,
    first_ask,
    question_count,
    repeats_turn,
)
from medchat.dialogue.closing import loops
from medchat.types import Role, Turn

PROMPT_VERSION = "doctor-v3"

DOCTOR_NAME = "Reed"
"""The AI doctor's fixed fictional name: the scrubber keeps it as written (it identifies nobody),
so the doctor never shows up as "I'm PERSON_2" and never invents a name of its own."""

INSTRUCTION_RUN = 7
"""Words in a row of SYSTEM_PROMPT that the safety layer's output check blocks as a prompt
disclosure (safety.policy.filter.QUOTE_WORDS, quoted examples included). The review flags the
same run first, so the reply is regenerated: otherwise the safety layer replaces it with "I can't
share my instructions", a line no patient asked for, seen in 1 to 5 of 24 self-play dialogues."""

SYSTEM_PROMPT = f"""You are Dr. {DOCTOR_NAME}, a careful general practitioner in a consultation.
If you introduce yourself, say you are Dr. {DOCTOR_NAME}; never use any other name.
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


# The history a doctor takes, in order: (words that show it was asked, the question). The fallback
# for a doctor reply that stays out of role is the first of these not yet asked.
HISTORY = [
    (r"brings you|what can i do|how can i help", "What brings you in today?"),
    (r"when did|how long|start", "When did it start?"),
    (r"where|which part", "Where exactly do you feel it?"),
    (r"describe|what.*like|feel like", "Can you describe what it feels like?"),
    (r"spread|radiat|anywhere else", "Does it spread anywhere else?"),
    (r"anything else|other symptoms|along with", "Have you noticed anything else along with it?"),
    (r"better|worse", "Does anything make it better or worse?"),
    (r"scale|how bad|severe", "How bad is it, on a scale of one to ten?"),
    (r"medical problems|conditions|past", "Have you had any medical problems in the past?"),
    (r"medicines|medication|tablets", "Are you taking any medicines?"),
    (r"allerg", "Do you have any allergies?"),
    (r"family", "Does anything run in your family?"),
    (r"smok|alcohol|drink|work", "Do you smoke or drink alcohol, and what do you do for work?"),
    (r"worr|concern", "Is there anything in particular that worries you?"),
]
_MIRROR = {"you": "i", "your": "my", "you've": "i've", "you're": "i'm", "yours": "mine"}


def parrots(sentence: str, heard: str) -> bool:
    """Whether a doctor's sentence repeats six words of the patient's, "you" read as "I"."""
    mirrored = re.sub(
        r"[A-Za-z']+", lambda m: _MIRROR.get(m.group(0).lower(), m.group(0)), sentence
    )
    return bool(heard) and echoes(mirrored, heard, 6)


_URGENT = re.compile(
    r"\b(999|911|112|ambulance|emergency (services|department|room)|a&e|call for help)\b", re.I
)
URGENT_ADVICE = (
    "This could be serious. Please call emergency services (999 or 112) or go to the nearest "
    "emergency department now."
)
CLOSING_QUESTION = "Is there anything else you'd like to tell me before I examine you?"


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

    def turn_note(self, turns: Sequence[Turn]) -> str | None:
        """No per-turn note; remembers the patient's last words for the echo check and what
        the doctor has already said for the repeat check."""
        self._heard = next((t.text for t in reversed(turns) if t.role == Role.PATIENT), "")
        self._said = [t.text for t in turns if t.role == Role.DOCTOR and asks(t.text)]
        self._opens = not any(t.role == Role.PATIENT for t in turns)
        return None

    def review(self, text: str, final: bool = True) -> list[Problem]:
        """Role breaks and loops; on the whole reply also several questions in a turn and
        sentences that parrot the patient's last words back."""
        problems = super().review(text, final)
        if echoes(text, SYSTEM_PROMPT, INSTRUCTION_RUN, quoted=True):
            problems.append(Problem("role_break", "reads out its instructions"))
        if final and [s for s in sentences(text) if parrots(s, getattr(self, "_heard", ""))]:
            problems.append(Problem("echo", "repeats the patient's words"))
        if loops(text):
            problems.append(Problem("repetition", "a sentence said twice"))
        heard = [getattr(self, "_heard", "")]
        if final and asks(text) and repeats_turn(text, getattr(self, "_said", []) + heard):
            # Self-play with small models loops on one request ("I'd like to examine your
            # stomach." every turn); the quality gates reject such dialogues whole.
            problems.append(Problem("repeat", "says again what was already said"))
        if final and getattr(self, "_opens", False) and "?" not in text:
            # Opening with "I'd like to examine your chest." to a patient who has said nothing
            # yet (seen in self-play): a consultation starts by asking what brings them in.
            problems.append(Problem("opening", "opens without asking the patient anything"))
        if final and question_count(text) > 1:
            problems.append(Problem("multi_question", "more than one question"))
        return problems

    def strict_rules(self) -> str:
        return (
            "The doctor asks one short question in plain language, or asks for an examination "
            "or a test; never speaks as an AI or an assistant."
        )

    def fallback(self, turns: Sequence[Turn], rejected: str = "") -> str:
        """The next question of a standard history that the doctor has not asked yet; a
        rejected reply that sent the patient to emergency care keeps that advice instead."""
        if _URGENT.search(rejected):
            return URGENT_ADVICE
        asked = " ".join(t.text.lower() for t in turns if t.role == Role.DOCTOR)
        return next((q for words, q in HISTORY if not re.search(words, asked)), CLOSING_QUESTION)

    def complete(
        self, text: str, problems: Sequence[Problem], scrub: Callable[[str], str] = str
    ) -> tuple[str, list[str]]:
        """Drop sentences that parrot the patient; of several questions keep the first (of a
        run-on question, its first ask)."""
        kinds = {p.kind for p in problems}
        parts = sentences(text)
        if "echo" in kinds:
            heard = getattr(self, "_heard", "")
            kept = [s for s in parts if not parrots(s, heard)]
            parts = kept if any(s.rstrip().endswith("?") for s in kept) else parts
        if "multi_question" in kinds:
            first = next((i for i, s in enumerate(parts) if s.rstrip().endswith("?")), None)
            parts = parts if first is None else [*parts[:first], first_ask(parts[first])]
        return " ".join(parts), []

    def crisis_reply(self, category: str) -> str:
        """What the doctor says instead of a reply to an escalated message that gave no
        emergency or crisis advice. The advice itself (numbers, services) is the banner's,
        never chat text, so this points to it."""
        if category == "self_harm":
            return (
                "I'm really sorry you're feeling this way, and I'm glad you told me. Your safety "
                "matters most right now: please reach out for urgent help using the contacts "
                "shown above. I'm here, and we can keep talking."
            )
        return (
            "What you're describing needs urgent medical help now: please use the emergency "
            "contacts shown above rather than waiting for advice here."
        )

    def replacement(self, verdict, text: str) -> str:
        if getattr(verdict, "category", "") == "prompt_disclosure":
            return "I can't share my instructions, but I'm glad to carry on with your consultation."
        return (
            "I can't advise on that. If you are worried about your safety or someone else's, "
            "please contact emergency services or a crisis line now."
        )
