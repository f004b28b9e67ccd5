"""What the page shows, as tables: identifier marks, banners, summaries, the patient card."""

from __future__ import annotations

import pytest

from medchat.personas.loader import default_registry
from medchat.ui import auth, render
from medchat.ui.controllers import practice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am <PERSON_1>.", "I am <mark"),
        ("Call <PHONE_NUMBER_2> now", ">PHONE_NUMBER_2</mark> now"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("pain for three days", "pain for three days"),
        ("a < b and <person_1>", "a &lt; b and &lt;person_1&gt;"),
    ],
)
def test_when_text_is_rendered_then_identifiers_are_marked_and_markup_escaped(text, expected):
    assert expected in render.mark_identifiers(text)


@pytest.mark.parametrize(
    ("kind", "colour", "label"),
    [
        ("escalate", "#c62828", "Urgent"),
        ("block", "#ef6c00", "Not shown"),
        ("error", "#3949ab", "Model problem"),
        ("unknown", "#5f6368", "Note"),
    ],
)
def test_when_a_banner_is_built_then_it_is_a_styled_alert(kind, colour, label):
    html = render.banner(kind, "Call 999 <now>")
    assert 'role="alert"' in html and colour in html and label in html
    assert "&lt;now&gt;" in html


def test_when_banner_text_is_empty_then_nothing_is_shown():
    assert render.banner("escalate", "") == ""


@pytest.mark.parametrize(
    ("summary", "shown", "hidden"),
    [
        (None, [], ["Consultation ended"]),
        ({"reason": "requested", "text": "Bye <PERSON_1>"}, ["did not give", "PERSON_1"], []),
        (
            {
                "reason": "doctor_closed",
                "summary": "Three days of headache.",
                "differential": "migraine; tension",
                "leading diagnosis": "migraine",
                "plan": "rest",
                "safety-netting": "return if worse",
                "differential_list": ["migraine", "tension"],
            },
            ["doctor_closed", "**Leading diagnosis:** migraine", "- tension"],
            ["did not give"],
        ),
    ],
)
def test_when_a_consultation_ends_then_summary_shows_its_sections(summary, shown, hidden):
    text = render.summary_markdown(summary)
    for part in shown:
        assert part in text
    for part in hidden:
        assert part not in text


@pytest.mark.parametrize("persona", list(default_registry()), ids=lambda p: p.id)
def test_when_a_card_is_shown_then_it_never_names_the_diagnosis(persona):
    import html
    import re

    card = html.unescape(render.patient_card(persona)).lower()
    assert persona.demographics.name.lower() in card
    assert persona.opening_statement.lower()[:20] in card
    for term in persona.diagnosis.terms:
        assert not re.search(rf"\b{re.escape(term.lower())}\b", card), term


@pytest.mark.parametrize(
    ("specialty", "difficulty"),
    [("any", "any"), ("cardiology", "any"), ("any", "hard"), ("respiratory", "easy")],
)
def test_when_cases_are_filtered_then_only_matching_cases_are_offered(specialty, difficulty):
    registry = default_registry()
    (_label, random_id), *cases = practice.case_choices(registry, specialty, difficulty)
    assert random_id == practice.RANDOM
    for _label, case_id in cases:
        p = registry.get(case_id)
        assert specialty in ("any", p.specialty.value) and difficulty in ("any", p.difficulty.value)


@pytest.mark.parametrize(
    ("password", "user", "expected"),
    [("s3cret", "alice", True), ("wrong", "alice", False), ("s3cret", "mallory", False)],
)
def test_when_someone_logs_in_then_only_the_right_password_passes(password, user, expected):
    users = {"alice": auth.hash_password("s3cret", iterations=1000)}
    assert auth.Authenticator(users)(user, password) is expected


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("alice", "entry 1"),
        ("al ice:pbkdf2_sha256$1$a$b", "entry 1"),
        ("# comment\nbob:md5$x", "entry 2"),
        ("a:b:c", "entry 1"),
    ],
)
def test_when_a_users_entry_is_malformed_then_the_error_names_it(text, error):
    from medchat.errors import ConfigError

    with pytest.raises(ConfigError, match=error):
        auth.parse_users(text, "users.txt")


def test_when_users_come_from_file_and_env_then_both_can_log_in(tmp_path, settings):
    from pydantic import SecretStr

    (tmp_path / "users").write_text(f"# team\nalice:{auth.hash_password('a', iterations=1000)}\n")
    cfg = settings.model_copy(
        update={
            "users_file": tmp_path / "users",
            "users": SecretStr(f"bob:{auth.hash_password('b', iterations=1000)}"),
        }
    )
    check = auth.Authenticator(auth.load_users(cfg))
    assert check("alice", "a") and check("bob", "b") and not check("bob", "a")


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("vital_signs: Vital signs: pulse 98, BP 150/90.", "Vital signs: pulse 98, BP 150/90."),
        ("chest: Clear to auscultation.", "Chest: Clear to auscultation."),
        ("full_blood_count: Hb 98 g/L.", "Full blood count: Hb 98 g/L."),
        ("ECG: sinus rhythm.", "ECG: sinus rhythm."),  # already a display name
        ("No key here", "No key here"),
    ],
)
def test_when_an_examiner_turn_is_shown_then_the_raw_key_is_not(stored, shown):
    assert render.examiner_text(stored) == shown
