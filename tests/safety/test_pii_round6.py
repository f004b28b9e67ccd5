"""Classes fixed in the sixth PII round (issue #13), with values written for these tests and
taken from no evaluation set: people in requests ("can X have a repeat", "call X back"), joined
to the writer ("me and X", "X and i"), told something, named in brackets beside a relation or
before an address; "our X"; possessives typed without the apostrophe; form fields with dot
leaders; Irish-language streets; lower-case streets before a postcode; towns after "walk in
at", "moved from", a street and "in", or a named relative; German and weekday dates; eponyms and
aids before a clinical noun; drugs before "stopped"; a name giving an opinion after a comma;
Irish and Dutch particles inside lower-case names; NER guesses made only of everyday words
("voicemail", "mon nom est") dropped; and no recognizer registered twice."""

from __future__ import annotations

import pytest

from safety.pii.recognizers import ALL_RECOGNIZERS


def test_when_recognizers_listed_then_none_is_registered_twice():
    assert len(ALL_RECOGNIZERS) == len(set(ALL_RECOGNIZERS))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Can Wendelin Marsch have a repeat of the inhaler please", ["Wendelin", "Marsch"]),
        ("can ottoline fairweather get her tablets early", ["ottoline", "fairweather"]),
        ("plz call torben back about the cream", ["torben"]),
        ("me and tamsin went to the chemist", ["tamsin"]),
        ("gerlinde and i are both on the same pills", ["gerlinde"]),
        ("hiya its brendans wife, he is still coughing", ["brendan"]),
        ("our Liesl has been off school since monday", ["Liesl"]),
        ("i told rosheen delacourt at reception that the pain was worse", ["rosheen", "delacourt"]),
        ("posted by mistake. Oskar Brandvold, Tiergartenweg 14, Kiel", ["Oskar", "Brandvold"]),
        ("spoke to son (Lorcan Tierney) re bloods", ["Lorcan", "Tierney"]),
        ("Relative: Ysbrand Kool (brother). Contact: 0161 496 0123", ["Ysbrand", "Kool"]),
        ("Full name ....... tilde aagaard   Age ....... 70", ["tilde", "aagaard"]),
        ("Patient name: Mac Giolla, Eabha. DOB 4 May 1960", ["Giolla", "Eabha"]),
        ("the x-ray on 3 May 2024 showed a fracture, Ó Briain wants a CT", ["Briain"]),
        ("forms signed by Padraic Ó Cearbhaill, 3 June 2025", ["Padraic", "Cearbhaill"]),
        ("bertus van hoorneveld rang on 02/03/2024 about the cream", ["bertus", "hoorneveld"]),
        ("dr mac an bhaird said the scan was fine", ["bhaird"]),
        ("Ailbhe Mac an tSaoir (dob 3 Jan 1950) seen today", ["Ailbhe", "tSaoir"]),
        ("Ruaraidh MacLeòid from Portree, my knee is swollen", ["Ruaraidh", "MacLeòid"]),
        ("hello its seonag macaulay from tarbert, the cough is back", ["seonag", "macaulay"]),
    ],
)
def test_when_name_in_a_new_shape_then_scrubbed(scrubbed, text, names):
    out = scrubbed(text)
    for name in names:
        assert name not in out


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("we're at 5 Bóithrín an Mhuilinn, Clifden till easter", ["Mhuilinn", "Clifden"]),
        ("her flat is Radharc na Mara 12, Tralee", ["Radharc na Mara 12"]),
        ("the address should be 22 calloway hollow s12 4pq", ["calloway hollow"]),
        ("Post code ....... 60311", ["60311"]),
        ("we moved from kells to 2514 BK last spring", ["kells", "2514 BK"]),
        ("we moved from Carrickmacross to Athy in 2019", ["Carrickmacross", "Athy"]),
        ("we went to the walk in at Kilrush, they gave me cream", ["Kilrush"]),
        ("my cousin Ottokar in Bad Wildungen has the same rash", ["Wildungen"]),
        ("we live just off 4 mill lane in wexford", ["wexford"]),
        ("she was born on 9 june in saint-aubin-le-vieux and has eczema", ["saint-aubin"]),
        ("my gp in wrexham says it is nothing", ["wrexham"]),
        ("the surgery is in Ballymote and they close at 6", ["Ballymote"]),
        ("i'm at 14 thornley meadows now", ["thornley meadows"]),
        ("lives at 3 cobb rise on her own", ["cobb rise"]),
    ],
)
def test_when_address_in_a_new_shape_then_scrubbed(scrubbed, text, values):
    out = scrubbed(text)
    for value in values:
        assert value not in out


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("i was born 14 Okt. 1961 in Kassel", "14 Okt. 1961", "DATE_OF_BIRTH"),
        ("geboren am 3. Januar 1944, Diabetes", "3. Januar 1944", "DATE_OF_BIRTH"),
        ("D.o.B ....... 3/4/1950", "3/4/1950", "DATE_OF_BIRTH"),
        ("booked for tues 11th, is that ok", "tues 11th", "DATE"),
        ("it was fri 3rd at 2pm", "fri 3rd", "DATE"),
        ("seen on 3/11, better now", "3/11", "DATE"),
        ("ring after the twentieth", "the twentieth", "DATE"),
        ("seen on the 2nd, given steroids", "the 2nd", "DATE"),
    ],
)
def test_when_date_in_a_new_shape_then_scrubbed(scrubber, text, value, kind):
    found = scrubber.detect(text, scrubber.new_session())
    assert any(text[e.start : e.end] == value and e.type == kind for e in found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Heberden's nodes on both hands", "Heberden's nodes"),
        ("a Zimmer frame at home since the fall", "Zimmer frame"),
        ("Cheyne-Stokes breathing overnight", "Cheyne-Stokes breathing"),
        ("rx Sinemet, Lodoco stopped last week", "Lodoco"),
        ("voicemail for Ilse: your naproxen is ready", "voicemail for"),
        ("mon nom est Ambroise Delval, né le 3 mai 1951", "mon nom est"),
    ],
)
def test_when_eponym_or_drug_before_a_clinical_word_then_kept(scrubbed, text, kept):
    assert kept in scrubbed(text)


@pytest.mark.parametrize(
    "text",
    [
        "can you have a look at my rash",
        "can anxiety get worse at night",
        "call the surgery back tomorrow",
        "me and my husband went to the walk in",
        "the headaches and i are old enemies",
        "its my sons wife",
        "our house has been damp all winter",
        "i told them that already",
        "my son works in construction",
        "my husband is in hospital",
        "i went to the walk in at 9am",
        "the rash, everyone says, is viral",
        "at the walk in, the nurse said it was fine",
        "my gp in a hurry said come back",
        "we meet at 7 every morning",
        "the pain is 5/10 today",
        "on 3/7 of antibiotics",
        "my flat is on the 2nd floor",
        "it was better after the first dose",
        "Pain from the fall, still bad",
        "hi its me from work, can I come in",
        "page 2. May I ask about the tablets",
    ],
)
def test_when_shape_matches_but_words_are_not_identifiers_then_kept(scrubbed, text):
    assert scrubbed(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("we live at 4 mill lane in the summer", "in the summer"),
        # since round 8 a month alone is a date, never a town after the street
        ("we stay at 9 quay street in march", "in <DATE_1>"),
        ("a relative asks about results, what can I say?", "a relative asks about results"),
    ],
)
def test_when_street_or_label_is_followed_by_common_words_then_they_are_kept(scrubbed, text, kept):
    assert kept in scrubbed(text)
