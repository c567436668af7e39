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
    "The former governor of the province was found dead in his home on Sunday.",  # found dead, no doer
    "Two hikers died on the mountain after a storm, police said on Monday.",  # a reporter names no violence
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
    "A journalist was found dead with gunshot wounds in her car, police said.",
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


# Verbs read in another sense than the dictionary's (rules met-goal, dismissal, electoral-defeat,
# natural-death, failed, and measure for targeting): made-up sentences.
@pytest.mark.parametrize("text, trigger", [
    ("The United States is helping Vietnam meet its energy needs.", "meet"),  # met-goal
    ("Ministers met the deadline for the new budget.", "met"),
    ("The day is a holiday in the capital, but in the north it was met with protests and mourning.", "met"),
    ("The council will work with donors to meet one of the region's most urgent needs.", "meet"),
    ("The funds will help Ghana meet the requirements of the treaty.", "meet"),
    ("The Secretary fired the ambassador last week.", "fired"),  # dismissal
    ("The president fired his national security adviser.", "fired"),
    ("He pressed the president to have the prosecutor fired.", "fired"),
    ("The report said the senator used his influence to have a prosecutor investigating the firm fired.", "fired"),
    ("The mayor dismissed the police chief after the riots.", "dismissed"),
    ("Smith defeated the incumbent senator in 2008 to win the seat.", "defeated"),  # electoral-defeat
    ("The former mayor entered the race to defeat the governor.", "defeat"),
    ("I have always believed that defeating the governor starts with uniting behind the candidate with the best shot.",
     "defeating"),
    ("Jones predicts that the senator defeats the president with an electoral count of 300.", "defeats"),
    ("The judge died in hospital after a long battle with cancer.", "died"),  # natural-death
    ("The former president died at the Army's hospital in the capital.", "died"),
    ("The government will continue to target the network's financiers with sanctions.", "target"),
    ("The government will continue to target the network's financiers.", "target"),
    ("We are targeting the suppliers of the regime's war effort.", "targeting"),  # whom, not with what
    ("The two ministers discussed efforts to combat trafficking in persons.", "combat"),  # fought-problem
    ("Firefighters battled the blaze for two days.", "battled"),
    ("The union says it will fight for the rights of workers.", "fight"),
    ("The ministry released a summary of the talks on Friday.", "released"),  # published
    ("The senator argued that the new tax law is unfair to farmers.", "argued"),  # view-stated
    ("The party contends that the vote was rigged.", "contends"),
    ("Police removed various items from the flat during the raid.", "removed"),  # removed-thing
    ("The delegation will work to remove trade barriers between the two countries.", "remove"),
    ("The opposition party has failed on all fronts.", "failed"),  # failing is no refusal
    ("The rebels have failed to capture the town.", "capture"),
])
def test_verb_in_another_sense_is_no_such_event(code, text, trigger):
    events = [e for e in code(text) if e["trigger"]["text"] == trigger]
    assert not [e for e in events if e["cameo"][:2] in (*VIOLENT, "04", "08", "10", "12", "11", "13")], events


@pytest.mark.parametrize("text, trigger, root", [
    ("The minister met with his Spanish counterpart in Madrid on Monday.", "met", "04"),
    ("The minister was met at the airport by the foreign minister.", "met", "04"),
    ("Police fired on protesters outside the parliament on Sunday.", "fired", "19"),
    ("Rebels fired rockets at the town overnight.", "fired", "19"),
    ("The court dismissed the lawsuit on Friday.", "dismissed", "12"),
    ("The opposition leader argued with the prime minister over the budget.", "argued", "11"),
    ("Several legislators were removed by the electoral commission.", "removed", "17"),
    ("The government expelled the ambassador over the dispute.", "expelled", "17"),
    ("The senator criticized the governor for the delay, arguing he did not want the vote to take place.",
     "arguing", "11"),
    ("Government troops defeated the rebels near the border.", "defeated", "19"),
    ("Police beat protesters with batons outside the ministry.", "beat", "19"),
    ("Police beat voters outside a polling station during the election.", "beat", "19"),
    ("The youth wing, under the leadership of two local bosses, has attacked and beaten peaceful protesters.", "beaten", "19"),
    ("He has been involved in attack planning that has targeted areas near the border.", "targeted", "19"),
    ("Two soldiers died in a roadside bomb attack near the border.", "died", "19"),
    ("Soldiers fought against the militants for three hours.", "fought", "19"),
    ("Ukrainian forces continue to combat the invasion.", "combat", "19"),
    ("The militants released three hostages on Sunday.", "released", "08"),
    ("The government released the detained journalists after a week.", "released", "08"),
    ("The militants launched missiles targeting army bases near the capital.", "targeting", "19"),
])
def test_verb_in_its_own_sense_stays(code, text, trigger, root):
    assert any(e["cameo"][:2] == root for e in code(text) if e["trigger"]["text"] == trigger), code(text)


def test_sorrow_is_an_empathetic_comment(code):
    events = code("The foreign minister said he was deeply saddened by the death of the ambassador.")
    assert not [e for e in events if e["cameo"][:2] == "11"], events


def test_a_call_to_meet_a_goal_is_a_call_of_no_meeting(code):
    events = code("The president will push the leading economies to meet one of the greatest global challenges by funding new programs.")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "meet"] == ["100"], events
