"""Ceremony logistics and the purposes of past trips are no acts (issue #20): a person joined or
accompanied by another, told in the passive, says who comes along (the role rule "accompaniment"),
and a "to"-infinitive of a trip already made tells what it was for (the role rule "trip-purpose",
both in coding/stages/nonacts.py). A body joined by its members, a person who joins talks, the trip
itself and the purpose of a trip still to come (an intent) are kept."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

LEAD = "Gondor said on Monday it was concerned. "  # (a lead sentence first: the rules leave the lead alone)


def _triggers(code, text: str) -> list[str]:
    return [e["trigger"]["text"] for e in code(LEAD + text) if e.get("trigger") and e["sentence_index"] > 0]


@pytest.mark.parametrize("text, word", [
    ("During the ceremony, Secretary Vorn will be joined by Acting Director Ilse Marden to honor the winners.",
     "joined"),
    ("She will be joined by the Deputy Minister of Finance, who will lead the delegation.", "joined"),
    ("The minister was joined by the ambassador at the ceremony.", "joined"),
    ("The envoy was accompanied by two senior aides from the foreign ministry.", "accompanied"),
    ("At the summit, President Arvel Dunmore will be accompanied by the Gondor trade minister.", "accompanied"),
])
def test_company_is_no_act(code, text: str, word: str) -> None:
    assert word not in _triggers(code, text)


@pytest.mark.parametrize("text, word", [
    ("The Gondor naval coalition was joined by Rohan last year.", "joined"),
    ("The minister joined the talks in Osgiliath on Monday.", "joined"),
])
def test_joining_is_kept(code, text: str, word: str) -> None:
    assert word in _triggers(code, text)


@pytest.mark.parametrize("text, word", [
    ("The president traveled to Rohan, which had not signed the accord, to take part in a festival in the "
     "capital.", "take"),
    ("The envoy flew to Rohan to discuss the border dispute.", "discuss"),
    ("The minister has traveled to Minas Tirith to meet the king.", "meet"),
])
def test_purpose_of_past_trip_is_no_act(code, text: str, word: str) -> None:
    assert word not in _triggers(code, text)


@pytest.mark.parametrize("text, word", [
    ("The president traveled to Rohan to take part in a festival in the capital.", "traveled"),
    ("The minister will travel to Minas Tirith to meet the king.", "meet"),
    ("The minister travels to Minas Tirith next week to meet the king.", "meet"),
    ("Thousands of people in Edoras have come together to demand that the Rohan government resign.", "demand"),
])
def test_trip_and_planned_purpose_kept(code, text: str, word: str) -> None:
    assert word in _triggers(code, text)
