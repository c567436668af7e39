"""The speech act is the event, not its content (issue #20): what an appeal asks of others is an
appeal (02x) by the one who asks, never the addressee's own act, nor an act of the one who asks.
The act the appeal names takes the appeal's code (``framing.frame_of``); what that act governs
further ("to uphold its promise to free ...", "to take steps to ...") is no act at all
(``framing.appealed_content``). Made-up sentences, real model."""
from __future__ import annotations

import pytest

from newsevents.coding import framing

pytestmark = pytest.mark.slow


def _token(coder, text: str, word: str):
    return next(t for t in coder.nlp(text) if t.text == word)


def _codes_by_trigger(events: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in events:
        out.setdefault(e["trigger"]["text"], set()).add(e["cameo"])
    return out


# -- what the asked-for act governs is no act of its own ----------------------------------------

@pytest.mark.parametrize("text, word, asker", [
    ("Norway urged the junta to honour its promise to free the detained students.", "free", "urged"),
    ("Chile asked the rebels to respect the agreement to protect aid convoys.", "protect", "asked"),
    ("The ministry encouraged both sides to keep working to reduce tensions along the border.", "reduce", "encouraged"),
    ("Peru called on Bolivia to keep its pledge to release the fishermen.", "release", "called"),
    # (an appeal asked for is content too, and so is what it asks)
    ("Austria called on the bloc to take joint action to urge Belarus to free the activists.", "urge", "called"),
    ("Austria called on the bloc to take joint action to urge Belarus to free the activists.", "free", "called"),
    # ("called for" names what is asked)
    ("Italy called for joint action to pressure the regime to halt the executions.", "halt", "called"),
])
def test_what_the_asked_for_act_governs_is_content(coder, text, word, asker):
    assert framing.appealed_content(_token(coder, text, word)).text == asker


@pytest.mark.parametrize("text, word", [
    # the act the appeal names is framed by it, not dropped
    ("Norway urged Iran to release the sailors.", "release"),
    ("Sweden called on the government to lift the curfew.", "lift"),
    # (and so is its purpose: "take steps | to release")
    ("Peru called on Bolivia to take concrete steps to release the fishermen.", "release"),
    # what is told as done is no content of the appeal
    ("Denmark called on Gondor to free the journalists it arrested last week.", "arrested"),
    ("Denmark called on Gondor to free all those unjustly detained.", "detained"),
    # a verb with a tense of its own after the appeal is the speaker's next act
    ("Finland urged the embassy to reconsider and spoke with the ambassador.", "spoke"),
])
def test_the_named_act_and_what_was_done_are_not_content(coder, text, word):
    assert framing.appealed_content(_token(coder, text, word)) is None


@pytest.mark.parametrize("text, speaker", [
    ("Norway urged the junta to honour its promise to free the detained students.", "NOR"),
    ("Chile asked the rebels to respect the agreement to protect aid convoys.", "CHL"),
    ("Peru called on Bolivia to keep its pledge to release the fishermen.", "PER"),
    ("Austria called on the European Union to take joint action to urge Belarus to free the activists.", "AUT"),
])
def test_only_the_appeal_is_coded(code, text, speaker):
    events = code(text)
    assert events, text
    assert all(e["cameo"].startswith("02") for e in events), _codes_by_trigger(events)
    assert all((e["source"] or {}).get("code", "").startswith(speaker) for e in events), \
        [(e["trigger"]["text"], e["source"]) for e in events]


# -- each of the coordinated acts asked for is an appeal ------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Sweden called on the government to end the curfew, reopen the schools, and release the detained journalists.",
     "release"),
    ("Kenya urged the militia to lay down its arms, leave the town and return the captured trucks.", "return"),
    ("Ghana asked the council to suspend the decree, restore the courts and free the judges.", "free"),
])
def test_coordinated_acts_asked_for_are_framed_by_the_appeal(coder, text, word):
    found = framing.frame_of(_token(coder, text, word))
    assert found is not None and found[0] == "appeal", found


@pytest.mark.parametrize("text, trigger, speaker", [
    ("Sweden called on the government to end the curfew, reopen the schools, and release the detained journalists.",
     "release", "SWE"),
    ("Kenya urged the militia to lay down its arms, leave the town and return the captured trucks.", "return", "KEN"),
])
def test_a_coordinated_act_asked_for_is_the_speakers_appeal(code, text, trigger, speaker):
    events = [e for e in code(text) if e["trigger"]["text"] == trigger]
    assert all(e["cameo"].startswith("02") and (e["source"] or {}).get("code", "").startswith(speaker)
               for e in events), events


# -- a demand reported with "must": each act demanded --------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("The minister said Chile must withdraw its troops and stop shelling the villages.", "stop"),
    ("Officials insisted that Peru must free the reporters and return their equipment.", "return"),
])
def test_coordinated_acts_demanded_with_must_are_framed(coder, text, word):
    found = framing.frame_of(_token(coder, text, word))
    assert found is not None and found[0] == "demand", found


# -- the dictionary's CALL * (TO PRESS) is no telephone call ---------------------------------------

@pytest.mark.parametrize("text", [
    "Italy called on its allies to press the regime to halt the executions.",
    "The senator called for joint action to press the junta to free the prisoners.",
])
def test_calling_on_others_to_press_is_no_phone_call(code, text):
    codes = {e["cameo"] for e in code(text)}
    assert codes and not any(c.startswith("04") for c in codes), codes


# -- an appeal asked for is the asker's appeal -------------------------------------------------

@pytest.mark.parametrize("text, asker, asked", [
    ("The Swedish minister called for the African Union to urge the junta to free the detained ministers.", "SWE", "IGOAFRAFU"),
    ("The Swedish minister called on the African Union to urge the junta to end the violence, free the detained "
     "ministers, and restore the constitution.", "SWE", "IGOAFRAFU"),
])
def test_an_appeal_asked_for_is_the_askers(code, text, asker, asked):
    events = code(text)
    assert events and all(e["cameo"].startswith("02") for e in events), _codes_by_trigger(events)
    assert all((e["source"] or {}).get("code", "").startswith(asker) for e in events), events
    assert any((e["target"] or {}).get("code") == asked for e in events), events


# -- whom "calls upon" addresses -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Canada calls upon the Russian government to withdraw its troops and to respect the rights of its citizens.",
    "Canada called upon the Russian government to cease the bombardment and withdraw its troops.",
])
def test_the_one_called_upon_is_the_target(code, text):
    events = [e for e in code(text) if e["cameo"].startswith("02")]
    assert events and all((e["target"] or {}).get("code", "").startswith("RUS") for e in events), events


# -- an invitation to meet is an intent to meet ------------------------------------------------

@pytest.mark.parametrize("text, inviter, invitee", [
    ("China invited Vietnam to hold talks on the border dispute.", "CHN", "VNM"),
    ("Norway invited the Colombian foreign minister to visit Oslo.", "NOR", "COL"),
    ("The Kenyan president invited his Ugandan counterpart to attend a summit in Nairobi.", "KEN", "UGA"),
])
def test_an_invitation_to_meet_is_the_inviters_intent_to_meet(code, text, inviter, invitee):
    events = code(text)
    meet = [e for e in events if e["cameo"] == "036"]
    assert meet, _codes_by_trigger(events)
    assert all(e["modality"] == "intended" and (e["source"] or {}).get("code", "").startswith(inviter)
               and (e["target"] or {}).get("code", "").startswith(invitee) for e in meet), meet
    assert not any(e["cameo"][:2] in ("02", "04") for e in events), _codes_by_trigger(events)


@pytest.mark.parametrize("text", [
    "Kenya invited Uganda to join the coalition against piracy.",
    "Kenya invited Uganda to join the regional defence pact.",
    "Kenya invited Uganda to release the detained fishermen.",
])
def test_an_invitation_to_act_otherwise_is_an_appeal(code, text):
    codes = {e["cameo"] for e in code(text)}
    assert codes and all(c.startswith("02") for c in codes), codes
