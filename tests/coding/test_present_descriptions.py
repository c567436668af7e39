"""The simple present of an action describes; of a statement it performs (issue #20): the role
rule "present-description" (coding/stages/tense.py). Each text starts with a lead sentence, whose
present (like a title's) may be a headline's past; the sentence under test is the second."""
from __future__ import annotations

import pytest

from newsevents.coding.stages.tense import simple_present_main
from newsevents.models import Article

pytestmark = pytest.mark.slow

LEAD = "Officials of Gondor met in Minas Tirith last week."


def _code(coder, text: str, title: str = "", source: str | None = None) -> list[dict]:
    art = Article(id="t", title=title, text=text, published="2024-03-05", source=source)
    return [e.to_dict() for e in coder.code_article(art)]


def _triggers(coder, text: str) -> list[str]:
    return [e["trigger"]["text"] for e in _code(coder, f"{LEAD} {text}") if e.get("trigger") and e["sentence_index"] == 1]


@pytest.mark.parametrize("text, word", [
    # what an actor does as a rule, its role, its line
    ("In several provinces, the Rohan party supports the candidates of the Gondor Liberal Party.", "supports"),
    ("The Rohan government provides military aid to the rebels in Harad.", "provides"),
    ("We play a leading role in keeping the ports of Gondor open.", "play"),
    ("Our embassy helps citizens of Rohan who travel to Gondor.", "helps"),
    ("Gondor cooperates closely with Rohan on border security.", "cooperates"),
    ("The army of Gondor maintains a large presence at three bases in Rohan.", "maintains"),
    # a rule of a constitution, in the passive present
    ("The leader of the largest party is appointed prime minister by the Queen of Gondor.", "appointed"),
    # a conjunct shares its first verb's tense
    ("The ministry of Rohan funds schools in Gondor and supplies weapons to its army.", "supplies"),
])
def test_an_action_in_the_simple_present_is_no_event(coder, text, word):
    assert word not in _triggers(coder, text), _code(coder, f"{LEAD} {text}")


@pytest.mark.parametrize("text, word", [
    # a statement or an attitude in the simple present is the release's act
    ("The United States urges Gondor and Rohan to return to negotiations.", "urges"),
    ("The United States welcomes the progress made by the government of Rohan.", "welcomes"),
    ("The United States condemns the attack on the embassy of Rohan.", "condemns"),
    ("The United States expresses deep sorrow at the loss of life in Gondor.", "expresses"),
    # (the appeal is coded on the act it asks for, framed by "calls": 025, no longer Gondor's own release)
    ("Gondor calls on Rohan to release the detained journalists.", "release"),
    ("The United States supports the Rohan people's demands for free elections.", "supports"),
    # a commitment or readiness stated
    ("The free world is united and determined to hold the king of Mordor accountable.", "is"),
    # a dated present is a schedule or the day's act
    ("The Secretary of State travels to Gondor on Monday to meet the king.", "travels"),
    ("Today, the United States provides $5 million in humanitarian assistance to Rohan.", "provides"),
    # other tenses are told acts
    ("Gondor provided military aid to Rohan.", "provided"),
    ("The Rohan government will provide military aid to Gondor.", "provide"),
    ("The leader of the largest party was appointed prime minister by the Queen of Gondor.", "appointed"),
    # going on with an act tells it going on now
    ("Gondor and Rohan continue to trade accusations over the border.", "trade"),
    ("Gondor continues its military aid to Rohan.", "continues"),
    ("Gondor resumes talks with Rohan.", "resumes"),
    # force, arrests and protests told in the present are reported, not described
    ("Police arrest dozens of protesters in the capital of Rohan.", "arrest"),
])
def test_a_statement_a_dated_present_or_another_tense_is_kept(coder, text, word):
    assert word in _triggers(coder, text), _code(coder, f"{LEAD} {text}")


@pytest.mark.parametrize("text, kept", [
    # a stance the release's own speaker holds is stated; someone else's is described
    ("We strongly support the efforts of the envoy of the United Nations in Rohan.", True),
    ("The United States supports the people of Rohan in their fight for freedom.", True),
    ("The opposition party of Rohan supports the candidates of the Gondor Liberal Party.", False),
])
def test_a_stance_of_the_release_is_stated(coder, text, kept):
    events = _code(coder, f"{LEAD} {text}", source="U.S. Department of State")
    assert any(e["sentence_index"] == 1 for e in events) is kept, events


@pytest.mark.parametrize("title, text, word", [
    ("Gondor sends troops to the border of Rohan", "The troops arrived at dawn.", "sends"),
    ("", "Gondor provides new tanks to Rohan as the war drags on.", "provides"),
])
def test_a_title_and_a_lead_keep_a_headline_present(coder, title, text, word):
    events = _code(coder, text, title)
    assert word in [e["trigger"]["text"] for e in events if e.get("trigger") and e["sentence_index"] <= 0], events


@pytest.mark.parametrize("text, word, expected", [
    ("The ministry provides aid to Rohan.", "provides", True),
    ("The leader is appointed by the Queen.", "appointed", True),
    ("The ministry is providing aid to Rohan.", "providing", False),
    ("The ministry has provided aid to Rohan.", "provided", False),
    ("The ministry does not provide aid to Rohan.", "provide", False),
    ("He said the ministry provides aid to Rohan.", "provides", False),
    ("The ministry provides aid to Rohan and trains its police.", "trains", True),
    ("We will continue to train the police of Rohan, support its army and fund its schools.", "fund", False),
])
def test_simple_present_main(coder, text, word, expected):
    tok = next(t for t in coder.nlp(text) if t.text == word)
    assert simple_present_main(tok) is expected
