"""The target is a party acted on: never where a meeting is held, never a building's name, never
the source's own country owning its own commitment; unnamed people "of his country" are the
source's (coding/stages/targets.py ``_meeting_venue``, ``_named_site``, ``TargetQuery.sources_own``,
``_of_sources_country``)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _targets(code, text: str) -> list[dict]:
    return [e["target"] for e in code(text, all_modalities=True) if e["target"]]


@pytest.mark.parametrize("text", [
    "Leaders of the East African Community member states met in Arusha on Friday.",
    "The Kenyan foreign minister will hold talks in Doha on Monday.",
    "In Lusaka, the Kenyan envoy will meet with regional counterparts to discuss trade.",
    "The Kenyan and Ugandan trade ministers discussed fisheries in Kampala on Tuesday.",
])
def test_where_a_meeting_is_held_is_no_target(code, text):
    targets = _targets(code, text)
    assert not any(t["text"] in ("Arusha", "Doha", "Lusaka", "Kampala") for t in targets), targets


@pytest.mark.parametrize("text, place", [
    ("The Kenyan foreign minister arrived in Doha on Monday.", "Doha"),
    ("The Kenyan foreign minister will travel to Lusaka next week.", "Lusaka"),
])
def test_where_a_trip_goes_still_is(code, text, place):
    assert any(t["text"] == place for t in _targets(code, text))


def test_the_one_met_still_is_where_the_place_is_named(code):
    targets = _targets(code, "The Peruvian president met the Chilean envoy in Lima on Monday.")
    assert any(t["code"] == "CHLGOV" for t in targets), targets


@pytest.mark.parametrize("text", [
    "The Kenyan president spoke at the Museum of the Ugandan People on Monday.",
    "The Peruvian president spoke on Monday at the Monument to the Fallen Soldiers of Chile.",
])
def test_a_named_building_is_no_target(code, text):
    targets = _targets(code, text)
    assert not any("Monument" in t["text"] or "Museum" in t["text"] for t in targets), targets


@pytest.mark.parametrize("text, country", [
    ("The prime minister of Peru apologised to the people of his country for the delays.", "PER"),
    ("The Chilean president thanked the citizens of her nation for their patience.", "CHL"),
])
def test_people_of_the_sources_own_country(code, text, country):
    targets = _targets(code, text)
    assert targets and all(t["code"] and t["code"].startswith(country) for t in targets), targets


@pytest.mark.parametrize("text", [
    "Secretary Austin arrived in Manila on Monday. The Secretary reaffirmed the United States’ commitment "
    "to regional stability.",
    "Secretary Austin arrived in Manila on Monday. The Secretary stressed the United States’ continued support.",
])
def test_the_sources_own_country_owning_its_commitment_is_no_target(code, text):
    targets = _targets(code, text)
    assert not any("United States" in t["text"] for t in targets), targets


def test_what_the_sources_country_supports_still_is(code):
    targets = _targets(code, "Secretary Austin arrived in Tokyo on Monday. The Secretary stressed the United "
                             "States’ enduring support for the Philippines.")
    assert any(t["code"] == "PHL" for t in targets), targets
