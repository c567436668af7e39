"""Main events a reader codes that the coder missed (issue 20, "recall"): an intention, refusal or
decision noun's infinitive ("stated her intention to endorse"), the act of a resolution voted for
("voted in favor of a resolution condemning X"), and the act one is credited or blamed for
("commended X for voting ..."). Made-up sentences, real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by(events: list[dict], trigger: str) -> list[dict]:
    return [e for e in events if (e.get("trigger") or {}).get("text") == trigger]


def _side(ev: dict, role: str) -> str | None:
    return (ev.get(role) or {}).get("text")


@pytest.mark.parametrize("text, trigger, root, source", [
    ("Hungary reiterated its pledge to send aid to the flood victims in Romania.", "send", "03", "Hungary"),
    ("The minister announced a plan to expel the Ruritanian ambassador.", "expel", "1", "The minister"),
    ("Senator Vane has stated her intention to endorse one of her former rivals.", "endorse", "03", "Senator Vane"),
    ("Gondor reaffirmed its commitment to provide weapons to Rohan.", "provide", "03", "Gondor"),
    ("The prime minister confirmed his decision to withdraw the troops from Mali.", "withdraw", "08",
     "The prime minister"),
    ("Turkey repeated its refusal to meet the Syrian envoy.", "meet", "12", "Turkey"),
])
def test_an_intention_noun_codes_its_infinitive_for_its_owner(code, text, trigger, root, source):
    found = _by(code(text), trigger)
    assert found, code(text)
    ev = found[0]
    assert ev["cameo"].startswith(root)
    assert _side(ev, "source") == source


@pytest.mark.parametrize("text, trigger", [
    ("Iran has no intention to attack Israel.", "attack"),
    ("Mordor did not announce any plan to invade Gondor.", "invade"),
])
def test_an_intention_denied_is_no_event(code, text, trigger):
    assert not _by(code(text), trigger)


def test_a_purpose_of_the_intended_act_is_not_the_owners_act(code):
    events = code("We reaffirm our commitment to work to prevent future atrocities.")
    assert not _by(events, "prevent")


def test_someone_elses_plan_is_not_the_critics_intention(code):
    events = code("Russia criticized the plan to deploy missiles in Poland.")
    assert all(_side(e, "source") != "Russia" for e in _by(events, "deploy"))


@pytest.mark.parametrize("text, trigger, source, target_country", [
    ("Kenya voted for a resolution condemning Israel.", "condemning", "Kenya", "ISR"),
    ("Brazil voted in favor of a UN resolution criticizing Iran.", "criticizing", "Brazil", "IRN"),
    ("Chile joined 90 countries in voting in favor of the resolution condemning Russia's invasion.",
     "condemning", "Chile", "RUS"),
])
def test_voting_for_a_resolution_is_the_resolutions_act_by_the_voter(code, text, trigger, source, target_country):
    events = code(text)
    found = _by(events, trigger)
    assert found, events
    assert found[0]["cameo"].startswith("11")
    assert _side(found[0], "source") == source
    assert (found[0]["target"] or {}).get("code", "").startswith(target_country)
    assert not _by(events, "voted") and not _by(events, "voting")  # (the vote is the condemnation)


@pytest.mark.parametrize("text, trigger, source", [
    ("The Secretary commended Bahrain for voting in favor of the resolution condemning Russia's invasion.",
     "condemning", "Bahrain"),
    ("Police arrested ten activists for blocking a road to protest the war.", "protest", "ten activists"),
])
def test_the_one_credited_or_blamed_does_the_act(code, text, trigger, source):
    found = _by(code(text), trigger)
    assert found, code(text)
    assert _side(found[0], "source") == source
