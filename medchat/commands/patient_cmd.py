"""`python -m medchat patient --persona ID`: probe a simulated patient from a script.

Reads doctor questions from stdin, one a line or JSONL `{"text": ...}`, and writes one JSONL line
per question: `{"question", "answer", "facts": [fact ids given to the model]}`.
"""

from __future__ import annotations

import argparse
import json
import sys

from medchat.config import get_settings
from medchat.errors import MedChatError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("patient", help="answer doctor questions (stdin) as a persona")
    parser.add_argument("--persona", required=True, help="persona id (see: personas list)")
    parser.add_argument("--variant", type=int, default=0, help="variant seed (0 = as written)")
    parser.add_argument("--model", help="model name (default: MEDCHAT_MODEL)")
    parser.set_defaults(func=run)


def parse_question(line: str, number: int) -> str | None:
    line = line.strip()
    if not line:
        return None
    if line.startswith("{"):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MedChatError(f"line {number}: invalid JSON ({exc.msg})") from None
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            raise MedChatError(f'line {number}: expected {{"text": "..."}}')
        return value["text"].strip() or None
    return line


def run(args: argparse.Namespace) -> int:
    from medchat.agents.patient import PatientAgent
    from medchat.agents.simulator import PatientSimulator
    from medchat.models import load_chat_model
    from medchat.personas.loader import get_persona
    from medchat.personas.variation import make_variant

    settings = get_settings()
    persona = make_variant(get_persona(args.persona), args.variant)
    simulator: PatientSimulator | None = None  # the model loads at the first valid question:
    for number, line in enumerate(sys.stdin, 1):  # a script broken at line 1 fails at once
        question = parse_question(line, number)
        if question is None:
            continue
        if len(question) > settings.max_message_chars:
            raise MedChatError(
                f"line {number}: {len(question)} characters; the limit is "
                f"{settings.max_message_chars} (MEDCHAT_MAX_MESSAGE_CHARS)"
            )
        if simulator is None:
            model = load_chat_model(settings, model=args.model)
            simulator = PatientSimulator(PatientAgent(model, persona))
        answer = simulator.ask(question)
        row = {"question": question, "answer": answer.answer, "facts": answer.facts}
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0
