"""Sentences that tell no event, third round (issue #20): plans told under "will continue to",
budgets, plans and agreements as doers, infinitives inside names, questions asked. Made-up
sentences, real model."""
from __future__ import annotations

import pytest

from newsevents.coding import clauses

pytestmark = pytest.mark.slow


def _token(coder, text: str, word: str):
    return next(t for t in coder.nlp(text) if t.text == word)


def _by_trigger(events: list[dict], word: str) -> list[dict]:
    return [e for e in events if e["trigger"]["text"] == word]


# -- plans: the future of "will continue to", "will meet and ..." -------------------------------

@pytest.mark.parametrize("text, word, modality", [
    ("Rohan will continue to provide food aid to Gondor.", "provide", "intended"),
    ("Rohan will work to strengthen its ties with Gondor.", "strengthen", "intended"),
    ("The envoys will meet in Edoras and discuss the border with Gondor.", "discuss", "intended"),
    ("Rohan will continue to explore options to align funds with Gondor, and to discuss aid with Harad.",
     "discuss", "intended"),
    ("We’ll continue to oppose the raids of Mordor in the Bay of Belfalas.", "oppose", "intended"),
    ("Rohan could continue to shell the villages of Gondor.", "shell", "hypothetical"),
    ("Analysts believe Rohan will continue to attack Gondor.", "attack", "hypothetical"),
    ("Rohan continued to shell the villages of Gondor on Monday.", "shell", "asserted"),
    ("The envoys met in Edoras and will discuss the border with Gondor.", "met", "asserted"),
])
def test_an_infinitive_or_conjunct_shares_the_future(coder, text, word, modality):
    assert clauses.modality_of(_token(coder, text, word)) == modality


def test_will_continue_to_give_is_an_intent(code):
    events = _by_trigger(code("Gondor will continue to provide humanitarian aid to Rohan."), "provide")
    assert events and all(e["cameo"][:2] == "03" and e["modality"] == "intended" for e in events), events


def test_a_verb_coordinated_with_a_future_one_is_an_intent_too(code):
    events = code("The Rohan envoys will meet in Edoras and discuss the crisis with Gondor.")
    discussed = _by_trigger(events, "discuss")
    assert discussed and all(e["cameo"][:2] == "03" for e in discussed), events
    assert any(e["trigger"]["text"] == "meet" for e in events), events


def test_going_on_in_the_past_is_still_the_act(code):
    events = _by_trigger(code("Rohan continued to shell the villages of Gondor on Monday."), "shell")
    assert events and all(e["cameo"][:2] == "19" and e["modality"] == "asserted" for e in events), events


@pytest.mark.parametrize("text, word, carrier", [
    ("Rohan will continue to provide aid to Gondor.", "provide", "continue"),
    ("Rohan will work to strengthen its ties with Gondor.", "strengthen", "work"),
    ("Rohan will help Gondor rebuild its army.", "rebuild", "rebuild"),
])
def test_future_carrier(coder, text, word, carrier):
    assert clauses.future_carrier(_token(coder, text, word)).text == carrier


# -- budgets, plans, agreements and aid do no act ---------------------------------------------

@pytest.mark.parametrize("text", [
    "The Request provides significant assistance to our partners in Gondor.",
    "The plan supports Gondorian efforts to rebuild the power grid.",
    "The Budget provides $2 billion to support refugees in Gondor.",
    "This MOU improves our cooperation with Gondor on energy security.",
    "Rohanian assistance provides vaccines to Gondor.",
    "The treaty bans the testing of weapons in Gondor.",
])
def test_a_budget_plan_or_agreement_does_no_act(code, text):
    assert not code(text), code(text)


@pytest.mark.parametrize("text, word, thing", [
    ("The King's Budget for 2022 requests $58 billion for the Gondorian army.", "requests", "Budget"),
    ("The Edoras Treaty bans the testing of weapons in Gondor.", "bans", "Treaty"),
    ("The Partnership promotes trade between Rohan and Gondor.", "promotes", "Partnership"),
    ("The King's Emergency Plan for Refugees used new funds to support clinics in Gondor.", "used", None),
    ("The Rohan-Gondor Partnership is collaborating with Harad on a training program.", "collaborating", None),
])
def test_texts_and_titled_programmes_as_agents(coder, text, word, thing):
    found = clauses.thing_as_agent(_token(coder, text, word))
    assert (found.text if found is not None else None) == thing


def test_a_request_acted_on_is_still_an_act(code):
    assert _by_trigger(code("Rohan rejected the request from Gondor."), "rejected")


# -- infinitives inside names -----------------------------------------------------------------

@pytest.mark.parametrize("text, word, name", [
    ("The Global Coalition to defeat the Orcs", "defeat", True),
    ("Ministerial meeting of the Coalition to defeat the Orcs", "defeat", True),
    ("The Committee to Protect Journalists reported the deaths of two reporters.", "Protect", True),
    ("Rohan sent the Riders to attack the Orcs.", "attack", False),
    ("Rohan deployed troops to Gondor to fight the Orcs.", "fight", False),
])
def test_name_infinitive(coder, text, word, name):
    assert clauses.name_infinitive(_token(coder, text, word)) is name


def test_an_infinitive_in_a_name_is_no_act(code):
    events = code("The envoy for the Global Coalition to defeat the Orcs travels to Gondor.")
    assert not _by_trigger(events, "defeat"), events


# -- questions --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, asked", [
    ("He wondered how Rohan can train young men to be killers.", "train", True),
    ("She asked why Rohan would attack Gondor.", "attack", True),
    ("She said how Rohan attacked Gondor was a disgrace.", "attacked", False),
    ("Rohan asked Gondor to release the prisoners.", "release", False),
])
def test_asked_question(coder, text, word, asked):
    assert clauses.asked_question(_token(coder, text, word)) is asked


def test_a_question_asked_is_no_event(code):
    assert not code("He wondered how Rohan can train young men to be killers.")
    events = code("The reporter questioned whether Rohan was arming the rebels to attack Gondor.")
    assert not _by_trigger(events, "attack"), events
