"""Hostile persona files: whatever a case author (or an attacker) writes, the loader returns a
valid `Persona` or a `PersonaError` that names the file and the field, never a traceback.

Hypothesis mutates a real authored case (drop a key, replace a value with junk, add a key)
and also feeds raw random text as the YAML file itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medchat.errors import PersonaError
from medchat.personas.loader import load_persona, parse_persona
from medchat.personas.schema import Persona
from tests.conftest import ROOT

BASE = yaml.safe_load((ROOT / "personas/authored/chest-pain-58m.yaml").read_text())
NAME = "hostile.yaml"
# "<file>: <field path>: <problem>" on every line of the error
ERROR_LINE = re.compile(rf"^{re.escape(NAME)}: \S.*: .+|^{re.escape(NAME)}: the file must hold")

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(data: object, prefix: tuple = ()) -> list[tuple]:
    """Every key/index path in the parsed YAML, so a mutation can hit any depth."""
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += paths(value, (*prefix, i))
    return out


ALL_PATHS = paths(BASE)


def mutate(data: dict, path: tuple, action: str, value: object) -> dict:
    import copy

    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    return data


def outcome(data: object) -> Persona | str:
    try:
        return parse_persona(data, NAME)
    except PersonaError as exc:
        return str(exc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(ALL_PATHS),
    action=st.sampled_from(["drop", "replace", "add"]),
    value=junk,
)
def test_when_a_real_case_is_mutated_then_persona_or_error_naming_file_and_field(
    path, action, value
):
    result = outcome(mutate(BASE, path, action, value))
    if isinstance(result, str):
        lines = result.splitlines()
        assert lines and all(ERROR_LINE.match(line) for line in lines), result


@settings(max_examples=150, deadline=None)
@given(data=junk)
def test_when_the_whole_document_is_junk_then_a_clear_error(data):
    result = outcome(data)
    assert isinstance(result, str) and result.startswith(f"{NAME}:")


yaml_like = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            ["id: x", "- a", "facts:", "  - {", ": :", "&a *a", "!!python/object:os.system", "\t"]
        ),
        max_size=8,
    ).map("\n".join),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=yaml_like)
def test_when_the_file_is_random_text_then_the_error_names_the_file(tmp_path: Path, text):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_persona(path)
    except PersonaError as exc:
        assert str(exc).startswith(str(path)) or str(exc).startswith(path.name), str(exc)
        assert ": " in str(exc)
    else:  # only a complete valid case can load, and random text is not one
        raise AssertionError(f"random text loaded as a persona: {text!r}")
