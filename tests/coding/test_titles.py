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
