"""Lexicon rules with negation and context, compiled from the policy's `rules` list.

A rule fires when every `all` group has a match that is not negated within its clause
("no chest pain", "I would never hurt myself", "last year I swallowed..."), no `none` pattern
matches, and, for `personal` rules, the message is about the writer or someone they speak for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safety.policy.config import Policy, Rule, compile_pattern

_FLAGS = re.IGNORECASE
_CLAUSE_BREAK = re.compile(r"[.;!?,\n]|\bbut\b|\bhowever\b|\band now\b", _FLAGS)
PERSONAL = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|myself|we|our|us|he|she|his|her|him|they|them|"
    r"their|the baby|the toddler|the kids?)\b",
    _FLAGS,
)


@dataclass(frozen=True)
class RuleHit:
    """A fired rule: which one, its category and action, and the evidence span."""

    rule_id: str
    category: str
    action: str
    start: int
    end: int


class CompiledRule:
    """A policy rule with its regexes compiled once."""

    def __init__(self, rule: Rule, negation: re.Pattern[str]) -> None:
        self.rule = rule
        self.groups = [compile_pattern(p, _FLAGS) for p in rule.all]
        self.none = [compile_pattern(p, _FLAGS) for p in rule.none]
        self.negation = negation

    def match(self, text: str) -> RuleHit | None:
        """The hit for this rule in `text`, or None."""
        if self.groups[0].search(text) is None:
            return None  # first: on most messages most rules' first group finds nothing at all
        if self.rule.personal and not PERSONAL.search(text):
            return None
        if any(p.search(text) for p in self.none):
            return None
        first = None
        for i, group in enumerate(self.groups):
            checked = self.rule.negation != "none" and (
                i == 0 or self.rule.negation == "all_groups"
            )
            hits = group.finditer(text)
            hit = next((m for m in hits if not (checked and self._negated(text, m.start()))), None)
            if hit is None:
                return None
            first = first or hit
        return RuleHit(
            self.rule.id, self.rule.category, self.rule.action, first.start(), first.end()
        )

    def _negated(self, text: str, start: int) -> bool:
        """A negation or past-time cue earlier in the same clause."""
        clause_start = 0
        for brk in _CLAUSE_BREAK.finditer(text, 0, start):
            clause_start = brk.end()
        return bool(self.negation.search(text[clause_start:start]))


class RuleSet:
    """All rules of a policy, evaluated in order; block rules outrank escalate rules."""

    def __init__(self, policy: Policy) -> None:
        negation = re.compile("|".join(f"(?:{c})" for c in policy.negation_cues), _FLAGS)
        self.negation = negation
        self.rules = [CompiledRule(r, negation) for r in policy.rules]

    def hits(self, text: str, direction: str = "input") -> list[RuleHit]:
        """Every rule that fires for a message travelling in `direction`."""
        found = []
        for rule in self.rules:
            if direction in rule.rule.directions:
                hit = rule.match(text)
                if hit is not None:
                    found.append(hit)
        return found
