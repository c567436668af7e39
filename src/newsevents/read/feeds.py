"""RSS 2.0 / Atom feeds (files or http(s) URLs) → one ``Article`` per item (feedparser).

Each item's page is fetched (``fetch.Fetcher``: user agent, timeouts, retries, per-host delay,
robots.txt, size cap) and its main text extracted by the HTML reader; the article's id and url
are the item's link, its title the item's (else the page's), ``published`` the item's date (else
the page's) and ``source`` the feed's title. A page that cannot be fetched or read is a
``ReadError`` naming the feed and the link; the other items go on.
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.sax import SAXException

from ..errors import ReadError
from ..models import Article
from .decode import decode_bytes
from .fetch import Fetcher, FetchError
from .html import parse_html_page
from .text import parse_text_page

log = logging.getLogger("newsevents.read")

FEED_EXTENSIONS = (".rss", ".atom", ".xml")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def is_feed_path(value: str) -> bool:
    """A feed by its name: an http(s) URL (not a WARC) or a .rss / .atom / .xml file."""
    low = value.lower()
    if low.endswith((".warc", ".warc.gz")):
        return False
    return is_url(value) or (low.endswith(FEED_EXTENSIONS) and os.path.isfile(value))


@dataclass
class FeedItem:
    """One entry of a feed: its link, title and date (YYYY-MM-DD) when it has them."""

    link: str | None
    title: str | None
    published: str | None


@dataclass
class Feed:
    """A parsed feed: where it came from, its title, items and validators for the next poll."""

    origin: str
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    problem: str | None = None  # malformed XML that the lenient parser got around


def _item_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def parse_feed(data: bytes, origin: str) -> Feed:
    """Parse RSS / Atom bytes; ``ReadError`` (naming ``origin``) when they are not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        exc = parsed.get("bozo_exception")
        why = f"malformed feed ({exc})" if exc else "not an RSS or Atom feed"
        raise ReadError(origin, f"{why}; check the URL or the file")
    problem = None
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(exc, SAXException):
        problem = f"malformed feed XML ({exc}); the items readable in it are read"
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if is_url(entry.get("id") or "") else None)
        items.append(FeedItem(link=link, title=(entry.get("title") or "").strip() or None,
                              published=_item_date(entry)))
    title = (parsed.feed.get("title") or "").strip() or None
    return Feed(origin=origin, title=title, items=items, problem=problem)


def load_feed(source: str, fetcher: Fetcher | None, *, etag: str | None = None,
              last_modified: str | None = None, max_bytes: int = 20_000_000) -> Feed:
    """Read a feed file or GET a feed URL (conditionally: a 304 gives ``not_modified``)."""
    if not is_url(source):
        try:
            with open(source, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(source, f"cannot read: {exc.strerror or exc}") from exc
        if len(data) > max_bytes:
            raise ReadError(source, f"file is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
        return parse_feed(data, source)
    if fetcher is None:
        raise ReadError(source, "feed URLs need a fetcher")
    page = fetcher.get(source, etag=etag, last_modified=last_modified)
    if page.status == 304:
        return Feed(origin=source, etag=page.etag, last_modified=page.last_modified, not_modified=True)
    feed = parse_feed(page.content, source)
    feed.etag, feed.last_modified = page.etag, page.last_modified
    return feed


def page_article(url: str, fetcher: Fetcher, *, origin: str) -> Article:
    """Fetch ``url`` and read it as an article (HTML, or plain text); raise ``ReadError``."""
    page = fetcher.get(url)
    kind = page.content_type
    if kind and kind not in HTML_TYPES and kind not in TEXT_TYPES:
        raise ReadError(origin, f"not an HTML page ({kind}); skipped")
    text = decode_bytes(page.content, origin)
    if kind in TEXT_TYPES:
        art = parse_text_page(text, id=url, origin=origin)
    else:
        art = parse_html_page(text, id=url, origin=origin)
    if isinstance(art, ReadError):
        raise art
    return art


def item_article(item: FeedItem, feed: Feed, fetcher: Fetcher) -> Article:
    """The article of one feed item: its page's text with the item's link, title and date."""
    origin = f"{feed.origin} item {item.link}"
    if not item.link or not is_url(item.link):
        raise ReadError(f"{feed.origin} item {item.title or '?'}", "the item has no http(s) link; skipped")
    try:
        art = page_article(item.link, fetcher, origin=origin)
    except FetchError as exc:
        raise ReadError(origin, exc.reason) from exc
    art.id = art.url = item.link
    art.title = item.title or art.title
    art.published = item.published or art.published
    art.source = feed.title or art.source
    return art


def read_feed(source: str, fetcher: Fetcher, *, skip: Callable[[str], bool] | None = None,
              max_bytes: int = 20_000_000) -> Iterator[Article | ReadError]:
    """Every item of the feed ``source`` as an ``Article`` (or a ``ReadError``), in feed order;
    items whose link ``skip`` accepts, and repeated links, are left out unfetched."""
    try:
        feed = load_feed(source, fetcher, max_bytes=max_bytes)
    except ReadError as exc:
        yield exc
        return
    if feed.problem:
        yield ReadError(source, feed.problem)
    seen: set[str] = set()
    for item in feed.items:
        if item.link and (item.link in seen or (skip is not None and skip(item.link))):
            continue
        if item.link:
            seen.add(item.link)
        try:
            yield item_article(item, feed, fetcher)
        except ReadError as exc:
            yield exc
