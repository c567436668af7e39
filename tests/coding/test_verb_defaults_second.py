"""Second layer of verb defaults (issue #20, tools/verbs_corrections.txt and coding/verbs.py):
reckoning a figure is no statement, a prediction no intent, a legislature voting a law through no
act; who benefits from aid receives it; a participle describing a noun of a prepositional phrase
("said in a statement released on Friday") lends the verb no pattern words."""
from __future__ import annotations

import pytest


def _codes(code, text: str, trigger: str) -> list[str]:
    return [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    ("The Gondor statistics office estimated the population of Rohan at just over one million.", "estimated"),
    ("The Gondorian index measures the openness of government budgets in Rohan.", "measures"),
    ("The Gondor parliament voted to pass a bill on farm subsidies on Tuesday.", "voted"),
    ("The Rohan assembly voted to adopt the new budget of Rohan.", "voted"),
])
def test_reckoning_and_voting_a_law_through_are_no_acts(code, text, trigger):
    assert not _codes(code, text, trigger), code(text)


def test_a_prediction_is_no_intent(code):
    found = _codes(code, "The Gondorian foreign ministry expects Rohan to join the trade program next year.", "expects")
    assert "030" not in found, found


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Gondorian foreign minister said Gondor counts on Rohan as a key ally.", "counts", "020"),
    ("Gondorian experts are assessing the impact of the floods in Rohan.", "assessing", "090"),
    ("The Rohan parliament voted to elect Eowyn Hald as speaker.", "voted", "051"),
])
def test_the_patterns_of_those_verbs_still_code(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and all(c == cameo for c in found), code(text)


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
