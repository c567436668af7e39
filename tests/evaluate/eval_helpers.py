"""Hand-made events for the scorer tests (no model needed)."""
from __future__ import annotations

from newsevents.models import Actor, Event
from newsevents.ontology.plover import to_plover


def actor(text: str, sentence: str, code: str | None, country: str | None = None) -> Actor:
    start = sentence.index(text)
    return Actor(text=text, start=start, end=start + len(text), name=text, country=country or (code or "")[:3] or None,
                 code=code)


def event(sentence: str, cameo: str, src: tuple[str, str | None] | None = None,
          tgt: tuple[str, str | None] | None = None, confidence: float = 0.5, trigger: str = "x",
          rule: str = "TEST") -> Event:
    start = sentence.find(trigger)
    return Event(
        article_id="t", sentence_index=0, sentence=sentence, cameo=cameo,
        trigger={"text": trigger, "start": max(start, 0), "end": max(start, 0) + len(trigger)},
        source=actor(src[0], sentence, src[1]) if src else None,
        target=actor(tgt[0], sentence, tgt[1]) if tgt else None,
        plover=to_plover(cameo), confidence=confidence, rule=rule)
