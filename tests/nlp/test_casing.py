"""Restoring capitals: all lower case, all capitals, and title-case headlines (real dictionaries)."""
from __future__ import annotations

import pytest

from newsevents.coding.verbs import VerbDictionary
from newsevents.nlp.casing import is_title_case, restore_case
from newsevents.nlp.places import Gazetteer
from newsevents.resolve.dictionary import ActorDictionary


@pytest.fixture(scope="module")
def restore():
    actors, gazetteer = ActorDictionary.default(), Gazetteer.default()
    return lambda text: restore_case(text, actors, gazetteer, VerbDictionary.default().knows)


@pytest.mark.parametrize("text, expected", [
    ("russian officials met hamas in moscow. they agreed to talk.",
     "Russian officials met Hamas in Moscow. They agreed to talk."),
    ("u.s. troops left kabul on monday.", "U.S. troops left Kabul on Monday."),
    ("Russia Launches Air Strikes Against Rebels In Syria", "Russia launches Air strikes against Rebels in Syria"),
    # a name no dictionary knows keeps its capital; common words lose theirs
    ("Blinken Meets Lavrov In Geneva", "Blinken meets Lavrov in Geneva"),
    ("Putin Meets Erdogan In Sochi\nThe two leaders discussed a travel ban on Monday.",
     "Putin meets Erdogan in Sochi\nThe two leaders discussed a travel ban on Monday."),
])
def test_capitals_are_restored_and_the_length_kept(restore, text, expected):
    out = restore(text)
    assert out == expected and len(out) == len(text)


def test_ordinary_text_is_left_alone(restore):
    text = "The United Nations Security Council met on Monday to discuss the war in Yemen."
    assert not is_title_case(text) and restore(text) is text


def test_other_spaces_are_read_as_spaces_and_quoted_as_written(coder):
    """A narrow no-break space between words (common in press releases) no longer glues two
    words into one token: the sentence codes as with plain spaces, and the event quotes the
    article's own characters."""
    from newsevents.models import Article
    from newsevents.nlp.casing import plain_spaces

    plain = "Kenyan police arrested twelve opposition activists in Nairobi on Monday."
    odd = plain.replace(" ", "\u202f").replace("\u202fin\u202f", "\u00a0in\u2009")
    assert plain_spaces(odd) == plain
    got = {}
    for text in (plain, odd):
        events = coder.code_article(Article(id="x", text=text, published="2021-02-05"))
        got[text] = [(e.cameo, e.source and e.source.code, e.target and e.target.code, e.trigger["start"])
                     for e in events]
        assert all(e.sentence == text for e in events)
    assert got[odd] == got[plain] and got[plain]
