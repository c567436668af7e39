"""The stage registry: the order declared once, every rule registered, named and exemplified."""
from __future__ import annotations

import pytest

from newsevents.coding import stages
from newsevents.coding.stages import ORDER, first, pairs, roles, rule, rules, targets, triggers  # noqa: F401  (they register the rules)


def test_every_declared_rule_is_registered_in_its_order():
    for stage, (how, names) in ORDER.items():
        assert how in ("first", "each"), stage
        assert len(set(names)) == len(names), stage
        assert [r.name for r in rules(stage)] == list(names)
        assert all(r.label == f"{stage}:{r.name}" for r in rules(stage))


def test_every_rule_quotes_its_example():
    for stage in ORDER:
        for r in rules(stage):
            assert r.doc and '"' in r.doc, f"{r.label} needs a docstring quoting its example"


def test_a_rule_not_in_the_order_is_refused():
    with pytest.raises(KeyError, match="ORDER"):
        rule("target", "no-such-rule")
    with pytest.raises(KeyError, match="ORDER"):
        rule("no-such-stage", "phrase")


def test_a_rule_is_registered_once():
    with pytest.raises(KeyError, match="twice"):
        rule("target", "phrase")(lambda q, ctx: None)


def test_first_gives_the_first_rule_that_finds():
    calls = []

    def none(x, ctx):
        calls.append("none")
        return None

    def found(x, ctx):
        calls.append("found")
        return [x]

    def never(x, ctx):
        calls.append("never")
        return ["never"]

    chain = [stages.Rule("t", "a", none), stages.Rule("t", "b", found), stages.Rule("t", "c", never)]
    hit = first(chain, 7, None)
    assert hit is not None and hit[0].label == "t:b" and hit[1] == [7]
    assert calls == ["none", "found"]
    assert first(chain[:1], 7, None) is None
