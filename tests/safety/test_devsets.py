"""The committed dev sets are exactly what the seeded build script produces (golden files)."""

from __future__ import annotations

import json
import random

import pytest

from safety.devsets import build, safety_prompts
from safety.evaluation import load_devset


def _committed(name: str) -> list[dict]:
    return load_devset(name)


def test_when_pii_sets_rebuilt_then_identical_to_committed_files():
    dev, test = build.build_pii()
    assert json.loads(json.dumps(dev)) == _committed("pii_dev")
    assert json.loads(json.dumps(test)) == _committed("pii_test")


def test_when_safety_sets_rebuilt_then_identical_to_committed_files():
    dev, test = safety_prompts.build(random.Random(build.SEED))
    assert dev == _committed("safety_dev")
    assert test == _committed("safety_test")


@pytest.mark.parametrize(("prefix", "minimum"), [("pii", 400), ("safety", 300)])
def test_when_splits_counted_then_big_enough_and_disjoint_by_template(prefix, minimum):
    dev, test = _committed(f"{prefix}_dev"), _committed(f"{prefix}_test")
    assert len(dev) + len(test) >= minimum
    key = (
        (lambda r: r["template"])
        if prefix == "pii"
        else (lambda r: (r["source"].split("/")[0], r["template"], r["source"]))
    )
    assert not {key(r) for r in dev} & {key(r) for r in test}


def test_when_pii_rows_read_then_labels_point_at_real_text():
    for row in _committed("pii_test"):
        for span in row["entities"] + row["keep"]:
            assert row["text"][span["start"] : span["end"]].strip()


def test_when_safety_set_read_then_it_mixes_every_kind():
    rows = _committed("safety_dev") + _committed("safety_test")
    kinds = {(r["label"], r["category"]) for r in rows}
    for kind in [
        ("escalate", "emergency"),
        ("escalate", "self_harm"),
        ("allow", "none"),
        ("block", "clinical_ethics"),
        ("block", "harm_to_others"),
    ]:
        assert kind in kinds
    assert any(r["source"].startswith("medsafetybench") for r in rows)
