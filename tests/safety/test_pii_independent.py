"""The independent PII sources are what their seeded builder produces (golden files), their
labels point at real text, and the Faker-locale dev and test frames never share a frame."""

from __future__ import annotations

import json
from functools import cache

import pytest

from safety.devsets import pii_frames, pii_independent
from safety.evaluation import load_devset

# Written after round 14's sets, so not "earlier" when those are checked for reuse.
_ROUND15 = {"pii_handwritten13", "pii_locales_fresh15"}
# Written after round 15's sets (the sixteenth round's held-out pair).
_ROUND16 = {"pii_handwritten14", "pii_locales_fresh16"}
# Written after round 16's sets (the seventeenth round's held-out pair).
_ROUND17 = {"pii_handwritten15", "pii_locales_fresh17"}


@cache
def _fresh16() -> list[dict]:
    """fresh16 built once per test run: the golden-file row and the fresh16 checks share it."""
    return json.loads(json.dumps(pii_independent.build_locales("fresh16")))


@cache
def _fresh17() -> list[dict]:
    """fresh17 built once per test run: the golden-file row and the fresh17 checks share it."""
    return json.loads(json.dumps(pii_independent.build_locales("fresh17")))


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("pii_locales_dev", lambda: pii_independent.build_locales("dev")),
        ("pii_locales_test", lambda: pii_independent.build_locales("test")),
        ("pii_locales_fresh", lambda: pii_independent.build_locales("fresh")),
        ("pii_locales_fresh2", lambda: pii_independent.build_locales("fresh2")),
        ("pii_locales_fresh3", lambda: pii_independent.build_locales("fresh3")),
        ("pii_locales_fresh4", lambda: pii_independent.build_locales("fresh4")),
        ("pii_locales_fresh5", lambda: pii_independent.build_locales("fresh5")),
        ("pii_locales_fresh6", lambda: pii_independent.build_locales("fresh6")),
        ("pii_locales_fresh7", lambda: pii_independent.build_locales("fresh7")),
        ("pii_locales_fresh8", lambda: pii_independent.build_locales("fresh8")),
        ("pii_locales_fresh9", lambda: pii_independent.build_locales("fresh9")),
        ("pii_locales_fresh10", lambda: pii_independent.build_locales("fresh10")),
        ("pii_locales_fresh11", lambda: pii_independent.build_locales("fresh11")),
        ("pii_locales_fresh12", lambda: pii_independent.build_locales("fresh12")),
        ("pii_locales_fresh13", lambda: pii_independent.build_locales("fresh13")),
        ("pii_locales_fresh14", lambda: pii_independent.build_locales("fresh14")),
        ("pii_locales_fresh15", lambda: pii_independent.build_locales("fresh15")),
        ("pii_locales_fresh16", _fresh16),
        ("pii_locales_fresh17", _fresh17),
        ("pii_handwritten", pii_independent.build_handwritten),
        ("pii_handwritten2", lambda: pii_independent.build_handwritten("pii_handwritten2.txt")),
        ("pii_handwritten3", lambda: pii_independent.build_handwritten("pii_handwritten3.txt")),
        ("pii_handwritten4", lambda: pii_independent.build_handwritten("pii_handwritten4.txt")),
        ("pii_handwritten5", lambda: pii_independent.build_handwritten("pii_handwritten5.txt")),
        ("pii_handwritten6", lambda: pii_independent.build_handwritten("pii_handwritten6.txt")),
        ("pii_handwritten7", lambda: pii_independent.build_handwritten("pii_handwritten7.txt")),
        ("pii_handwritten8", lambda: pii_independent.build_handwritten("pii_handwritten8.txt")),
        ("pii_handwritten9", lambda: pii_independent.build_handwritten("pii_handwritten9.txt")),
        ("pii_handwritten10", lambda: pii_independent.build_handwritten("pii_handwritten10.txt")),
        ("pii_handwritten11", lambda: pii_independent.build_handwritten("pii_handwritten11.txt")),
        ("pii_handwritten12", lambda: pii_independent.build_handwritten("pii_handwritten12.txt")),
        ("pii_handwritten13", lambda: pii_independent.build_handwritten("pii_handwritten13.txt")),
        ("pii_handwritten14", lambda: pii_independent.build_handwritten("pii_handwritten14.txt")),
        ("pii_handwritten15", lambda: pii_independent.build_handwritten("pii_handwritten15.txt")),
    ],
)
def test_when_independent_sets_rebuilt_then_identical_to_committed_files(name, build):
    assert json.loads(json.dumps(build())) == load_devset(name)


@pytest.mark.parametrize(
    "name",
    [
        "pii_locales_dev",
        "pii_locales_test",
        "pii_locales_fresh",
        "pii_locales_fresh2",
        "pii_locales_fresh3",
        "pii_locales_fresh4",
        "pii_locales_fresh5",
        "pii_locales_fresh6",
        "pii_locales_fresh7",
        "pii_locales_fresh8",
        "pii_locales_fresh9",
        "pii_locales_fresh10",
        "pii_locales_fresh11",
        "pii_locales_fresh12",
        "pii_locales_fresh13",
        "pii_locales_fresh14",
        "pii_locales_fresh15",
        "pii_locales_fresh16",
        "pii_locales_fresh17",
        "pii_handwritten",
        "pii_handwritten2",
        "pii_handwritten3",
        "pii_handwritten4",
        "pii_handwritten5",
        "pii_handwritten6",
        "pii_handwritten7",
        "pii_handwritten8",
        "pii_handwritten9",
        "pii_handwritten10",
        "pii_handwritten11",
        "pii_handwritten12",
        "pii_handwritten13",
        "pii_handwritten14",
        "pii_handwritten15",
    ],
)
def test_when_independent_rows_read_then_labels_point_at_real_text(name):
    rows = load_devset(name)
    assert rows and all(r["entities"] or r["keep"] for r in rows)
    for row in rows:
        for span in row["entities"] + row["keep"]:
            assert row["text"][span["start"] : span["end"]].strip()


def test_when_frames_split_then_no_two_sets_share_a_frame():
    sets = [
        pii_frames.DEV_FRAMES,
        pii_frames.TEST_FRAMES,
        pii_frames.FRESH_FRAMES,
        pii_frames.FRESH2_FRAMES,
        pii_frames.FRESH3_FRAMES,
        pii_frames.FRESH4_FRAMES,
        pii_frames.FRESH5_FRAMES,
        pii_frames.FRESH6_FRAMES,
        pii_frames.FRESH7_FRAMES,
        pii_frames.FRESH8_FRAMES,
        pii_frames.FRESH9_FRAMES,
        pii_frames.FRESH10_FRAMES,
        pii_frames.FRESH11_FRAMES,
        pii_frames.FRESH12_FRAMES,
        pii_frames.FRESH13_FRAMES,
        pii_frames.FRESH14_FRAMES,
        pii_frames.FRESH15_FRAMES,
        pii_frames.FRESH16_FRAMES,
        pii_frames.FRESH17_FRAMES,
    ]
    assert sum(len(set(s)) for s in sets) == len(set().union(*sets))


def test_when_locales_built_then_every_locale_and_lower_case_rows_appear():
    rows = load_devset("pii_locales_test")
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES)
    assert any(r["text"] == r["text"].lower() for r in rows)


@pytest.mark.parametrize(
    ("line", "text", "entities", "keep"),
    [
        (
            "dob [[DATE_OF_BIRTH:1 May 1950]], on {{5 mg}}",
            "dob 1 May 1950, on 5 mg",
            [{"type": "DATE_OF_BIRTH", "start": 4, "end": 14}],
            [{"slot": "clinical", "start": 19, "end": 23}],
        ),
        ("no marks", "no marks", [], []),
    ],
)
def test_when_marked_line_parsed_then_spans_match_the_plain_text(line, text, entities, keep):
    assert pii_independent.parse_marked(line) == {"text": text, "entities": entities, "keep": keep}


def test_when_scores_computed_then_all_recall_counts_every_gold_type():
    from safety.metrics import pii_scores

    rows = [
        {
            "text": "Ann, 3 May, Lyon",
            "entities": [
                {"type": "PERSON", "start": 0, "end": 3},
                {"type": "DATE", "start": 5, "end": 10},
                {"type": "LOCATION", "start": 12, "end": 16},
            ],
        }
    ]
    s = pii_scores(rows, [[{"type": "PERSON", "start": 0, "end": 3}]])
    assert s["direct_recall"] == 1.0 and s["all_recall"] == pytest.approx(1 / 3)


def test_when_rebuilt_on_another_day_then_the_golden_files_still_match(monkeypatch):
    """Ages are counted from a fixed day: a rebuild a year later gives the same rows."""
    import datetime as dt

    import faker.providers.date_time as faker_dates

    class NextYear(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2027, 11, 25, tzinfo=tz)

    monkeypatch.setattr(faker_dates, "datetime", NextYear)
    splits = (
        "dev",
        "test",
        "fresh",
        "fresh2",
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh6",
        "fresh7",
        "fresh8",
        "fresh9",
        "fresh10",
        "fresh11",
        "fresh12",
        "fresh13",
        "fresh14",
        "fresh15",
        "fresh16",
        "fresh17",
    )
    for split in splits:
        rebuilt = json.loads(json.dumps(pii_independent.build_locales(split)))
        assert rebuilt == load_devset(f"pii_locales_{split}")


def test_when_held_out_sets_registered_then_every_one_is_a_reported_source():
    from safety.evaluation import PII_HELD_OUT, PII_SOURCES

    held_out = set(PII_HELD_OUT)
    assert held_out == _ROUND17
    assert held_out.issubset(PII_SOURCES.values())


def test_when_fresh6_built_then_the_extra_date_shapes_appear_and_other_sets_keep_theirs():
    """fresh6 and fresh7 draw dates from DATE_FORMATS + MORE_DATE_FORMATS; the older sets only
    from the first list, so their golden files are unchanged."""
    both = pii_independent.DATE_FORMATS + pii_independent.MORE_DATE_FORMATS
    fresh8 = both + pii_independent.FRESH8_DATE_FORMATS
    fresh9 = fresh8 + pii_independent.FRESH9_DATE_FORMATS
    fresh10 = fresh9 + pii_independent.FRESH10_DATE_FORMATS
    fresh11 = fresh10 + pii_independent.FRESH11_DATE_FORMATS
    fresh12 = fresh11 + pii_independent.FRESH12_DATE_FORMATS
    fresh13 = fresh12 + pii_independent.FRESH13_DATE_FORMATS
    fresh14 = fresh13 + pii_independent.FRESH14_DATE_FORMATS
    fresh15 = fresh14 + pii_independent.FRESH15_DATE_FORMATS
    fresh16 = fresh15 + pii_independent.FRESH16_DATE_FORMATS
    fresh17 = fresh16 + pii_independent.FRESH17_DATE_FORMATS
    assert {
        "fresh6": both,
        "fresh7": both,
        "fresh8": fresh8,
        "fresh9": fresh9,
        "fresh10": fresh10,
        "fresh11": fresh11,
        "fresh12": fresh12,
        "fresh13": fresh13,
        "fresh14": fresh14,
        "fresh15": fresh15,
        "fresh16": fresh16,
        "fresh17": fresh17,
    } == pii_independent.FORMATS_BY_SPLIT
    import datetime as dt

    d = dt.date(1949, 10, 14)
    shapes = {f(d) for f in pii_independent.MORE_DATE_FORMATS}
    assert {"14/10", "Oct 14th", "the fourteenth", "14-OCT-1949"} <= shapes


def test_when_fresh8_built_then_its_eight_locales_and_new_date_shapes_appear():
    """fresh8 adds en_US and de_AT rows and FRESH8_DATE_FORMATS; the older sets keep LOCALES."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh8")
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES) | {"en_US", "de_AT"}
    assert len(rows) == len(pii_frames.FRESH8_FRAMES) * 8 * pii_independent.PER_FRAME_LOCALE
    assert {r["locale"] for r in load_devset("pii_locales_fresh7")} == set(pii_independent.LOCALES)
    shapes = {f(dt.date(1950, 3, 4)) for f in pii_independent.FRESH8_DATE_FORMATS}
    assert {"4th Mar", "Mar. 4, 1950", "04.03.", "4/3/50"} <= shapes


def test_when_fresh9_built_then_its_nine_locales_and_new_date_shapes_appear():
    """fresh9 adds nl_BE rows and FRESH9_DATE_FORMATS; fresh8 keeps its eight locales."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh9")
    nine = set(pii_independent.LOCALES) | {"en_US", "de_AT", "nl_BE"}
    assert {r["locale"] for r in rows} == nine
    assert len(rows) == len(pii_frames.FRESH9_FRAMES) * 9 * pii_independent.PER_FRAME_LOCALE
    fresh8 = {r["locale"] for r in load_devset("pii_locales_fresh8")}
    assert fresh8 == set(pii_independent.LOCALES) | {"en_US", "de_AT"}
    shapes = {f(dt.date(1950, 3, 4)) for f in pii_independent.FRESH9_DATE_FORMATS}
    assert {"4. März 1950", "4 mars 1950", "4 maart 1950", "March 4", "4-3-50"} <= shapes


def test_when_fresh10_built_then_its_ten_locales_and_new_date_shapes_appear():
    """fresh10 adds fr_CH and de_CH rows (no en_US) and FRESH10_DATE_FORMATS; fresh9 keeps nine."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh10")
    ten = set(pii_independent.LOCALES) | {"de_AT", "nl_BE", "fr_CH", "de_CH"}
    assert {r["locale"] for r in rows} == ten
    assert len(rows) == len(pii_frames.FRESH10_FRAMES) * 10 * pii_independent.PER_FRAME_LOCALE
    assert len({r["locale"] for r in load_devset("pii_locales_fresh9")}) == 9
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH10_DATE_FORMATS}
    assert {"02FEB1949", "2.II.1949", "2 févr. 1949", "2 Feabhra 1949", "2/2/49"} <= shapes


def test_when_fresh11_built_then_its_nine_locales_and_new_date_shapes_appear():
    """fresh11 adds it_IT and es_ES names (addresses and phones from en_GB) and fr_CH rows, and
    FRESH11_DATE_FORMATS; fresh10 keeps its ten locales."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh11")
    nine = set(pii_independent.LOCALES) | {"it_IT", "es_ES", "fr_CH"}
    assert {r["locale"] for r in rows} == nine
    assert len(rows) == len(pii_frames.FRESH11_FRAMES) * 9 * pii_independent.PER_FRAME_LOCALE
    assert len({r["locale"] for r in load_devset("pii_locales_fresh10")}) == 10
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH11_DATE_FORMATS}
    assert {"Feb 2nd '49", "1949-2-2", "February the 2nd, 1949", "2/Feb/1949"} <= shapes


def test_when_fresh12_built_then_its_nine_locales_and_new_date_shapes_appear():
    """fresh12 adds pl_PL, pt_PT and yo_NG names (addresses and phones from en_GB) and
    FRESH12_DATE_FORMATS; fresh11 keeps its nine locales."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh12")
    nine = set(pii_independent.LOCALES) | {"pl_PL", "pt_PT", "yo_NG"}
    assert {r["locale"] for r in rows} == nine
    assert len(rows) == len(pii_frames.FRESH12_FRAMES) * 9 * pii_independent.PER_FRAME_LOCALE
    fresh11 = {r["locale"] for r in load_devset("pii_locales_fresh11")}
    assert fresh11 == set(pii_independent.LOCALES) | {"it_IT", "es_ES", "fr_CH"}
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH12_DATE_FORMATS}
    assert {"2.2.49", "1949 Feb 2", "19490202", "2 II 1949", "2nd of February, 1949"} <= shapes


def test_when_handwritten10_read_then_it_has_identifier_and_clinical_only_lines():
    rows = load_devset("pii_handwritten10")
    assert len(rows) == 45
    assert sum(1 for r in rows if not r["entities"]) >= 8
    types = {e["type"] for r in rows for e in r["entities"]}
    assert {"PERSON", "DATE_OF_BIRTH", "POSTCODE", "NHS_NUMBER", "MRN", "EMAIL_ADDRESS"} <= types


def test_when_fresh13_built_then_its_eleven_locales_homes_and_new_date_shapes_appear():
    """fresh13 adds da_DK, cs_CZ, hu_HU, ro_RO and tr_TR names living in the issue's countries
    (HOME_LOCALE), phones from a French, German or Dutch home's own country, and
    FRESH13_DATE_FORMATS; fresh12 keeps its nine locales."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh13")
    new = {"da_DK", "cs_CZ", "hu_HU", "ro_RO", "tr_TR"}
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES) | new
    assert len(rows) == len(pii_frames.FRESH13_FRAMES) * 11 * pii_independent.PER_FRAME_LOCALE
    assert {pii_independent.HOME_LOCALE[loc] for loc in new} == {"nl_NL", "de_DE", "fr_FR", "en_IE"}
    fresh12 = {r["locale"] for r in load_devset("pii_locales_fresh12")}
    assert fresh12 == set(pii_independent.LOCALES) | {"pl_PL", "pt_PT", "yo_NG"}
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH13_DATE_FORMATS}
    wanted = {"2/2-1949", "1949. 02. 02.", "2. 2. 1949", "2. Feb. 1949", "2nd day of February 1949"}
    assert wanted <= shapes
    earlier = {f(dt.date(1949, 2, 2)) for f in pii_independent.FORMATS_BY_SPLIT["fresh12"]}
    assert not shapes & earlier


def test_when_handwritten11_read_then_it_has_identifier_and_clinical_only_lines():
    rows = load_devset("pii_handwritten11")
    assert len(rows) == 45
    assert sum(1 for r in rows if not r["entities"]) >= 8
    types = {e["type"] for r in rows for e in r["entities"]}
    assert {"PERSON", "DATE_OF_BIRTH", "POSTCODE", "NHS_NUMBER", "MRN", "EMAIL_ADDRESS"} <= types


def test_when_fresh14_built_then_its_eleven_locales_homes_clinical_lists_and_date_shapes_appear():
    """fresh14 adds sk_SK, sv_SE, fi_FI, hr_HR and en_IN names living in the issue's countries,
    clinical content of its own (CLINICAL_BY_SPLIT) and FRESH14_DATE_FORMATS; fresh13 keeps its
    eleven locales and the shared clinical lists."""
    import datetime as dt

    rows = load_devset("pii_locales_fresh14")
    new = {"sk_SK", "sv_SE", "fi_FI", "hr_HR", "en_IN"}
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES) | new
    assert len(rows) == len(pii_frames.FRESH14_FRAMES) * 11 * pii_independent.PER_FRAME_LOCALE
    assert {pii_independent.HOME_LOCALE[loc] for loc in new} == {"nl_NL", "de_DE", "fr_FR", "en_IE"}
    fresh13 = {r["locale"] for r in load_devset("pii_locales_fresh13")}
    assert fresh13 == set(pii_independent.LOCALES) | {"da_DK", "cs_CZ", "hu_HU", "ro_RO", "tr_TR"}
    kept = {r["text"][k["start"] : k["end"]] for r in rows for k in r["keep"]}
    own = set().union(*pii_independent.CLINICAL_BY_SPLIT["fresh14"].values())
    lowered = {v.lower() for v in own}
    assert kept <= own | lowered and not kept & set().union(*pii_independent.CLINICAL.values())
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH14_DATE_FORMATS}
    wanted = {"2. februára 1949", "2. veljače 1949.", "02Feb49", "February 1949", "02/1949"}
    assert wanted <= shapes
    earlier = {f(dt.date(1949, 2, 2)) for f in pii_independent.FORMATS_BY_SPLIT["fresh13"]}
    assert not shapes & earlier


def test_when_handwritten12_read_then_it_has_identifier_and_clinical_only_lines():
    rows = load_devset("pii_handwritten12")
    assert len(rows) == 45
    assert sum(1 for r in rows if not r["entities"]) >= 10
    types = {e["type"] for r in rows for e in r["entities"]}
    assert {"PERSON", "DATE_OF_BIRTH", "POSTCODE", "NHS_NUMBER", "MRN", "EMAIL_ADDRESS"} <= types


def test_when_handwritten12_compared_then_it_reuses_no_value_of_an_earlier_set():
    """Round 13's hand-written set reused earlier values; this one is checked by value_overlap."""
    from safety.devsets import value_overlap

    earlier = sorted(
        p.stem
        for p in value_overlap.HERE.glob("pii_*.jsonl")
        if p.stem not in {"pii_handwritten12", "pii_locales_fresh14", *_ROUND15, *_ROUND16}
    )
    report = value_overlap.overlaps("pii_handwritten12", earlier)
    assert report["value"] == [] and report["source"] == []


def test_when_fresh15_built_then_its_eleven_locales_homes_clinical_lists_and_date_shapes_appear():
    """fresh15 adds no_NO, lt_LT, lv_LV, sl_SI and et_EE names living in the issue's countries,
    clinical content of its own and FRESH15_DATE_FORMATS, none shared with an earlier set."""
    import datetime as dt

    from safety.devsets import value_overlap

    rows = load_devset("pii_locales_fresh15")
    new = {"no_NO", "lt_LT", "lv_LV", "sl_SI", "et_EE"}
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES) | new
    assert len(rows) == len(pii_frames.FRESH15_FRAMES) * 11 * pii_independent.PER_FRAME_LOCALE
    assert {pii_independent.HOME_LOCALE[loc] for loc in new} == {"nl_NL", "de_DE", "fr_FR", "en_IE"}
    own = set().union(*pii_independent.CLINICAL_BY_SPLIT["fresh15"].values())
    kept = {r["text"][k["start"] : k["end"]] for r in rows for k in r["keep"]}
    assert kept <= own | {v.lower() for v in own}
    earlier = [p.stem for p in value_overlap.HERE.glob("pii_*.jsonl") if p.stem not in _ROUND15]
    shared = value_overlap.overlaps("pii_locales_fresh15", earlier)["value"]
    assert not [line for line in shared if line.startswith("KEEP ")]
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH15_DATE_FORMATS}
    assert {"1949 m. vasario 2 d.", "1949. gada 2. februārī", "2/II/1949", "2.02.1949 r."} <= shapes
    older = {f(dt.date(1949, 2, 2)) for f in pii_independent.FORMATS_BY_SPLIT["fresh14"]}
    assert not shapes & older


def test_when_handwritten13_read_then_it_has_identifier_and_clinical_only_lines():
    rows = load_devset("pii_handwritten13")
    assert len(rows) == 45
    assert sum(1 for r in rows if not r["entities"]) == 10
    types = {e["type"] for r in rows for e in r["entities"]}
    assert {"PERSON", "DATE_OF_BIRTH", "POSTCODE", "NHS_NUMBER", "MRN", "EMAIL_ADDRESS"} <= types


def test_when_handwritten13_compared_then_it_reuses_no_value_of_any_other_set():
    from safety.devsets import value_overlap

    others = [
        p.stem for p in value_overlap.HERE.glob("pii_*.jsonl") if p.stem != "pii_handwritten13"
    ]
    report = value_overlap.overlaps("pii_handwritten13", sorted(others))
    assert report["value"] == [] and report["source"] == []


def test_when_fresh16_built_then_its_eleven_locales_homes_clinical_lists_and_date_shapes_appear():
    """fresh16 adds az_AZ, is_IS, id_ID, tw_GH and zu_ZA names living in the issue's countries and
    the UK, clinical content of its own and FRESH16_DATE_FORMATS. Its clinical values are compared
    with every other set's spans directly (no source scan), so this check takes about a second."""
    import datetime as dt

    from safety.devsets import value_overlap

    rows = _fresh16()
    new = {"az_AZ", "is_IS", "id_ID", "tw_GH", "zu_ZA"}
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES) | new
    assert len(rows) == len(pii_frames.FRESH16_FRAMES) * 11 * pii_independent.PER_FRAME_LOCALE
    homes = {pii_independent.HOME_LOCALE[loc] for loc in new}
    assert homes == {"nl_NL", "de_DE", "fr_FR", "en_IE", "en_GB"}
    own = set().union(*pii_independent.CLINICAL_BY_SPLIT["fresh16"].values())
    kept = {r["text"][k["start"] : k["end"]] for r in rows for k in r["keep"]}
    assert kept <= own | {v.lower() for v in own}
    elsewhere = {
        value
        for p in value_overlap.HERE.glob("pii_*.jsonl")
        if p.stem != "pii_locales_fresh16"
        for _, value in value_overlap.spans(p)
    }
    assert not {v.lower() for v in kept} & elsewhere
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH16_DATE_FORMATS}
    assert {
        "2. febrúar 1949",
        "Rabu, 2 Februari 1949",
        "2 uNhlolanja 1949",
        "1949年2月2日",
    } <= shapes
    older = {f(dt.date(1949, 2, 2)) for f in pii_independent.FORMATS_BY_SPLIT["fresh15"]}
    assert not shapes & older


def test_when_handwritten14_read_then_it_has_identifier_and_clinical_only_lines():
    rows = load_devset("pii_handwritten14")
    assert len(rows) == 46
    assert sum(1 for r in rows if not r["entities"]) == 10
    types = {e["type"] for r in rows for e in r["entities"]}
    assert {"PERSON", "DATE_OF_BIRTH", "POSTCODE", "NHS_NUMBER", "MRN", "EMAIL_ADDRESS"} <= types


def test_when_handwritten14_compared_then_it_reuses_no_value_of_any_other_set():
    from safety.devsets import value_overlap

    others = [
        p.stem for p in value_overlap.HERE.glob("pii_*.jsonl") if p.stem != "pii_handwritten14"
    ]
    report = value_overlap.overlaps("pii_handwritten14", sorted(others))
    assert report["value"] == [] and report["source"] == []


def test_when_fresh17_built_then_its_eleven_locales_homes_clinical_lists_and_date_shapes_appear():
    """fresh17 adds uz_UZ, sw, pt_BR, es_CO and ig_NG names living in the issue's countries and the
    UK, clinical content of its own and FRESH17_DATE_FORMATS. Its clinical values are compared with
    every other set's spans directly; its date shapes with every earlier shape on one day per
    month of 1949 and 2001 (the builder's check ran on every day from 1900 to 2025)."""
    import datetime as dt

    from safety.devsets import value_overlap

    rows = _fresh17()
    new = {"uz_UZ", "sw", "pt_BR", "es_CO", "ig_NG"}
    assert {r["locale"] for r in rows} == set(pii_independent.LOCALES) | new
    assert len(rows) == len(pii_frames.FRESH17_FRAMES) * 11 * pii_independent.PER_FRAME_LOCALE
    homes = {pii_independent.HOME_LOCALE[loc] for loc in new}
    assert homes == {"nl_NL", "de_DE", "fr_FR", "en_IE", "en_GB"}
    own = set().union(*pii_independent.CLINICAL_BY_SPLIT["fresh17"].values())
    kept = {r["text"][k["start"] : k["end"]] for r in rows for k in r["keep"]}
    assert kept <= own | {v.lower() for v in own}
    elsewhere = {
        value
        for p in value_overlap.HERE.glob("pii_*.jsonl")
        if p.stem != "pii_locales_fresh17"
        for _, value in value_overlap.spans(p)
    }
    assert not {v.lower() for v in kept} & elsewhere
    shapes = {f(dt.date(1949, 2, 2)) for f in pii_independent.FRESH17_DATE_FORMATS}
    assert {"2 de fevereiro de 1949", "1949-yil 2-fevral", "tarehe 2 Februari 1949"} <= shapes
    older_shapes = pii_independent.FORMATS_BY_SPLIT["fresh16"]
    for day in [dt.date(y, m, d) for y in (1949, 2001) for m in range(1, 13) for d in (2, 23)]:
        older = {f(day).lower() for f in older_shapes}
        assert not {f(day).lower() for f in pii_independent.FRESH17_DATE_FORMATS} & older


def test_when_handwritten15_read_then_it_has_identifier_and_clinical_only_lines():
    rows = load_devset("pii_handwritten15")
    assert len(rows) == 45
    assert sum(1 for r in rows if not r["entities"]) == 10
    types = {e["type"] for r in rows for e in r["entities"]}
    assert {"PERSON", "DATE_OF_BIRTH", "POSTCODE", "NHS_NUMBER", "MRN", "EMAIL_ADDRESS"} <= types


def test_when_handwritten15_compared_then_it_reuses_no_value_of_any_other_set():
    from safety.devsets import value_overlap

    others = [
        p.stem for p in value_overlap.HERE.glob("pii_*.jsonl") if p.stem != "pii_handwritten15"
    ]
    report = value_overlap.overlaps("pii_handwritten15", sorted(others))
    assert report["value"] == [] and report["source"] == []
