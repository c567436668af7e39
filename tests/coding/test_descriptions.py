"""Descriptions, plans and positions (coding/sense.py, ``described``): sentences that describe
a standing, count a toll over a war, plan programme work or state a position report no act;
the real acts told in the same kinds of sentence stay. Made-up sentences."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, trigger", [
    ("The kingdom has long been the largest donor to the relief fund.", "been"),  # ranking
    ("The republic is the largest single donor of food aid to the region.", "is"),
    ("The governor was the first official to refuse to do so since 1990.", "refuse"),
    ("The harbour town is generally less affected by violence than the northern provinces.", "violence"),  # condition
    ("Harassment of reporters continues with impunity in the republic.", "Harassment"),
    ("He serves as the chief coordinator for all attacks by the group in the east.", "attacks"),  # role
    ("The militia is reportedly involved in looting homes and barring families from returning.", "involved"),  # involvement
    ("The militia is reportedly involved in looting homes and barring families from returning.", "looting"),
    ("The militia is reportedly involved in looting homes and barring families from returning.", "barring"),
    ("Around 20,000 people were killed in the war, which ended in 2005.", "killed"),  # cumulative-toll
    ("More than 4,000 civilians have been killed since the fighting began.", "killed"),
    ("The agency will also seek to close the skills gap by increasing access to training.", "close"),  # programme-plan
    ("The agency will also seek to close the skills gap by increasing access to training.", "increasing"),
    ("The Partnership will also invest in building an evidence base on online abuse.", "building"),
    ("The Partnership will also invest in building an evidence base on online abuse.", "invest"),
    ("We seek to reduce the spread of the disease and ensure access to vaccines.", "ensure"),
    ("The movement wants foreign troops to leave and the government shut out of the talks.", "wants"),  # position
    ("The senator improved his standing among older voters in the state.", "improved"),  # poll-trend
    ("She co-founded the party to oppose military rule, but was arrested in 1980.", "oppose"),  # founding-purpose
    ("The wounded mayor was flown to a hospital in the capital.", "flown"),  # taken-to-care
    ("The Water Program helps local authorities identify outbreaks of cholera.", "helps"),  # thing-described
    ("Articles IV and V of the Accord play key roles in preventing the further spread of chemical weapons.",
     "preventing"),
    ("The 2020 Interim Strategic Guidance defines three objectives: protect the people of Rohan, expand economic "
     "prosperity, and defend democracy.", "expand"),
    ("It offers opportunities for students to attend universities in Gondor.", "attend"),
    ("When young people see they can run for office, it truly highlights the importance of civic education.",
     "highlights"),
    ("The Fund provides grants to local groups in the north.", "provides"),
    ("The Rohan government has always claimed it has public support.", "claimed"),  # standing-claim
    ("The government proposed an amendment to allow the authorities to extradite anyone to Mordor.",
     "extradite"),  # law-purpose
])
def test_a_description_plan_or_position_is_no_event(code, text, trigger):
    events = [e for e in code(text, all_modalities=True) if e["trigger"]["text"] == trigger]
    assert not events, events


@pytest.mark.parametrize("text, trigger, root", [
    ("The kingdom gave $5 million to the relief fund on Monday.", "gave", "07"),
    ("Violence continued through the evening in the harbour town.", "Violence", "18"),
    ("Militants attacked the base on Monday, killing 12 soldiers.", "killing", "19"),
    ("The group was responsible for the attack on the base.", "was", "19"),
    ("Twelve soldiers were killed in fighting on Monday.", "killed", "19"),
    ("Rebels killed 30 civilians in the village, officials said.", "killed", "20"),
    ("The agency will provide $10 million in aid to the refugees.", "provide", "03"),
    ("The government will impose sanctions on the general.", "impose", "13"),
    ("The minister will travel to the capital next week to meet the president.", "travel", "03"),
    ("The movement demanded that foreign troops leave the country.", "leave", "10"),
    ("Police arrested the senator in the capital.", "arrested", "17"),
    ("She was arrested in 1980 for leading a protest.", "protest", "14"),
    ("The envoy flew to the capital to meet the president.", "flew", "03"),
    ("The army launched an offensive to retake the town.", "launched", "19"),
    ("The opposition wants to hold talks with the government next week.", "hold", "03"),
    ("Since the coup, the military has detained 300 protesters.", "detained", "17"),
    ("The US will continue to support Ukraine's capacity to defend itself.", "support", "03"),
    ("The strike took place as anti-government protests continue in the capital.", "protests", "14"),
    ("Debris from rockets fired by the militia caused a small fire at a school in the west of the country, "
     "as fierce fighting continues to rage in that region.", "fighting", "19"),
    ("Police clashed with hundreds of protesters on Saturday. The unrest was one of several rallies marred by "
     "violence in recent weeks.", "rallies", "14"),
    ("Recent drone strikes have killed at least eight militant commanders since last July.", "killed", "19"),
    ("The blast was the deadliest attack in the city since 2005, when three bombers killed 40 people "
     "on the metro.", "killed", "18"),
    ("The cartel has been responsible for mass killings and beheadings in the north.", "been", "19"),
    ("The two commanders have been involved in suppressing the protests, including through violence.",
     "suppressing", "17"),
    ("A civilian was killed as a result of army attacks against protesters on Friday.", "attacks", "19"),
    ("The minister welcomed the council's approval to open talks with Gondor.", "welcomed", "05"),
    ("Gondor provides aid to the refugees of Rohan.", "provides", "07"),
    ("The agency helps local authorities fight corruption.", "helps", "07"),
    ("The Fund gave $5 million to the refugees on Monday.", "gave", "07"),
    ("The report says police killed five protesters on Monday.", "killed", "19"),
    ("It says police killed five protesters in the square.", "killed", "19"),
    ("The Fund and France provide aid to the refugees.", "provide", "07"),
    ("The rebels signed an agreement to allow aid workers to enter the town.", "signed", "05"),
    ("The allies pledged new arms to Gondor as it defends itself against Mordor.", "defends", "05"),
    ("The council has stated that it plans to send troops to the border.", "send", "03"),
    ("The arrests are troubling, and it is indicative of the junta's widening crackdown on the press.",
     "crackdown", "17"),
])
def test_the_act_in_the_same_kind_of_sentence_stays(code, text, trigger, root):
    events = code(text)
    assert any(e["cameo"][:2] == root for e in events if e["trigger"]["text"] == trigger), events


@pytest.mark.parametrize("text, owned", [
    ("We will work to expand local farmers' access to credit and training.", True),  # someone else's: acted upon
    ("The agency will work to expand access to credit and training.", False),
    ("We will work to expand our capacity to respond.", False),
])
def test_a_plan_for_someones_access_acts_upon_them(text, owned):
    from newsevents.coding import clauses, sense
    from newsevents.nlp.loader import load_model

    doc = load_model()(text)
    verb = next(t for t in doc if t.lemma_ == "expand")
    assert sense._someones(clauses.object_of(verb)) is owned
