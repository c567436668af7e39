"""Titles are coded like a lead sentence, without counting the same event twice (issue "Real news", 6)."""
from __future__ import annotations

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow


def _code(coder, title: str, text: str) -> list[dict]:
    art = Article(id="t", title=title, text=text, published="2024-01-10")
    return [e.to_dict() for e in coder.code_article(art)]


def test_a_title_is_coded_as_sentence_minus_one(coder):
    events = _code(coder, "Gondor expels Rohan's diplomats",
                   "The foreign ministry said the move was a response to spying.")
    title = [e for e in events if e["sentence_index"] == -1]
    assert title and title[0]["cameo"].startswith("16") and title[0]["sentence"] == "Gondor expels Rohan's diplomats"


def test_an_event_the_lead_tells_again_is_not_counted_twice(coder):
    events = _code(coder, "Russia expels German diplomats",
                   "Russia expelled German diplomats on Monday, the foreign ministry said.")
    assert [e["sentence_index"] for e in events if e["cameo"].startswith("16")] == [0]


def test_a_title_act_with_several_counterparts_is_not_told_again_by_a_lead_naming_none(coder):
    events = _code(coder, "France, Germany and Italy sign a memorandum on river protection",
                   "Today the French foreign minister signed the memorandum.")
    title = {(e["source"]["code"], (e["target"] or {}).get("code")) for e in events
             if e["sentence_index"] == -1 and e["cameo"] == "057"}
    assert ("FRA", "DEU") in title and ("FRA", "ITA") in title, title


@pytest.mark.parametrize("title, root", [
    ("Gondorian rebels fire missiles at Rohan warship", "19"),
    ("Rohan police detain activists during rally in Edoras", "17"),
    ("Orc militants attack convoy in northern Gondor", "19"),
])
def test_a_headline_the_parse_reads_without_a_verb_is_read_as_a_clause(coder, title, root):
    # "rebels fire rockets": the small model reads one noun phrase; with "will" before the verb
    # it reads subject, verb, object (nlp/headlines.py)
    events = _code(coder, title, "The report gave no further details.")
    title_events = [e for e in events if e["sentence_index"] == -1]
    assert title_events and title_events[0]["cameo"][:2] == root, title_events
    assert title_events[0]["source"] and title_events[0]["trigger"]["text"].lower() == title.split()[2].lower()


def test_a_nominal_headline_stays_as_parsed(coder):
    from newsevents.nlp.headlines import verb_reading

    doc = coder.nlp("Secretary Blinken's call with the Foreign Minister of Gondor")
    assert verb_reading(coder.nlp, doc, lambda lemma: True, lambda word: True) is doc



@pytest.mark.parametrize("title, lead, root", [
    ("Russia expels German diplomats", "The Russian government expelled two German diplomats on Monday.", "16"),
    ("Kenya arrests opposition leader", "Kenyan police arrested the opposition leader on Monday, officials said.", "17"),
])
def test_a_title_naming_the_country_and_a_lead_naming_its_agency_are_one_act(coder, title, lead, root):
    events = _code(coder, title, lead)
    assert [e["sentence_index"] for e in events if e["cameo"].startswith(root)] == [0]
