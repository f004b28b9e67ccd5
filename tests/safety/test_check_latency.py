"""The latency round's shortcuts give the same numbers as the long way (docs/evaluation-safety.md,
"Latency (2026-12-06, night)"): a faster safety check must not change a decision."""

from __future__ import annotations

import json

import pytest

from safety.devsets.same_verdicts import compare


@pytest.mark.parametrize(
    ("after", "expected"),
    [({"a": ["allow"], "b": "x"}, 0), ({"a": ["block"], "b": "x"}, 1), ({"a": ["allow"]}, 1)],
)
def test_when_dumps_compared_then_any_changed_or_missing_decision_fails(tmp_path, after, expected):
    before = {"a": ["allow"], "b": "x"}
    paths = []
    for name, dump in (("before", before), ("after", after)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps([k, v]) + "\n" for k, v in dump.items()))
        paths.append(path)
    assert compare(*paths) == expected
