"""The wrong kind of event, or none (issue #20): words of a name, helping, wishes, positions,
oaths, rulings and people named by a protest (coding/sense.py, coding/clauses.py, the verb data)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, trigger):
    return [e for e in events if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    # a capitalised verb inside a name (clauses.inside_name)
    ("The Committee to Protect Reporters said on Monday that two reporters were killed in Gondor.", "Protect"),
    ("The Office to Monitor and Combat Smuggling released its annual report on Tuesday.", "Combat"),
    ("The assets were frozen under the order \"Blocking Property of Persons Undermining Peace in Gondor.\"", "Blocking"),
    # helping with a verb of its own and no one helped (sense helped-act)
    ("Ambassador Lee helped broker an agreement between Gondor and Rohan in March.", "helped"),
    ("Gondor helped to host the naval exercise last year.", "helped"),
    ("The new fund helped catalyze investment in the region.", "helped"),
    # stance on a policy (sense stance-gerund)
    ("Senator Grey favored expanding trade with Gondor during the debate.", "expanding"),
    ("Grey opposed ending the aid programme for Rohan.", "ending"),
    # an oath of office, a ruling (verb data)
    ("Mark Stone was sworn in as Gondor's new president on Friday.", "sworn"),
    ("The chief justice swore her in at a ceremony in the capital.", "swore"),
    ("The high court ruled on Monday that the decree was unlawful.", "ruled"),
])
def test_no_event_of_that_word(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


@pytest.mark.parametrize("text", [
    "The minister said she hopes that the Rohan envoy will come back and will engage with the courts.",
    "We hope that Gondor will respond positively to the offer of talks.",
    "The rebels want foreign troops to leave the valley.",
])
def test_what_is_wished_of_another_did_not_happen(code, text):
    wished = [e for e in code(text) if e["trigger"]["text"] in ("engage", "respond", "leave")]
    assert not wished, wished


def test_ones_own_hope_to_act_is_an_intent(code):
    events = _on(code("Gondor hopes to meet Rohan's leaders next week."), "meet")
    assert events and all(e["modality"] == "intended" for e in events), events


@pytest.mark.parametrize("text", [
    "The officials led arrests of journalists and peaceful protesters in Gondor.",
    "Gondor's judges have sentenced over 300 protesters to long prison terms.",
    "The regime has condemned hundreds of protesters to decades in prison.",
    "The government continues to hold in detention more than 200 protesters.",
    "The ministers led the arrests and trials of peaceful protesters, reporters, and opposition figures.",
])
def test_protesters_punished_are_no_protest(code, text):
    assert not [e for e in code(text) if e["cameo"][:2] == "14"], code(text)


@pytest.mark.parametrize("text, trigger, root", [
    ("Police fired tear gas at protesters in the capital on Monday.", "protesters", "14"),  # met with force
    ("The United States helps Panama attract more investment.", "helps", "07"),  # whom the help is for
    ("Gondor agreed to help with the investigation.", "help", "03"),
    ("Gondor spent two billion dollars last year on helping to resettle refugees from Rohan.", "helping", "07"),
    ("The court ruled against the government's plan on Tuesday.", "ruled", "12"),
    ("The rebels swore that the army had shelled the village.", "swore", "11"),
    ("Senator Grey favored expanding trade with Gondor during the debate.", "favored", "05"),
])
def test_the_act_stays(code, text, trigger, root):
    assert any(e["cameo"][:2] == root for e in _on(code(text), trigger)), code(text)


@pytest.mark.parametrize("text, trigger", [
    ("The fund has helped bring forty smugglers to justice since its inception in 2001.", "helped"),
    # authorizing, enabling: no yielding (verb data)
    ("The Department authorized the departure of non-emergency staff from its embassy in the capital.", "authorized"),
    ("The new law enabled the regime to tighten its grip on the press.", "enabled"),
])
def test_no_event_of_that_kind(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


@pytest.mark.parametrize("text, trigger, root", [
    ("The authorities have detained seven union leaders since December.", "detained", "17"),
    ("The United States has provided $5 million in aid to Gondor this week.", "provided", "07"),
    ("The United States authorized a drawdown of weapons for Ukraine.", "authorized", "07"),
    ("Rohan agreed to allow grain exports from Gondor's ports.", "allow", "03"),
    ("The government authorized remittances to independent entrepreneurs in Gondor.", "authorized", "08"),
])
def test_that_kind_stays(code, text, trigger, root):
    assert any(e["cameo"][:2] == root for e in _on(code(text), trigger)), code(text)


@pytest.mark.parametrize("text, trigger", [
    ("The board will review the facts and circumstances surrounding the murder of the consul.", "surrounding"),
    ("The ministry offers a reward for information leading to the arrest of the smugglers.", "leading"),
])
def test_what_a_matter_is_about_is_no_act(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


def test_troops_surrounding_a_town_stay(code):
    assert any(e["cameo"][:2] == "19" for e in code("Rebel troops surrounding the town shelled it overnight."))


@pytest.mark.parametrize("text", [
    "Police detained dozens of protesters during a rally against the new tax in the capital.",
    "Heavy clashes broke out between police and protesters outside the parliament on Sunday.",
])
def test_protesters_at_a_protest_told_stay(code, text):
    assert any(e["cameo"][:2] == "14" for e in code(text)), code(text)


def test_a_list_of_kinds_of_people_is_no_protest(code):
    events = code("We honour the human rights defenders, journalists, labor organizers and peaceful protesters of Gondor.")
    assert not [e for e in events if e["cameo"][:2] == "14"], events
