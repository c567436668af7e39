"""``newsevents watch``: poll feeds and folders at an interval and code only what is new.

    stop = threading.Event()
    with Store("events.db") as store, stop_on_signals(stop):
        Watcher(["https://example.org/news.rss", "inbox/"], store, WatchOptions(), stop).run(print)

Sources: feed URLs and files (RSS / Atom), folders (their articles, as ``newsevents code``
reads them) and files listing feeds (one URL or feed path a line; ``#`` comments), read again
at every poll. An item is new when its URL (folders: its file) has not been coded and its text
(hash of its words) has not been coded under another URL. What was seen and how each feed
answered is kept in the store (``store/watch_state.py``), so a restarted watch goes on where it
stopped. A failing feed (timeout, HTTP error, malformed XML) is reported and retried after
``retry_base`` × 2^(failures-1) seconds (at most ``max_backoff``); the others go on. Ctrl-C or
SIGTERM stops after the article being coded: what was coded is saved and marked, nothing else.
"""
from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .errors import ArticleError, NewsEventsError, ReadError
from .models import Article, Event
from .read.feeds import Feed, is_feed_path, is_url, item_article, load_feed
from .read.fetch import Fetcher, FetchSettings
from .store import Store
from .store.watch_state import MAX_ITEM_ATTEMPTS, FeedState, WatchState

log = logging.getLogger("newsevents.watch")


class WatchError(NewsEventsError):
    """A watch source is neither a feed, a folder nor a list of feeds."""


@dataclass(frozen=True)
class WatchSource:
    kind: str  # "feed" | "folder"
    location: str


@dataclass
class WatchOptions:
    """How often to poll, how to fetch and how to code."""

    interval: float = 300.0  # seconds from the end of a poll to the start of the next
    polls: int | None = None  # stop after this many polls (None: until stopped)
    retry_base: float | None = None  # first back-off of a failing feed (default: interval)
    max_backoff: float = 3600.0
    fetch: FetchSettings = field(default_factory=FetchSettings)
    max_bytes: int = 20_000_000
    model: str | None = None
    workers: int = 1
    batch_size: int = 32


@dataclass
class PollReport:
    """What one poll did; ``line()`` is its log line."""

    number: int
    sources: int = 0
    new: int = 0
    coded: int = 0
    events: int = 0
    seen: int = 0
    backing_off: int = 0
    failed_feeds: list[str] = field(default_factory=list)
    failed_items: list[str] = field(default_factory=list)
    stopped: bool = False

    def line(self) -> str:
        parts = [f"poll {self.number}: {self.sources} source(s), {self.new} new item(s), "
                 f"{self.coded} article(s) coded, {self.events} event(s), {self.seen} already seen"]
        if self.failed_feeds:
            parts.append(f"{len(self.failed_feeds)} feed(s) failing")
        if self.backing_off:
            parts.append(f"{self.backing_off} feed(s) backing off")
        if self.failed_items:
            parts.append(f"{len(self.failed_items)} item(s) failed")
        if self.stopped:
            parts.append("stopped (the rest on the next run)")
        return "; ".join(parts)


def text_hash(article: Article) -> str:
    """Hash of an article's words: the same story under two URLs has the same one."""
    return hashlib.sha256(" ".join(article.text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _feed_list(path: str) -> list[str] | None:
    """The feeds a file lists (one URL or feed path a line), or None if it is not such a list."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = [ln.strip() for ln in fh.read(1_000_000).splitlines()]
    except (OSError, UnicodeDecodeError):
        return None
    entries = [ln for ln in lines if ln and not ln.startswith("#")]
    if entries and all(is_url(e) or is_feed_path(e) for e in entries):
        return entries
    return None


def expand_sources(args: list[str]) -> list[WatchSource]:
    """Feeds and folders of ``args``; WatchError for anything else."""
    out: list[WatchSource] = []
    for arg in args:
        if os.path.isdir(arg):
            out.append(WatchSource("folder", arg))
        elif is_feed_path(arg):
            out.append(WatchSource("feed", arg))
        elif os.path.isfile(arg) and (listed := _feed_list(arg)) is not None:
            out.extend(WatchSource("feed", f) for f in listed)
        else:
            raise WatchError(f"{arg}: not a feed (URL, .rss/.atom/.xml), a folder or a file listing "
                             "feeds (one URL a line); check the path")
    return list(dict.fromkeys(out))


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C and SIGTERM set ``stop`` (the watch ends after the article being coded); a
    second one interrupts at once (open transactions roll back). Main thread only."""
    def handler(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        log.warning("%s: stopping after the article being coded (again to stop at once)",
                    signal.Signals(signum).name)
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


class Watcher:
    """Polls ``sources`` into ``store`` until ``stop`` is set or ``options.polls`` are done."""

    def __init__(self, sources: list[str], store: Store, options: WatchOptions,
                 stop: threading.Event | None = None) -> None:
        self.args = list(sources)
        expand_sources(self.args)  # fail early on a bad source
        self.store = store
        self.state = WatchState(store)
        self.options = options
        self.stop = stop or threading.Event()
        self.fetcher = Fetcher(options.fetch)

    def close(self) -> None:
        self.fetcher.close()

    def run(self, on_poll: Callable[[PollReport], None] | None = None) -> int:
        """Poll until stopped; ``on_poll`` gets each poll's report. Returns the polls done."""
        done = 0
        try:
            while not self.stop.is_set():
                done += 1
                report = self.poll(done)
                if on_poll is not None:
                    on_poll(report)
                if self.options.polls is not None and done >= self.options.polls:
                    break
                self.stop.wait(self.options.interval)
        finally:
            self.close()
        return done

    def poll(self, number: int) -> PollReport:
        """One pass over every source: fetch what is new, code it, save it, mark it seen."""
        report = PollReport(number)
        try:
            sources = expand_sources(self.args)
        except WatchError as exc:  # a feed list edited meanwhile
            report.failed_feeds.append(str(exc))
            return report
        report.sources = len(sources)
        now = datetime.now(timezone.utc)
        items: list[tuple[str, Article]] = []
        polled: list[FeedState] = []
        for src in sources:
            if self.stop.is_set():
                break
            if src.kind == "folder":
                items += self._folder_items(src.location, report)
            else:
                got = self._feed_items(src.location, report, now)
                if got is not None:
                    items += got[1]
                    polled.append(got[0])
        self._code(items, report)
        if not self.stop.is_set():  # validators kept only once every item they cover is coded
            for state in polled:
                self.state.feed_ok(state, now)
        report.stopped = self.stop.is_set()
        return report

    # ---------------------------------------------------------------- sources

    def _feed_failed(self, state: FeedState, error: ReadError, report: PollReport, now: datetime) -> None:
        base = self.options.retry_base if self.options.retry_base is not None else self.options.interval
        delay = self.state.feed_failed(state, error.reason, now, base, self.options.max_backoff)
        report.failed_feeds.append(f"{error} (failure {state.failures + 1} in a row; next try in {delay:.0f} s)")

    def _load(self, source: str, state: FeedState, report: PollReport, now: datetime) -> Feed | None:
        try:
            feed = load_feed(source, self.fetcher, etag=state.etag, last_modified=state.last_modified,
                             max_bytes=self.options.max_bytes)
        except ReadError as exc:
            self._feed_failed(state, exc, report, now)
            return None
        if feed.problem and not feed.items:
            self._feed_failed(state, ReadError(source, feed.problem), report, now)
            return None
        if feed.problem:
            report.failed_feeds.append(f"{source}: {feed.problem}")
        state.etag, state.last_modified = feed.etag, feed.last_modified
        return feed

    def _feed_items(self, source: str, report: PollReport,
                    now: datetime) -> tuple[FeedState, list[tuple[str, Article]]] | None:
        """The new items of a feed (None when it failed or is backing off)."""
        state = self.state.feed(source)
        if state.retry_at is not None and state.retry_at > now:
            report.backing_off += 1
            return None
        feed = self._load(source, state, report, now)
        if feed is None:
            return None
        links = list(dict.fromkeys(i.link for i in feed.items if i.link))
        seen = self.state.seen_keys(links)
        report.seen += len(seen)
        out: list[tuple[str, Article]] = []
        for item in feed.items:
            if self.stop.is_set():
                break
            if not item.link or item.link in seen:
                continue
            seen.add(item.link)
            try:
                out.append((item.link, item_article(item, feed, self.fetcher)))
            except ReadError as exc:
                n = self.state.item_failed(item.link, now)
                tail = "; not fetched again" if n >= MAX_ITEM_ATTEMPTS else "; retried next poll"
                report.failed_items.append(f"{exc} (failure {n} of {MAX_ITEM_ATTEMPTS}{tail})")
        return state, out

    def _folder_items(self, folder: str, report: PollReport) -> list[tuple[str, Article]]:
        from .read import read_inputs

        out: list[tuple[str, Article]] = []
        for item in read_inputs([folder], max_bytes=self.options.max_bytes):
            if isinstance(item, ReadError):
                report.failed_items.append(str(item))
            else:
                out.append((f"file:{item.origin or item.id}", item))
        return out

    # ---------------------------------------------------------------- coding

    def _new_only(self, items: list[tuple[str, Article]], report: PollReport) -> list[tuple[str, str, Article]]:
        """Items whose text has not been coded yet (the others are marked seen under their key)."""
        hashed = [(key, text_hash(art), art) for key, art in items]
        coded = self.state.seen_hashes(h for _, h, _ in hashed)
        stored = self.store.known_hashes(a.id for _, _, a in hashed)
        fresh, again, taken = [], [], set(coded)
        for key, h, art in hashed:
            # coded under another key, earlier in this poll, or saved by a run stopped before marking
            if h in taken or stored.get(art.id) == art.content_hash:
                again.append((key, h))
            else:
                taken.add(h)
                fresh.append((key, h, art))
        self.state.mark_seen(again, datetime.now(timezone.utc))
        report.seen += len(again)
        report.new += len(fresh)
        return fresh

    def _code(self, items: list[tuple[str, Article]], report: PollReport) -> None:
        fresh = self._new_only(items, report)
        if not fresh or self.stop.is_set():
            return
        from .pipeline import code_parallel

        marks = {art.id: (key, h) for key, h, art in fresh}  # workers send back copies
        opts = self.options
        # (in forked workers even with one: a watch runs for days, a poll's worker goes with it)
        results = code_parallel((art for _, _, art in fresh), model=opts.model, workers=opts.workers,
                                batch_size=opts.batch_size, isolate=True)
        pending: list[tuple[Article, list[Event]]] = []
        try:
            for art, events in results:
                if isinstance(events, ArticleError):  # its coding failed: reported, tried at a later poll
                    log.error("%s", events)
                    report.failed_items.append(art.url or art.id)
                    continue
                pending.append((art, events))
                if len(pending) >= opts.batch_size or self.stop.is_set():
                    self._save(pending, marks, report)
                    pending = []
                if self.stop.is_set():
                    break
        finally:
            close = getattr(results, "close", None)  # stops the worker pool
            if close is not None:
                close()
        self._save(pending, marks, report)

    def _save(self, batch: list[tuple[Article, list[Event]]], marks: dict[str, tuple[str, str]],
              report: PollReport) -> None:
        if not batch:
            return
        self.store.save(batch)
        self.state.mark_seen([marks[art.id] for art, _ in batch], datetime.now(timezone.utc))
        report.coded += len(batch)
        report.events += sum(len(evs) for _, evs in batch)
