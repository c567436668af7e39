"""Hand-made events for the scorer tests (no model needed)."""
from __future__ import annotations

from pathlib import Path

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


def realnews_articles(corpus: Path, wanted: set[str]) -> list:
    """The articles of the real-news corpus file whose ids are ``wanted`` (each with its origin)."""
    import json

    from newsevents.read.jsonl import article_from_object

    articles = []
    with open(corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            obj = json.loads(line)
            if obj.get("id") in wanted:
                articles.append(article_from_object(obj, f"articles.jsonl:{n}"))
    return articles
