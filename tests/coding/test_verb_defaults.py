"""Verbs whose dictionary default is not the political act (tools/verbs_corrections.txt):
running something, studying, needing, countering a problem, endangering a state of affairs
are no events; what they run or counter still codes through the patterns.
Three layers, from audits of the real-news output (issue #20): running, studying, needing,
countering, endangering; describing participles, estimates, predictions, votes on laws; offers of
goods and chances, bare voting, released documents, agreeing that something should be."""
from __future__ import annotations

import pytest


def _codes(code, text: str, trigger: str) -> list[str]:
    return [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    ("The Rohan People's Party controlled the assembly for a decade.", "controlled"),
    ("Eowyn Hald heads the Rohan Green Alliance.", "heads"),
    ("The Gondorian ministry manages the refugee program in cooperation with aid groups.", "manages"),
    ("Researchers from Minas Tirith conducted a survey of voters in Edoras.", "conducted"),
    ("The clinic in Edoras administered 5,000 vaccine doses within a week.", "administered"),
    ("More than 900 Gondorian students studied at universities in Rohan last year.", "studied"),
    ("Rohan needs more doctors and nurses, the health minister of Rohan said.", "needs"),
    ("A simple majority of the Gondor assembly is needed to remove the governor.", "needed"),
    ("Gondor will work with Rohan to counter illegal narcotics trafficking.", "counter"),
    ("The Haradrim militants continue to threaten the security and stability of Gondor.", "threaten"),
    ("The Gondor statistics office estimated the population of Rohan at just over one million.", "estimated"),
    ("The Gondorian index measures the openness of government budgets in Rohan.", "measures"),
    ("The Gondor parliament voted to pass a bill on farm subsidies on Tuesday.", "voted"),
    ("The Rohan assembly voted to adopt the new budget of Rohan.", "voted"),
    ("The Gondor national airline offers flights to three cities in Rohan.", "offers"),
    ("The Gondorian exchange program offers opportunities to students from Rohan.", "offers"),
    ("The Gondorian president said the people of Rohan should vote, whatever their views.", "vote"),
    ("The Gondor daily obtained the letters of the Rohan minister and released them on Friday.", "released"),
])
def test_a_verb_whose_default_is_no_act_codes_nothing(code, text, trigger):
    assert not _codes(code, text, trigger), code(text)


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Gondorian army conducted airstrikes against Haradrim positions near Pelargir.", "conducted", "195"),
    ("The Gondorian minister led a delegation to Edoras.", "led", "036"),
    ("The Gondorian and Rohan ministers explored new opportunities for trade.", "explored", "014"),
    ("The Gondorian government needs $50 million for flood relief.", "needs", "0231"),
    ("The governor of Gondor countered claims about his health on Monday.", "countered", "110"),
    ("Haradrim rebels threatened journalists in Pelargir with death.", "threatened", "130"),
    ("The Gondorian foreign minister said Gondor counts on Rohan as a key ally.", "counts", "020"),
    ("Gondorian experts are assessing the impact of the floods in Rohan.", "assessing", "090"),
    ("The Rohan parliament voted to elect Eowyn Hald as speaker.", "voted", "051"),
    ("Gondor offered help to Rohan after the floods.", "offered", "030"),
    ("The Gondorian foreign minister offered congratulations to the president of Rohan.", "offered", "051"),
    ("The Gondor parliament voted against the Rohan proposal.", "voted", "110"),
    ("Gondor voted in support of the Rohan resolution.", "voted", "051"),  # (a resolution that condemns: the
    # condemnation by the voter, tests/coding/test_recall_classes.py)
    ("Gondor released 40 prisoners from Rohan on Tuesday.", "released", "0841"),
])
def test_what_the_verb_acts_on_still_codes(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and all(c == cameo for c in found), code(text)


def test_a_meeting_conducted_is_a_meeting(code):
    found = _codes(code, "The Rohan delegation will conduct a series of meetings with the Gondorian foreign minister.",
                   "conduct")
    assert found and all(c[:2] == "03" or c[:2] == "04" for c in found)


def test_sympathy_that_goes_out_is_no_travel(code):
    found = _codes(code, "The Rohan foreign minister said his thoughts and prayers go to the people of Gondor.", "go")
    assert all(c == "018" for c in found)


def test_going_to_is_the_future_no_travel(code):
    assert not _codes(code, "We are going to talk about trade with Rohan today, the Gondorian minister said.", "going")
    found = _codes(code, "The Gondorian prime minister went to Edoras for talks with the Rohan king.", "went")
    assert found


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Rohan king said he looked forward to welcoming the Gondorian steward to Edoras.", "welcoming", "036"),
    ("The Rohan government looks forward to cooperating with Gondor on trade.", "cooperating", "032"),
])
def test_what_one_looks_forward_to_doing_is_intended(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and all(c == cameo for c in found), code(text)


@pytest.mark.parametrize("text, trigger", [
    ("After the war, Hald attended Edoras University, receiving a law degree.", "attended"),
    ("As July came to a close, the Rohan Greens led the Gondor Party in the polls.", "came"),
    ("The scandal came to light when a Gondorian newspaper published the letters.", "came"),
])
def test_schooling_and_idioms_of_coming_are_no_meetings(code, text, trigger):
    assert not _codes(code, text, trigger), code(text)


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Rohan foreign minister attended the Gondor Foreign Ministerial in Minas Tirith.", "attended", "042"),
    ("Three former Rohan kings attended the funeral.", "attended", "017"),
    ("Gondor came to the aid of the young kingdom of Rohan.", "came", "070"),
])
def test_what_is_attended_or_come_to_still_codes(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and cameo in found, code(text)


# ---------------------------------------------------------------- second layer

def test_a_prediction_is_no_intent(code):
    found = _codes(code, "The Gondorian foreign ministry expects Rohan to join the trade program next year.", "expects")
    assert "030" not in found, found


def test_who_benefits_from_aid_receives_it(code):
    events = [e for e in code("The Rohan refugee fund has benefitted from financial support from Gondor.")
              if e["trigger"]["text"] == "benefitted"]
    assert all(e["cameo"] != "060" for e in events), events
    assert all((e.get("target") or {}).get("code") != "GON" for e in events), events


def test_a_statement_released_is_no_release(code):
    found = _codes(code, "The Gondorian foreign minister said in a video statement released on Friday that the talks "
                         "with Rohan had failed.", "said")
    assert all(not c.startswith("084") for c in found), found


def test_a_participle_after_a_verb_taken_for_an_auxiliary_describes_its_noun(code):
    text = ("The Gondor senate opened an inquiry into the Rohan ministry. It follows repeated failed attempts to obtain "
            "files from the Rohan ministry through earlier requests.")
    assert not _codes(code, text, "repeated"), code(text)
    assert _codes(code, "The Gondorian president said: “We’ve convened global summits on trade with Rohan.”", "convened")
    assert _codes(code, "The Gondorian foreign minister repeated his claim that the vote in Rohan was rigged.",
                  "repeated")


@pytest.mark.parametrize("text, trigger", [
    ("The Gondor police estimates that as of January there had been over 1,000 victims of the attacks.", "estimates"),
    ("The Gondorian government has assessed that Rohan hackers deployed malware on its networks.", "assessed"),
])
def test_stating_what_one_reckons_is_a_statement(code, text, trigger):
    found = _codes(code, text, trigger)
    assert found == ["010"], code(text)


# ---------------------------------------------------------------- third layer

def test_agreeing_what_others_should_do_is_accord(code):
    found = _codes(code, "The Gondorian government agreed the dispute should be decided by the Rohan courts.", "agreed")
    assert "030" not in found, found


def test_people_released_after_an_arrest_stay_released(code):
    found = _codes(code, "Gondor police arrested 20 protesters from Rohan and released them on Friday.", "released")
    assert found and all(c.startswith("084") for c in found), found


def test_two_countries_agreeing_to_cooperate_is_an_intent(code):
    found = _codes(code, "Gondor and Rohan agreed that the two countries should cooperate on energy.", "agreed")
    assert "030" in found, found


def test_an_election_put_off_is_a_restriction(code):
    found = _codes(code, "The Gondor government signed an order delaying the election in Rohan until June.", "delaying")
    assert found and all(c == "172" for c in found), found
