"""Verbs read in the sense the sentence uses, and descriptions of the people a measure covers
(issue #20, eleventh judged sample; coding/stages/senses2.py and tools/verbs_corrections.txt
"senses2"). Made-up sentences, several phrasings per class, with positive controls that keep
the political sense."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, trigger):
    return [e for e in events if e["trigger"]["text"] == trigger]


def _codes(events, trigger):
    return [e["cameo"] for e in _on(events, trigger)]


# -- 1. opinion, feeling and claim ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The senator agreed with the governor's call to end the war on drugs.",
    "The Rohan envoy agreed with the remarks of the Gondor minister.",
    "The mayor of Gondor agreed with the criticism of the new tax.",
])
def test_agreeing_with_a_view_is_accord(code, text):
    ev = code(text)
    assert _codes(ev, "agreed") == ["019"], ev
    assert not _on(ev, "end"), ev  # (the call's content is no act of the one who agrees)


def test_a_bare_agreement_beside_a_stance_in_a_debate_is_accord(code):
    ev = code("At the debate, the Green candidate agreed and favored lifting the embargo on Rohan.")
    assert _codes(ev, "agreed") == ["019"], ev


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The rebels of Rohan agreed to release the hostages.", "agreed", "0353"),
    ("The two governments agreed to hold talks next week.", "agreed", "036"),
    ("Gondor and Rohan agreed on a peace accord on Monday.", "agreed", "057"),
])
def test_agreeing_to_act_or_on_a_deal_stays(code, text, trigger, cameo):
    assert _codes(code(text), trigger) == [cameo]


@pytest.mark.parametrize("text, trigger", [
    ("Gondor grieves the passing of its former president.", "grieves"),
    ("The president of Rohan mourned the death of the former king.", "mourned"),
    ("Gondor grieved the loss of its soldiers in the flood.", "grieved"),
])
def test_grieving_a_death_is_an_empathetic_comment(code, text, trigger):
    assert _codes(code(text), trigger) == ["018"]


def test_grief_expressed_is_an_empathetic_comment(code):
    assert _codes(code("The Gondor president expressed grief over the deaths of the soldiers."), "expressed") == ["018"]


def test_lamenting_a_decision_still_disapproves(code):
    assert [c[:2] for c in _codes(code("The Gondor minister lamented the decision of Rohan."), "lamented")] == ["11"]


@pytest.mark.parametrize("text", [
    "Gondor claimed 790 Rohan soldiers had been killed in the fighting.",
    "The ministry of Gondor claimed that 200 rebels died in the clashes.",
    "The Rohan army claimed the death toll had risen to fifty.",
])
def test_a_claimed_figure_is_no_accusation(code, text):
    assert not [c for c in _codes(code(text), "claimed") if c.startswith("11")], code(text)


@pytest.mark.parametrize("text", [
    "The Rohan army claimed control of the town.",
    "The Gondor rebels claimed control of the airport on Sunday.",
])
def test_a_claimed_gain_is_no_accusation(code, text):
    assert not [c for c in _codes(code(text), "claimed") if c.startswith("11")], code(text)


@pytest.mark.parametrize("text, cameo", [
    ("The opposition of Gondor claimed that the government had rigged the election.", "11"),
    ("Gondor claimed that Rohan troops had shelled the village.", "11"),
    ("The rebels claimed responsibility for the bombing in Gondor.", "015"),
])
def test_claims_of_wrongdoing_or_responsibility_stay(code, text, cameo):
    codes = _codes(code(text), "claimed")
    assert codes and all(c.startswith(cameo) for c in codes), codes


# -- 2. idioms and contents ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Gondor announced it planned to join the trade bloc in the week leading up to the summit.",
    "The Rohan president met the opposition in the days leading up to the vote.",
    "Tensions grew in the months leading to the election in Gondor.",
])
def test_a_span_leading_up_to_an_occasion_is_no_act(code, text):
    assert not _on(code(text), "leading"), code(text)


def test_leading_a_delegation_still_acts(code):
    assert _on(code("The foreign minister of Gondor will lead the delegation to the summit in Rohan."), "lead")


@pytest.mark.parametrize("text, trigger", [
    ("The rally was visited by tens of thousands of people in the capital of Gondor.", "visited"),
    ("The protest camp in Rohan was visited by thousands of supporters on Sunday.", "visited"),
])
def test_a_rally_visited_by_crowds_is_the_protest(code, text, trigger):
    assert _codes(code(text), trigger) == ["141"]


def test_a_site_visited_by_an_official_stays_a_visit(code):
    assert [c[:2] for c in _codes(code("The refugee camp was visited by the UN Secretary-General."), "visited")] == ["04"]


@pytest.mark.parametrize("text, trigger", [
    ("The Gondor candidate argued against re-entering the climate accord.", "entering"),
    ("The senator of Gondor argued against signing the treaty with Rohan.", "signing"),
    ("The opposition leader of Rohan opposed rejoining the nuclear deal.", "rejoining"),
    ("The Gondor minister warned against sending troops to Rohan.", "sending"),
])
def test_the_course_argued_for_or_against_is_no_act(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


# -- 3. diplomatic and legal acts with generic defaults -----------------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The United States co-sponsored the EU-led resolution to extend the mandate of the rapporteur on Rohan.",
     "sponsored"),
    ("Japan joined 40 countries in co-sponsoring the resolution on human rights in Rohan.", "sponsoring"),
])
def test_sponsoring_a_resolution_is_diplomatic_cooperation(code, text, trigger):
    assert _codes(code(text), trigger) == ["050"]


def test_a_sponsored_resolution_that_calls_for_something_is_the_sponsors_call(code):
    ev = code("The United States sponsored a resolution at the Security Council calling for a ceasefire in Rohan.")
    assert not _on(ev, "sponsored") and _codes(ev, "calling") == ["0256"], ev


def test_sponsoring_a_building_is_still_funding(code):
    assert _codes(code("The government of Gondor sponsored the construction of schools in Rohan."), "sponsored") == ["061"]


@pytest.mark.parametrize("text, trigger", [
    ("The State Department established a visa restriction policy against those who undermine democracy in Rohan.",
     "established"),
    ("Gondor introduced a new visa ban policy targeting Rohan officials responsible for the crackdown.", "introduced"),
    ("The Gondor ministry established new restrictions on Rohan airlines.", "established"),
])
def test_a_measure_set_up_against_someone_is_the_sanction(code, text, trigger):
    codes = _codes(code(text), trigger)
    assert codes and all(c[:2] in ("16", "17") for c in codes), codes


def test_establishing_relations_stays_diplomatic(code):
    assert _codes(code("Gondor and Rohan established diplomatic relations in 1992."), "established") == ["054"]


# -- 4. descriptions of the people a measure covers ---------------------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The Treasury targeted, among others, officials and others, who support the regime, facilitate its "
     "repression of the people of Rohan, and violate the rule of law.", "violate"),
    ("The Treasury targeted, among others, officials and others, who support the regime, facilitate its "
     "repression of the people of Rohan, and violate the rule of law.", "facilitate"),
    ("The policy applies to Rohan officials believed to be responsible for undermining democracy.", "believed"),
    ("The visa restrictions cover individuals believed to have attacked journalists in Rohan.", "attacked"),
    ("The restrictions apply to officials thought to have ordered the crackdown in Rohan.", "ordered"),
])
def test_what_describes_the_people_covered_is_no_act(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


@pytest.mark.parametrize("text, trigger", [
    ("Gondor imposed sanctions on members of a network, the leaders of which have provided support for the "
     "Rohan militia.", "provided"),
    ("Gondor imposed visa restrictions on Rohan officials who have attacked journalists.", "attacked"),
    ("Gondor sanctioned three officials who ordered attacks on protesters and who detained journalists.", "detained"),
])
def test_what_the_people_a_sanction_covers_did_is_their_description(code, text, trigger):
    ev = code(text)
    assert not _on(ev, trigger), ev
    assert [e for e in ev if e["cameo"][:2] in ("16", "17")], ev  # (the sanction stays)


def test_the_aim_told_with_a_sanction_is_no_description_of_those_covered(code):
    ev = code("The Rohan general was sanctioned in 2011 in relation to a plot to kill the Gondor ambassador.")
    assert _on(ev, "kill"), ev


def test_a_finite_passive_report_keeps_the_act_of_the_one_reported(code):
    ev = code("Rohan troops were reported to have shelled the village in Gondor.")
    assert _codes(ev, "shelled") and not _on(ev, "reported"), ev


# -- 5. journalism ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The news site contacted the Gondor senator for comment.", "contacted"),
    ("The two lawyers of Rohan were contacted for this story but have not responded.", "contacted"),
    ("Reporters reached the ministry of Gondor for comment on Monday.", "reached"),
])
def test_contacting_for_a_story_is_journalism(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


def test_contacting_a_counterpart_still_consults(code):
    assert _codes(code("The Gondor minister contacted his Rohan counterpart on Monday."), "contacted") == ["040"]


@pytest.mark.parametrize("text", [
    "Politicians of Gondor were reported by local media to have visited the hospital.",
    "The Gondor minister was reported by state media to have visited Rohan last week.",
])
def test_what_media_report_is_the_act_of_the_one_reported(code, text):
    ev = code(text)
    assert not _on(ev, "reported"), ev
    visits = [e for e in _on(ev, "visited") if e["cameo"] == "042"]
    assert visits and all("media" not in (e["source"] or {}).get("text", "") for e in visits), ev
