"""What a statement says is not the speaker's act (issue #20): a clause reported with "should",
or under a verb of opinion, is advice (an appeal, 02x), not a demand (10x); what the speaker's
own side "must" do is no demand of anyone; good wishes are a gesture (017), not a request; a
simple present inside a reported argument describes how things stand and is no act. Made-up
sentences, real model."""
from __future__ import annotations

import pytest

from newsevents.coding import clauses, framing

pytestmark = pytest.mark.slow


def _by_trigger(events: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in events:
        out.setdefault(e["trigger"]["text"], set()).add(e["cameo"])
    return out


def _token(coder, text: str, word: str):
    return next(t for t in coder.nlp(text) if t.text == word)


# -- "should" advises, "must" demands, "we must" is the speaker's own -------------------------

@pytest.mark.parametrize("text, word, kind", [
    ("The minister said Chile must withdraw its troops from the border.", "withdraw", "demand"),
    ("The minister said Chile should withdraw its troops from the border.", "withdraw", "appeal"),
    ("Officials insisted that Peru should free the detained reporters.", "free", "demand"),
    ("We believe the assembly must adopt the resolution without delay.", "adopt", "appeal"),
    ("The senator stated that the voting age should be lowered.", "lowered", "appeal"),
    ("The chancellor said in a speech that we must finish the pension reform by May.", "finish", "intent"),
    ("The president told reporters that I must do more for the farmers.", "do", "intent"),
    # ("US" is a country, not the pronoun "us")
    ("The envoy said the US must lift the sanctions on the port.", "lift", "demand"),
])
def test_obligation_kind_of_a_reported_clause(coder, text, word, kind):
    verb = _token(coder, text, word)
    assert framing.demanded(verb)
    assert framing.obligation(verb) == kind


@pytest.mark.parametrize("text, trigger", [
    ("The Norwegian foreign minister said Chile should release the jailed students.", "release"),
    ("Norway said on Monday that Peru should free the detained journalists.", "free"),
])
def test_advice_to_act_is_an_appeal_not_a_demand(code, text, trigger):
    codes = _by_trigger(code(text)).get(trigger, set())
    assert codes and all(c.startswith("02") for c in codes), codes


@pytest.mark.parametrize("text", [
    "The Norwegian prime minister said the gun laws should be changed.",
    "The Norwegian prime minister stated that the electoral rules should be reformed.",
])
def test_a_view_of_what_should_be_done_is_an_appeal_at_most(code, text):
    codes = {e["cameo"] for e in code(text)}
    assert codes and not any(c.startswith("10") for c in codes), codes
    assert any(c.startswith("02") for c in codes), codes


@pytest.mark.parametrize("text", [
    "The Norwegian prime minister said we must finish the pension reform by May.",
    "The Norwegian prime minister said in a video that we must get the treaty done this year.",
])
def test_what_our_side_must_do_is_no_demand(code, text):
    codes = {e["cameo"] for e in code(text)}
    assert not any(c.startswith("10") for c in codes), codes


def test_a_demand_reported_with_must_stays_a_demand(code):
    codes = _by_trigger(code("The Norwegian foreign minister said Chile must release the jailed students."))
    assert codes.get("release") and all(c.startswith("10") for c in codes["release"]), codes


# -- good wishes ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The Norwegian foreign minister conveyed his wishes to Chile for a safe and peaceful election.", "conveyed"),
    ("The Norwegian king expressed his best wishes to the people of Chile.", "expressed"),
    ("The Norwegian prime minister extended warm wishes to the new Chilean president.", "extended"),
    ("Norway sent its good wishes to the people of Peru on their national day.", "sent"),
])
def test_good_wishes_are_a_gesture_not_a_request(code, text, trigger):
    codes = _by_trigger(code(text))
    assert codes.get(trigger) == {"017"}, codes


def test_the_wish_that_someone_act_stays_a_request(code):
    codes = _by_trigger(code("The Norwegian foreign minister expressed the wish that Chile return to the talks."))
    assert codes.get("expressed") == {"020"}, codes


# -- what a reported argument describes -------------------------------------------------------

@pytest.mark.parametrize("text, word, state", [
    ("Critics argued the vote was unfair because the ruling party controls the electoral board.",
     "controls", True),
    ("The opposition argued that the new law violates the constitution.", "violates", True),
    ("We believe the plan threatens the peace process.", "threatens", True),
    ("The ministry said the army attacked the village because rebels used it as a base.", "attacked", False),
    ("The ministry said the army attacks the village every night.", "attacks", False),
    ("Both leaders stressed close coordination as we urge Chile to hold talks.", "urge", False),
])
def test_argued_state(coder, text, word, state):
    assert clauses.argued_state(_token(coder, text, word)) is state


@pytest.mark.parametrize("text, word", [
    ("Chilean senators argued the case was different because the party controlling the Senate now "
     "matches the president's party.", "matches"),
    ("The Peruvian opposition argued that the decree attacks the independence of the courts.", "attacks"),
])
def test_a_state_inside_an_argument_is_no_event(code, text, word):
    events = code(text, all_modalities=True)
    assert word not in _by_trigger(events), events


# -- a verb of praise the parse took for a noun ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peru and Chile signed a trade deal last year. The United States lauds Peru’s condemnation of the coup.",
    "Talks on trade and energy went on. The United Kingdom lauds Kenya’s condemnation of the attack.",
])
def test_praise_in_a_sentence_read_without_a_verb_is_coded(code, text):
    # "States lauds ...": the verb is not a word of the name ("States"), and an "and" of an
    # earlier sentence does not make the subject plural
    events = [e for e in code(text) if e["trigger"]["text"] == "lauds"]
    assert events and events[0]["cameo"] == "051", events
