"""Third layer of verb defaults (issue #20, tools/verbs_corrections.txt, coding/sense.py ``published``,
coding/stages/triggers.py ``agrees-that``): what is for sale or a chance on offer is no intent; voting
by itself is no act; a pronoun released after documents were obtained is
those documents; agreeing that something should be so, or be done by a named doer, is accord."""
from __future__ import annotations

import pytest


def _codes(code, text: str, trigger: str) -> list[str]:
    return [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    ("The Gondor national airline offers flights to three cities in Rohan.", "offers"),
    ("The Gondorian exchange program offers opportunities to students from Rohan.", "offers"),
    ("The Gondorian president said the people of Rohan should vote, whatever their views.", "vote"),
    ("The Gondor daily obtained the letters of the Rohan minister and released them on Friday.", "released"),
])
def test_descriptions_and_votes_are_no_acts(code, text, trigger):
    assert not _codes(code, text, trigger), code(text)


def test_agreeing_what_others_should_do_is_accord(code):
    found = _codes(code, "The Gondorian government agreed the dispute should be decided by the Rohan courts.", "agreed")
    assert "030" not in found, found


@pytest.mark.parametrize("text, trigger, cameo", [
    ("Gondor offered help to Rohan after the floods.", "offered", "030"),
    ("The Gondorian foreign minister offered congratulations to the president of Rohan.", "offered", "051"),
    ("The Gondor parliament voted against the Rohan proposal.", "voted", "110"),
    ("Gondor voted in support of a resolution condemning Rohan.", "voted", "051"),
    ("Gondor released 40 prisoners from Rohan on Tuesday.", "released", "0841"),
])
def test_the_patterns_of_those_verbs_still_code(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and all(c == cameo for c in found), code(text)


def test_people_released_after_an_arrest_stay_released(code):
    found = _codes(code, "Gondor police arrested 20 protesters from Rohan and released them on Friday.", "released")
    assert found and all(c.startswith("084") for c in found), found


def test_two_countries_agreeing_to_cooperate_is_an_intent(code):
    found = _codes(code, "Gondor and Rohan agreed that the two countries should cooperate on energy.", "agreed")
    assert "030" in found, found


def test_an_election_put_off_is_a_restriction(code):
    found = _codes(code, "The Gondor government signed an order delaying the election in Rohan until June.", "delaying")
    assert found and all(c == "172" for c in found), found
