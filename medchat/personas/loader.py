"""Load persona files with errors that name the file, the field and the problem.

A case author's typo must point at itself: `personas/foo.yaml: facts[3].category: Field required`.
Files whose name starts with `_` (the template) are skipped, and an id used by two files is an error
naming both, so the registry never depends on load order.
"""

from __future__ import annotations

import difflib
import glob
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from medchat.errors import PersonaError, did_you_mean
from medchat.personas.schema import Persona, schema_field_names

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "personas"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it: the same documents and error marks,
about 8x faster on the 77 bundled files (every process that starts a patient reads them)."""


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _loc(loc: tuple) -> str:
    """`facts[3].category`; a key with control characters is quoted, so one error stays one
    line (a raw "\x1e" in a key would split the message)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = str(part) if str(part).isprintable() else repr(str(part))
            out += f".{part}" if out else part
    return out or "(top level)"


def _describe(error: dict) -> str:
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        key = str(error["loc"][-1])
        close = difflib.get_close_matches(key, sorted(schema_field_names()), n=1)
        message = "unknown key" + (f"; did you mean {close[0]!r}?" if close else "")
    elif error["type"] == "enum":
        message = f"{message} (got {error.get('input')!r})"
    return f"{_loc(error['loc'])}: {message}"


def parse_persona(data: object, name: str) -> Persona:
    """Validate already-parsed YAML data; `name` is used in error messages."""
    if not isinstance(data, dict):
        raise PersonaError(f"{name}: the file must hold a mapping of fields, not {type(data)}")
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        lines = [f"{name}: {_describe(err)}" for err in exc.errors()]
        raise PersonaError("\n".join(lines)) from None


def load_persona(path: str | Path) -> Persona:
    """Read and validate one persona YAML file."""
    path = Path(path)
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PersonaError(f"{name}: cannot read the file ({exc.strerror})") from None
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        problem = getattr(exc, "problem", None) or str(exc)
        raise PersonaError(f"{name}: YAML syntax error at {where}: {problem}") from None
    return parse_persona(data, name)


def persona_files(paths: str | Path | Iterable[str | Path] | None = None) -> list[Path]:
    """Expand files, directories (recursively) and globs into persona files, sorted."""
    if paths is None:
        paths = [DEFAULT_DIR]
    elif isinstance(paths, str | Path):
        paths = [paths]
    found: list[Path] = []
    for entry in paths:
        entry_path = Path(entry)
        if entry_path.is_dir():
            matches = sorted(entry_path.rglob("*.yaml")) + sorted(entry_path.rglob("*.yml"))
        elif entry_path.exists():
            found.append(entry_path)  # named explicitly: loaded even if it starts with "_"
            continue
        else:
            matches = [Path(m) for m in sorted(glob.glob(str(entry), recursive=True))]
            if not matches:
                raise PersonaError(f"{entry}: no such persona file, directory or glob match")
        found.extend(m for m in matches if not m.name.startswith("_"))
    return list(dict.fromkeys(found))


def iter_validation(paths=None) -> Iterator[tuple[Path, Persona | None, str | None]]:
    """Yield (file, persona, error) for every file, so `validate` can report all of them."""
    seen: dict[str, Path] = {}
    for path in persona_files(paths):
        try:
            persona = load_persona(path)
        except PersonaError as exc:
            yield path, None, str(exc)
            continue
        if persona.id in seen:
            first = _display(seen[persona.id])
            yield path, None, f"{_display(path)}: id: {persona.id!r} is also used by {first}"
            continue
        seen[persona.id] = path
        yield path, persona, None


class PersonaRegistry:
    """Personas by id; lookups of unknown ids list the valid ones."""

    def __init__(self, personas: Iterable[Persona]):
        self._by_id = {p.id: p for p in personas}

    @classmethod
    def from_paths(cls, paths=None) -> PersonaRegistry:
        """Load every file; the first bad file or duplicate id raises `PersonaError`."""
        personas = []
        for _path, persona, error in iter_validation(paths):
            if error:
                raise PersonaError(error)
            personas.append(persona)
        return cls(personas)

    def get(self, persona_id: str) -> Persona:
        try:
            return self._by_id[persona_id]
        except KeyError:
            hint = did_you_mean(persona_id, self._by_id)
            raise PersonaError(f"Unknown persona {persona_id!r}. {hint}") from None

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def __iter__(self) -> Iterator[Persona]:
        return iter(self._by_id[i] for i in self.ids())

    def __len__(self) -> int:
        return len(self._by_id)


@lru_cache(maxsize=8)
def _registry_for(directory: str) -> PersonaRegistry:
    return PersonaRegistry.from_paths(directory)


def default_registry(directory: str | Path | None = None) -> PersonaRegistry:
    """The registry of `directory` (default: the repo's `personas/`), loaded once per process."""
    return _registry_for(str(Path(directory or DEFAULT_DIR).resolve()))


def get_persona(persona_id: str, directory: str | Path | None = None) -> Persona:
    """Look up a persona by id in the default (or given) directory."""
    return default_registry(directory).get(persona_id)
