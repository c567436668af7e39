"""The pipeline: articles → spaCy parse (in batches) → coded events.

``Coder`` holds the loaded model and dictionaries (loaded once per process) and codes
articles in batches; ``code_parallel`` spreads batches over worker processes, each of
which loads the model once.
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import logging
import os
import pickle
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, Union

from . import __version__
from .coding.events import EventCoder, happened
from .coding.verbs import VerbDictionary
from .errors import ArticleError
from .models import Article, Event
from .nlp.casing import plain_spaces, restore_case
from .nlp.headlines import verb_reading, verbless_sentences_read
from .nlp.loader import load_model
from .read.clean import clean_article

log = logging.getLogger("newsevents")

# Texts longer than this are parsed paragraph by paragraph to bound memory.
MAX_PARSE_CHARS = 100_000
# A title longer than this is no headline (a page whose title is its text): not coded as one.
MAX_TITLE_CHARS = 300


# While coding, the young generation is collected after this many allocations (Python's
# default: 700). Coding a document makes tens of thousands of short-lived objects (its tokens,
# phrases, matches) that reference each other: with the default, most are examined and promoted
# again and again before their document is done with; collected in larger batches, most are
# gone by then. A few MB more memory at most.
GC_YOUNG_THRESHOLD = 50_000


# A parallel task closes at this many characters of text (or at batch_size articles), so that
# the workers get tasks of similar size and finish together.
TASK_CHARS = 20_000
# the smallest of the last tasks (see ``_tasks``)
TAIL_CHARS = 2_000


# -- the dictionaries, cached as one pickle ------------------------------------------------

_CACHE_SOURCES = ("coding", "resolve", "nlp", "lang", "ontology", "data", "models.py", "__init__.py")


def _cache_key() -> str:
    """Changes whenever a dictionary file or the code that builds the dictionaries changes."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{__version__}|{pickle.HIGHEST_PROTOCOL}".encode())
    for name in _CACHE_SOURCES:
        p = root / name
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.suffix in (".pyc",) or "__pycache__" in f.parts or not f.is_file():
                continue
            st = f.stat()
            h.update(f"{f.relative_to(root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def _cache_dir() -> Path | None:
    from .nlp.cachedir import cache_dir  # (where the smaller places' lines are kept too)

    return cache_dir()


def _event_coder() -> EventCoder:
    """The default ``EventCoder``; its dictionaries come from a pickle cache when one is valid.

    Parsing the packaged TSV tables takes about 0.5 s at every start; unpickling them about
    0.1 s. The cache (``$NEWSEVENTS_CACHE``, default ~/.cache/newsevents; ``NEWSEVENTS_CACHE=off``
    disables it) is keyed by the sizes and times of the data files and of the code that reads
    them, and any problem with it falls back to building the dictionaries.
    """
    folder = _cache_dir()
    path = None
    if folder is not None:
        try:
            path = folder / f"dictionaries-{_cache_key()}.pickle"
            with open(path, "rb") as fh:
                verbs, actors, gazetteer = pickle.load(fh)
            return EventCoder(verbs, actors, gazetteer)
        except FileNotFoundError:
            pass
        except Exception as exc:  # a stale or broken cache: rebuild it
            log.debug("dictionary cache %s unusable (%s); rebuilding", path, exc)
    coder = EventCoder()
    if folder is not None and path is not None:  # (path is only set with a folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump((coder.verbs, coder.actors, coder.gazetteer), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in folder.glob("dictionaries-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
        except Exception as exc:  # a read-only home, a full disk: just no cache
            log.debug("cannot write the dictionary cache %s: %s", path, exc)
            try:
                tmp.unlink(missing_ok=True)
            except Exception:
                pass
    return coder


@contextmanager
def _rarer_young_collections() -> Iterator[None]:
    """The garbage collector's young generation collected every ``GC_YOUNG_THRESHOLD``
    allocations (not fewer) meanwhile; the thresholds as they were afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _knows_verb(lemma: str) -> bool:
    """A verb the packaged verb dictionary knows (for ``restore_case``: "Lifts" in a headline)."""
    return VerbDictionary.default().knows(lemma)


class Coder:
    """A spaCy pipeline plus the event coder, ready to code articles."""

    def __init__(self, model: str | None = None, learned: bool = False) -> None:
        self.learned = learned  # let the learned classifier check each sentence's top event
        # Loading builds millions of long-lived objects: no cyclic GC passes meanwhile, and
        # afterwards move them out of the collector's sight (gc.freeze), so that the full
        # collections while coding do not walk the model and the dictionaries again and again
        # (and forked workers do not dirty the pages they share with their parent).
        enabled = gc.isenabled()
        gc.disable()
        try:
            self.coder = _event_coder()
            self.nlp = load_model(model)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()

    @staticmethod
    @lru_cache(maxsize=4)
    def get(model: str | None = None, learned: bool = False) -> "Coder":
        """The process-wide coder for ``model`` (loaded on first use)."""
        return Coder(model, learned)

    def code_article(self, article: Article, all_modalities: bool = False) -> list[Event]:
        """Events of one article; ``ArticleError`` when it cannot be parsed or coded."""
        _, result = next(self.code_results([article], all_modalities=all_modalities))
        if isinstance(result, ArticleError):
            raise result
        return result

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32,
                      all_modalities: bool = False) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in order, parsing them in batches; yields (article, events), one pair
        per article given (callers zip them with their inputs).

        An article that cannot be parsed or coded is logged as an error (with its origin, the
        stage and the exception) and comes with no events; ``code_results`` yields the
        ``ArticleError`` instead. What did not happen (a negated or hypothetical act) is left
        out unless ``all_modalities``."""
        for art, result in self.code_results(articles, batch_size, all_modalities):
            if isinstance(result, ArticleError):
                log.error("%s", result)
                result = []
            yield art, result

    def code_results(self, articles: Iterable[Article], batch_size: int = 32,
                     all_modalities: bool = False) -> Iterator[tuple[Article, Result]]:
        """(article, events) in input order, or (article, ``ArticleError``) for an article whose
        parse or coding raised: one article's failure never stops the others."""
        with _rarer_young_collections():
            batch: list[Article] = []
            for art in articles:
                batch.append(clean_article(art))
                if len(batch) >= batch_size:
                    yield from self._told(self._code_batch(batch), all_modalities)
                    batch = []
            if batch:
                yield from self._told(self._code_batch(batch), all_modalities)

    @staticmethod
    def _told(coded: Iterator[tuple[Article, Result]], all_modalities: bool) -> Iterator[tuple[Article, Result]]:
        for art, result in coded:
            if all_modalities or isinstance(result, ArticleError):
                yield art, result
            else:
                yield art, [ev for ev in result if happened(ev)]

    def _code_batch(self, batch: Sequence[Article]) -> Iterator[tuple[Article, Result]]:
        docs = self._parse_batch(batch)
        titles = self._parse_titles(batch)
        coded: list[Result] = []
        for art in batch:
            doc = docs[id(art)]
            if isinstance(doc, ArticleError):
                coded.append(doc)
                continue
            try:
                events = self.coder.code_doc(art, doc)
                title = titles.get(id(art))
                if title is not None:  # the title, coded like a lead sentence (its events first)
                    events = self.coder.code_title(art, title, events) + events
                coded.append(events)
            except Exception as exc:  # a coder bug costs this article only
                coded.append(_failure(art, "coding", exc))
        if self.learned:
            coded = self._relabel(batch, coded)
        yield from zip(batch, coded)

    def _parse_batch(self, batch: Sequence[Article]) -> dict[int, Any]:
        """id(article) -> its parse or an ``ArticleError``: the short ones parsed together (one
        by one again when that raises), the long ones paragraph by paragraph."""
        out: dict[int, Any] = {}
        short = [a for a in batch if len(a.text) <= MAX_PARSE_CHARS]
        try:
            texts = [self._parser_text(a.text) for a in short]
            docs = self.nlp.pipe(texts, batch_size=len(short) or 1)
            out.update((id(a), self._verbless_read(d)) for a, d in zip(short, docs))
        except Exception:  # find the article that raised
            for art in short:
                out[id(art)] = self._parse_one(art, short=True)
        for art in batch:
            if id(art) not in out:
                out[id(art)] = self._parse_one(art, short=False)
        return out

    def _parse_one(self, art: Article, short: bool) -> Any:
        try:
            if short:
                return self._verbless_read(self.nlp(self._parser_text(art.text)))
            return self._verbless_read(self._parse_long(art.text))
        except Exception as exc:
            return _failure(art, "parsing", exc)

    def _relabel(self, batch: Sequence[Article], coded: list[Result]) -> list[Result]:
        """The learned check over the batch's coded articles (one by one again when it raises)."""
        from .learn.policy import relabel_articles

        ok = {i: r for i, r in enumerate(coded) if not isinstance(r, ArticleError)}
        try:
            for i, events in zip(ok, relabel_articles(list(ok.values()))):
                coded[i] = events
        except Exception:
            for i, events in ok.items():
                try:
                    coded[i] = relabel_articles([events])[0]
                except Exception as exc:
                    coded[i] = _failure(batch[i], "the learned check", exc)
        return coded

    def _parse_titles(self, batch: Sequence[Article]) -> dict[int, Any]:
        """The parsed titles of the batch's articles that have one, by ``id(article)`` (none
        when parsing them raises: a title is never worth an article)."""
        titled = [a for a in batch if a.title and a.title.strip() and len(a.title) <= MAX_TITLE_CHARS]
        texts = [self._parser_text(a.title or "") for a in titled]
        try:
            docs = self.nlp.pipe(texts, batch_size=len(titled) or 1)
            return {id(a): verb_reading(self.nlp, d, _knows_verb, self._knows_actor) for a, d in zip(titled, docs)}
        except Exception:
            log.debug("titles of a batch could not be parsed", exc_info=True)
            return {}

    def _parser_text(self, text: str) -> str:
        """What the parser reads of ``text`` (same length): names' capitals restored, every
        space separator a plain space. Events quote the article's own text."""
        return plain_spaces(restore_case(text, self.coder.actors, self.coder.gazetteer, _knows_verb))

    def _verbless_read(self, doc: Any) -> Any:
        """``doc`` with its verbless sentences read as clauses where they can be (nlp/headlines.py)."""
        return verbless_sentences_read(self.nlp, doc, _knows_verb, self._knows_actor)

    def _knows_actor(self, word: str) -> bool:
        """A word the actor dictionary knows ("rebels", "Hamas")."""
        return self.coder.actors.lookup(word) is not None

    def _parse_long(self, text: str):
        """Parse a very long text piece by piece (paragraphs, cut further at line and sentence
        ends when longer than ``MAX_PARSE_CHARS``) and join the parses."""
        from spacy.tokens import Doc

        docs = list(self.nlp.pipe(split_long(plain_spaces(text), min(MAX_PARSE_CHARS, self.nlp.max_length)),
                                  batch_size=16))
        return Doc.from_docs(docs, ensure_whitespace=True) if docs else self.nlp("")


Result = Union[list[Event], ArticleError]


def _failure(art: Article, stage: str, exc: BaseException) -> ArticleError:
    log.debug("%s: %s failed", art.origin or art.id, stage, exc_info=True)
    return ArticleError(art.origin or art.id, stage, f"{type(exc).__name__}: {exc}")


_CUTS = ("\n", ". ", "; ", ", ", " ")


def split_long(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at a paragraph end when there is
    one, else a line end, a sentence end, a clause end, a space, else anywhere. Joined again by
    single spaces (``Doc.from_docs``), the pieces' parses cover the whole text."""
    pieces: list[str] = []
    for part in text.split("\n\n"):
        while len(part) > limit:
            window = part[:limit]
            cut = next((window.rfind(sep) + len(sep) for sep in _CUTS if window.rfind(sep) > 0), limit)
            pieces.append(part[:cut])
            part = part[cut:]
        pieces.append(part)
    return pieces


# -- several processes ---------------------------------------------------------------------

_WORKER: Coder | None = None


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it dies (a killed ``--workers`` run must
    not leave its workers coding on, a few hundred MB each): Linux's parent-death signal,
    elsewhere a thread that watches the parent."""
    import signal
    import threading

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0 and os.getppid() == parent:
            return
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before we were watching
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsevents-parent-watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


# A forked worker codes about this many articles (the tasks of one pool), then leaves; a fresh
# one, forked again from the parent (the loaded model, empty caches, a clean heap), goes on.
# What a worker accumulates while coding -- spaCy's string store (every new word, name and
# number it meets), the coder's caches, the allocator's high-water mark -- is so bounded by
# this number, not by the length of the input. A fork costs milliseconds; the fresh worker's
# caches warm up again. ``NEWSEVENTS_WORKER_ARTICLES`` overrides it (0: workers never replaced).
WORKER_ARTICLES = 500


def worker_articles() -> int:
    """``WORKER_ARTICLES``, or ``$NEWSEVENTS_WORKER_ARTICLES`` when set to a number."""
    value = os.environ.get("NEWSEVENTS_WORKER_ARTICLES", "").strip()
    return int(value) if value.isdigit() else WORKER_ARTICLES


def _init_worker(model: str | None, learned: bool = False, parent: int | None = None) -> None:
    global _WORKER
    if parent is not None:
        _die_with_parent(parent)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if _WORKER is None:  # forked workers inherit the parent's coder; spawned ones load their own
        _WORKER = Coder.get(model, learned)


def _work(batch: list[Article], batch_size: int, all_modalities: bool = False) -> list[tuple[Article, Result]]:
    assert _WORKER is not None
    return list(_WORKER.code_results(batch, batch_size=batch_size, all_modalities=all_modalities))


def _tasks(articles: Iterable[Article], batch_size: int, workers: int = 1) -> Iterator[list[Article]]:
    """Consecutive tasks of at most ``batch_size`` articles and about ``TASK_CHARS`` characters;
    once the input's end is in sight (it is read ``2 × workers`` tasks ahead), each task takes
    a ``2 × workers``-th of what is left (at least ``TAIL_CHARS``): the last tasks get smaller
    and smaller, so that the workers finish together."""
    it = iter(articles)
    ahead: deque[Article] = deque()
    left = 0  # characters in ``ahead``
    done = False
    while True:
        while not done and left < TASK_CHARS * 2 * workers:
            art = next(it, None)
            if art is None:
                done = True
            else:
                ahead.append(art)
                left += len(art.text)
        if not ahead:
            return
        limit = TASK_CHARS if not done else min(TASK_CHARS, max(TAIL_CHARS, left // (2 * workers)))
        task: list[Article] = []
        chars = 0
        while ahead and len(task) < batch_size and chars < limit:
            art = ahead.popleft()
            task.append(art)
            chars += len(art.text)
        left -= chars
        yield task


def _return_free_memory() -> None:
    """Collect garbage and hand the heap's free pages back to the system (glibc's ``malloc_trim``;
    elsewhere a no-op): the parent's freed results and saves would otherwise stay resident, and be
    copied into every worker forked after them."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        trim = getattr(libc, "malloc_trim", None)
        if trim is not None:
            trim(0)
    except OSError:
        pass


def _start_method() -> str:
    """How worker processes start here: "fork" (Linux: they share the loaded model) or "spawn"."""
    import multiprocessing as mp

    return "fork" if "fork" in mp.get_all_start_methods() and os.name != "nt" else "spawn"


def code_parallel(articles: Iterable[Article], *, model: str | None = None, workers: int = 1,
                  batch_size: int = 32, learned: bool = False,
                  all_modalities: bool = False, isolate: bool = False) -> Iterator[tuple[Article, Result]]:
    """Code articles with ``workers`` processes (1 = in this process); results in input order:
    (article, events), or (article, ``ArticleError``) for one that could not be coded
    (``all_modalities``: with the negated and hypothetical acts too). ``isolate``: with one
    worker too, code in a forked process where fork is available, so that a process that
    runs for days (``watch``) does not keep what coding gathers (spaCy's string store, the
    allocator's high-water mark).

    Nothing is loaded before a first article arrives (an incremental run with nothing new
    never loads the model). With ``fork`` (Linux), the model is loaded once in this process
    and the workers inherit it (shared pages, no load per worker); every
    ``workers × WORKER_ARTICLES`` articles the workers are replaced by fresh ones, forked
    again, so that what a worker accumulates does not grow with the input.
    """
    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    it = itertools.chain([first], it)
    method = _start_method()
    if workers <= 1 and not (isolate and method == "fork"):
        yield from Coder.get(model, learned).code_results(it, batch_size=batch_size, all_modalities=all_modalities)
        return
    import multiprocessing as mp

    global _WORKER
    workers = max(workers, 1)
    ctx = mp.get_context(method)
    if method == "fork":
        _WORKER = Coder.get(model, learned)
    # spawned workers load the model themselves (seconds each): they are kept for the whole run
    lifetime = workers * worker_articles() if method == "fork" else 0
    try:
        while True:
            head = next(it, None)
            if head is None:
                return
            generation = itertools.chain([head], itertools.islice(it, lifetime - 1) if lifetime else it)
            if method == "fork":
                _return_free_memory()  # the fresh workers start from what the parent really holds
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                     initargs=(model, learned, os.getpid())) as pool:
                pending: deque[Any] = deque()
                for task in _tasks(generation, batch_size, workers):
                    pending.append(pool.submit(_work, task, batch_size, all_modalities))
                    while len(pending) > workers * 2:
                        yield from pending.popleft().result()
                while pending:
                    yield from pending.popleft().result()
    finally:
        if method == "fork":
            _WORKER = None
