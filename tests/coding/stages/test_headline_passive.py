"""A headline's bare past verb is a passive with its auxiliary left out: its subject is the one
acted on (issue #20, role rule "headline-passive" in coding/stages/roles.py)."""
from __future__ import annotations

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow


def _title_events(coder, title: str) -> list[dict]:
    art = Article(id="t", title=title, text="The report gave no further details.", published="2024-01-10")
    return [e.to_dict() for e in coder.code_article(art) if e.sentence_index == -1]


@pytest.mark.parametrize("title, who", [
    ("Mayor of Edoras stabbed on stage", "Mayor of Edoras"),
    ("Opposition leader shot dead in the capital", "Opposition leader"),
    ("Army says Taliban commander killed", "Taliban commander"),
])
def test_the_subject_of_a_headlines_bare_past_is_its_target(coder, title, who):
    events = [e for e in _title_events(coder, title) if e["cameo"][:2] in ("18", "19")]
    assert events, _title_events(coder, title)
    assert events[0]["target"] and events[0]["target"]["text"] == who
    assert events[0]["source"] is None or events[0]["source"]["text"] != who


@pytest.mark.parametrize("title, who", [
    ("Police fired on protesters in the capital", "Police"),  # an aimed phrase naming whom: active
    ("Rebels clashed with troops near the border", "Rebels"),  # mutual
])
def test_a_headlines_active_past_keeps_its_subject_as_source(coder, title, who):
    events = [e for e in _title_events(coder, title) if e["cameo"][:2] in ("18", "19")]
    assert events and any(e["source"] and e["source"]["text"] == who for e in events), events


def test_a_body_sentence_is_no_headline(coder):
    art = Article(id="t", text="Police fired in the capital on Monday.", published="2024-01-10")
    events = [e.to_dict() for e in coder.code_article(art)]
    assert not any(e["target"] and e["target"]["text"] == "Police" for e in events), events
