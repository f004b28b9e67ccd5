"""Fifteenth round, by class, from the misses of fresh14 and hand-written 12 (dev sets now):
clinical words the NER model took for names or places (a medicine before its dose, a syndrome of
three describers, a diagnosis label, an eponym with its deformity or encephalitis, electrolytes by
their symbol, generic stems), names in export rows, schedules and short notes, a town before its
practice, and more date shapes. Values are from no evaluation set (each grepped in
`safety/devsets/`)."""

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


def _touched(scrubber, text, term):
    start = text.index(term)
    end = start + len(term)
    return any(
        e.start < end and start < e.end for e in scrubber.detect(text, scrubber.new_session())
    )


# Clinical words in the shapes the NER model took for a name or a place, kept as written.
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("please let the childminder give Thaddeus Velquinor 20mg after lunch", "Velquinor"),
        ("label reads: Brontavex 30/500, two at night", "Brontavex"),
        ("known Jervell-Lange-Nielsen, cardiology aware", "Jervell-Lange-Nielsen"),
        ("Arbeitsunfähig, Diagnose Churg-Strauss", "Churg-Strauss"),
        ("left shoulder higher, Sprengel's deformity on the X-ray", "Sprengel's deformity"),
        ("seizures since May, ?Rasmussen encephalitis", "Rasmussen encephalitis"),
        ("bloods back: Na 131, K+ 5.8, Cr 162", "Na 131"),
        ("bloods back: Na 131, K+ 5.8, Cr 162", "K+ 5.8"),
        ("overactive bladder, started vibegron last month", "vibegron"),
        ("the pharmacist sold Dolorqix over the counter", "Dolorqix"),
    ],
)
def test_when_clinical_word_in_a_name_shape_then_it_is_kept(scrubber, text, term):
    assert not _touched(scrubber, text, term)


@pytest.mark.parametrize(
    "text",
    [
        "Plan: increase the dose, review in two weeks",
        "Allergies: none known, diet normal",
        "we'll see you at 10 tomorrow",
        "sample (dob on form) sent to the lab",
        "the baby (born at 36 weeks) is feeding well",
        "message for the team, please call back",
        "results given to the nurse only",
        "the carer brought the medication chart",
        "we met at the GP surgery, then went home",
        "filling done at the dental practice today",
        "dr appointment, then shopping",
        "tablets for two weeks, 3 times a day",
        "a\tb\tc",
        "Name\tDOB\tPostcode\tNotes",
    ],
)
def test_when_look_alike_of_a_new_shape_then_nothing_is_detected(scrubber, text):
    assert _found(scrubber, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ollerenshaw\tPerpetua\t14.02.1958\tno allergies", "Ollerenshaw"),
        ("Ollerenshaw\tPerpetua\t14.02.1958\tno allergies", "Perpetua"),
        ("foster carer Idris Pemberthy came in with Zuleika (dob 4.5.2016)", "Zuleika"),
        ("foster carer Idris Pemberthy brought Zuleika (dob 4.5.2016) today", "Idris Pemberthy"),
        ("Note de l'infirmière : Baptistine Roux-Vallade a été vue ce matin", "Baptistine"),
        (
            "we will see Ottoline Brackenbury at 14 Threlkeld Close on Tuesday",
            "Ottoline Brackenbury",
        ),
        ("spare key given to neighbour Leofric Quernmore only", "Leofric Quernmore"),
        ("Wound clinic slip: Ysolde Ebbesen, dressing changed", "Ysolde Ebbesen"),
        ("voicemail left for Hesper Threapleton, ring back after three", "Hesper Threapleton"),
        ("Bus pass for Ambrose Tennant-Quayle, 52 Kestrel Rise", "Ambrose Tennant-Quayle"),
        ("rota: dr clemency strachan, kenmare practice, mondays", "clemency strachan"),
        ("library card holder Berenice Aldous, renewed today", "Berenice Aldous"),
    ],
)
def test_when_name_in_a_new_shape_then_it_is_scrubbed(scrubber, text, name):
    assert _hidden(scrubber, text, name)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("born 27 viii 1961 in the old infirmary", "27 viii 1961"),
        ("Kontrolle 09/2017, seitdem beschwerdefrei", "09/2017"),
        ("narodená 12. júna 1970", "12. júna 1970"),
        ("syntynyt 6. toukokuuta 1988", "6. toukokuuta 1988"),
        ("rođena 3. travnja 1977.", "3. travnja 1977"),
        ("seen on 2023 february 7 at home", "2023 february 7"),
        ("geb. 15. mai 1966", "15. mai 1966"),
    ],
)
def test_when_date_in_a_new_shape_then_it_is_scrubbed(scrubber, text, value):
    assert _hidden(scrubber, text, value)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("results faxed to Gideon, Kirkwhelpington surgery, this morning", "Kirkwhelpington"),
        ("Dr Philippa Falck, Oberursel practice, Thursdays only", "Oberursel"),
    ],
)
def test_when_practice_is_named_after_its_town_then_the_town_is_scrubbed(scrubber, text, town):
    assert _hidden(scrubber, text, town)
