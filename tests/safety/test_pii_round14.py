"""Fourteenth round, by class, from the misses of fresh13 and hand-written 11 (dev sets now):
continental clinical words and function words the NER model took for names or places, names a
message calls or hands something to, someone looked for or visited, "Surname, Forename" between
middle dots, more role words and labels, and more date shapes. Values are from no evaluation set
(each grepped in `safety/devsets/`)."""

from __future__ import annotations

import pytest

from safety.pii.scrubber import Scrubber


@pytest.fixture(scope="module")
def scrubber():
    return Scrubber()


def _found(scrubber, text):
    return [(e.type, text[e.start : e.end]) for e in scrubber.detect(text, scrubber.new_session())]


def _hidden(scrubber, text, value, etype=None):
    start = text.index(value)
    end = start + len(value)
    spans = [e for e in scrubber.detect(text, scrubber.new_session())]
    return any(
        e.start <= start and end <= e.end and (etype is None or e.type == etype) for e in spans
    )


# Continental clinical words, and continental function words, kept as written.
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Herr Osvaldo Grigore, 71, Niereninsuffizienz", "Niereninsuffizienz"),
        ("Kontrolle nach Lungenentzündung, sonst stabil", "Lungenentzündung"),
        ("antécédents : infarctus en 2015, angine de poitrine", "infarctus"),
        ("uitslag: blaasontsteking, antibiotica gestart", "blaasontsteking"),
        ("Patientin mit Schilddrüsenüberfunktion und Herzrhythmusstörung", "Herzrhythmusstörung"),
        (
            "Patientin mit Schilddrüsenüberfunktion und Herzrhythmusstörung",
            "Schilddrüsenüberfunktion",
        ),
        ("Kannst du mir das Rezept für Ramipril schicken?", "Ramipril"),
    ],
)
def test_when_continental_clinical_word_then_it_is_kept(scrubber, text, term):
    start = text.index(term)
    end = start + len(term)
    assert not any(
        e.start < end and start < e.end for e in scrubber.detect(text, scrubber.new_session())
    )


@pytest.mark.parametrize(
    "text",
    [
        "de uitslag van je bloedtest is binnen, bel ons gerust",
        "gute besserung mit dem neuen knie!",
        "msg: ok pls come round after lunch",
        "Donor card · deferred · next visit in spring",
        "Sorry, your letter went to the old address",
        "Hello, your appointment is confirmed for the afternoon",
        "great - dont forget to bring the form",
        "results sent to the GP and the patient",
        "sample handed to the lab this morning",
        "has anyone seen a doctor about this?",
        "the district nurse visiting daily has been brilliant",
        "Clinic · Monday, Tuesday · mornings only",
        "Birth partner: none yet",
        "pain 3/10 on a 2/7 history, BP 120/80, GCS 15/15",
    ],
)
def test_when_look_alike_of_a_new_shape_then_nothing_is_detected(scrubber, text):
    assert _found(scrubber, text) == []


# Names in the round's shapes.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Osvaldo, your blood results are back, please ring us", "Osvaldo"),
        ("Reminder: Benedek, your flu jab is on the 4th", "Benedek"),
        ("léontine - dont forget your inhaler x", "léontine"),
        ("Leontine, thank you for the card", "Leontine"),
        ("prescription owed to mireille dauphin - ring when it comes in", "mireille dauphin"),
        ("Certificate issued to Radek Paasch on Monday", "Radek Paasch"),
        ("the box was sent to Benedek Szabados, who lives upstairs", "Benedek Szabados"),
        ("has anyone seen mireille dauphin? she left the ward", "mireille dauphin"),
        ("anyone heard from Osvaldo Grigore today", "Osvaldo Grigore"),
        ("14:20 - mireille dauphin visiting benedek szabados, bay 6", "mireille dauphin"),
        ("14:20 - mireille dauphin visiting benedek szabados, bay 6", "benedek szabados"),
        ("Blood donor · Szabados, Benedek · DOB on file", "Szabados, Benedek"),
        ("Birth partner: Radek Paasch, mobile on the form", "Radek Paasch"),
        ("RSVP: Leontine Grigore + 1, vegetarian", "Leontine Grigore"),
        ("repair request from tenant léontine paasch, flat 3", "léontine paasch"),
        # two capitalised name words keep an NER span that holds a function word
        ("Guten Abend, hier ist Hartwig Quappendorf mit einer Frage", "Hartwig Quappendorf"),
    ],
)
def test_when_name_in_a_new_shape_then_it_is_scrubbed(scrubber, text, name):
    assert _hidden(scrubber, text, name, "PERSON")


# Dates in the round's shapes.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("szül. 1961. 03. 14., kontroll", "1961. 03. 14"),
        ("seen 4. 11. 2023 in clinic", "4. 11. 2023"),
        ("dob 09.Sep.1980, no allergies", "09.Sep.1980"),
        ("admitted 2021-Mar-05 with a fall", "2021-Mar-05"),
        ("signed this 3rd day of June 2020", "3rd day of June 2020"),
        ("geb. 7. okt. 1952, ledig", "7. okt. 1952"),
        ("rendez-vous mardi 5 déc. à 10h", "mardi 5 déc"),
        ("review 14 02 24 with bloods", "14 02 24"),
    ],
)
def test_when_date_in_a_new_shape_then_it_is_scrubbed(scrubber, text, value):
    assert _hidden(scrubber, text, value)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Liebe Grüße und gute Besserung! Deine Nachbarn aus Quakenbrück", "Quakenbrück"),
        ("beterschap! groeten uit barneveld", "barneveld"),
    ],
)
def test_when_german_or_dutch_from_closes_a_card_then_the_town_is_scrubbed(scrubber, text, town):
    assert _hidden(scrubber, text, town)


def test_when_aus_is_followed_by_everyday_words_then_nothing_is_taken_for_a_town(scrubber):
    assert _found(scrubber, "Gute Besserung aus dem Urlaub!") == []
