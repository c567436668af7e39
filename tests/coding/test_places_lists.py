"""Places the gazetteer and the recogniser missed (issue #20, places): a country's official name
("the Kyrgyz Republic"), a list of countries ("to A, B, and C" is no "A inside B"), a capital the
recogniser took for a person ("met in Dakar"), a city written as the bare object of "travel", and
an international body at a summit the lead set somewhere. Made-up sentences."""
from __future__ import annotations

import pytest

from newsevents.nlp.places import Gazetteer


def _country(ev):
    return (ev["location"] or {}).get("country") if ev["location"] else None


def _by_trigger(events, word):
    return [e for e in events if e["trigger"]["text"] == word]


@pytest.mark.parametrize("name, iso3", [
    ("Kyrgyz Republic", "KGZ"),
    ("the Slovak Republic", "SVK"),
    ("Hellenic Republic", "GRC"),
    ("Republic of Korea", "KOR"),
    ("Federal Republic of Nigeria", "NGA"),
])
def test_a_countrys_official_name_is_the_country(name, iso3):
    gaz = Gazetteer.default()
    assert gaz.kind(name) == "C" and gaz.country_code(name) == iso3


@pytest.mark.parametrize("text, trigger, iso3", [
    ("The envoy will lead a delegation to Kyrgyz Republic, Uzbekistan, and Kazakhstan next week.", "lead", "KGZ"),
    ("The minister will visit the Slovak Republic, Austria and Hungary in May.", "visit", "SVK"),
    ("The secretary travelled to the Hellenic Republic, Bulgaria, and Romania last week.", "travelled", "GRC"),
])
def test_a_list_of_countries_is_no_place_inside_another(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    ("The foreign ministers met in Dakar on Monday.", "met", "SEN"),
    ("The two presidents held talks in Bamako on Tuesday.", "held", "MLI"),
    ("The envoy met opposition leaders in Ouagadougou last week.", "met", "BFA"),
])
def test_a_capital_taken_for_a_person_is_a_place(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    ("The ambassador visited Kazakhstan on Monday.\nThe ambassador will then travel Bishkek to meet officials.",
     "travel", "KGZ"),
    ("The minister toured Chile last week.\nThe minister will then travel Lima, where she will sign a deal.",
     "travel", "PER"),
])
def test_a_city_after_travel_without_to_is_the_destination(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


def test_an_international_body_at_the_summit_takes_its_place(code):
    events = code("Leaders of African Union member states met in Niamey for a summit on Sunday.\n\n"
                  "The African Union announced a new payment system.")
    found = _by_trigger(events, "announced")
    assert found and all(_country(e) == "NER" for e in found), [(e["location"], e["trace"]) for e in found]


def test_a_body_that_was_not_at_the_summit_takes_no_place(code):
    events = code("Leaders of African Union member states met in Niamey for a summit on Sunday.\n\n"
                  "The International Monetary Fund announced a new loan programme.")
    found = _by_trigger(events, "announced")
    assert all(_country(e) != "NER" for e in found), [(e["location"], e["trace"]) for e in found]


DEBATE = ("The first debate was held in Denver on Monday.\n"
          "At the debate, Senator Ann Lowe criticized the tariffs. Governor Ben Marsh praised the farmers.\n"
          "{next}")


@pytest.mark.parametrize("next_paragraph, trigger", [
    ("Lowe accused the governor of lying about jobs. Marsh rejected the claim.", "accused"),
    ("Lowe accused the governor of lying about jobs. Marsh rejected the claim.", "rejected"),
    ("Marsh rejected the tariffs. Lowe criticized the plan as costly.", "criticized"),
])
def test_a_gatherings_place_holds_for_its_participants_in_later_paragraphs(code, next_paragraph, trigger):
    found = _by_trigger(code(DEBATE.format(next=next_paragraph)), trigger)
    assert found and all(_country(e) == "USA" for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("next_paragraph, trigger", [
    # a paragraph about others: the story moved on
    ("The central bank criticized the tariffs. The finance ministry praised the exporters.", "criticized"),
    # a place set somewhere else
    ("Lowe flew to Paris on Tuesday. Marsh accused her of abandoning the campaign.", "accused"),
])
def test_a_gatherings_place_ends_with_the_story(code, next_paragraph, trigger):
    events = code(DEBATE.format(next=next_paragraph))
    found = [e for e in _by_trigger(events, trigger) if e["sentence_index"] >= 3]
    assert all(_country(e) != "USA" or "where:gathering" not in e["trace"] for e in found), \
        [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    ("On Monday in Peru's National Congress, President Ana Ruiz announced a new budget.", "announced", "PER"),
    ("Hundreds of protesters gathered outside Kenya's parliament building on Tuesday.", "gathered", "KEN"),
    ("Students protested at Chile's main university campus on Friday.", "protested", "CHL"),
])
def test_a_site_a_place_owns_sets_the_act_there(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


def test_what_a_place_has_in_the_abstract_is_no_site(code):
    found = _by_trigger(code("The minister said talks were in Peru's interest."), "said")
    assert all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]
