"""Event.trace: every event names the rules that decided it, in stage order (schema "2")."""
from __future__ import annotations

import pytest

from newsevents.coding.stages import ORDER

pytestmark = pytest.mark.slow

STAGES = ["verb", "trigger", "match", "act", "code", "recode", "frame", "source", "target", "role", "pair", "when",
          "where"]


@pytest.fixture(scope="module")
def traced(coder):
    from newsevents.models import Article

    def _traced(text: str):
        return coder.code_article(Article(id="t", text=text, published="2021-02-05"))

    return _traced


def test_an_arrival_is_traced_from_pattern_to_place(traced):
    (ev,) = traced("Putin arrived in Moscow on Monday.")
    assert ev.trace == [f"verb:{ev.rule}", "match:verb-pattern", "source:subject", "target:place-as-host",
                        "pair:directed", "when:clause", "where:clause"]


def test_a_bomb_attack_names_the_unnamed_agent_rule(traced):
    (ev,) = traced("A roadside bomb killed three soldiers in Kabul.")
    assert "role:unnamed-agent(armed-force)" in ev.trace and "source:subject" not in ev.trace


def test_a_meeting_of_two_sides_is_mutual(traced):
    events = traced("Israeli and Palestinian negotiators met in Cairo.")
    assert len(events) == 2 and all(ev.trace[-3] == "pair:mutual" for ev in events)


def test_a_framed_demand_names_its_frame_and_speaker(traced):
    (ev,) = traced("Russia said Sudan must return the helicopter.")
    assert "frame:demand" in ev.trace and "role:speaker-demands" in ev.trace


@pytest.mark.parametrize("text", [
    "The Houthis claimed that they had attacked the airport.",
    "Egypt continued its support for Assad.",
    "The ministers met his Jordanian counterpart and signed a trade deal.",
    "Hamas threatened to attack if Israel goes ahead.",
])
def test_every_trace_is_in_stage_order_and_names_declared_rules(traced, text):
    events = traced(text)
    assert events
    for ev in events:
        assert ev.trace[0] == f"verb:{ev.rule}"
        stages = [step.split(":", 1)[0] for step in ev.trace]
        assert stages == sorted(stages, key=STAGES.index), ev.trace
        for step in ev.trace[1:]:
            stage, name = step.split(":", 1)
            if stage in ORDER:
                assert name.split("(")[0] in ORDER[stage][1], step
