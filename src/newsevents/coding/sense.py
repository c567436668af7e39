"""Word sense from context: which violent verbs tell a political event.

"A tsunami killed 222 people", "a boiler exploded", "floods hit parts of Japan": the verbs
are those of an attack, but nobody attacked. A violent event (CAMEO 18–20) that no known
actor did, in a sentence whose only named cause is a disaster or an accident
(``lang/en/words/disaster_causes.txt``), is not a political event.
"""
from __future__ import annotations

from typing import Any

from ..lang import words
from ..models import Event
from ..nlp.docfacts import facts

VIOLENT_ROOTS = ("18", "19", "20")


def _causes(sent: Any) -> bool:
    causes = words("disaster_causes")
    toks = facts(sent.doc).sentence_tokens(sent)
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in causes for t in toks)


def accidental(events: list[Event], sent: Any) -> list[Event]:
    """``events`` without the violent ones that a disaster or an accident did ("a tsunami killed")."""
    if not any(ev.cameo[:2] in VIOLENT_ROOTS and not (ev.source and ev.source.code) for ev in events):
        return events
    if not _causes(sent):
        return events
    return [ev for ev in events if not (ev.cameo[:2] in VIOLENT_ROOTS and not (ev.source and ev.source.code))]
