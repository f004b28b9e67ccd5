"""Dates in every written format, lower-case and non-English names, continental addresses and
Eircodes: tables of (text, expected type, expected value), and look-alikes that must be kept.

Values here are made up for these tests; none is copied from the evaluation sets.
"""

from __future__ import annotations

import pytest

from safety.pii.names import name_prefix

FOUND = [
    # dates of birth, every written format
    ("dob 11-Jan-47, allergic to penicillin", "DATE_OF_BIRTH", "11-Jan-47"),
    ("D.O.B. 07.09.1938 on the wristband", "DATE_OF_BIRTH", "07.09.1938"),
    ("date of birth: 1961-12-30", "DATE_OF_BIRTH", "1961-12-30"),
    ("born on the 21st of September 1944 in Derry", "DATE_OF_BIRTH", "21st of September 1944"),
    ("he was born April 2nd, 1939", "DATE_OF_BIRTH", "April 2nd, 1939"),
    ("my birthday is 9 november", "DATE_OF_BIRTH", "9 november"),
    ("birthday's the 30th of jan", "DATE_OF_BIRTH", "30th of jan"),
    ("DOB 4/6/53 and I'm on the pill", "DATE_OF_BIRTH", "4/6/53"),
    # other dates, with and without a year
    ("the appointment was on 28 feb and nobody came", "DATE", "28 feb"),
    ("seen on 2024/03/17 in clinic", "DATE", "2024/03/17"),
    ("scan on Aug 19 2022 was clear", "DATE", "Aug 19 2022"),
    ("it started on the 1st March", "DATE", "1st March"),
    ("follow-up 02-Oct-2023 with the consultant", "DATE", "02-Oct-2023"),
    # lower-case names after strong cues, trimmed at the first common word
    ("my name is orla nic giolla and i feel awful", "PERSON", "orla nic giolla"),
    ("call me bríd, it's easier", "PERSON", "bríd"),
    ("patient: darragh ó briain, 71", "PERSON", "darragh ó briain"),
    ("hiya, cormac here, the cough is back", "PERSON", "cormac"),
    ("this is ailbhe walsh calling about mum", "PERSON", "ailbhe walsh"),
    ("my son tomás is 4 and off his food", "PERSON", "tomás"),
    ("my husband dónal has had chest pain", "PERSON", "dónal"),
    ("my sister katrin says it's the flu", "PERSON", "katrin"),
    # weak cues: a known given name or a non-English letter
    ("i'm oisín, i rang earlier", "PERSON", "oisín"),
    ("i'm lucas and my knee is swollen", "PERSON", "lucas"),
    # capitalised Gaelic, Scottish and continental names with particles and fadas
    ("I'm Mórag MacAulay from Lewis", "PERSON", "Mórag MacAulay"),
    ("Dr Ní Chonaill saw me last week", "PERSON", "Ní Chonaill"),
    ("My GP is Dr van den Broek", "PERSON", "van den Broek"),
    ("My wife Gráinne thinks I snore", "PERSON", "Gráinne"),
    # French, German and Dutch streets, postcodes and towns; Irish Eircodes
    ("send it to 5 avenue des Tilleuls, 33000 Bordeaux", "STREET_ADDRESS", "5 avenue des Tilleuls"),
    ("send it to 5 avenue des Tilleuls, 33000 Bordeaux", "POSTCODE", "33000"),
    ("send it to 5 avenue des Tilleuls, 33000 Bordeaux", "LOCATION", "Bordeaux"),
    ("we live at 17 bis, rue Pasteur now", "STREET_ADDRESS", "17 bis, rue Pasteur"),
    ("Kastanienweg 8, 80331 München", "STREET_ADDRESS", "Kastanienweg 8"),
    ("Kastanienweg 8, 80331 München", "POSTCODE", "80331"),
    ("Kastanienweg 8, 80331 München", "LOCATION", "München"),
    ("ik woon Keizersgracht 12-3, 1015 CX Amsterdam", "STREET_ADDRESS", "Keizersgracht 12-3"),
    ("Keizersgracht 12-3, 1015 CX Amsterdam", "POSTCODE", "1015 CX"),
    ("at Rosenstraße 4a, 04109 Leipzig", "STREET_ADDRESS", "Rosenstraße 4a"),
    ("we moved to 3 kelly road last spring", "STREET_ADDRESS", "3 kelly road"),
    ("our eircode is h91e2k3", "POSTCODE", "h91e2k3"),
    ("Ballina, F26 X7C4 is the address", "POSTCODE", "F26 X7C4"),
    ("Ballina, F26 X7C4 is the address", "LOCATION", "Ballina"),
    ("postcode is bt9 6ab if that helps", "POSTCODE", "bt9 6ab"),
    ("we're in cardiff, cf10 1aa, near the castle", "POSTCODE", "cf10 1aa"),
    # round two: lower-case titles, "its X", a name before "born", phone extensions
    ("saw dr smith yesterday about my knee", "PERSON", "smith"),
    ("dr o'halloran in the practice was lovely", "PERSON", "o'halloran"),
    ("its olivia, the tablets ran out", "PERSON", "olivia"),
    ("hiya, its cormac here", "PERSON", "cormac"),
    ("ring my son pádraig on the landline", "PERSON", "pádraig"),
    ("Mairead Ní Dhuibhir, born 3 May 1940, lives alone", "PERSON", "Mairead Ní Dhuibhir"),
    ("my cell is (617) 555-0143 x12 after six", "PHONE_NUMBER", "(617) 555-0143 x12"),
    # third round (2026-11-25), by class: sign-offs, a capital after a lower-case cue or title,
    # in-laws, more verbs after a relative's name, "1st, 2022", capital Dutch "UG", "-Ring"
    ("regards, tomás", "PERSON", "tomás"),
    ("please speak to olga when she is in", "PERSON", "olga"),
    ("can you ring me back, yusuf", "PERSON", "yusuf"),
    ("its Mirela again about the results", None, "Mirela"),
    ("dr Okonkwo said it was fine", "PERSON", "Okonkwo"),
    ("my sister-in-law aoife will drive me", "PERSON", "aoife"),
    ("my son dara will pick me up", "PERSON", "dara"),
    ("it was august 1st, 2022 when it began", "DATE", "august 1st, 2022"),
    ("send it to 3511 UG Utrecht", "POSTCODE", "3511 UG"),
    ("we live at Karl-Marx-Ring 1024 now", "STREET_ADDRESS", "Karl-Marx-Ring 1024"),
]


@pytest.mark.parametrize(("text", "etype", "value"), FOUND)
def test_when_identifier_written_any_way_then_recognized_with_its_type(
    detected, text, etype, value
):
    found = detected(text)
    # "Dr" may join the name; None: scrubbed as any identifier (spaCy may call a name a place)
    assert any(etype in (t, None) and value in v for t, v in found), found


@pytest.mark.parametrize(
    ("text", "value"),
    [("the clinic in Rennes 35000 is closer", "35000"), ("she's in Utrecht 3511 LX", "3511")],
)
def test_when_postcode_follows_the_town_then_it_is_scrubbed(scrubber, text, value):
    assert value not in scrubber.scrub(text, scrubber.new_session()).text


KEPT = [
    # clinical shorthand that looks like dates or codes
    ("3/7 history of cough and 2/52 of fevers", "3/7"),
    ("3/7 history of cough and 2/52 of fevers", "2/52"),
    ("pain 6/10, worse on coughing", "6/10"),
    ("GCS 13/15 on arrival, BP 150/95", "13/15"),
    ("T2DM, HbA1c 61, eGFR 48", "T2DM"),
    ("a B12 injection every 3 months", "B12"),
    ("I take 10 mg of bisoprolol", "10 mg"),
    # eponyms, also typed in lower case
    ("the morton's neuroma is worse", "morton's neuroma"),
    ("Bell's palsy last year, and a Baker's cyst now", "Baker's cyst"),
    ("I've had Crohn's since 2011 and Addison's since 2015", "Addison's"),
    # ordinary words after name cues
    ("my wife collapsed and isn't breathing", "collapsed"),
    ("my daughter hasn't had any ear pain", "hasn't"),
    ("I'm generally fit and well", "generally fit"),
    ("i'm heavy smoker for 25 years", "heavy smoker"),
    ("call me back tomorrow after 3pm", "back"),
    ("it's sore here when I press", "sore"),
    ("i'm tired and dizzy all the time", "tired"),
    ("my dr appointment is at 3", "appointment"),
    ("My friend talks about it a lot", "talks"),
    ("no weakness or trouble speaking", "trouble speaking"),
    ("its a bit sore since tuesday", "bit sore"),
    ("i was born 1950 in cork", "1950 in"),
    ("we moved to 4 rue Verte, 21000 Dijon after my Crohn's flare", "after my Crohn's"),
    ("Ward, K120934 on the label", "Ward"),
    ("t2 3rd attempt at the exam", "t2 3rd"),
    # numbers near street-like or date-like words
    ("Spring 2021 was when it started", "Spring 2021"),
    ("a 10 minutes drive from the surgery", "10 minutes drive"),
    ("I walked 3 times round the park", "3 times round the park"),
    ("5000 IU of vitamin D and 1000 mg paracetamol", "5000 IU"),
    ("5000 IU of vitamin D and 1000 mg paracetamol", "1000 mg"),
    ("i'm Fine thanks, just tired", "Fine"),
    ("its Monday again and no better", "Monday"),
    ("it's Paracetamol that helps most", "Paracetamol"),
    ("i weigh 11 st now", "11 st"),
    ("the 1st, 2nd and 3rd doses were fine", "1st"),
    ("thanks so much, doctor", "so much"),
    ("my son-in-law said it's fine", "said"),
    ("Dr. Smith's office sent the letter", "office"),
    ("100 ug of the inhaler twice a day", "100 ug"),
]


@pytest.mark.parametrize(("text", "value"), KEPT)
def test_when_clinical_or_ordinary_text_looks_like_an_identifier_then_kept(scrubber, text, value):
    assert value in scrubber.scrub(text, scrubber.new_session()).text


@pytest.mark.parametrize(
    ("value", "evidence", "expected"),
    [
        ("siofra burke and i", "cue", "siofra burke"),
        ("de la cruz", "cue", "de la cruz"),
        ("back on monday", "cue", ""),
        ("ruairí", "known", "ruairí"),
        ("grace", "known", "grace"),
        ("feeling", "known", ""),
        ("zebulon", "known", ""),
        ("wrenna", "whole", "wrenna"),
        ("collapsed", "whole", ""),
        ("wrenna and", "whole", ""),
    ],
)
def test_when_words_follow_a_cue_then_the_name_part_depends_on_the_evidence(
    value, evidence, expected
):
    assert name_prefix(value, evidence) == expected
