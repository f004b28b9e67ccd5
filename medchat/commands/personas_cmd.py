"""`python -m medchat personas list|validate|import`: browse, check and import persona files."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from medchat.errors import PersonaError
from medchat.personas.loader import DEFAULT_DIR, iter_validation


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("personas", help="List, validate and import persona files.")
    sub = parser.add_subparsers(dest="personas_command", required=True, metavar="ACTION")

    listing = sub.add_parser("list", help="One row per persona: id, specialty, difficulty.")
    listing.add_argument("paths", nargs="*", help=f"Files, dirs or globs (default {DEFAULT_DIR}).")
    listing.add_argument("--json", action="store_true", help="Print a JSON array instead.")
    listing.set_defaults(func=_list)

    validate = sub.add_parser("validate", help="Check every persona file; exit 1 on any error.")
    validate.add_argument("paths", nargs="*", help="Files, dirs or globs (default: personas/).")
    validate.set_defaults(func=_validate)

    imp = sub.add_parser("import", help="Convert a public case file into persona YAML files.")
    imp.add_argument("file", type=Path, help="The JSONL file to import.")
    imp.add_argument("--format", required=True, help="agentclinic or avey.")
    imp.add_argument("--out", type=Path, default=DEFAULT_DIR / "imported", help="Output dir.")
    imp.add_argument("--limit", type=int, default=None, help="Import at most N cases.")
    imp.add_argument(
        "--per-specialty",
        type=int,
        default=None,
        help="At most N cases per inferred specialty (for a spread).",
    )
    imp.add_argument(
        "--indexes", default=None, help="Only these 0-based record numbers, e.g. 0,3,10-12."
    )
    imp.set_defaults(func=_import)


def _list(args: argparse.Namespace) -> int:
    rows, errors = [], 0
    for _path, persona, error in iter_validation(args.paths or None):
        if error:
            errors += 1
            print(f"error: {error}", file=sys.stderr)
            continue
        rows.append(
            {
                "id": persona.id,
                "specialty": persona.specialty.value,
                "difficulty": persona.difficulty.value,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        width = max((len(r["id"]) for r in rows), default=2)
        for row in rows:
            print(f"{row['id']:<{width}}  {row['specialty']:<22}  {row['difficulty']}")
    return 1 if errors else 0


def _validate(args: argparse.Namespace) -> int:
    ok, bad = [], 0
    for _path, persona, error in iter_validation(args.paths or None):
        if error:
            bad += 1
            print(error)
        else:
            ok.append(persona)
    by_specialty = Counter(p.specialty.value for p in ok)
    print(
        f"{len(ok)} valid, {bad} invalid; {len(by_specialty)} specialties: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_specialty.items()))
    )
    return 1 if bad else 0


def _parse_indexes(text: str | None) -> set[int] | None:
    if not text:
        return None
    out: set[int] = set()
    try:
        for part in text.split(","):
            low, _, high = part.strip().partition("-")
            out.update(range(int(low), int(high or low) + 1))
    except ValueError:
        raise PersonaError(f"--indexes {text!r}: use numbers and ranges like 0,3,10-12") from None
    return out


def _import(args: argparse.Namespace) -> int:
    from medchat.personas.importers import build, get_importer, import_records, read_records

    get_importer(args.format)
    records = read_records(args.file)
    converted = import_records(
        args.format,
        records,
        limit=args.limit,
        per_specialty=args.per_specialty,
        indexes=_parse_indexes(args.indexes),
    )
    for raw, persona in converted:
        path = build.write_persona(raw, args.out)
        print(f"{path}  {persona.specialty.value}")
    print(f"imported {len(converted)} of {len(records)} records into {args.out}")
    return 0
