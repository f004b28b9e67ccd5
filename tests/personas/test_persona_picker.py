"""Every persona picker shows titles, not ids; the value is still the id, so nothing changes."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from medchat.personas.loader import default_registry, parse_persona
from medchat.ui.controllers.practice import RANDOM, case_choices, persona_choices

_ID = re.compile(r"\b(?:agentclinic|avey)-\d{3}\b|^[a-z0-9]+(?:-[a-z0-9]+)+$")


def _persona(minimal: dict, case_id: str, title: str, specialty: str):
    return parse_persona({**minimal, "id": case_id, "title": title, "specialty": specialty}, "x")


def test_when_the_shipped_cases_are_listed_then_labels_are_titles_and_values_ids():
    registry = default_registry()
    choices = persona_choices(registry)
    assert [value for _label, value in choices] == [p.id for p in registry]
    assert [label for label, _value in choices] == [p.title for p in registry]
    assert [label for label, _value in choices if _ID.search(label)] == []


@pytest.mark.parametrize(
    ("cases", "labels"),
    [
        (
            [("a-1", "Cough in a 40-year-old", "respiratory"), ("b-2", "Rash", "dermatology")],
            ["Cough in a 40-year-old", "Rash"],
        ),
        (
            [("a-1", "Cough", "respiratory"), ("b-2", "Cough", "cardiology")],
            ["Cough (respiratory)", "Cough (cardiology)"],
        ),
        (
            [("a-1", "Cough", "respiratory"), ("b-2", "Cough", "respiratory")],
            ["Cough (a-1)", "Cough (b-2)"],
        ),
    ],
)
def test_when_titles_collide_then_the_specialty_or_else_the_id_tells_them_apart(
    minimal, cases, labels
):
    personas = [_persona(minimal, *case) for case in cases]
    assert persona_choices(personas) == list(zip(labels, [c[0] for c in cases], strict=True))


def test_when_practice_cases_are_filtered_then_random_comes_first_then_titles():
    (label, value), *cases = case_choices(default_registry(), "any", "any")
    assert (label, value) == ("Random case", RANDOM)
    assert cases == persona_choices(default_registry())


def test_when_the_tabs_are_built_then_every_persona_dropdown_shows_titles(
    tmp_path, settings, embedded_redis
):
    """Builds the Practice, Autoplay and Generate tabs (no server, no model): they only read the
    backend's settings while laying out (and Generate its store's Redis, for the job records), so
    a bare holder of the real Settings and a real store stands in."""
    import gradio as gr

    from medchat.store import SessionStore
    from medchat.ui.controllers.generate import JobBoard
    from medchat.ui.tabs.autoplay import AutoplayTab
    from medchat.ui.tabs.generate import GenerateTab
    from medchat.ui.tabs.practice import PracticeTab

    registry = default_registry()
    backend = SimpleNamespace(settings=settings, store=SessionStore(embedded_redis))
    with gr.Blocks():
        tabs = {
            "practice": PracticeTab(backend, registry).case,
            "autoplay": AutoplayTab(backend, registry).persona,
            "generate": GenerateTab(backend, registry, JobBoard(backend, root=tmp_path)).personas,
        }
    titles = {p.title for p in registry}
    for name, dropdown in tabs.items():
        labels = {label for label, _value in dropdown.choices} - {"Random case"}
        assert labels == titles, name
        assert {value for _label, value in dropdown.choices} - {RANDOM} == set(registry.ids()), name
