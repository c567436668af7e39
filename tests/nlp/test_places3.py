"""The place of the act, not a place mentioned in it (issue #20, places3): an act said at a distance
(praise, thanks, criticism, a statement, an appeal, a pledge) is not set where the things it is
about are; a country's own standing word takes no earlier sentence's place; a capital or region
the recogniser took for an organisation is still the place of a visit. Made-up sentences."""
from __future__ import annotations

import pytest

from newsevents.coding.events import said_mode


def _country(ev):
    return (ev["location"] or {}).get("country") if ev["location"] else None


def _by_trigger(events, word):
    return [e for e in events if e["trigger"]["text"] == word]


@pytest.mark.parametrize("cameo, mode", [
    ("051", "objects"), ("0511", "objects"), ("111", "objects"), ("056", "objects"),
    ("010", "clauses"), ("020", "clauses"), ("033", "clauses"),
    ("036", None), ("040", None), ("173", None), ("120", None), ("190", None),
])
def test_how_an_act_is_said(cameo, mode):
    assert said_mode(cameo) == mode


@pytest.mark.parametrize("text, trigger", [
    # the object's own phrase: where the praised are
    ("The minister commended the consular staff in Yerevan for their dedication.", "commended"),
    ("The senator praised the nurses in Lagos for their courage.", "praised"),
    ("The minister commended the volunteers in Accra for their tireless service.", "commended"),
    # the reason of thanks or praise
    ("Secretary Smith thanked Foreign Minister Dlamini for hosting a successful summit in Pretoria.", "thanked"),
    ("Secretary Blinken thanked Foreign Minister Mendes for Portugal's support to refugees arriving in Lisbon.",
     "thanked"),
    # a gathering the act is about, not at
    ("Secretary Smith thanked Foreign Minister Dlamini for hosting a successful meeting in Pretoria.", "thanked"),
    ("The Deputy Secretary expressed her hope for a successful summit in Riga.", "expressed"),
    # what an appeal asks for
    ("The envoy called for an end to the fighting in Marib.", "called"),
    # a clause on a noun of what is said
    ("The Under Secretary thanked the volunteers for their work and listened to stories of refugees "
     "starting new lives in Canada.", "thanked"),
])
def test_a_place_in_what_a_said_act_is_about_is_not_its_place(code, text, trigger):
    found = _by_trigger(code(text), trigger)
    assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    ("The president said in Nairobi that elections would be held in June.", "said", "KEN"),
    ("The president, speaking in Nairobi, urged lawmakers to pass the bill.", "urged", "KEN"),
    ("The foreign minister criticized the plan at a news conference in Madrid.", "criticized", "ESP"),
    ("In Warsaw, the minister thanked Poland for welcoming refugees.", "thanked", "POL"),
    ("The minister, who arrived in Baku on Tuesday, called for a ceasefire.", "called", "AZE"),
    ("The Secretary praised the reforms during a visit to Tbilisi on Monday.", "praised", "GEO"),
    # (a gathering it is said at, wherever the parser hung it)
    ("The minister called for more aid at a summit in Lima.", "called", "PER"),
    # (a clause on the gathering it is said at tells where it is)
    ("More than a million people attended a funeral procession, which took place in Tehran on Monday.",
     "attended", "IRN"),
])
def test_the_said_acts_own_place_stays(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger", [
    ("Fighting in several provinces of Mali has displaced thousands.\n"
     "The United States remains committed to helping Mali find a path to peace.", "remains"),
    ("The hardening of ethnic divisions in many parts of Kenya threatens the country's unity. "
     "The United States stands ready to help Kenya address these challenges.", "help"),
    ("Clashes in the north of Chad killed dozens last week. Canada calls on all parties to return to talks.",
     "calls"),
])
def test_a_countrys_own_word_takes_no_earlier_place(code, text, trigger):
    found = _by_trigger(code(text), trigger)
    assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger, iso3", [
    # (a country told inside its envoy's words is the envoy's, who is at the meeting)
    ("The Secretary met the Secretary-General in New York on Monday. "
     "The Secretary affirmed the United States looks forward to partnering with the UN.", "looks", "USA"),
    # (a person's pledge on a visit is made there)
    ("Blinken arrived in Kyiv on Monday. He pledged more support for Ukraine.", "pledged", "UKR"),
])
def test_an_envoys_word_keeps_the_visits_place(code, text, trigger, iso3):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == iso3 for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.mark.parametrize("text, trigger", [
    ("Deputy Secretary Sherman met Foreign Minister Battsetseg during her visit to Ulaanbaatar on Monday.", "met"),
    ("The Deputy Secretary visited Ulaanbaatar on Monday.", "visited"),
    ("The Deputy Secretary visited Ulaanbaatar on Monday. "
     "The Deputy Secretary also visited the Gandan Monastery and learned about Mongolian script.", "visited"),
])
def test_a_capital_district_taken_for_an_organisation_is_the_visits_place(code, text, trigger):
    found = _by_trigger(code(text), trigger)
    assert found and all(_country(e) == "MNG" for e in found), [(e["location"], e["trace"]) for e in found]


@pytest.fixture(scope="module")
def released(coder):
    """code(text) as a government's release: its "we" is the publisher."""
    from newsevents.models import Article

    def _code(text: str) -> list[dict]:
        art = Article(id="t", text=text, published="2021-02-05", source="U.S. Department of State")
        return [e.to_dict() for e in coder.code_article(art)]

    return _code


@pytest.mark.parametrize("text, trigger", [
    ("Fighting in the north of Ethiopia has displaced thousands. We call on all armed actors to end the violence.",
     "end"),
    ("Floods in southern Pakistan destroyed thousands of homes. We urge donors to support the people of Pakistan.",
     "support"),
])
def test_the_publishers_own_we_takes_no_earlier_place(released, text, trigger):
    found = _by_trigger(released(text), trigger)
    assert found and all(e["location"] is None for e in found), [(e["location"], e["trace"]) for e in found]
