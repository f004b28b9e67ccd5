"""Each recognizer, as a table of (text, expected type, expected value) rows."""

from __future__ import annotations

import pytest

FOUND = [
    # names (spaCy and cue patterns)
    ("My name is Sarah Jones and I have a cough.", "PERSON", "Sarah Jones"),
    ("Dr Okafor said to come back in a week.", "PERSON", "Okafor"),
    ("My daughter Georgia has a rash.", "PERSON", "Georgia"),
    ("Teresa Hooper here, calling about my tablets.", "PERSON", "Teresa Hooper"),
    # record numbers
    ("My MRN is 00482913.", "MRN", "00482913"),
    ("Hospital number RX4829103, ward 7.", "MRN", "RX4829103"),
    ("Patient ID: PT-559201 on the wristband.", "MRN", "PT-559201"),
    ("My NHS number is 943 476 5919.", "NHS_NUMBER", "943 476 5919"),
    ("It says 4010232137 on the letter.", "NHS_NUMBER", "4010232137"),
    # phones: UK mobile must not become a date
    ("Call me on 07700 900123 after six.", "PHONE_NUMBER", "07700 900123"),
    ("My number is +44 7700 900123.", "PHONE_NUMBER", "+44 7700 900123"),
    ("Ring the surgery on (0161) 496 0018.", "PHONE_NUMBER", "(0161) 496 0018"),
    ("Text me at (415) 555-0132 please.", "PHONE_NUMBER", "(415) 555-0132"),
    ("My cell is 415.555.0132.", "PHONE_NUMBER", "415.555.0132"),
    # addresses: house numbers inside the span, postcodes and ZIPs
    ("I live at 14 Baker Street, London NW1 6XE.", "STREET_ADDRESS", "14 Baker Street"),
    ("I live at 14 Baker Street, London NW1 6XE.", "POSTCODE", "NW1 6XE"),
    ("I live at 14 Baker Street, London NW1 6XE.", "LOCATION", "London"),
    ("Send it to Flat 3, 22 Mill Lane please.", "STREET_ADDRESS", "Flat 3, 22 Mill Lane"),
    (
        "We are at 5247 Jessica Meadows Apt. 204 now.",
        "STREET_ADDRESS",
        "5247 Jessica Meadows Apt. 204",
    ),
    ("Springfield, IL 62704 is where I moved.", "POSTCODE", "62704"),
    ("My zip code is 90210.", "POSTCODE", "90210"),
    # dates of birth, other dates, ages over 89
    ("My date of birth is 12/03/1985.", "DATE_OF_BIRTH", "12/03/1985"),
    ("I was born on 3 March 1931.", "DATE_OF_BIRTH", "3 March 1931"),
    ("DOB: March 3, 1950.", "DATE_OF_BIRTH", "March 3, 1950"),
    ("I was admitted on 2024-02-14 with pain.", "DATE", "2024-02-14"),
    ("My dad is 94 years old.", "AGE", "94"),
    ("She is aged 101 and lives alone.", "AGE", "101"),
    # insurance, passport, licence, national ids
    ("My insurance member ID is AB12345678.", "INSURANCE_ID", "AB12345678"),
    ("Medicare number 1EG4-TE5-MK73 is on file.", "INSURANCE_ID", "1EG4-TE5-MK73"),
    ("Passport number 123456789, expires soon.", "PASSPORT", "123456789"),
    ("My driving licence number is MORGA753116SM9IJ.", "DRIVER_LICENSE", "MORGA753116SM9IJ"),
    ("Driver's license D1234567 from California.", "DRIVER_LICENSE", "D1234567"),
    ("My SSN is 123-45-6789.", "NATIONAL_ID", "123-45-6789"),
    ("National insurance AB 12 34 56 C.", "NATIONAL_ID", "AB 12 34 56 C"),
    # network and payment
    ("Email me at sarah.j@example.co.uk today.", "EMAIL_ADDRESS", "sarah.j@example.co.uk"),
    ("The router is 192.168.1.20 at home.", "IP_ADDRESS", "192.168.1.20"),
    (
        "See https://example.org/my-story?id=3 for details.",
        "URL",
        "https://example.org/my-story?id=3",
    ),
    ("I paid with 4111 1111 1111 1111 yesterday.", "CREDIT_CARD", "4111 1111 1111 1111"),
    ("Reference 88310274 was on the form.", "ID_NUMBER", "88310274"),
]


@pytest.mark.parametrize(("text", "etype", "value"), FOUND)
def test_when_identifier_present_then_recognized_with_its_type(detected, text, etype, value):
    found = detected(text)
    assert (etype, value) in found, found


NOT_AN_IDENTIFIER = [
    ("My BP was 140/90 this morning.", "140/90"),
    ("I'm 67 years old and fit.", "67"),
    ("I've had a cough for three days.", "three days"),
    ("I take 50mg of sertraline twice a day.", "50mg"),
    ("It started at 3pm yesterday.", "3pm"),
    ("My temperature was 38.5C overnight.", "38.5C"),
    ("I walk 10000 steps a day.", "10000"),
    ("The card number check: 4111 1111 1111 1112 is not valid.", "4111 1111 1111 1112"),
    ("Born in 1950, I feel fine.", "1950"),
]


@pytest.mark.parametrize(("text", "value"), NOT_AN_IDENTIFIER)
def test_when_clinical_or_invalid_value_then_not_scrubbed(scrubber, text, value):
    result = scrubber.scrub(text, scrubber.new_session())
    assert value in result.text, result.text


def test_when_uk_mobile_present_then_never_labelled_date(detected):
    found = detected("You can reach me on 07911 123456 any time.")
    assert ("PHONE_NUMBER", "07911 123456") in found
    assert all(t not in ("DATE", "DATE_OF_BIRTH") for t, _ in found)
