"""A broken policy file is a hard error naming the file and the problem."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from safety.errors import PolicyError
from safety.policy.config import load_policy


def _default() -> dict:
    path = Path(str(resources.files("safety.data").joinpath("policy.yaml")))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _mutations():
    def drop(key):
        def f(d):
            del d[key]

        return f

    def set_(path, value):
        def f(d):
            target = d
            for k in path[:-1]:
                target = target[k]
            target[path[-1]] = value

        return f

    return [
        ("missing rules", drop("rules"), "rules"),
        ("unknown region", set_(["region"], "fr"), "region 'fr' has no messages"),
        ("bad regex", lambda d: d["rules"][0]["all"].append("(unclosed"), "bad regex"),
        ("bad action", set_(["rules", 0, "action"], "shrug"), "action"),
        ("unknown key", set_(["colour"], "red"), "colour"),
        ("threshold > 1", set_(["classifier", "block_threshold"], 3), "block_threshold"),
        ("missing mode", lambda d: d["modes"].pop("practice"), "modes missing: practice"),
        ("duplicate id", lambda d: d["rules"].append(dict(d["rules"][0])), "duplicate rule ids"),
        ("short message", set_(["regions", "uk", "crisis"], "call"), "crisis"),
    ]


@pytest.mark.parametrize(("name", "mutate", "problem"), _mutations(), ids=lambda x: str(x)[:20])
def test_when_policy_invalid_then_policy_error_names_file_and_problem(
    tmp_path, name, mutate, problem
):
    data = _default()
    mutate(data)
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_policy(path)
    assert str(path) in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("rules: [unclosed", "not valid YAML"),
        ("- a\n- b\n", "expected a mapping"),
        (None, "cannot read"),
    ],
)
def test_when_policy_file_unreadable_then_policy_error(tmp_path, content, problem):
    path = tmp_path / "p.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PolicyError, match=problem):
        load_policy(path)


def test_when_default_policy_loaded_then_every_mode_and_region_present():
    policy = load_policy()
    assert {m.value for m in policy.modes} == {"consult", "practice", "selfplay"}
    assert policy.region in policy.regions and len(policy.rules) > 20


def test_when_the_medchat_setting_points_to_broken_policy_then_no_silent_default(
    tmp_path, monkeypatch
):
    from medchat.cli import build_parser
    from medchat.config import get_settings

    path = tmp_path / "broken.yaml"
    path.write_text("version: 2\n", encoding="utf-8")
    monkeypatch.setenv("MEDCHAT_SAFETY_POLICY", str(path))
    get_settings.cache_clear()
    try:
        args = build_parser().parse_args(["safety"])
        with pytest.raises(PolicyError, match=r"broken\.yaml"):
            args.func(args)
    finally:
        get_settings.cache_clear()
