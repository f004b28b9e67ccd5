"""Importers from public case formats into persona files, looked up by format name.

Each importer module declares `FORMAT` and `convert(record, index, overrides) -> dict`; this module
reads the JSONL, picks records (a limit, a cap per specialty for a spread) and validates every
result. `overrides` are the hand-reviewed per-case fixes (`overrides.yaml` by default).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from medchat.errors import PersonaError, did_you_mean
from medchat.personas.importers import agentclinic, avey
from medchat.personas.importers.overrides import Overrides
from medchat.personas.loader import parse_persona
from medchat.personas.schema import Persona

IMPORTERS: dict[str, ModuleType] = {m.FORMAT: m for m in (agentclinic, avey)}


def get_importer(fmt: str) -> ModuleType:
    try:
        return IMPORTERS[fmt]
    except KeyError:
        hint = did_you_mean(fmt, IMPORTERS)
        raise PersonaError(f"Unknown import format {fmt!r}. {hint}") from None


def read_records(path: str | Path) -> list[dict]:
    """Read a JSONL file; a bad line names the file and line number."""
    path = Path(path)
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PersonaError(f"{path}: cannot read the file ({exc.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise PersonaError(f"{path}: line {number}: not valid JSON ({exc.msg})") from None
    return records


def import_records(
    fmt: str,
    records: list[dict],
    limit: int | None = None,
    per_specialty: int | None = None,
    indexes: set[int] | None = None,
    overrides: Overrides | None = None,
) -> list[tuple[dict, Persona]]:
    """Convert records in file order (0-based index in the id) -> (raw dict, validated persona)."""
    importer = get_importer(fmt)
    out: list[tuple[dict, Persona]] = []
    counts: dict[str, int] = {}
    for index, record in enumerate(records):
        if limit is not None and len(out) >= limit:
            break
        if indexes is not None and index not in indexes:
            continue
        try:
            raw = importer.convert(record, index, overrides)
        except (KeyError, TypeError, AttributeError) as exc:
            raise PersonaError(f"record {index}: missing or malformed field ({exc})") from None
        persona = parse_persona(raw, f"{fmt} record {index}")
        if per_specialty is not None and counts.get(persona.specialty, 0) >= per_specialty:
            continue
        counts[persona.specialty] = counts.get(persona.specialty, 0) + 1
        out.append((raw, persona))
    return out
