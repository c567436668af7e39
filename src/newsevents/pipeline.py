"""The pipeline: articles → spaCy parse (in batches) → coded events.

``Coder`` holds the loaded model and dictionaries (loaded once per process) and codes
articles in batches; ``code_parallel`` spreads batches over worker processes, each of
which loads the model once.
"""
from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from .coding.events import EventCoder
from .models import Article, Event
from .nlp.casing import restore_case
from .nlp.loader import load_model

log = logging.getLogger("newsevents")

# Texts longer than this are parsed paragraph by paragraph to bound memory.
MAX_PARSE_CHARS = 100_000


class Coder:
    """A spaCy pipeline plus the event coder, ready to code articles."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_model(model)
        self.coder = EventCoder()

    @staticmethod
    @lru_cache(maxsize=4)
    def get(model: str | None = None) -> "Coder":
        """The process-wide coder for ``model`` (loaded on first use)."""
        return Coder(model)

    def code_article(self, article: Article) -> list[Event]:
        """Events of one article."""
        return next(self.code_articles([article]))[1]

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in order, parsing them in batches; yields (article, events)."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: Sequence[Article]) -> Iterator[tuple[Article, list[Event]]]:
        short = [a for a in batch if len(a.text) <= MAX_PARSE_CHARS]
        texts = [restore_case(a.text, self.coder.actors, self.coder.gazetteer) for a in short]
        docs = dict(zip((id(a) for a in short), self.nlp.pipe(texts, batch_size=len(short) or 1)))
        for art in batch:
            doc = docs.get(id(art))
            if doc is None:
                doc = self._parse_long(art.text)
            yield art, self.coder.code_doc(art, doc)

    def _parse_long(self, text: str):
        """Parse a very long text paragraph by paragraph and join the parses."""
        from spacy.tokens import Doc

        parts = [p for p in text.split("\n\n")]
        docs = list(self.nlp.pipe(parts, batch_size=16))
        return Doc.from_docs(docs, ensure_whitespace=True) if docs else self.nlp("")


# -- several processes ---------------------------------------------------------------------

_WORKER: Coder | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER = Coder(model)


def _work(batch: list[Article]) -> list[tuple[Article, list[Event]]]:
    assert _WORKER is not None
    return list(_WORKER.code_articles(batch, batch_size=len(batch)))


def code_parallel(articles: Iterable[Article], *, model: str | None = None, workers: int = 1,
                  batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
    """Code articles with ``workers`` processes (1 = in this process); results in input order."""
    if workers <= 1:
        yield from Coder.get(model).code_articles(articles, batch_size=batch_size)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(model,)) as pool:
        pending = []
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                pending.append(pool.submit(_work, batch))
                batch = []
                while len(pending) > workers * 2:
                    yield from pending.pop(0).result()
        if batch:
            pending.append(pool.submit(_work, batch))
        for fut in pending:
            yield from fut.result()
