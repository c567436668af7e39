"""Targets a careful coder names: the owner of the thing an attitude is about, the other party of a
thing named for two countries, and never the medium something is said on
(coding/stages/owners.py: rules ``target:thing-owner``, ``target:pair-name``; ``is_medium``,
``without_medium``; pairs.py ``_own_side_of_pair``)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(code, text: str) -> list[dict]:
    return code(text, all_modalities=True)


def _codes(code, text: str, trigger: str) -> list[str | None]:
    return [(e["target"] or {}).get("code") for e in _events(code, text) if e["trigger"]["text"] == trigger]


# -- the owner of what is welcomed, rejected or criticised ------------------------------------

@pytest.mark.parametrize("text, trigger, owner", [
    ("The Kenyan president rejected Uganda's proposal to close the border.", "rejected", "UGA"),
    ("The Kenyan government welcomed the report by the World Health Organization on cholera.", "welcomed",
     "IGOUNOHLHWHO"),
    ("Kenya welcomes the publication today of a report by the World Health Organization urging governments "
     "to act.", "welcomes", "IGOUNOHLHWHO"),
    ("Germany criticized the plan announced by the Russian government.", "criticized", "RUSGOV"),
    ("The Kenyan minister praised the efforts of the Ugandan government to end the fighting.", "praised", "UGAGOV"),
    ("The Kenyan president welcomed the progress of the talks facilitated by Ethiopia.", "welcomed", "ETH"),
    ("The Kenyan president praised Uganda's efforts to end the conflict.", "praised", "UGA"),
])
def test_the_owner_of_the_thing_is_the_target(code, text, trigger, owner):
    codes = _codes(code, text, trigger)
    assert owner in codes, (codes, text)


def test_each_facilitator_of_a_process_is_a_target(code):
    codes = _codes(code, "The Kenyan minister welcomed the progress of the process facilitated by Ethiopia, "
                         "Uganda and Tanzania.", "welcomed")
    assert {"ETH", "UGA", "TZA"} <= set(codes), codes


@pytest.mark.parametrize("text, trigger", [
    ("The Kenyan minister reaffirmed Kenya's commitment to the peace process.", "reaffirmed"),
    ("Kenya welcomed its own report on the drought.", "welcomed"),
])
def test_the_sources_own_thing_has_no_owner_target(code, text, trigger):
    codes = _codes(code, text, trigger)
    assert "KEN" not in codes, codes


# -- a thing named for two countries --------------------------------------------------------

@pytest.mark.parametrize("text, trigger, other", [
    ("The Kenyan foreign minister will lead the Kenyan delegation to the Kenya-Uganda Strategic Dialogue "
     "next week.", "lead", "UGAGOV"),
    ("The Kenyan foreign minister emphasized the enduring partnership between Kenya and Uganda.", "emphasized",
     "UGAGOV"),
    ("The Kenyan foreign minister emphasized the enduring Kenya-Uganda partnership.", "emphasized", "UGAGOV"),
])
def test_the_other_country_of_a_pair_is_the_target(code, text, trigger, other):
    codes = _codes(code, text, trigger)
    assert codes and set(codes) == {other}, (codes, text)


def test_two_sources_of_the_pairs_countries_each_have_the_other(code):
    events = _events(code, "The Kenyan foreign minister and the Ugandan foreign minister emphasized the "
                           "enduring partnership between Kenya and Uganda.")
    pairs = {((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
             for e in events if e["trigger"]["text"] == "emphasized"}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}, pairs


# -- the medium is no party -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Kenyan president lashed out at Ugandan President Yoweri Museveni on Twitter, accusing him of lying.",
    "The Kenyan president criticized Ugandan President Yoweri Museveni on Facebook.",
    "Via Telegram, the Kenyan president criticized Ugandan President Yoweri Museveni.",
])
def test_a_platform_is_no_target(code, text):
    targets = [e["target"] for e in _events(code, text) if e["target"]]
    assert not any(p in t["text"] for t in targets for p in ("Twitter", "Facebook", "Telegram")), targets
    assert any(t["code"] == "UGAGOV" for t in targets), targets


@pytest.mark.parametrize("text, trigger, party", [
    ("The Kenyan president thanked Ugandan Foreign Minister Jane Okello for Tanzania's strong response.", "thanked",
     "UGAGOV"),
    ("The Kenyan government applauds the Government of Uganda for its role in the talks.", "applauds", "UGAGOV"),
])
def test_a_party_acted_on_stays_the_target(code, text, trigger, party):
    codes = _codes(code, text, trigger)
    assert party in codes and "TZA" not in codes, codes


def test_support_given_to_another_is_aimed_at_it(code):
    codes = _codes(code, "The Kenyan and Ugandan ministers reaffirmed the East African Community's strong support "
                         "for ASEAN.", "reaffirmed")
    assert "IGOEAFEAC" not in codes, codes


def test_a_person_welcomed_to_a_pair_dialogue_stays_the_target(code):
    events = _events(code, "The Kenyan president will welcome Ugandan Foreign Minister Jane Okello to Nairobi for "
                           "the Kenya-Uganda Strategic Dialogue.")
    targets = [e["target"]["text"] for e in events if e["trigger"]["text"] == "welcome" and e["target"]]
    assert any("Okello" in t for t in targets), targets


def test_co_hosts_of_a_pair_dialogue_are_not_each_others_guests(code):
    events = _events(code, "On Monday, Kenya and Uganda hosted the Kenya-Uganda Health Dialogue in Nairobi.")
    pairs = {((e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in events}
    assert not any(s and t and s[:3] == t[:3] for s, t in pairs), pairs
