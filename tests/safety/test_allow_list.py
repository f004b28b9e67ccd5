"""Clinical vocabulary and clinical spans survive scrubbing; names around them do not."""

from __future__ import annotations

import pytest

from safety.pii.clinical import is_allow_listed, load_allow_list

KEPT = [
    ("I was diagnosed with Hashimoto's last year.", "Hashimoto"),
    ("My Crohn's disease flared up.", "Crohn"),
    ("Dad has Parkinson's and shakes.", "Parkinson"),
    ("I take Zoloft every morning.", "Zoloft"),
    ("The Xanax makes me sleepy.", "Xanax"),
    ("I was started on Eliquis after the clot.", "Eliquis"),
    ("She had Bell's palsy in 2019.", "Bell's palsy"),
    ("My son has Turner syndrome.", "Turner syndrome"),
    ("I've been on Trelegy for my COPD.", "Trelegy"),
    ("They switched me to rivaroxaban.", "rivaroxaban"),
    ("I caught Lyme disease in Scotland.", "Scotland"),
    ("I'm 67 years old and live alone.", "67 years old"),
    ("The pain has been there for three days.", "three days"),
    ("My BP was 165/100 and pulse 112 bpm.", "165/100"),
    ("I took 500 mg at 7am.", "500 mg"),
]


@pytest.mark.parametrize(("text", "term"), KEPT)
def test_when_clinical_term_present_then_it_survives_scrubbing(scrubber, text, term):
    assert term in scrubber.scrub(text, scrubber.new_session()).text


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Hashimoto", True),
        ("Zoloft", True),
        ("Guillain Barré", True),
        ("Sarah Jones", False),  # "Jones" alone is no reason to keep a full name
        ("Georgia", False),  # a first name as well as a state: never allow-listed
        ("Parkinson's", True),
        ("GORD", True),  # abbreviations and condition names from the generated section
        ("Angina", True),
        ("Rheumatoid Arthritis", True),  # medical endings: -oid beside -itis
        ("Pulmonary Fibrosis", True),
        ("Thomas", False),  # ends like "-omas" but is a name
        ("Eric", False),  # an adjective ending alone never makes a word clinical
        ("Atopic", False),
        ("Thomas Fibrosis", False),  # a name word anywhere keeps the span a name
    ],
)
def test_when_span_checked_then_allow_list_needs_every_word(span, expected):
    assert is_allow_listed(span, load_allow_list()) is expected


def test_when_name_sits_next_to_a_drug_then_only_the_name_goes(scrubber):
    result = scrubber.scrub("Dr Okafor put me on Zoloft.", scrubber.new_session())
    assert "Okafor" not in result.text
    assert "Zoloft" in result.text
