"""The watch state in the store (revision 0005): back-off, items seen, the migration up and down."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alembic import command
from sqlalchemy import create_engine, inspect

from newsevents.store import Store, migrations, normalize_url
from newsevents.store.schema import SCHEMA_REVISION
from newsevents.store.watch_state import MAX_ITEM_ATTEMPTS, WatchState

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
WATCH_TABLES = {"watch_feeds", "watch_items"}


def test_a_failing_feed_waits_twice_as_long_each_time_up_to_the_ceiling_and_a_success_resets(db_url):
    with Store(db_url) as store:
        state = WatchState(store)
        delays = []
        for _ in range(5):
            feed = state.feed("http://127.0.0.1/f.rss")
            delays.append(state.feed_failed(feed, "HTTP 404", NOW, base=10, ceiling=70))
        feed = state.feed("http://127.0.0.1/f.rss")
        assert delays == [10, 20, 40, 70, 70]
        assert (feed.failures, feed.retry_at, feed.last_error) == (5, NOW + timedelta(seconds=70), "HTTP 404")
        feed.etag = '"x"'
        state.feed_ok(feed, NOW)
        again = state.feed("http://127.0.0.1/f.rss")
        assert (again.failures, again.retry_at, again.etag) == (0, None, '"x"')


def test_items_are_seen_once_coded_or_after_their_last_failed_attempt(db_url):
    with Store(db_url) as store:
        state = WatchState(store)
        state.mark_seen([("http://x/a", "h1")], NOW)
        for n in range(1, MAX_ITEM_ATTEMPTS + 1):
            assert state.seen_keys(["http://x/a", "http://x/b"]) == {"http://x/a"}
            assert state.item_failed("http://x/b", NOW) == n
        assert state.seen_keys(["http://x/a", "http://x/b", "http://x/c"]) == {"http://x/a", "http://x/b"}
        assert state.seen_hashes(["h1", "h2"]) == {"h1"}
        assert state.item_failed("http://x/a", NOW) == 0  # a coded item stays coded


def test_0005_adds_the_watch_tables_and_its_downgrade_drops_them(db_url):
    Store(db_url).close()
    engine = create_engine(normalize_url(db_url))
    try:
        with engine.begin() as conn:
            assert WATCH_TABLES <= set(inspect(conn).get_table_names())
            command.downgrade(migrations.alembic_config(connection=conn), "0004")
        with engine.connect() as conn:
            assert not WATCH_TABLES & set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    with Store(db_url) as store:  # upgraded again on open
        WatchState(store).mark_seen([("k", "h")], NOW)
    assert migrations.head() == SCHEMA_REVISION == "0006"
