"""Targets the article fills or that paired the wrong parties: unnamed counterparts met where the
meeting is held are that country's government; co-hosts are one side, not each other's target;
the one praised for a reaction is its doer, not what it reacts to; a recipient is the verb's own
"to" phrase, not one nested deeper (coding/stages/targets.py rules "counterparts-in-place",
"act-owner", "group-given-to"; coding/stages/pairs.py ``_co_hosts``)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(code, text: str) -> list[dict]:
    return code(text, all_modalities=True)


def _targets(code, text: str) -> list[dict]:
    return [e["target"] for e in _events(code, text) if e["target"]]


@pytest.mark.parametrize("text, want", [
    ("In Accra, the American envoy will meet with government counterparts.", "GHAGOV"),
    ("While in Lima, the Canadian minister met his counterparts to discuss mining.", "PERGOV"),
    ("The American envoy will travel to Ghana to meet with senior officials.", "GHAGOV"),
    ("The Secretary will start her trip in Hanoi, where she will meet with officials.", "VNMGOV"),
])
def test_counterparts_met_abroad_are_that_countrys_government(code, text, want):
    targets = _targets(code, text)
    assert any(t["code"] == want for t in targets), targets


@pytest.mark.parametrize("text", [
    "In Ottawa, the Canadian minister met with officials on Monday.",
    "The Kenyan minister met with officials of the African Union in Nairobi.",
])
def test_counterparts_at_home_or_named_are_not_the_place(code, text):
    targets = _targets(code, text)
    assert not any(t["code"] in ("CANGOV", "KENGOV") and t["text"] == "officials" for t in targets), targets


@pytest.mark.parametrize("text, hosts", [
    ("Kenya and Norway will jointly host a virtual conference on ocean health next month.", {"KEN", "NOR"}),
    ("The United States and Rwanda hosted a meeting on regional security on Tuesday.", {"USA", "RWA"}),
    ("Chile and Spain co-host a summit on migration this week.", {"CHL", "ESP"}),
])
def test_co_hosts_are_not_each_others_targets(code, text, hosts):
    events = _events(code, text)
    assert not any((e["source"] or {}).get("code") in hosts and (e["target"] or {}).get("code") in hosts
                   for e in events), [(e["source"], e["target"]) for e in events]


def test_two_who_meet_are_still_each_others(code):
    events = _events(code, "Kenya and Norway met in Geneva on Monday to discuss ocean health.")
    pairs = {((e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in events}
    assert ("KEN", "NOR") in pairs or ("KENGOV", "NORGOV") in pairs, pairs


@pytest.mark.parametrize("text, doer, other", [
    ("The United States lauds Peru's condemnation of Iran's attack on Israel.", "PER", "ISR"),
    ("Canada praised Ghana's condemnation of the coup in Mali.", "GHA", "MLI"),
    ("The minister welcomed Chile's response to the attack on Argentina.", "CHL", "ARG"),
])
def test_the_one_praised_for_a_reaction_is_its_doer(code, text, doer, other):
    praise = [e for e in _events(code, text) if e["cameo"].startswith("05")]
    assert praise, _events(code, text)
    assert all((e["target"] or {}).get("code") == doer for e in praise), [e["target"] for e in praise]
    # (the doer's words, not the whole reaction's phrase naming the other party too)
    assert not any(other in (e["target"] or {}).get("code", "") or "'s" in e["target"]["text"] for e in praise), \
        [e["target"] for e in praise]


@pytest.mark.parametrize("text", [
    "The ministers will hold talks in Vienna regarding our responses to atrocities.",
    "The envoys held consultations in Oslo about the answers to complaints.",
])
def test_a_nested_to_phrase_names_no_recipient(code, text):
    targets = _targets(code, text)
    assert not any(t["text"] in ("atrocities", "complaints") for t in targets), targets


def test_a_group_given_to_is_still_the_target(code):
    targets = _targets(code, "The Kenyan government provided food aid to 500 families in the north.")
    assert any("families" in t["text"] for t in targets), targets


@pytest.mark.parametrize("text, want", [
    ("The Secretary conveyed his best wishes to Brazil for a safe and successful Rio Carnival Festival.", "Brazil"),
    ("The minister sent warm wishes to Kenya for a peaceful Nairobi Marathon and Half Marathon.", "Kenya"),
])
def test_a_target_name_stops_at_its_own_phrase(code, text, want):
    targets = _targets(code, text)
    assert targets and all(t["text"] == want for t in targets), targets


@pytest.mark.parametrize("text", [
    "The Canadian envoy will travel to Spain and Italy next week and join the Energy and Climate Forum meeting in Rome.",
    "The Kenyan minister will attend the Water and Sanitation Council summit in Geneva.",
])
def test_no_word_of_a_gatherings_name_and_no_trip_destination_is_a_partner(code, text):
    events = [e for e in _events(code, text) if e["trigger"]["text"] in ("join", "attend")]
    assert not any((e["target"] or {}).get("text") in ("Climate", "Sanitation", "Energy", "Water", "Spain", "Italy")
                   for e in events), [e["target"] for e in events]
