"""A gathering held or attended is no target, nor a source's own title or name set beside it
(coding/stages/targets.py ``_gathering``, pairs.py ``_one_person``)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _targets(code, text: str) -> list[str]:
    return [e["target"]["text"] for e in code(text, all_modalities=True) if e["target"]]


def test_a_ministerial_attended_is_no_target(code):
    targets = _targets(code, "The Kenyan trade minister will attend the Nairobi Energy Ministerial on May 3.")
    assert not any("Ministerial" in t for t in targets), targets


def test_a_summit_hosted_is_no_target(code):
    targets = _targets(code, "Kenya and Uganda will jointly host a virtual water summit on July 9.")
    assert not any("summit" in t for t in targets), targets


def test_a_body_addressed_still_is(code):
    events = code("The Kenyan president addressed the UN General Assembly on Tuesday.", all_modalities=True)
    assert any(e["target"] and e["target"]["code"] == "IGOUNO" for e in events), events


def test_a_title_and_its_name_are_not_each_others_target(code):
    events = code("Deputy Minister for Coastal Affairs, Anna B. Tembo, will travel to Kenya and Uganda next week.",
                  all_modalities=True)
    pairs = {((e["source"] or {}).get("text"), (e["target"] or {}).get("text")) for e in events}
    assert not any(s and t and ("Tembo" in s) != ("Tembo" in t) and "Minister" in s + t for s, t in pairs), pairs


def test_a_name_inside_a_memorials_name_is_no_target(code):
    targets = _targets(code, "The Kenyan and Ugandan foreign ministers met today in Nairobi at the Memorial to "
                             "the Fallen Workers of Africa to open a new dialogue.")
    assert not any("Fallen Workers" in t for t in targets), targets
