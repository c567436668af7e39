"""What a quotation or a characterisation says is the speaker's view, not an act (issue #20): the
role rule "quoted-view" (coding/stages/quotes.py). Each text starts with a lead sentence; the
sentence under test is the second. Made-up sentences, real model."""
from __future__ import annotations

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow

LEAD = "Officials of Gondor met in Minas Tirith last week."


def _code(coder, text: str) -> list[dict]:
    art = Article(id="t", title="", text=f"{LEAD} {text}", published="2024-03-05")
    return [e.to_dict() for e in coder.code_article(art)]


def _triggers(coder, text: str) -> list[str]:
    return [e["trigger"]["text"] for e in _code(coder, text) if e.get("trigger") and e["sentence_index"] == 1]


@pytest.mark.parametrize("text, word", [
    # a quoted simple present, said of a thing or of someone else
    ('The company added, "It undermines the old principle that one state cannot impose its courts on another."', "undermines"),
    ('The union claimed, "It threatens the jobs of thousands of dock workers."', "threatens"),
    ('"The new law undermines the independence of the courts," the senator said.', "undermines"),
    # an aim a speaker says someone else has
    ('Senator Diaz wrote on Twitter, "The governor wants to cancel the vote and argue about taxes for years."', "argue"),
    ('The opposition leader said, "The president is trying to silence the press and threaten judges."', "threaten"),
    ("The spokesman said Gondor wants to attack Rohan and punish its allies.", "punish"),
])
def test_a_quoted_view_is_no_act_of_its_subject(coder, text, word):
    assert word not in _triggers(coder, text), _code(coder, text)


@pytest.mark.parametrize("text, word", [
    # the speaker's own words perform their act
    ('The general said, "We condemn the attack on the convoy."', "condemn"),
    # the speaker's own aim is an intent
    ('The minister said, "We want to meet the envoys of Rohan and sign the deal."', "sign"),
    # acts reported in the past, quoted or not
    ('The police chief said, "Officers arrested 40 protesters in the capital."', "arrested"),
    ("The police chief said officers arrested 40 protesters in the capital.", "arrested"),
    # force told in the present is reported
    ('"Rebels shell our villages every night," the governor said.', "shell"),
])
def test_the_speakers_own_words_and_reported_acts_keep_their_event(coder, text, word):
    assert word in _triggers(coder, text), _code(coder, text)


@pytest.mark.parametrize("text, word", [
    # a plan told is an intent announced
    ("The envoy announced that Gondor plans to provide $2 million to the refugee fund of Rohan.", "provide"),
    # a pronoun in a reported clause is most often the speaker
    ("The senator said he wanted to sue the governor over the vote.", "sue"),
    # a statement quoted is the speaker's own
    ('The prime minister wrote, "Gondor mourns the death of the former president of Rohan."', "mourns"),
])
def test_an_announced_intent_and_a_quoted_statement_keep_their_event(coder, text, word):
    assert word in _triggers(coder, text), _code(coder, text)
