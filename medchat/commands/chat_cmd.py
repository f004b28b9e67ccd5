"""`python -m medchat chat`: the dialogue engine in a terminal, no browser needed.

Commands inside the chat: /end closes the consultation; in practice /exam WHAT and /test WHAT ask
the examiner; in autoplay an empty line steps, /take doctor|patient takes over a side and /release
hands it back.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from rich.console import Console

from medchat.config import get_settings
from medchat.errors import MedChatError
from medchat.service.conversation import (
    EndEvent,
    ErrorEvent,
    Event,
    ExaminerEvent,
    RetractEvent,
    TokenEvent,
    TurnEvent,
    VerdictEvent,
)
from medchat.types import Mode, Role


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("chat", help="run a conversation in the terminal")
    parser.add_argument("--mode", choices=["consult", "practice", "autoplay"], default="consult")
    parser.add_argument("--persona", help="persona id (practice and autoplay)")
    parser.add_argument("--variant", type=int, default=0)
    parser.add_argument("--resume", metavar="SESSION_ID", help="continue a stored session")
    parser.set_defaults(func=run)


def render(events: Iterable[Event], console: Console) -> None:
    """Print engine events as they arrive; streamed text appears sentence by sentence."""
    speaking: Role | None = None
    for event in events:
        if isinstance(event, TokenEvent):
            if speaking != event.role:
                console.print(f"\n[bold]{event.role.value.capitalize()}:[/bold] ", end="")
                speaking = event.role
            console.print(event.text, end="", highlight=False, markup=False)
        elif isinstance(event, RetractEvent):
            console.print(" [dim](withdrawn; corrected reply follows)[/dim]", end="")
            speaking = None
        elif isinstance(event, TurnEvent):
            if speaking is not None:
                console.print()
            speaking = None
        elif isinstance(event, VerdictEvent):
            style = "red" if event.action == "escalate" else "yellow"
            console.print(
                f"\n[{style}]\\[{event.action}: {event.category}][/{style}] {event.message}"
            )
        elif isinstance(event, ExaminerEvent):
            console.print(f"[cyan]Examiner — {event.name}:[/cyan] {event.finding} ({event.status})")
        elif isinstance(event, ErrorEvent):
            console.print(f"\n[red]{event.message}[/red]")
        elif isinstance(event, EndEvent):
            console.print(f"\n[bold]Consultation ended ({event.reason}).[/bold]")
            for key, value in event.summary.items():
                if key != "differential_list":
                    console.print(f"  [bold]{key}[/bold]: {value}")


def run(args: argparse.Namespace) -> int:
    from medchat.service.build import default_service, model_warmup

    console = Console(highlight=False)
    settings = get_settings()
    service = default_service(settings, model_warmup(settings).start())
    service.warmup().wait()  # the terminal has nothing to show until the model is ready
    if args.resume:  # the terminal is the operator's: it may resume any owner's session
        owner = service.store.get(args.resume).owner
        conv = service.conversation(owner, args.resume)
    else:
        conv = service.start("local", Mode(args.mode), args.persona, variant=args.variant)
    console.print(
        f"[dim]session {conv.meta.id} · mode {conv.meta.mode.value} · /end to finish[/dim]"
    )
    for turn in conv.turns():
        console.print(f"[bold]{turn.role.value.capitalize()}:[/bold] {turn.text}")
    if conv.meta.mode == Mode.PRACTICE and not conv.turns():
        console.print("[dim]You are the doctor. Greet the patient.[/dim]")
    while not conv.ended:
        try:
            line = console.input("\n[green]> [/green]").strip()
        except EOFError:
            break
        try:
            render(_dispatch(conv, line), console)
        except MedChatError as exc:
            console.print(f"[red]{exc}[/red]")
    console.print(f"[dim]Session saved: {conv.meta.id}[/dim]")
    return 0


def _dispatch(conv, line: str) -> Iterable[Event]:
    if line == "/end":
        return conv.close("requested")
    if line.startswith(("/exam ", "/test ")):
        return conv.examine(line.split(" ", 1)[1])
    if line.startswith("/take "):
        conv.take_over(Role(line.split(" ", 1)[1].strip()))
        return []
    if line == "/release":
        conv.take_over(None)
        return []
    if conv.meta.mode == Mode.AUTOPLAY and (not line or conv.human_role is None):
        return conv.step()
    return conv.say(line)
