"""The attacker an article names is the doer of the violent acts it tells without one (issue #20,
perpetrator): named by an act or in an apposition, in the same paragraph or an earlier one of the
same incident; not an act done to the attacker, not where several attackers compete, not across
incidents of other days. Made-up articles."""
from __future__ import annotations

import pytest


def _by_trigger(events, word):
    return [e for e in events if e["trigger"]["text"] == word]


def _source_name(ev):
    s = ev["source"] or {}
    return f'{s.get("name") or ""} {s.get("text") or ""}'


@pytest.mark.parametrize("text, trigger, doer", [
    # an act names the attacker, a later sentence tells the deaths without a doer
    ("Karl Brenner stabbed three shoppers at a market in Hamburg on Tuesday. "
     "Two of them were killed.", "killed", "Brenner"),
    # an apposition names him after the deaths, in the same paragraph
    ("Four worshippers were shot at a church in Lyon on Sunday. "
     "The gunman, Marc Duval, fled the scene.", "shot", "Duval"),
    # the name first, the noun after it
    ("Police named Omar Haddad, the attacker, on Monday. "
     "Three people were stabbed at the station.", "stabbed", "Haddad"),
    # the next paragraph of the same story
    ("Militants of the Free Valley Front attacked a police post in Kandor on Friday.\n"
     "Six officers were killed, officials said.", "killed", "Free Valley Front"),
])
def test_an_agentless_violent_act_takes_the_named_attacker(code, text, trigger, doer):
    found = _by_trigger(code(text), trigger)
    assert found and all(doer.lower() in _source_name(e).lower() for e in found), \
        [(e["source"], e["trace"]) for e in found]
    assert all("scene:perpetrator" in e["trace"] for e in found)
    # the attacker is not written in the act's sentence: no mention, empty offsets (the record's
    # contract: sentence[start:end] == text)
    assert all(e["sentence"][e["source"]["start"]:e["source"]["end"]] == e["source"]["text"] == "" for e in found)


@pytest.mark.parametrize("text, trigger", [
    # two attackers of one paragraph: which one is not said
    ("Ivan Petrov stabbed a guard in Tallinn on Monday. Anna Berg shot a cashier in Riga on Monday. "
     "Two people were killed.", "killed"),
    # another day, another paragraph: another incident
    ("Karl Brenner stabbed three shoppers at a market in Hamburg on Tuesday.\n"
     "In a separate case in 2019, two people were stabbed in Bremen.", "stabbed"),
])
def test_no_attacker_where_it_is_not_said(code, text, trigger):
    found = [e for e in _by_trigger(code(text), trigger) if not e["source"] or "scene:perpetrator" in e["trace"]]
    assert all("scene:perpetrator" not in e["trace"] for e in found), [(e["source"], e["trace"]) for e in found]


def test_the_police_who_shot_the_attacker_are_no_attacker(code):
    events = code("Karl Brenner stabbed two shoppers in Hamburg on Tuesday. Brenner was shot dead by police. "
                  "One of the shoppers was killed.")
    killed = _by_trigger(events, "killed")
    assert killed and all("brenner" in _source_name(e).lower() for e in killed), [(e["source"], e["trace"]) for e in killed]


def test_an_act_with_its_own_doer_keeps_it(code):
    events = code("Karl Brenner stabbed two shoppers in Hamburg on Tuesday. Soldiers shot a man in Kiel on Tuesday.")
    shot = _by_trigger(events, "shot")
    assert shot and all("scene:perpetrator" not in e["trace"] for e in shot)


@pytest.mark.parametrize("text, trigger", [
    # the attacker's own soldiers
    ("Chadian forces shelled a rebel camp near the border on Monday. Twelve Chadian soldiers were killed.", "killed"),
    # a person the sentence names, not the attacker
    ("Karl Brenner stabbed two shoppers in Hamburg on Tuesday. "
     "Officials said Peter Lang was shot in a separate case.", "shot"),
    # a state's forces fighting an invasion are not who killed their own country's civilians
    ("Kenyan troops fought the invaders near the border on Monday. Hundreds of Kenyan civilians were killed.",
     "killed"),
    # an attack of another year
    ("Karl Brenner stabbed two shoppers in Hamburg on Tuesday. "
     "The city was also hit by an attack in 2015.", "attack"),
])
def test_no_attacker_for_another_side_actor_or_time(code, text, trigger):
    found = _by_trigger(code(text), trigger)
    assert all("scene:perpetrator" not in e["trace"] for e in found), [(e["source"], e["trace"]) for e in found]
