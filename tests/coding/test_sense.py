"""Word sense from context (coding/sense.py): violence verbs that tell no violence."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

VIOLENT = ("18", "19", "20")


@pytest.mark.parametrize("text", [
    "A tsunami killed 222 people on the coast on Saturday.",  # disaster
    "Floods hit parts of the northern province after torrential rains.",
    "Four children have died after eating poisoned food at a wedding.",  # unattributed harm
    "A storage bunker at the waste treatment plant exploded on Tuesday.",
    "The new sanctions target ten officials close to the president.",  # measure
    "A welder was killed on Friday when an explosion ripped through a paint warehouse.",  # struck-by-disaster
    "A library flattened by a gas plant explosion that devastated the suburb has reopened.",
    "Volunteers are helping with relief work in the flood hit areas of the province.",
    "Two workers were hurt as the boiler of a dye factory exploded.",
    "The envoys committed violations against the host country by meddling in its politics.",  # no violence
])
def test_no_violence(code, text):
    assert not [e for e in code(text) if e["cameo"][:2] in VIOLENT]


def test_a_measure_attacked_is_criticised(code):
    events = code("Opposition lawmakers attacked the government's budget on Wednesday.")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "attacked"] == ["111"]


@pytest.mark.parametrize("text", [
    "Three civilians were killed when gunmen opened fire on a bus.",
    "Two soldiers died in a roadside bomb attack near the border.",
    "The rebels attacked an army base near the capital.",
])
def test_violence_stays(code, text):
    assert [e for e in code(text) if e["cameo"][:2] in VIOLENT]


@pytest.mark.parametrize("text", [
    "Opposition lawmakers attacked the prime minister over his handling of the economy.",  # political sides
    "If you look at what I do, I attack the minister politically.",  # a figure of speech
])
def test_a_political_attack_is_criticism(code, text):
    events = [e for e in code(text) if e["trigger"]["text"] == "attack" or e["trigger"]["text"] == "attacked"]
    assert events and all(e["cameo"] == "111" for e in events)


def test_a_clash_with_rioters_is_violence(code):
    events = code("Rioters fought with police officers outside the parliament.")
    assert any(e["cameo"] == "190" and e["trigger"]["text"] == "fought" for e in events)


@pytest.mark.parametrize("text, cameo", [
    ("Protesters rallied in the capital on Sunday.", "141"),
    ("Thousands of students joined the protest against the new law.", "141"),
])
def test_rallying_and_joining_a_protest_is_demonstrating(code, text, cameo):
    assert cameo in {e["cameo"] for e in code(text)}


@pytest.mark.parametrize("text, cameo", [
    ("The rebels seized the town after two days of fighting.", "192"),  # taken-ground
    ("Government troops captured the airport on Monday.", "192"),
    ("Insurgents retook a strategic village from the army on Thursday.", "192"),  # verb data: RETAKE
    ("Army units have recovered control of three villages from the insurgents.", "192"),
    ("Security forces freed several villages from the militants on Wednesday.", "192"),
    ("A mob lynched a man accused of stealing cattle.", "1823"),
    ("Police fired teargas at the crowd outside parliament.", "175"),
    ("Police deployed tear gas against the marchers on Sunday.", "175"),
    ("Police dispersed the protesters outside the ministry.", "175"),
    ("Soldiers broke up the protest outside the army headquarters.", "175"),
    ("Police and military arrested four opposition members of parliament on Monday.", "173"),  # arrest-verb
    ("Government forces advanced to within four miles of the rebel stronghold on Sunday.", "190"),
    ("Riot police cleared the protesters from the square.", "175"),
])
def test_verbs_of_taking_ground_and_of_repression(code, text, cameo):
    assert cameo in [e["cameo"] for e in code(text)], code(text)


@pytest.mark.parametrize("text, cameo", [
    ("Police seized drugs in the city.", "192"),  # property, not ground
    ("Over a hundred people were arrested in five districts.", "192"),
    ("Volunteers distributed food to the crowd.", "175"),  # no dispersal
    ("The government allowed protests in the square.", "175"),
    ("A judge cleared the officer of all charges.", "175"),
])
def test_seizing_and_scattering_that_is_no_force(code, text, cameo):
    assert cameo not in [e["cameo"] for e in code(text)], code(text)
