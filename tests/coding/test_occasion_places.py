"""Where an act happened when the article set the gathering it happened at before (issue #20,
places): "At the debate, Smith said ..." takes the place the article gave the debate; a country
that is only the topic of a statement is not its place; a continent is no place; the place of a
gathering goes on in the sentences of its paragraph. Made-up sentences."""
from __future__ import annotations

import pytest


def _country(ev):
    return (ev["location"] or {}).get("country") if ev["location"] else None


def _by_trigger(events, word):
    return [e for e in events if e["trigger"]["text"] == word]


@pytest.mark.parametrize("text, trigger, iso3", [
    # the gathering as the subject of a verb that sets it somewhere
    ("The second presidential debate was held in Denver on Monday.\n"
     "At the debate, Senator Smith said that taxes must fall.", "said", "USA"),
    # a clause on the gathering's noun
    ("Eight candidates attended the first debate, hosted in Lyon by a civic group.\n"
     "During the debate, Martin criticized the government.", "criticized", "FRA"),
    # the gathering as the purpose of a verb that sets its doers somewhere
    ("Leaders of the region met in Accra for a summit on Sunday.\n"
     "At the opening of the summit, President Mensah said trade must grow.", "said", "GHA"),
    # the gathering named with its place
    ("Ministers gathered for the summit in Nairobi on Friday.\n"
     "On the sidelines of the summit, the Ugandan minister criticized the plan.", "criticized", "KEN"),
    # a gathering opened
    ("The last debate of the campaign took place in Porto on Tuesday.\n"
     "In opening the debate, Silva accused the prime minister of lying.", "accused", "PRT"),
    # a meeting held by a verb
    ("The envoy met the foreign minister in Amman on Monday.\n"
     "In the meeting, the envoy praised the kingdom's support for refugees.", "praised", "JOR"),
])
def test_an_act_at_a_gathering_takes_the_place_the_article_gave_it(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


def test_a_gathering_never_set_anywhere_gives_no_place(code):
    events = code("The candidates prepared for weeks.\nAt the debate, Senator Smith criticized the governor.")
    found = _by_trigger(events, "criticized")
    assert found and all(e["location"] is None for e in found), [e["location"] for e in found]


def test_the_gathering_goes_on_in_its_paragraph(code):
    events = code("The debate was held in Denver on Monday.\n"
                  "At the debate, Jones criticized the president. Brown praised the governor.")
    praised = _by_trigger(events, "praised")
    assert praised and all(_country(e) == "USA" for e in praised), [e["location"] for e in praised]


@pytest.mark.parametrize("text, trigger", [
    ("The two ministers strongly condemned the invasion into Ukraine as a violation of law.\n"
     "They expressed support for the people of Ukraine.", "condemned"),
    ("The two ministers condemned the invasion into Ukraine. They praised the courage of its people.", "praised"),
    ("The ministers discussed strengthening trade, preparations for the summit in Lima, "
     "and the need to stand against the war in Ukraine.", "discussed"),
])
def test_a_country_only_talked_about_is_not_where_it_is_said(code, text, trigger):
    found = _by_trigger(code(text), trigger)
    assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger", [
    ("While many payments in Africa use dollars, the African Union announced a new payment system.", "announced"),
    ("The commission praised the recovery of trade in Europe.", "praised"),
])
def test_a_continent_is_no_place(code, text, trigger):
    found = _by_trigger(code(text), trigger)
    assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]


def test_a_continent_gives_way_to_a_city(code):
    events = code("While trade in Africa grows slowly, the ministers met in Nairobi on Monday.")
    met = _by_trigger(events, "met")
    assert met and all(_country(e) == "KEN" for e in met), [e["location"] for e in met]


@pytest.mark.parametrize("text", [
    "Under Secretary Brandt will then travel on March 23 to Tunis where she will meet with senior government "
    "officials to discuss reforms.",
    "Under Secretary Brandt will travel on May 2 to Tunis where she will meet with senior government officials.",
])
def test_a_city_read_as_part_of_a_date_is_still_the_place(code, text):
    met = _by_trigger(code(text), "meet")
    assert met and all(e["location"] is not None and e["location"]["name"] == "Tunis" for e in met), \
        [e["location"] for e in met]


def test_a_delegation_led_to_a_city_is_set_there(code):
    events = code("Deputy Secretary Lee led a delegation to Phnom Penh on Tuesday. "
                  "In a meeting with Prime Minister Vann, Deputy Secretary Lee stressed the commitment of the "
                  "United States to the people of Cambodia.")
    stressed = _by_trigger(events, "stressed")
    assert stressed and all(_country(e) == "KHM" for e in stressed), [e["location"] for e in stressed]
