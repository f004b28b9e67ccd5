"""The generated condition section of the allow-list is current and keeps names out."""

from __future__ import annotations

from safety.devsets.conditions import BEGIN, END, build
from safety.pii.clinical import load_allow_list, person_names


def test_when_the_list_is_rebuilt_then_the_packaged_section_matches():
    from importlib import resources

    text = resources.files("safety.data").joinpath("clinical_terms.txt").read_text()
    section = text[text.index(BEGIN) + len(BEGIN) : text.index(END)].split()
    assert section == build(), "run: python -m safety.devsets.conditions build"


def test_when_a_word_is_a_common_name_then_it_is_not_in_the_generated_section():
    generated = set(build())
    assert generated and not generated & person_names()
    assert {"gord", "angina", "copd"} <= load_allow_list()
