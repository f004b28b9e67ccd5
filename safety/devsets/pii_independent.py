"""PII sources made apart from the recognizers: `python -m safety.devsets.pii_independent`.

Two sources, each written to its own JSONL (never mixed, never split by random row):

- Faker locales: names, streets, postcodes, towns and Eircodes drawn from Faker's fr_FR, de_DE,
  nl_NL, en_IE, ga_IE and en_GB providers (seeded), dates rendered in the written formats listed
  in issue #13, all placed in `pii_frames`. The recognizers take no word list from Faker's
  name providers, so these values are unseen by the rules. `pii_locales_dev.jsonl` (DEV_FRAMES)
  may be read while changing rules; `pii_locales_test.jsonl` (TEST_FRAMES, another seed) was
  measured once, then its errors were read; `pii_locales_fresh.jsonl` (FRESH_FRAMES, written
  before the second round of changes) is the held-out set after that;
  `pii_locales_fresh2.jsonl` (FRESH2_FRAMES, seed 1304, written on 2026-11-25 before the third
  round, whose fixes came from the fresh set's known misses) was measured before and after that
  round; its rows were read in the fourth round, so it is no longer held out;
  `pii_locales_fresh3.jsonl` (FRESH3_FRAMES, seed 1305, written on 2026-12-05 before the fourth
  round) was measured once before that round's changes, then its errors read;
  `pii_locales_fresh4.jsonl` (FRESH4_FRAMES, seed 1306, written after the fourth round's last
  change) was measured once as the held-out set for that code, then read in the fifth round;
  `pii_locales_fresh5.jsonl` (FRESH5_FRAMES, seed 1307, written on 2026-12-05 before the fifth
  round) was measured once before that round's changes and once after, then read in the sixth
  round; `pii_locales_fresh6.jsonl` (FRESH6_FRAMES, seed 1308, written on 2026-12-06 before the
  sixth round, with the extra date shapes of MORE_DATE_FORMATS) was measured once before and once
  after that round, then read in the seventh; `pii_locales_fresh7.jsonl` (FRESH7_FRAMES, seed
  1309, written on 2026-12-06 before the seventh round, same date shapes as fresh6) was measured
  once before and once after that round, then read in the eighth; `pii_locales_fresh8.jsonl`
  (FRESH8_FRAMES, seed 1311, written on 2026-12-06 before the eighth round, eight locales with
  en_US and de_AT, and the further date shapes of FRESH8_DATE_FORMATS) was measured once before
  and once after that round, then read in the ninth; `pii_locales_fresh9.jsonl` (FRESH9_FRAMES,
  seed 1312, written on 2026-12-06 before the ninth round, nine locales with nl_BE, and the
  further date shapes of FRESH9_DATE_FORMATS) was measured once before and once after that
  round, then read in the tenth; `pii_locales_fresh10.jsonl` (FRESH10_FRAMES, seed 1313,
  written on 2026-12-06 before the tenth round, ten locales with fr_CH and de_CH, and the
  further date shapes of FRESH10_DATE_FORMATS) was measured once before and once after that
  round, then read in the eleventh; `pii_locales_fresh11.jsonl` (FRESH11_FRAMES, seed 1314,
  written on 2026-12-07 before the eleventh round, nine locales with it_IT and es_ES names whose
  addresses and phones come from en_GB, and the further date shapes of FRESH11_DATE_FORMATS) was
  measured once before and once after that round, then read in the twelfth;
  `pii_locales_fresh12.jsonl` (FRESH12_FRAMES, seed 1315, written on 2026-12-07 before the
  twelfth round, nine locales with pl_PL, pt_PT and yo_NG names whose addresses and phones come
  from en_GB, and the further date shapes of FRESH12_DATE_FORMATS) was measured once before and
  once after that round, then read in the thirteenth; `pii_locales_fresh13.jsonl`
  (FRESH13_FRAMES, seed 1316, written on 2026-12-07 before the thirteenth round, eleven locales
  with da_DK, cs_CZ, hu_HU, ro_RO and tr_TR names whose addresses come from the issue's countries
  (nl_NL, de_DE, fr_FR, en_IE), phones from the address's own country, and the further date
  shapes of FRESH13_DATE_FORMATS) was measured once before and once after that round, then read
  in the fourteenth; `pii_locales_fresh14.jsonl` (FRESH14_FRAMES, seed 1317, written on
  2026-12-07 (evening) before the fourteenth round, eleven locales with sk_SK, sv_SE, fi_FI,
  hr_HR and en_IN names whose addresses come from the issue's countries, phones from the
  address's own country, clinical content from lists of its own (CLINICAL_BY_SPLIT) and the
  further date shapes of FRESH14_DATE_FORMATS) was measured once before and once after that
  round, then read in the fifteenth; `pii_locales_fresh15.jsonl` (FRESH15_FRAMES, seed 1318,
  written on 2026-12-07 (evening) before the fifteenth round, eleven locales with no_NO, lt_LT,
  lv_LV, sl_SI and et_EE names living in the issue's countries, phones from the address's own
  country, clinical lists of its own and the further date shapes of FRESH15_DATE_FORMATS) was
  measured once before and once after that round, then read in the sixteenth;
  `pii_locales_fresh16.jsonl` (FRESH16_FRAMES, seed 1319, written on 2026-12-07 (night) before
  the sixteenth round, eleven locales with az_AZ, is_IS, id_ID, tw_GH and zu_ZA names living in
  the issue's countries and the UK, phones from the address's own country, clinical lists of its
  own and the further date shapes of FRESH16_DATE_FORMATS) is held out, rows unread.
- Hand-written: `pii_handwritten.txt`, marked up as [[TYPE:value]] and {{clinical}}, written
  before the recognizers were changed; parsed into `pii_handwritten.jsonl`. A second set,
  `pii_handwritten2.txt` (2026-12-05, before the fourth round), gives `pii_handwritten2.jsonl`;
  a third, `pii_handwritten3.txt` (2026-12-05, before the fifth round; read in the sixth), gives
  `pii_handwritten3.jsonl`; a fourth, `pii_handwritten4.txt` (2026-12-06, before the sixth round;
  read in the seventh), gives `pii_handwritten4.jsonl`; a fifth, `pii_handwritten5.txt`
  (2026-12-06, before the seventh round; read in the eighth), gives `pii_handwritten5.jsonl`; a
  sixth, `pii_handwritten6.txt` (2026-12-06, before the eighth round; read in the ninth), gives
  `pii_handwritten6.jsonl`; a seventh, `pii_handwritten7.txt` (2026-12-06, before the ninth
  round; read in the tenth), gives `pii_handwritten7.jsonl`; an eighth, `pii_handwritten8.txt`
  (2026-12-06, before the tenth round; read in the eleventh), gives `pii_handwritten8.jsonl`; a
  ninth, `pii_handwritten9.txt` (2026-12-07, before the eleventh round; read in the twelfth),
  gives `pii_handwritten9.jsonl`; a tenth, `pii_handwritten10.txt` (2026-12-07, before the
  twelfth round; read in the thirteenth), gives `pii_handwritten10.jsonl`; an eleventh,
  `pii_handwritten11.txt` (2026-12-07, before the thirteenth round; read in the fourteenth), gives
  `pii_handwritten11.jsonl`; a twelfth, `pii_handwritten12.txt` (2026-12-07 evening, before the
  fourteenth round; read in the fifteenth), gives `pii_handwritten12.jsonl`; a thirteenth,
  `pii_handwritten13.txt` (2026-12-07 evening, before the fifteenth round; read in the
  sixteenth), gives `pii_handwritten13.jsonl`; a fourteenth, `pii_handwritten14.txt` (2026-12-07
  night, before the sixteenth round; read in the seventeenth), gives `pii_handwritten14.jsonl`; a
  fifteenth, `pii_handwritten15.txt` (2026-12-08, before the seventeenth round, held out, rows
  unread), gives `pii_handwritten15.jsonl`.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from faker import Faker
from faker.providers.date_time import change_year

from safety.devsets import pii_frames as F

HERE = Path(__file__).parent
LOCALES = ("fr_FR", "de_DE", "nl_NL", "en_IE", "ga_IE", "en_GB")
PER_FRAME_LOCALE = 2
# pii_handwritten.txt, pii_handwritten2.txt ... pii_handwritten15.txt
HANDWRITTEN_SETS = 15
SEEDS = {
    "dev": 1301,
    "test": 1302,
    "fresh": 1303,
    "fresh2": 1304,
    "fresh3": 1305,
    "fresh4": 1306,
    "fresh5": 1307,
    "fresh6": 1308,
    "fresh7": 1309,
    "fresh8": 1311,
    "fresh9": 1312,
    "fresh10": 1313,
    "fresh11": 1314,
    "fresh12": 1315,
    "fresh13": 1316,
    "fresh14": 1317,
    "fresh15": 1318,
    "fresh16": 1319,
    "fresh17": 1320,
}
# fresh8 adds two locales (en_US and de_AT); the older sets keep LOCALES, so their golden files do
# not change.
# fresh9 adds nl_BE (Flemish streets, four-digit Belgian postcodes, Belgian phone numbers).
# fresh10 drops en_US and adds fr_CH and de_CH (Swiss "-strasse" and "avenue ..." streets,
# four-digit postcodes, Swiss phone numbers), ten locales over 27 frames.
LOCALES_BY_SPLIT = {
    "fresh8": (*LOCALES, "en_US", "de_AT"),
    "fresh9": (*LOCALES, "en_US", "de_AT", "nl_BE"),
    "fresh10": (*LOCALES, "de_AT", "nl_BE", "fr_CH", "de_CH"),
    "fresh11": (*LOCALES, "it_IT", "es_ES", "fr_CH"),
    "fresh12": (*LOCALES, "pl_PL", "pt_PT", "yo_NG"),
    "fresh13": (*LOCALES, "da_DK", "cs_CZ", "hu_HU", "ro_RO", "tr_TR"),
    "fresh14": (*LOCALES, "sk_SK", "sv_SE", "fi_FI", "hr_HR", "en_IN"),
    "fresh15": (*LOCALES, "no_NO", "lt_LT", "lv_LV", "sl_SI", "et_EE"),
    "fresh16": (*LOCALES, "az_AZ", "is_IS", "id_ID", "tw_GH", "zu_ZA"),
    "fresh17": (*LOCALES, "uz_UZ", "sw", "pt_BR", "es_CO", "ig_NG"),
}
# fresh11 adds Italian and Spanish names (it_IT, es_ES) in English text: the recognizers claim no
# Italian or Spanish addresses, so those rows take their street, postcode, town and phone from
# en_GB, as patients living in the UK; ga_IE rows take en_IE addresses as before.
# fresh12 adds Polish, Portuguese and Yoruba names (pl_PL, pt_PT, yo_NG) the same way.
HOME_LOCALE = {
    "ga_IE": "en_IE",
    "it_IT": "en_GB",
    "es_ES": "en_GB",
    "pl_PL": "en_GB",
    "pt_PT": "en_GB",
    "yo_NG": "en_GB",
    # fresh13: Danish, Czech, Hungarian, Romanian and Turkish names of people living in the
    # issue's countries (the Netherlands, Germany, France, Ireland).
    "da_DK": "nl_NL",
    "cs_CZ": "de_DE",
    "hu_HU": "fr_FR",
    "ro_RO": "en_IE",
    "tr_TR": "de_DE",
    # fresh14: Slovak, Swedish, Finnish, Croatian and Indian (English-locale) names of people
    # living in the countries.
    "sk_SK": "nl_NL",
    "sv_SE": "en_IE",
    "fi_FI": "fr_FR",
    "hr_HR": "de_DE",
    "en_IN": "en_IE",
    # fresh15: Norwegian, Lithuanian, Latvian, Slovene and Estonian names of people living in the
    # issue's countries.
    "no_NO": "de_DE",
    "lt_LT": "en_IE",
    "lv_LV": "nl_NL",
    "sl_SI": "fr_FR",
    "et_EE": "en_IE",
    # fresh16: Azerbaijani, Icelandic, Indonesian, Twi and Zulu names of people living in the
    # issue's countries and the UK.
    "az_AZ": "de_DE",
    "is_IS": "en_IE",
    "id_ID": "nl_NL",
    "tw_GH": "en_GB",
    "zu_ZA": "fr_FR",
    # fresh17: Uzbek, Swahili, Brazilian Portuguese, Colombian Spanish and Igbo names of people
    # living in the countries and the UK.
    "uz_UZ": "de_DE",
    "sw": "en_IE",
    "pt_BR": "fr_FR",
    "es_CO": "nl_NL",
    "ig_NG": "en_GB",
}
# Phones come from en_IE for the continental homes, except in these splits, where a French, German
# or Dutch home gives its own country's number ("+33 (0)5 64 09 13 90", "(02199) 35181").
OWN_PHONE_BY_SPLIT = {
    "fresh13": ("fr_FR", "de_DE", "nl_NL"),
    "fresh14": ("fr_FR", "de_DE", "nl_NL"),
    "fresh15": ("fr_FR", "de_DE", "nl_NL"),
    "fresh16": ("fr_FR", "de_DE", "nl_NL"),
    "fresh17": ("fr_FR", "de_DE", "nl_NL"),
}
LOWERCASE_SHARE = 0.3
RECENT = (date(2019, 1, 1), date(2025, 12, 31))
# Ages are counted from this day, not from the clock: the golden files must not change with the
# date they are rebuilt on (it is the day they were written).
AGES_AS_OF = date(2026, 11, 24)
SLOT_TYPES = {
    "name": "PERSON",
    "first": "PERSON",
    "last": "PERSON",
    "dob": "DATE_OF_BIRTH",
    "date": "DATE",
    "street": "STREET_ADDRESS",
    "postcode": "POSTCODE",
    "city": "LOCATION",
    "phone": "PHONE_NUMBER",
}
CLINICAL = {
    "drug": F.DRUGS,
    "dose": F.DOSES,
    "clin": F.CLINICAL_LOOKALIKES,
    "epo": F.EPONYMS,
}
# fresh14 draws its clinical content from lists of its own; the older sets keep CLINICAL.
CLINICAL_BY_SPLIT = {
    "fresh14": {
        "drug": F.FRESH14_DRUGS,
        "dose": F.FRESH14_DOSES,
        "clin": F.FRESH14_CLINICAL_LOOKALIKES,
        "epo": F.FRESH14_EPONYMS,
    },
    "fresh15": {
        "drug": F.FRESH15_DRUGS,
        "dose": F.FRESH15_DOSES,
        "clin": F.FRESH15_CLINICAL_LOOKALIKES,
        "epo": F.FRESH15_EPONYMS,
    },
    "fresh16": {
        "drug": F.FRESH16_DRUGS,
        "dose": F.FRESH16_DOSES,
        "clin": F.FRESH16_CLINICAL_LOOKALIKES,
        "epo": F.FRESH16_EPONYMS,
    },
    "fresh17": {
        "drug": F.FRESH17_DRUGS,
        "dose": F.FRESH17_DOSES,
        "clin": F.FRESH17_CLINICAL_LOOKALIKES,
        "epo": F.FRESH17_EPONYMS,
    },
}
_SLOT = re.compile(r"\{(\w+)\}")
_MARK = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]|\{\{(.+?)\}\}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# The written formats the issue lists: numeric with / - . separators, day-month-name with and
# without a year, abbreviated months with hyphens, ordinals, month first, ISO.
DATE_FORMATS = (
    lambda d: d.strftime("%d/%m/%Y"),
    lambda d: d.strftime("%d-%m-%Y"),
    lambda d: d.strftime("%d.%m.%Y"),
    lambda d: d.strftime("%d/%m/%y"),
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: d.strftime("%m/%d/%Y"),
    lambda d: d.strftime("%d-%b-%Y"),
    lambda d: f"{d.day}-{d.strftime('%b')}-{d.strftime('%y')}",
    lambda d: f"{d.day} {d.strftime('%B %Y')}",
    lambda d: f"{d.day} {d.strftime('%b %Y')}",
    lambda d: f"{d.day} {d.strftime('%B')}",
    lambda d: f"{_ordinal(d.day)} of {d.strftime('%B %Y')}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%B')}",
    lambda d: f"{_ordinal(d.day)} of {d.strftime('%B')}",
    lambda d: f"{d.strftime('%B')} {_ordinal(d.day)}, {d.year}",
    lambda d: f"{d.strftime('%B')} {d.day}, {d.year}",
    lambda d: f"{d.strftime('%b')} {d.day} {d.year}",
    lambda d: d.isoformat(),
)


_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
]

# More written shapes, used by the fresh6 and fresh7 frames only (the other sets keep DATE_FORMATS,
# so their golden files do not change): day/month without a year, month-first ordinals, a day in
# words, two-digit years with dots and apostrophes, year first with slashes, weekdays, upper-case
# months.
MORE_DATE_FORMATS = (
    lambda d: f"{d.day}/{d.month}",
    lambda d: f"{d.strftime('%b')} {_ordinal(d.day)}",
    lambda d: f"the {_ORDINAL_WORDS[d.day - 1]}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%b %Y')}",
    lambda d: f"{d.strftime('%b')} {_ordinal(d.day)} {d.year}",
    lambda d: d.strftime("%d.%m.%y"),
    lambda d: f"{d.day} {d.strftime('%b')} '{d.strftime('%y')}",
    lambda d: d.strftime("%Y/%m/%d"),
    lambda d: f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')}",
    lambda d: d.strftime("%d-%b-%Y").upper(),
    lambda d: f"the {_ordinal(d.day)} of {d.strftime('%B')}",
    lambda d: f"{d.day} {d.month} {d.year}",
)
# Further shapes for fresh8 only: an ordinal with an abbreviated month and no year, an abbreviated
# month with a dot, the German day.month with a closing dot, two-digit years after a month name or
# without zero padding, a weekday before day/month, an ordinal with a comma before the year,
# upper-case day-month-two-digit-year.
FRESH8_DATE_FORMATS = (
    lambda d: f"{_ordinal(d.day)} {d.strftime('%b')}",
    lambda d: f"{d.strftime('%b')}. {d.day}, {d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.",
    lambda d: f"{d.day} {d.strftime('%b').lower()} {d.strftime('%y')}",
    lambda d: f"{d.day}/{d.month}/{d.strftime('%y')}",
    lambda d: f"{d.strftime('%a')} {d.day}/{d.month}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%B')}, {d.year}",
    lambda d: d.strftime("%d-%b-%y").upper(),
)
_GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
_FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
# Further shapes for fresh9 only: German, French and Dutch month names ("4. März 1950", "4 mars
# 1950", "4 maart 1950"), a month and day without a year ("March 4"), a weekday with a comma and a
# US order, day-month-two-digit-year with hyphens and no padding, an ordinal with "of" and an
# abbreviated month, and a full month with an apostrophe year.
FRESH9_DATE_FORMATS = (
    lambda d: f"{d.day}. {_GERMAN_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {_FRENCH_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {_DUTCH_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.strftime('%B')} {d.day}",
    lambda d: f"{d.strftime('%A')}, {d.strftime('%B')} {d.day}, {d.year}",
    lambda d: f"{d.day}-{d.month}-{d.strftime('%y')}",
    lambda d: f"{_ordinal(d.day)} of {d.strftime('%b')}",
    lambda d: f"{d.day} {d.strftime('%B')} '{d.strftime('%y')}",
)
_IRISH_MONTHS = [
    "Eanáir",
    "Feabhra",
    "Márta",
    "Aibreán",
    "Bealtaine",
    "Meitheamh",
    "Iúil",
    "Lúnasa",
    "Meán Fómhair",
    "Deireadh Fómhair",
    "Samhain",
    "Nollaig",
]
_FRENCH_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin"]
_FRENCH_SHORT += ["juil.", "août", "sept.", "oct.", "nov.", "déc."]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# Further shapes for fresh10 only: an ordinal before a full month and year with no "of", the
# military "02FEB1949", dots without padding, year-first dots, a month-first hyphenated form, the
# German month without the day's dot, the French abbreviated month, a Roman-numeral month, a
# two-digit year after a padded day and short month, Irish month names, a weekday with an ordinal
# day and no month, and day/month/year with no padding and a two-digit year in US order.
FRESH10_DATE_FORMATS = (
    lambda d: f"{_ordinal(d.day)} {d.strftime('%B %Y')}",
    lambda d: d.strftime("%d%b%Y").upper(),
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: d.strftime("%Y.%m.%d"),
    lambda d: f"{d.strftime('%b')}-{d.day:02d}-{d.year}",
    lambda d: f"{d.day} {_GERMAN_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {_FRENCH_SHORT[d.month - 1]} {d.year}",
    lambda d: f"{d.day}.{_ROMAN[d.month - 1]}.{d.year}",
    lambda d: d.strftime("%d %b %y"),
    lambda d: f"{d.day} {_IRISH_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.strftime('%A')} the {_ordinal(d.day)}",
    lambda d: f"{d.month}/{d.day}/{d.strftime('%y')}",
)
# Further shapes for fresh11 only: a month-first ordinal with an apostrophe year, ISO without
# padding, day-month-year with hyphens and no padding, "February the 2nd, 1949", an abbreviated
# month with a dot before a year, a weekday before a day and short month, slashes around a short
# month, "the 2nd of Feb '49", an upper-case full month, a month-first abbreviation with a dot and
# an ordinal, and a day-first ordinal with a short month and a comma before the year.
FRESH11_DATE_FORMATS = (
    lambda d: f"{d.strftime('%b')} {_ordinal(d.day)} '{d.strftime('%y')}",
    lambda d: f"{d.year}-{d.month}-{d.day}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
    lambda d: f"{d.strftime('%B')} the {_ordinal(d.day)}, {d.year}",
    lambda d: f"{d.day} {d.strftime('%b')}. {d.year}",
    lambda d: f"{d.strftime('%a')} {d.day} {d.strftime('%b')}",
    lambda d: f"{d.day}/{d.strftime('%b')}/{d.year}",
    lambda d: f"the {_ordinal(d.day)} of {d.strftime('%b')} '{d.strftime('%y')}",
    lambda d: f"{d.day:02d} {d.strftime('%B').upper()} {d.year}",
    lambda d: f"{d.strftime('%b')}. {_ordinal(d.day)}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%b')}, {d.year}",
)
# Further shapes for fresh12 only: dots with no padding and a two-digit year, year first with a
# short month, a weekday with an ordinal and a full month, day-short-month with a hyphen and no
# year, an ordinal with a short month and a bare two-digit year, compact ISO, a Roman month between
# spaces, a full month with an ordinal and no year, "2nd of February, 1949", month-first hyphens
# with a two-digit year, an e-mail header date and a padded day with a comma before the year.
FRESH12_DATE_FORMATS = (
    lambda d: f"{d.day}.{d.month}.{d.strftime('%y')}",
    lambda d: f"{d.year} {d.strftime('%b')} {d.day}",
    lambda d: f"{d.strftime('%A')} {_ordinal(d.day)} {d.strftime('%B')}",
    lambda d: f"{d.day}-{d.strftime('%b')}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%b')} {d.strftime('%y')}",
    lambda d: d.strftime("%Y%m%d"),
    lambda d: f"{d.day} {_ROMAN[d.month - 1]} {d.year}",
    lambda d: f"{d.strftime('%B')} {_ordinal(d.day)}",
    lambda d: f"{_ordinal(d.day)} of {d.strftime('%B')}, {d.year}",
    lambda d: f"{d.strftime('%b')}-{d.day}-{d.strftime('%y')}",
    lambda d: f"{d.strftime('%a')}, {d.day:02d} {d.strftime('%b')} {d.year}",
    lambda d: f"{d.day:02d} {d.strftime('%b')}, {d.year}",
)
_GERMAN_SHORT = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni"]
_GERMAN_SHORT += ["Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
# Further shapes for fresh13 only: the Danish "2/2-1949", the Hungarian "1949. 02. 02.", the Czech
# "2. 2. 1949" (spaces after the dots), a German short month ("2. Feb. 1949"), the legal "2nd day
# of February 1949", dots around a short month, hyphens around a full month, year first with a
# short month and hyphens, spaced figures with a two-digit year, a weekday before a dotted date, a
# day in words with "of" and a year, a month-first ordinal with an apostrophe year, an ordinal
# with hyphens, and a short month before a day and an apostrophe year.
FRESH13_DATE_FORMATS = (
    lambda d: f"{d.day}/{d.month}-{d.year}",
    lambda d: f"{d.year}. {d.month:02d}. {d.day:02d}.",
    lambda d: f"{d.day}. {d.month}. {d.year}",
    lambda d: f"{d.day}. {_GERMAN_SHORT[d.month - 1]} {d.year}",
    lambda d: f"{_ordinal(d.day)} day of {d.strftime('%B')} {d.year}",
    lambda d: f"{d.day:02d}.{d.strftime('%b')}.{d.year}",
    lambda d: f"{d.day}-{d.strftime('%B')}-{d.year}",
    lambda d: f"{d.year}-{d.strftime('%b')}-{d.day:02d}",
    lambda d: f"{d.day:02d} {d.month:02d} {d.strftime('%y')}",
    lambda d: f"{d.strftime('%a')} {d.day:02d}.{d.month:02d}.{d.strftime('%y')}",
    lambda d: f"{_ORDINAL_WORDS[d.day - 1]} of {d.strftime('%B')} {d.year}",
    lambda d: f"{d.strftime('%B')} {_ordinal(d.day)} '{d.strftime('%y')}",
    lambda d: f"{_ordinal(d.day)}-{d.strftime('%b')}-{d.year}",
    lambda d: f"{d.strftime('%b')} {d.day} '{d.strftime('%y')}",
)
_SLOVAK_MONTHS = ["januára", "februára", "marca", "apríla", "mája", "júna"]
_SLOVAK_MONTHS += ["júla", "augusta", "septembra", "októbra", "novembra", "decembra"]
_FINNISH_MONTHS = ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta"]
_FINNISH_MONTHS += ["kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta"]
_FINNISH_MONTHS += ["marraskuuta", "joulukuuta"]
_CROATIAN_MONTHS = ["siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja"]
_CROATIAN_MONTHS += ["srpnja", "kolovoza", "rujna", "listopada", "studenoga", "prosinca"]
# Further shapes for fresh14 only: Slovak, Finnish and Croatian month names ("2. februára 1949",
# "2. helmikuuta 1949", "2. veljače 1949."), a compact day-short-month-two-digit-year, year first
# with slashes and no padding, a cardinal day with "of", year first with a full month, a weekday
# with a comma before a day-first date, an ordinal with "of", a short month and a year, a short
# month with a padded day and a comma, slashes around an upper-case short month, and a month and
# year with no day, in words and in figures.
FRESH14_DATE_FORMATS = (
    lambda d: f"{d.day}. {_SLOVAK_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day}. {_FINNISH_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day}. {_CROATIAN_MONTHS[d.month - 1]} {d.year}.",
    lambda d: f"{d.day:02d}{d.strftime('%b')}{d.strftime('%y')}",
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.day} of {d.strftime('%B')} {d.year}",
    lambda d: f"{d.year} {d.strftime('%B')} {d.day}",
    lambda d: f"{d.strftime('%A')}, {d.day} {d.strftime('%B')} {d.year}",
    lambda d: f"{_ordinal(d.day)} of {d.strftime('%b')} {d.year}",
    lambda d: f"{d.strftime('%b')} {d.day:02d}, {d.year}",
    lambda d: f"{d.day:02d}/{d.strftime('%b').upper()}/{d.year}",
    lambda d: d.strftime("%B %Y"),
    lambda d: f"{d.month:02d}/{d.year}",
)

_NORWEGIAN_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni"]
_NORWEGIAN_MONTHS += ["juli", "august", "september", "oktober", "november", "desember"]
_LITHUANIAN_MONTHS = ["sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio"]
_LITHUANIAN_MONTHS += ["liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"]
_LATVIAN_MONTHS = ["janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā"]
_LATVIAN_MONTHS += ["jūlijā", "augustā", "septembrī", "oktobrī", "novembrī", "decembrī"]
_ESTONIAN_MONTHS = ["jaanuar", "veebruar", "märts", "aprill", "mai", "juuni"]
_ESTONIAN_MONTHS += ["juuli", "august", "september", "oktoober", "november", "detsember"]
# Further shapes for fresh15 only: Norwegian, Lithuanian ("1949 m. vasario 2 d."), Latvian
# ("1949. gada 2. februārī") and Estonian month names, a Roman month between slashes, "the 2nd
# February 1949" (an article, no "of"), an ordinal before a short month with a dot, a full month
# first with no comma, a day and a full month with a comma before the year, the Polish
# "2.02.1949 r.", an upper-case short month between spaces, and a weekday with a comma before a
# short month first date.
FRESH15_DATE_FORMATS = (
    lambda d: f"{d.day}. {_NORWEGIAN_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.year} m. {_LITHUANIAN_MONTHS[d.month - 1]} {d.day} d.",
    lambda d: f"{d.year}. gada {d.day}. {_LATVIAN_MONTHS[d.month - 1]}",
    lambda d: f"{d.day}. {_ESTONIAN_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day}/{_ROMAN[d.month - 1]}/{d.year}",
    lambda d: f"the {_ordinal(d.day)} {d.strftime('%B')} {d.year}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%b')}. {d.year}",
    lambda d: f"{d.strftime('%B')} {d.day} {d.year}",
    lambda d: f"{d.day} {d.strftime('%B')}, {d.year}",
    lambda d: f"{d.day}.{d.month:02d}.{d.year} r.",
    lambda d: f"{d.day} {d.strftime('%b').upper()} {d.year}",
    lambda d: f"{d.strftime('%a')}, {d.strftime('%b')} {d.day}, {d.year}",
)


_ICELANDIC_MONTHS = ["janúar", "febrúar", "mars", "apríl", "maí", "júní"]
_ICELANDIC_MONTHS += ["júlí", "ágúst", "september", "október", "nóvember", "desember"]
_INDONESIAN_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni"]
_INDONESIAN_MONTHS += ["Juli", "Agustus", "September", "Oktober", "November", "Desember"]
_INDONESIAN_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_AZERBAIJANI_MONTHS = ["yanvar", "fevral", "mart", "aprel", "may", "iyun"]
_AZERBAIJANI_MONTHS += ["iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"]
_ZULU_MONTHS = ["uMasingana", "uNhlolanja", "uNdasa", "uMbasa", "uNhlaba", "uNhlangulana"]
_ZULU_MONTHS += ["uNtulikazi", "uNcwaba", "uMandulo", "uMfumfu", "uLwezi", "uZibandlela"]
# Further shapes for fresh16 only: Icelandic ("2. febrúar 1949"), Indonesian with its weekday
# ("Rabu, 2 Februari 1949"), Azerbaijani ("2 fevral 1949") and Zulu ("2 uNhlolanja 1949") month
# names, a short month first with a comma before an apostrophe year, a short month first with an
# ordinal and a comma, a date with its weekday in brackets after it, a timestamp, the Chinese and
# Japanese "1949年2月2日", an ordinal between hyphens with a two-digit year, and a weekday with
# "the" and "of". Icelandic months share their spelling with the Norwegian ones in March and
# September to December, and "May 1st, 1900" is an older shape; no other day from 1900 to 2025
# coincides.
FRESH16_DATE_FORMATS = (
    lambda d: f"{d.day}. {_ICELANDIC_MONTHS[d.month - 1]} {d.year}",
    lambda d: (
        f"{_INDONESIAN_DAYS[d.weekday()]}, {d.day} {_INDONESIAN_MONTHS[d.month - 1]} {d.year}"
    ),
    lambda d: f"{d.day} {_AZERBAIJANI_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {_ZULU_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.strftime('%b')} {d.day}, '{d.strftime('%y')}",
    lambda d: f"{d.strftime('%b')} {_ordinal(d.day)}, {d.year}",
    lambda d: f"{d.day} {d.strftime('%b %Y')} ({d.strftime('%a')})",
    lambda d: f"{d.isoformat()} 00:00",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{_ordinal(d.day)}-{d.strftime('%b')}-{d.strftime('%y')}",
    lambda d: f"{d.strftime('%A')} the {_ordinal(d.day)} of {d.strftime('%B')}",
)


_PORTUGUESE_MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho"]
_PORTUGUESE_MONTHS += ["julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]
_SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio"]
_SPANISH_MONTHS += ["julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
_UZBEK_MONTHS = ["yanvar", "fevral", "mart", "aprel", "may", "iyun"]
_UZBEK_MONTHS += ["iyul", "avgust", "sentabr", "oktabr", "noyabr", "dekabr"]
_SWAHILI_MONTHS = ["Januari", "Februari", "Machi", "Aprili", "Mei", "Juni"]
_SWAHILI_MONTHS += ["Julai", "Agosti", "Septemba", "Oktoba", "Novemba", "Desemba"]
# Further shapes for fresh17 only: Portuguese and Spanish "2 de fevereiro de 1949", the Uzbek
# "1949-yil 2-fevral", the Swahili "tarehe 2 Februari 1949", a short weekday with an ordinal and a
# short month and no year, an ordinal with a full month and an apostrophe year, year first with
# spaces, a short month with a dot, an ordinal, a comma and an apostrophe year, "2nd of Feb.,
# 1949", the year first with a comma before a full month, and a short month with a dot before an
# apostrophe year. Checked on every day from 1900 to 2025 against every earlier shape (see the
# test of fresh17).
FRESH17_DATE_FORMATS = (
    lambda d: f"{d.day} de {_PORTUGUESE_MONTHS[d.month - 1]} de {d.year}",
    lambda d: f"{d.day} de {_SPANISH_MONTHS[d.month - 1]} de {d.year}",
    lambda d: f"{d.year}-yil {d.day}-{_UZBEK_MONTHS[d.month - 1]}",
    lambda d: f"tarehe {d.day} {_SWAHILI_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.strftime('%a')} {_ordinal(d.day)} {d.strftime('%b')}",
    lambda d: f"{_ordinal(d.day)} {d.strftime('%B')} '{d.strftime('%y')}",
    lambda d: f"{d.year} {d.month:02d} {d.day:02d}",
    lambda d: f"{d.strftime('%b')}. {_ordinal(d.day)}, '{d.strftime('%y')}",
    lambda d: f"{_ordinal(d.day)} of {d.strftime('%b')}., {d.year}",
    lambda d: f"{d.year}, {d.strftime('%B')} {d.day}",
    lambda d: f"{d.day} {d.strftime('%b')}. '{d.strftime('%y')}",
)


def _accumulated(base: tuple, added: tuple[tuple[str, tuple], ...]) -> dict[str, tuple]:
    """Each split's date shapes: the base, and every shape added up to and including its own
    (a fresh set renders every earlier shape and its new ones)."""
    by_split = {}
    for split, more in added:
        base = base + more
        by_split[split] = base
    return by_split


FORMATS_BY_SPLIT = _accumulated(
    DATE_FORMATS,
    (
        ("fresh6", MORE_DATE_FORMATS),
        ("fresh7", ()),
        ("fresh8", FRESH8_DATE_FORMATS),
        ("fresh9", FRESH9_DATE_FORMATS),
        ("fresh10", FRESH10_DATE_FORMATS),
        ("fresh11", FRESH11_DATE_FORMATS),
        ("fresh12", FRESH12_DATE_FORMATS),
        ("fresh13", FRESH13_DATE_FORMATS),
        ("fresh14", FRESH14_DATE_FORMATS),
        ("fresh15", FRESH15_DATE_FORMATS),
        ("fresh16", FRESH16_DATE_FORMATS),
        ("fresh17", FRESH17_DATE_FORMATS),
    ),
)


def birth_date(f: Faker, minimum_age: int, maximum_age: int) -> date:
    """Faker's `date_of_birth` with the ages counted from AGES_AS_OF instead of today."""
    start = change_year(AGES_AS_OF, -(maximum_age + 1))
    end = change_year(AGES_AS_OF, -minimum_age)
    dob = f.date_time_ad(start_datetime=start, end_datetime=end).date()
    return dob if dob != start else dob + timedelta(days=1)


def render_date(rng: random.Random, d: date, formats: tuple = DATE_FORMATS) -> str:
    return rng.choice(formats)(d)


def locale_values(
    rng: random.Random,
    fakers: dict[str, Faker],
    locale: str,
    formats: tuple = DATE_FORMATS,
    own_phone_extra: tuple = (),
    clinical: dict | None = None,
) -> dict[str, str]:
    """One value per slot; Irish-language rows use en_IE addresses (ga_IE has none of its own),
    Italian and Spanish rows en_GB ones (HOME_LOCALE)."""
    f = fakers[locale]
    home = HOME_LOCALE.get(locale, locale)
    place = fakers[home]
    street = place.street_address().replace("\n", ", ")
    postcode, city = place.postcode(), place.city()
    if home == "en_IE":
        order = [
            ("street", street),
            (None, ", "),
            ("city", city),
            (None, ", "),
            ("postcode", postcode),
        ]
    elif home in ("en_GB", "en_US"):
        order = [
            ("street", street),
            (None, ", "),
            ("city", city),
            (None, " "),
            ("postcode", postcode),
        ]
    else:
        order = [
            ("street", street),
            (None, ", "),
            ("postcode", postcode),
            (None, " "),
            ("city", city),
        ]
    own_phone = ("en_GB", "en_US", "nl_BE", "fr_CH", "de_CH", *own_phone_extra)
    phone_src = fakers[home] if home in own_phone else fakers["en_IE"]
    values: dict = {
        "name": f"{f.first_name()} {f.last_name()}",
        "first": f.first_name(),
        "last": f.last_name(),
        "dob": render_date(rng, birth_date(f, 1, 99), formats),
        "date": render_date(rng, f.date_between(start_date=RECENT[0], end_date=RECENT[1]), formats),
        "street": street,
        "postcode": postcode,
        "city": city,
        "phone": phone_src.phone_number(),
        "address": order,
    }
    values.update({slot: rng.choice(choices) for slot, choices in (clinical or CLINICAL).items()})
    return values


def render(frame: str, values: dict) -> dict:
    """Fill a frame, recording identifier spans (`entities`) and clinical spans (`keep`)."""
    text, entities, keep, last = "", [], [], 0

    def put(slot: str | None, value: str) -> None:
        nonlocal text
        start = len(text)
        text += value
        if slot in SLOT_TYPES:
            entities.append({"type": SLOT_TYPES[slot], "start": start, "end": len(text)})
        elif slot in CLINICAL:
            keep.append({"slot": slot, "start": start, "end": len(text)})

    for m in _SLOT.finditer(frame):
        text += frame[last : m.start()]
        value = values[m.group(1)]
        if isinstance(value, list):
            for part_slot, part_value in value:
                put(part_slot, part_value)
        else:
            put(m.group(1), value)
        last = m.end()
    text += frame[last:]
    return {"text": text, "entities": entities, "keep": keep}


def build_locales(split: str) -> list[dict]:
    """Rows for one frame set; about a third are lower-cased whole, as many patients type."""
    frames = {
        "dev": F.DEV_FRAMES,
        "test": F.TEST_FRAMES,
        "fresh": F.FRESH_FRAMES,
        "fresh2": F.FRESH2_FRAMES,
        "fresh3": F.FRESH3_FRAMES,
        "fresh4": F.FRESH4_FRAMES,
        "fresh5": F.FRESH5_FRAMES,
        "fresh6": F.FRESH6_FRAMES,
        "fresh7": F.FRESH7_FRAMES,
        "fresh8": F.FRESH8_FRAMES,
        "fresh9": F.FRESH9_FRAMES,
        "fresh10": F.FRESH10_FRAMES,
        "fresh11": F.FRESH11_FRAMES,
        "fresh12": F.FRESH12_FRAMES,
        "fresh13": F.FRESH13_FRAMES,
        "fresh14": F.FRESH14_FRAMES,
        "fresh15": F.FRESH15_FRAMES,
        "fresh16": F.FRESH16_FRAMES,
        "fresh17": F.FRESH17_FRAMES,
    }[split]
    formats = FORMATS_BY_SPLIT.get(split, DATE_FORMATS)
    locales = LOCALES_BY_SPLIT.get(split, LOCALES)
    own_phone_extra = OWN_PHONE_BY_SPLIT.get(split, ())
    clinical = CLINICAL_BY_SPLIT.get(split, CLINICAL)
    rng = random.Random(SEEDS[split])
    fakers = {loc: Faker(loc) for loc in locales}
    for i, loc in enumerate(locales):
        fakers[loc].seed_instance(SEEDS[split] * 10 + i)
    rows = []
    for i, frame in enumerate(frames):
        for locale in locales:
            for _ in range(PER_FRAME_LOCALE):
                values = locale_values(rng, fakers, locale, formats, own_phone_extra, clinical)
                row = render(frame, values)
                if rng.random() < LOWERCASE_SHARE and len(row["text"].lower()) == len(row["text"]):
                    row["text"] = row["text"].lower()
                rows.append({"source": f"locales/{split}", "frame": i, "locale": locale, **row})
    return rows


def parse_marked(line: str) -> dict:
    """One hand-written line: [[TYPE:value]] is an identifier, {{value}} clinical content."""
    text, entities, keep, last = "", [], [], 0
    for m in _MARK.finditer(line):
        text += line[last : m.start()]
        start = len(text)
        if m.group(1):
            text += m.group(2)
            entities.append({"type": m.group(1), "start": start, "end": len(text)})
        else:
            text += m.group(3)
            keep.append({"slot": "clinical", "start": start, "end": len(text)})
        last = m.end()
    text += line[last:]
    return {"text": text, "entities": entities, "keep": keep}


def build_handwritten(filename: str = "pii_handwritten.txt") -> list[dict]:
    raw = resources.files("safety.devsets").joinpath(filename).read_text("utf-8")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    source = filename.removesuffix(".txt").removeprefix("pii_")
    return [{"source": source, "line": i, **parse_marked(ln)} for i, ln in enumerate(lines)]


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    sets = {f"pii_locales_{split}": build_locales(split) for split in SEEDS}
    for n in ("", *map(str, range(2, HANDWRITTEN_SETS + 1))):
        sets[f"pii_handwritten{n}"] = build_handwritten(f"pii_handwritten{n}.txt")
    for name, rows in sets.items():
        _write(HERE / f"{name}.jsonl", rows)
    print(", ".join(f"{name}: {len(rows)} rows" for name, rows in sets.items()))


if __name__ == "__main__":
    main()
