"""newsevents: news articles in, political events (CAMEO / PLOVER) out.

Public API::

    from newsevents import code_text, code_articles, Article, Event
    events = code_text("Russia's president met Chinese officials on Monday.", published="2021-02-05")
"""
from __future__ import annotations

from .errors import NewsEventsError
from .models import Actor, Article, Event, Place

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Event", "Place", "NewsEventsError", "code_text", "code_articles"]


def code_text(text: str, published: str | None = None, *, title: str | None = None,
              article_id: str = "text", model: str | None = None, learned: bool = False) -> list[Event]:
    """Code one article's text into events. ``published`` is its ISO publication date.

    ``learned=True`` lets the learned classifier relabel a sentence's most confident event
    when it is confident the dictionaries chose the wrong class; the default gives the dictionary
    coder's own output. Mojibake ("Turkeyâ€™s") is repaired first, as the readers of
    ``newsevents code`` do.
    """
    from .pipeline import Coder
    from .read.mojibake import fix_mojibake

    article = Article(id=article_id, text=fix_mojibake(text), title=fix_mojibake(title) if title else None,
                      published=published)
    return Coder.get(model, learned).code_article(article)


def code_articles(articles, *, model: str | None = None, batch_size: int = 32, learned: bool = False):
    """Code many ``Article`` objects; yields ``(article, events)`` pairs in input order."""
    from .pipeline import Coder

    yield from Coder.get(model, learned).code_articles(articles, batch_size=batch_size)
