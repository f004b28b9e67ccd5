"""Bad persona files fail with a message naming the file, the field and the problem."""

from __future__ import annotations

import pytest
import yaml

from medchat.errors import PersonaError
from medchat.personas.loader import PersonaRegistry, load_persona, persona_files


def _set(path: str, value):
    """A mutation that sets a dotted path ('facts.1.category') to `value`."""

    def mutate(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str):
    def mutate(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        del node[int(last) if last.isdigit() else last]

    return mutate


def _duplicate_fact(data: dict) -> None:
    data["facts"][2]["id"] = "onset"


def _duplicate_checklist(data: dict) -> None:
    data["checklist"][1]["id"] = "onset"


BAD_FILES = [
    # (case, mutation, field path expected in the message, problem expected in the message)
    ("unknown_top_key", _set("diagnosys", "x"), "diagnosys", "did you mean 'diagnosis'"),
    ("unknown_fact_key", _set("facts.1.volunteerd", True), "facts[1].volunteerd", "unknown key"),
    ("missing_category", _delete("facts.2.category"), "facts[2].category", "Field required"),
    ("null_category", _set("facts.0.category", None), "facts[0].category", "got None"),
    ("bad_category", _set("facts.0.category", "hpc_place"), "facts[0].category", "hpc_site"),
    ("duplicate_fact_id", _duplicate_fact, "facts", "duplicate fact id 'onset'"),
    ("duplicate_checklist_id", _duplicate_checklist, "checklist", "duplicate checklist id"),
    ("bad_specialty", _set("specialty", "cardiac"), "specialty", "'cardiac'"),
    ("bad_style", _set("style", {"personality": "grumpy"}), "style.personality", "grumpy"),
    ("bad_difficulty", _set("difficulty", "extreme"), "difficulty", "'extreme'"),
    ("blank_diagnosis", _set("diagnosis.name", "  "), "diagnosis.name", "blank"),
    ("missing_diagnosis", _delete("diagnosis"), "diagnosis", "Field required"),
    ("unknown_fact_ref", _set("checklist.0.fact_ids", ["nope"]), "checklist[0].fact_ids", "nope"),
    ("age_out_of_range", _set("demographics.age", 70), "demographics", "outside age_range"),
    ("bad_fact_id", _set("facts.0.id", "Has Spaces"), "facts[0].id", "pattern"),
]


@pytest.mark.parametrize(
    ("case", "mutate", "field", "problem"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_when_a_field_is_bad_then_the_error_names_file_field_and_problem(
    tmp_path, minimal, case, mutate, field, problem
):
    mutate(minimal)
    path = tmp_path / f"{case}.yaml"
    path.write_text(yaml.safe_dump(minimal, sort_keys=False))
    with pytest.raises(PersonaError) as info:
        load_persona(path)
    message = str(info.value)
    assert f"{case}.yaml" in message
    assert f"{field}:" in message
    assert problem in message


SYNTAX_ERRORS = [
    ("unclosed_flow", "id: x\nfacts:\n  - {id: a, text: 'hi'\n", "line 4"),
    ("bad_indent", "id: x\n title: y\n  specialty: z\n", "line 2"),
    ("tab_indent", "id: x\nfacts:\n\t- a\n", "line 3"),
]


@pytest.mark.parametrize(
    ("case", "text", "where"), SYNTAX_ERRORS, ids=[c[0] for c in SYNTAX_ERRORS]
)
def test_when_yaml_is_malformed_then_the_error_names_file_and_line(tmp_path, case, text, where):
    path = tmp_path / f"{case}.yaml"
    path.write_text(text)
    with pytest.raises(PersonaError) as info:
        load_persona(path)
    assert f"{case}.yaml: YAML syntax error at {where}" in str(info.value)


def test_when_the_file_is_not_a_mapping_then_the_error_names_the_file(tmp_path):
    path = tmp_path / "listy.yaml"
    path.write_text("- just\n- a list\n")
    with pytest.raises(PersonaError, match=r"listy\.yaml: the file must hold a mapping"):
        load_persona(path)


def test_when_two_files_share_an_id_then_the_error_names_both(tmp_path, minimal):
    (tmp_path / "first.yaml").write_text(yaml.safe_dump(minimal))
    (tmp_path / "second.yaml").write_text(yaml.safe_dump(minimal))
    with pytest.raises(PersonaError) as info:
        PersonaRegistry.from_paths(tmp_path)
    message = str(info.value)
    assert "second.yaml: id: 'tiny-case' is also used by" in message
    assert "first.yaml" in message


def test_when_a_file_starts_with_underscore_then_it_is_skipped(tmp_path, minimal):
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(minimal))
    (tmp_path / "_template.yaml").write_text("not: [valid")
    assert [p.name for p in persona_files(tmp_path)] == ["case.yaml"]


def test_when_a_glob_is_given_then_matching_files_load(tmp_path, minimal):
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump({**minimal, "id": f"case-{name}"}))
    registry = PersonaRegistry.from_paths(str(tmp_path / "*.yaml"))
    assert registry.ids() == ["case-a", "case-b"]


def test_when_a_path_does_not_exist_then_the_error_says_so(tmp_path):
    with pytest.raises(PersonaError, match="no such persona file"):
        persona_files(tmp_path / "missing.yaml")


@pytest.mark.parametrize(
    ("asked", "hint"),
    [
        ("chest-pain-58", "Did you mean 'chest-pain-58m'?"),
        ("low-mood", "Did you mean 'low-mood-29m'?"),
    ],
)
def test_when_an_id_is_unknown_then_the_error_suggests_the_closest(registry, asked, hint):
    with pytest.raises(PersonaError) as info:
        registry.get(asked)
    assert f"Unknown persona {asked!r}" in str(info.value)
    assert hint in str(info.value)


def test_when_tests_are_given_as_plain_strings_then_they_become_results(tmp_path, minimal):
    minimal["tests"] = {"ECG": "Sinus rhythm", "CXR": {"result": "Clear", "aliases": ["film"]}}
    path = tmp_path / "short.yaml"
    path.write_text(yaml.safe_dump(minimal))
    persona = load_persona(path)
    assert persona.tests["ECG"].result == "Sinus rhythm"
    assert persona.tests["CXR"].aliases == ["film"]


def test_when_a_key_holds_a_control_character_then_the_error_stays_one_line_per_problem(
    minimal,
):
    """Found by the hypothesis suite: "\\x1e" is a line break to `str.splitlines`."""
    from medchat.personas.loader import parse_persona

    minimal["style"] = {"\x1e": None}
    with pytest.raises(PersonaError) as err:
        parse_persona(minimal, "case.yaml")
    lines = str(err.value).splitlines()
    assert lines and all(line.startswith("case.yaml: style") for line in lines)
    assert "'\\x1e': unknown key" in str(err.value)
