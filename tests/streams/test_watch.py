"""``newsevents watch`` against a feed on a loopback HTTP server: only new items are coded,
the state survives restarts, failing feeds back off without stopping the others, and a
SIGTERM during coding leaves the store consistent."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from newsevents.read.fetch import FetchSettings
from newsevents.store import Store
from newsevents.store.schema import watch_feeds
from newsevents.watch import Watcher, WatchError, WatchOptions, expand_sources

from .helpers import page, rss

pytestmark = pytest.mark.slow
FAST = FetchSettings(timeout=2.0, retries=0, host_delay=0.0)
A = page("Talks", "The foreign minister of France met the Chinese ambassador in Paris on Monday.")
B = page("Arrests", "Police arrested dozens of protesters in Nairobi on Tuesday.")
C = page("Sanctions", "The European Union imposed new sanctions on Russia on Wednesday.")


def _ids(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]


def test_two_polls_code_exactly_the_item_added_in_between_and_a_restart_codes_nothing(
        http_server, tmp_path, coder):
    base = http_server.base
    http_server.set("/a.html", A)
    http_server.set("/b.html", B)
    feed = http_server.set("/feed.rss", rss("Loop", [("a", "/a.html"), ("b", "/b.html")], base), etag='"v1"')
    reports = []

    def on_poll(report):
        reports.append(report)
        if report.number == 1:  # the feed gains an item, and the same story under another URL
            http_server.set("/c.html", C)
            http_server.set("/a-copy.html", A)
            http_server.set("/feed.rss", rss("Loop", [("c", "/c.html"), ("a copy", "/a-copy.html"),
                                                      ("a", "/a.html"), ("b", "/b.html")], base), etag='"v2"')

    db = tmp_path / "watch.db"
    with Store(db) as store:
        Watcher([feed], store, WatchOptions(interval=0, polls=2, fetch=FAST)).run(on_poll)
    assert [(r.new, r.coded) for r in reports] == [(2, 2), (1, 1)]
    assert reports[1].seen == 3  # a and b by URL, the copy of a by its text
    assert _ids(db) == [base + "/a.html", base + "/b.html", base + "/c.html"]
    assert [http_server.hits(p) for p in ("/a.html", "/b.html", "/c.html")] == [1, 1, 1]

    with Store(db) as store:  # a restart: the state is in the store
        Watcher([feed], store, WatchOptions(interval=0, polls=1, fetch=FAST)).run(on_poll)
    assert (reports[-1].new, reports[-1].coded) == (0, 0)
    assert [http_server.hits(p) for p in ("/a.html", "/b.html", "/c.html", "/a-copy.html")] == [1, 1, 1, 1]
    last_feed_request = [h for p, h in http_server.requests if p == "/feed.rss"][-1]
    assert last_feed_request.get("If-None-Match") == '"v2"'  # conditional: answered 304


def test_a_failing_feed_is_reported_backs_off_and_is_retried_without_stopping_the_others(
        http_server, tmp_path, coder):
    base = http_server.base
    http_server.set("/a.html", A)
    good = http_server.set("/good.rss", rss("Good", [("a", "/a.html")], base))
    broken = base + "/broken.rss"  # 404 for now
    bad_xml = http_server.set("/bad.rss", b"<rss><channel><title>x", content_type="application/rss+xml")
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# my feeds\n{broken}\n{good}\n{bad_xml}\n", encoding="utf-8")
    reports = []
    options = WatchOptions(interval=0, polls=2, fetch=FAST, retry_base=60)
    db = tmp_path / "watch.db"
    with Store(db) as store:
        Watcher([str(listing)], store, options).run(reports.append)
    first, second = reports
    assert first.coded == 1 and first.sources == 3
    assert len(first.failed_feeds) == 2
    assert any(broken in m and "HTTP 404" in m and "next try in 60 s" in m for m in first.failed_feeds)
    assert any(bad_xml in m and "malformed feed" in m for m in first.failed_feeds)
    assert second.backing_off == 2 and http_server.hits("/broken.rss") == 1

    http_server.set("/b.html", B)
    http_server.set("/broken.rss", rss("Fixed", [("b", "/b.html")], base))
    with Store(db) as store:  # time passes: the back-off is over
        with store.engine.begin() as conn:
            conn.execute(update(watch_feeds).values(retry_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
        Watcher([str(listing)], store, WatchOptions(interval=0, polls=1, fetch=FAST)).run(reports.append)
        assert reports[-1].coded == 1 and len(reports[-1].failed_feeds) == 1  # bad.rss still bad
        with store.engine.connect() as conn:
            rows = dict(conn.execute(watch_feeds.select().with_only_columns(
                watch_feeds.c.source, watch_feeds.c.failures)).all())
    assert rows == {good: 0, broken: 0, bad_xml: 2}
    assert _ids(db) == [base + "/a.html", base + "/b.html"]


def test_a_source_that_is_no_feed_folder_or_feed_list_is_refused(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("just some text\n", encoding="utf-8")
    with pytest.raises(WatchError, match="notes.txt: not a feed"):
        expand_sources([str(notes)])


def test_a_watched_folder_codes_a_file_added_between_polls_and_nothing_twice(tmp_path, coder):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Police arrested dozens of protesters in Nairobi.\n", encoding="utf-8")
    reports = []

    def on_poll(report):
        reports.append(report)
        if report.number == 1:
            (inbox / "two.txt").write_text("Iran accused Israel of an attack.\n", encoding="utf-8")

    with Store(tmp_path / "w.db") as store:
        Watcher([str(inbox)], store, WatchOptions(interval=0, polls=2)).run(on_poll)
    assert [r.coded for r in reports] == [1, 1]


# -- SIGTERM in the middle of coding, in a real process ---------------------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsevents.cli import main; main()", *args]


def _consistency(db) -> tuple[set[str], set[str], int, int]:
    with sqlite3.connect(db) as conn:
        arts = {r[0] for r in conn.execute("SELECT id FROM articles")}
        marked = {r[0] for r in conn.execute("SELECT key FROM watch_items WHERE text_hash IS NOT NULL")}
        n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        rolled = conn.execute("SELECT coalesce(sum(n), 0) FROM rollup_day_type").fetchone()[0]
    return arts, marked, n_events, rolled


def _event_ids(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT event_id FROM events ORDER BY event_id")]


N_ITEMS = 15


def test_sigterm_during_coding_leaves_the_store_consistent_and_a_rerun_is_a_clean_run(
        http_server, tmp_path, shared):
    lines = (shared / "data" / "corpus" / "realnews" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    items = []
    for i, line in enumerate(lines[:N_ITEMS]):
        rec = json.loads(line)
        http_server.set(f"/n/{i}.html", page(rec["title"], *rec["text"].split("\n\n")))
        items.append((f"item {i}", f"/n/{i}.html"))
    feed = http_server.set("/feed.rss", rss("Realnews", items, http_server.base))
    args = ["watch", feed, "--interval", "0", "--polls", "1", "--batch-size", "1", "--host-delay", "0"]
    db = tmp_path / "stopped.db"
    proc = subprocess.Popen(_cli(*args, "--db", str(db)), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1:
                        break
            except sqlite3.OperationalError:  # tables not there yet, or locked
                pass
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "SIGTERM: stopping" in err and "stopped (the rest on the next run)" in err
    arts, marked, n_events, rolled = _consistency(db)
    assert 1 <= len(arts) < N_ITEMS, "the signal came after the coding ended: make the feed longer"
    assert marked == arts and rolled == n_events  # nothing half-written

    rerun = subprocess.run(_cli(*args, "--db", str(db)), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    left = N_ITEMS - len(arts)
    assert f"{left} new item(s), {left} article(s) coded" in rerun.stderr
    clean = tmp_path / "clean.db"
    subprocess.run(_cli(*args, "--db", str(clean)), capture_output=True, text=True, timeout=600, check=True)
    assert _event_ids(db) == _event_ids(clean)
    assert _consistency(db)[0] == _consistency(clean)[0] == _consistency(db)[1]
