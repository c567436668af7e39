"""A gathering's participants (issue #20, places4): the people an article says took part in a
debate or forum make their later statements where the article set the gathering, in the
paragraphs that go on telling it; a statement of someone not named as taking part, or after the
story moved elsewhere, keeps none. Made-up articles."""
from __future__ import annotations

import pytest


def _country(ev):
    return (ev["location"] or {}).get("country") if ev["location"] else None


def _by_trigger(events, word):
    return [e for e in events if e["trigger"]["text"] == word]


_DEBATE = (
    "The Gondor Forum held two debates in May. {named}\n\n"
    "At the first debate, held May 8 in {city}, the candidates received ten questions on trade.\n\n"
    "In opening, Brown said climate change must be addressed. Smith criticized the trade deal. "
    "Green called for lower taxes."
)


@pytest.mark.parametrize("named, city, iso3", [
    ("Those who took part were: Liberal Party nominee Jo Smith, Green Party nominee Ann Brown, and "
     "independent candidate Tom Green.", "Denver, Colorado", "USA"),
    ("Candidates Jo Smith, Ann Brown and Tom Green participated.", "Lyon, France", "FRA"),
    ("The participants were Jo Smith of the Liberal Party, Ann Brown of the Greens and Tom Green, "
     "an independent.", "Nairobi, Kenya", "KEN"),
])
@pytest.mark.parametrize("trigger", ["said", "criticized", "called"])
def test_those_said_to_take_part_speak_at_the_gathering(code, named, city, iso3, trigger):
    found = _by_trigger(code(_DEBATE.format(named=named, city=city)), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


def test_with_no_one_said_to_take_part_the_statements_keep_none(code):
    text = _DEBATE.format(named="Jo Smith, Ann Brown and Tom Green are running for mayor.", city="Lyon, France")
    for trigger in ("said", "criticized", "called"):
        found = _by_trigger(code(text), trigger)
        assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]


def test_a_new_place_ends_the_gathering(code):
    text = ("Those who took part were Jo Smith, Ann Brown and Tom Green.\n\n"
            "At the debate, held in Lyon, France, the candidates received ten questions.\n\n"
            "Brown later met voters in Berlin. Smith criticized the trade deal.")
    found = _by_trigger(code(text), "criticized")
    assert found and all(_country(e) != "FRA" for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    ("The air force carried out the airstrike at Baghdad International Airport.", "airstrike", "IRQ"),
    ("Troops bombed the runway at the Damascus International Airport.", "bombed", "SYR"),
    ("Gunmen opened fire at Kabul International Airport on Monday.", "opened", "AFG"),
])
def test_an_act_at_an_airport_named_after_its_city_is_in_that_city(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


def test_an_airport_named_for_a_person_gives_no_city(code):
    found = _by_trigger(code("Gunmen opened fire at John Smith International Airport on Monday."), "opened")
    assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    ("On Thursday, American forces killed General Ithil, head of Gondor's army, in an airstrike. "
     "The army called it self-defence.\n\nThe air force carried out the airstrike at Baghdad International "
     "Airport.", "killed", "IRQ"),
    ("Rebels shot dead three soldiers in an ambush on Monday. Officials condemned the killings.\n\n"
     "The rebels staged the ambush in Herat, officials said.", "shot", "AFG"),
])
def test_the_lead_act_takes_the_place_given_to_its_own_noun(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


def test_an_act_not_naming_the_placed_noun_keeps_none(code):
    text = ("On Thursday, rebels killed two soldiers near the border. The army vowed revenge.\n\n"
            "An airstrike at Baghdad International Airport killed a colonel.")
    found = _by_trigger(code(text), "killed")
    first = [e for e in found if e["sentence_index"] == 0]
    assert first and all(e["location"] is None for e in first), [(e["location"], e["trace"]) for e in first]
