"""The doer of the act is the source (issue "Real news", task sources3): a clause outside a
quotation is not done by the quotation's subject; one person named with a title is one source;
the subjects of a one-way act done through their own bond act on each other."""
from __future__ import annotations

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow


def _events(coder, text: str) -> list[dict]:
    art = Article(id="t", text=text, published="2024-01-10")
    return [e.to_dict() for e in coder.code_article(art)]


def _of(events: list[dict], trigger: str) -> list[dict]:
    return [e for e in events if e["trigger"] and e["trigger"]["text"] == trigger]


# -- a clause outside a quotation is not the quotation's subject's -------------------------------

@pytest.mark.parametrize("text,trigger,speaker", [
    ('The militias shelled the port on Sunday. "They have to stop the shelling," the Rohan foreign '
     'minister said on Monday, while visiting the border.', "visiting", "the Rohan foreign minister"),
    ('The rebels burned two villages. The governor said, "They will pay for this", while visiting the '
     'province on Tuesday.', "visiting", "The governor"),
    ('Rebel fighters blocked the highway. "They must open the road now," the interior minister said, '
     'while addressing reporters in the capital.', "addressing", "the interior minister"),
])
def test_a_clause_outside_the_quotation_is_the_speakers(coder, text, trigger, speaker):
    found = _of(_events(coder, text), trigger)
    assert found, text
    for e in found:
        assert e["source"] and e["source"]["text"] == speaker, e


def test_the_quoted_clause_keeps_its_own_subject(coder):
    # (inside the quotation nothing changes: its own words say who)
    found = _of(_events(coder, 'The minister said, "We will meet the envoy on Friday."'), "meet")
    assert all(e["source"] is None or "envoy" not in e["source"]["text"] for e in found)


# -- one person named with a title is one source ------------------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("The Foreign Minister of Chad, Ali Mahamat, condemned the bombing on Monday.", "condemned"),
    ("The Vice President, Mark Dunmore, said on Friday the country faces a crisis.", "said"),
    ("Chad's interior minister, Idriss Kaba, criticized the decision on Tuesday.", "criticized"),
])
def test_a_name_beside_its_title_is_one_source(coder, text, trigger):
    found = _of(_events(coder, text), trigger)
    assert len(found) == 1, found


def test_a_list_of_countries_keeps_each_country(coder):
    found = _of(_events(coder, "Canada, Norway, and Japan welcomed the ceasefire on Tuesday."), "welcomed")
    codes = {e["source"]["code"] for e in found if e["source"]}
    assert {"CAN", "NOR", "JPN"} <= codes, found


# -- a one-way act both sides do through their bond: each to the other --------------------------

@pytest.mark.parametrize("text,trigger", [
    ("Secretary Blinken and Foreign Minister Rahmon of Tajikistan affirmed the strong U.S.-Tajikistan "
     "relationship.", "affirmed"),
    ("Japan's prime minister and the Canadian foreign minister celebrated the strength of their partnership.",
     "celebrated"),
    ("The French and Kenyan presidents praised their longstanding friendship during the call.", "praised"),
])
def test_a_one_way_act_through_their_bond_is_each_to_the_other(coder, text, trigger):
    found = _of(_events(coder, text), trigger)
    assert len(found) >= 2, found
    for e in found:
        assert e["target"] is not None and e["target"]["code"] != e["source"]["code"], e


@pytest.mark.parametrize("text,trigger", [
    ("Secretary Blinken and Foreign Minister Rahmon of Tajikistan welcomed the ceasefire in Yemen.", "welcomed"),
    ("Japan's prime minister and the Canadian foreign minister praised their partnership with Kenya.", "praised"),
    ("The Danish and Kenyan ministers affirmed the importance of global cooperation against the pandemic.", "affirmed"),
])
def test_a_one_way_act_on_something_else_stays_one_way(coder, text, trigger):
    for e in _of(_events(coder, text), trigger):
        assert e["target"] is None or e["target"]["code"] not in ("USAGOV", "TJKGOV", "JPNGOV", "CANGOV", "DNKGOV",
                                                                  "KENGOV"), e


# -- a present verb that cannot agree with the reported subject is the speaker's -----------------

@pytest.mark.parametrize("text,trigger,speaker", [
    ("The ministry says the rebels are regrouping near the border and urges calm.", "urges", "The ministry"),
    ("Officials say the army is advancing on the city and urge residents to leave.", "urge", "Officials"),
    ("The foreign ministers believe the tribunal is weighing the case and hope that it will rule soon.", "hope",
     "The foreign ministers"),
])
def test_a_verb_that_cannot_agree_with_the_reported_subject_is_the_speakers(coder, text, trigger, speaker):
    found = _of(_events(coder, text), trigger)
    assert found and all(e["source"] and e["source"]["text"] == speaker for e in found), found


@pytest.mark.parametrize("text,trigger,doer", [
    ("The mayor says the protesters are blocking the road and demand new elections.", "demand", "the protesters"),
    ("Officials say the army will advance on the city and take the port.", "take", "the army"),
])
def test_a_verb_that_agrees_with_the_reported_subject_stays_its(coder, text, trigger, doer):
    for e in _of(_events(coder, text), trigger):
        assert e["source"] and e["source"]["text"] == doer, e


def test_a_verb_after_a_chain_of_coordinated_words_is_the_speakers(coder):
    text = ("The ministers say the tribunal is reviewing the appeals and rapidly changing rules and hope that it "
            "will act with urgency.")
    found = _of(_events(coder, text), "hope")
    assert found and all(e["source"] and e["source"]["text"] == "The ministers" for e in found), found


# -- the visited or hosted does the visit's code back only if it can visit or host -----------------

@pytest.mark.parametrize("text,trigger", [
    ("Costa Rica hosts more than 450,000 Nicaraguans, including many who fled in 2018.", "hosts"),
    ("Moldova is hosting tens of thousands of refugees from Ukraine.", "hosting"),
    ("The Secretary visited the Lakeside Temple Museum on Friday.", "visited"),
    ("Senator Vale visited Dunmore two days after the riots.", "visited"),
])
def test_a_population_or_an_unknown_site_does_no_visit_back(coder, text, trigger):
    found = _of(_events(coder, text), trigger)
    assert len(found) == 1, found


@pytest.mark.parametrize("text,trigger", [
    ("The Secretary visited Kenya on Friday.", "visited"),
    ("The State Department hosted Foreign Minister Ali Mahamat of Chad on Monday.", "hosted"),
])
def test_a_state_visited_or_an_official_hosted_does_the_visit_back(coder, text, trigger):
    assert {e["cameo"] for e in _of(_events(coder, text), trigger)} == {"042", "043"}


@pytest.mark.parametrize("text,trigger", [
    ("Secretary Blinken spoke today with the Foreign Minister of Chad, Ali Mahamat.", "spoke"),
    ("The envoy will travel to Asuncion, Paraguay next week.", "travel"),
])
def test_a_target_named_twice_is_one_target(coder, text, trigger):
    assert len(_of(_events(coder, text), trigger)) == 1
