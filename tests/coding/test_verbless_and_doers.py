"""A sentence the parse reads without a verb, a pattern's stem met in a doer noun, force with no
named doer (issue "Real news")."""
from __future__ import annotations

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow


def _events(coder, text: str) -> list[dict]:
    art = Article(id="t", text=text, published="2024-01-10")
    return [e.to_dict() for e in coder.code_article(art)]


def test_a_caption_the_parse_reads_without_a_verb_is_read_as_a_clause(coder):
    # "Rohan police detain activists ...": a photo caption, parsed as one noun phrase
    events = _events(coder, "Rohan police detain activists during rally in Edoras.")
    arrests = [e for e in events if e["cameo"] == "173"]
    assert arrests and arrests[0]["trigger"]["text"] == "detain" and arrests[0]["target"]["text"] == "activists"


def test_the_offsets_of_a_re_read_sentence_stay_those_of_the_article(coder):
    text = "Talks ended on Monday.\nRohan police detain activists during rally in Edoras.\nNo one was hurt."
    for e in _events(coder, text):
        s, t = e["trigger"]["start"], e["trigger"]["end"]
        assert e["sentence"][s:t] == e["trigger"]["text"], e


def test_the_people_who_protest_are_not_the_protest(coder):
    # "CONFINE * PROTEST [141]" must not read "protesters" as "protest": a stem is not its doer noun
    events = _events(coder, "Guards detained protesters outside the ministry.")
    assert not any(e["cameo"] == "141" and e["trigger"]["text"] == "detained" for e in events)
    events = _events(coder, "Soldiers detained strikers at the port.")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "detained"] == ["173"]


def test_force_on_named_people_by_an_unknown_doer_is_an_event(coder):
    events = _events(coder, "Guards detained protesters outside the ministry.")
    arrest = [e for e in events if e["cameo"] == "173"]
    assert arrest and arrest[0]["source"] is None and arrest[0]["target"]["text"] == "protesters"

