"""Feeds: RSS / Atom from a local HTTP server on the loopback address, pages fetched politely."""
from __future__ import annotations

import sqlite3
import time

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.errors import ReadError
from newsevents.read import read_inputs
from newsevents.read.feeds import page_article, read_feed
from newsevents.read.fetch import Fetcher, FetchError, FetchSettings

from .helpers import page, rss

FAST = FetchSettings(timeout=1.0, retries=0, host_delay=0.0)

SENTENCES = {
    "/news/a.html": ("Ministers meet", "The foreign minister of France met the Chinese ambassador in Paris on Monday."),
    "/news/b.html": ("Protest", "Police arrested dozens of protesters in Nairobi on Tuesday."),
}
PLAIN = b"Sanctions\n\nThe European Union imposed sanctions on Russia on Wednesday.\n"


def _five_item_feed(server) -> str:
    for path, (title, sentence) in SENTENCES.items():
        server.set(path, page(title, sentence))
    server.set("/news/slow.html", page("Slow", "Iran accused Israel of an attack."), delay=2.5)
    server.set("/news/plain.txt", PLAIN, content_type="text/plain; charset=utf-8")
    items = [("Ministers meet", "/news/a.html"), ("Gone", "/news/missing.html"),
             ("Slow", "/news/slow.html"), ("Sanctions", "/news/plain.txt"), ("Protest", "/news/b.html")]
    return server.set("/feed.rss", rss("Loopback News", items, server.base),
                      content_type="application/rss+xml")


@pytest.mark.slow
def test_a_feed_of_five_items_codes_three_names_the_failures_and_reruns_clean(http_server, tmp_path, coder):
    feed = _five_item_feed(http_server)
    db = str(tmp_path / "events.db")
    args = ["code", feed, "--db", db, "--timeout", "1", "--host-delay", "0"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1, res.output
    assert "3 articles coded" in res.stderr
    assert f"{http_server.base}/news/missing.html" in res.stderr and "HTTP 404" in res.stderr
    assert f"{http_server.base}/news/slow.html" in res.stderr and "timed out" in res.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, url, source, published FROM articles ORDER BY id").fetchall()
        n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert [r[0] for r in rows] == sorted(http_server.base + p for p in
                                          ("/news/a.html", "/news/b.html", "/news/plain.txt"))
    assert all(r[0] == r[1] and r[2] == "Loopback News" and r[3].startswith("2024-03-0") for r in rows)
    assert n_events > 0

    again = CliRunner().invoke(main, args)
    assert "0 articles coded" in again.stderr and "3 unchanged articles skipped" in again.stderr
    assert again.exit_code == 1  # the 404 and the slow page fail again, and are named again
    assert "missing.html" in again.stderr


def test_items_carry_the_feeds_publisher_the_items_date_and_the_pages_text(http_server):
    http_server.set("/a.html", page("Page title", "The minister resigned on Friday."))
    feed = http_server.set("/feed.xml", rss("The Daily Loop", [("Item title", "/a.html")], http_server.base))
    with Fetcher(FAST) as fetcher:
        (art,) = list(read_feed(feed, fetcher))
    assert art.id == art.url == http_server.base + "/a.html"
    assert (art.title, art.published, art.source) == ("Item title", "2024-03-01", "The Daily Loop")
    assert "minister resigned" in art.text


def test_a_feed_file_is_read_by_code_inputs(http_server, tmp_path):
    http_server.set("/a.html", page("A", "The minister resigned on Friday."))
    path = tmp_path / "news.rss"
    path.write_bytes(rss("File Feed", [("A", "/a.html"), ("A again", "/a.html")], http_server.base))
    items = list(read_inputs([str(path)], fetch=FAST))
    assert [a.url for a in items] == [http_server.base + "/a.html"]  # the repeated link once


def test_a_malformed_feed_is_named_and_stops_nothing_else(http_server, tmp_path):
    bad = http_server.set("/bad.rss", b"<rss><channel><item><title>oops", content_type="application/rss+xml")
    good = tmp_path / "a.txt"
    good.write_text("The minister resigned on Friday.\n", encoding="utf-8")
    items = list(read_inputs([bad, str(good)], fetch=FAST))
    assert isinstance(items[0], ReadError) and bad in str(items[0]) and "malformed feed" in str(items[0])
    assert items[-1].text.startswith("The minister")


def test_a_page_that_is_neither_html_nor_text_is_refused_by_name(http_server):
    url = http_server.set("/doc.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    with Fetcher(FAST) as fetcher, pytest.raises(ReadError, match=r"not an HTML page \(application/pdf\)"):
        page_article(url, fetcher, origin=url)


def test_the_client_names_itself_and_makes_conditional_requests(http_server):
    url = http_server.set("/feed.rss", rss("F", [], http_server.base), etag='"v1"')
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(url)
        second = fetcher.get(url, etag=first.etag)
    assert (first.status, first.etag, second.status, second.content) == (200, '"v1"', 304, b"")
    sent = [h for p, h in http_server.requests if p == "/feed.rss"]
    assert all(h["User-Agent"].startswith("newsevents/") for h in sent)
    assert sent[1].get("If-None-Match") == '"v1"'


def test_robots_txt_is_honoured(http_server):
    http_server.set("/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    url = http_server.set("/private/a.html", page("A", "Secret."))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(url)
    assert http_server.hits("/private/a.html") == 0


def test_a_page_over_the_size_cap_is_refused(http_server):
    url = http_server.set("/big.html", page("Big", "x" * 5000))
    with Fetcher(FetchSettings(timeout=1.0, retries=0, host_delay=0.0, max_bytes=1000)) as fetcher:
        with pytest.raises(FetchError, match="over the limit of 1,000 bytes"):
            fetcher.get(url)


def test_requests_to_one_host_are_spaced_by_the_host_delay(http_server):
    url = http_server.set("/a.html", page("A", "Text."))
    with Fetcher(FetchSettings(timeout=1.0, retries=0, host_delay=0.3, robots=False)) as fetcher:
        t0 = time.monotonic()
        fetcher.get(url)
        fetcher.get(url)
        assert time.monotonic() - t0 >= 0.3


def test_a_server_error_is_retried_then_named(http_server):
    url = http_server.set("/flaky.html", b"down", status=503)
    with Fetcher(FetchSettings(timeout=1.0, retries=1, backoff=0.05, host_delay=0.0, robots=False)) as f:
        with pytest.raises(FetchError, match=r"HTTP 503"):
            f.get(url)
    assert http_server.hits("/flaky.html") == 2


def test_code_caps_fetched_pages_at_max_bytes(http_server, tmp_path):
    http_server.set("/big.html", page("Big", "The minister resigned. " * 200))
    feed = http_server.set("/feed.rss", rss("F", [("big", "/big.html")], http_server.base))
    res = CliRunner().invoke(main, ["code", feed, "--max-bytes", "2000", "--host-delay", "0",
                                    "--db", str(tmp_path / "e.db")])
    assert res.exit_code == 1
    assert "/big.html" in res.stderr and "over the limit of 2,000 bytes" in res.stderr
    assert "0 articles coded" in res.stderr
