"""Discard phrases: sport, weather and the like are no political events."""
from __future__ import annotations

import pytest

from newsevents.coding.discards import Discards

LIST = """
# a comment
BASEBALL   # sentence level
+TYPHOON   # the whole story
+World Golf Championships
"""


def test_parse_keeps_story_and_sentence_phrases_apart():
    d = Discards.parse(LIST.splitlines())
    assert len(d) == 3
    assert d.find("Arnor restored baseball competition with Gondor.") == "baseball"
    assert d.find("Arnor restored baseball competition with Gondor.", story=True) is None
    assert d.find("A typhoon trashed the embassy.", story=True) == "typhoon"
    assert d.find("Arnor will host the World Golf Championships.", story=True) == "world golf championships"


def test_whole_words_only():
    d = Discards.parse(["BASEBALL", "+TYPHOON"])
    assert d.find("The baseballs were seized.") is None
    assert d.find("Typhoons hit the coast.") is None


def test_the_packaged_list_uses_story_phrases_only():
    d = Discards.default()
    assert len(d) > 20
    assert d.find("The Champions League final was played in Kyiv.", story=True) == "champions league"
    # sentence phrases (a sport or disease named in passing) do not discard political news by default
    assert d.find("Germany announced funding to fight the Ebola epidemic.") is None


@pytest.mark.slow
def test_a_story_whose_lead_names_a_sports_event_gives_no_events(code):
    assert code("Russia will host the Champions League final in Moscow, the organisers said.") == []
    assert code("Russia condemned the missile attack on Kyiv.") != []
