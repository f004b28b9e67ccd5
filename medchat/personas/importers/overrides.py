"""Per-case fixes the lay rules cannot make, written and reviewed by hand (`overrides.yaml`).

Rules re-voice most chart sentences well; a few need a person ("the volar, medial aspect of her
proximal forearm" is "along the inside of my forearm"). An override names the case by id and by
diagnosis (so it never lands on another record that happens to get the same id, as in a test
fixture), and maps a source fragment, exactly as the importer splits it, to what the patient
says, or to null when the fragment is not the patient's to say. A fragment that no longer occurs
in the source is an error, so a re-import never silently drops a reviewed fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from medchat.errors import PersonaError

OVERRIDES_FILE = "overrides.yaml"
_KEYS = {"diagnosis", "title", "opening_statement", "say"}


@dataclass(frozen=True)
class CaseOverride:
    """Hand-written title, opening line and fragment replacements for one imported case."""

    case_id: str
    diagnosis: str
    title: str | None = None
    opening_statement: str | None = None
    say: dict[str, str | None] = field(default_factory=dict)

    def check_used(self, used: set[str]) -> None:
        """Raise when a reviewed fragment was not met: the source or the splitting changed."""
        stale = sorted(set(self.say) - used)
        if stale:
            raise PersonaError(
                f"{OVERRIDES_FILE}: {self.case_id}: no such fragment in the source any more: "
                f"{stale[0]!r}. Update or remove the override."
            )


@dataclass(frozen=True)
class Overrides:
    """All case overrides, by case id."""

    cases: dict[str, CaseOverride] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Overrides:
        """Read and validate an overrides file (default: the shipped one)."""
        if path is None:
            text = resources.files(__package__).joinpath(OVERRIDES_FILE).read_text("utf-8")
            where = OVERRIDES_FILE
        else:
            text, where = Path(path).read_text(encoding="utf-8"), str(path)
        try:
            raw = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise PersonaError(f"{where}: not valid YAML ({exc})") from None
        cases = {}
        for case_id, entry in raw.items():
            if not isinstance(entry, dict):
                raise PersonaError(f"{where}: {case_id}: must be a mapping")
            unknown = set(entry) - _KEYS
            if unknown:
                raise PersonaError(f"{where}: {case_id}: unknown key(s) {sorted(unknown)}")
            if not str(entry.get("diagnosis") or "").strip():
                raise PersonaError(f"{where}: {case_id}.diagnosis: required (guards the match)")
            say = entry.get("say") or {}
            for key, value in say.items():
                if value is not None and (not isinstance(value, str) or not value.strip()):
                    raise PersonaError(f"{where}: {case_id}.say[{key!r}]: a text or null")
            cases[case_id] = CaseOverride(
                case_id=case_id,
                diagnosis=str(entry["diagnosis"]).strip(),
                title=entry.get("title"),
                opening_statement=entry.get("opening_statement"),
                say={str(k).strip().rstrip(".").strip(): v for k, v in say.items()},
            )
        return cls(cases)

    def for_case(self, case_id: str, diagnosis: str) -> CaseOverride | None:
        """The override for this case, only if its diagnosis matches too."""
        case = self.cases.get(case_id)
        if case is None or case.diagnosis.lower() != diagnosis.strip().lower():
            return None
        return case

    def __len__(self) -> int:
        return len(self.cases)


@cache
def default_overrides() -> Overrides:
    """The shipped overrides, read once."""
    return Overrides.load()
