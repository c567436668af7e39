"""What ``newsevents watch`` has seen and how its feeds answered, kept in the event database
(``watch_feeds``, ``watch_items``: revision 0005), so that a restarted watch goes on where it
stopped. Every write is one short transaction of its own.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .db import Store, _chunks
from .schema import watch_feeds, watch_items

MAX_ITEM_ATTEMPTS = 3  # an item whose page failed this many times is not fetched again


@dataclass
class FeedState:
    """A feed's validators and failures, as stored (defaults for a feed never polled)."""

    source: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    retry_at: datetime | None = None
    last_error: str | None = None


def _utc(value: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were stored in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


class WatchState:
    """The watch tables of ``store``: feeds' validators and back-off, items seen."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def _fail(self, action: str, exc: SQLAlchemyError) -> StoreError:
        return StoreError(f"cannot {action} in {self.store!r}: {getattr(exc, 'orig', None) or exc}")

    def _upsert(self, table, key: str, row: dict) -> None:
        try:
            with self.store._write() as conn:  # noqa: SLF001 - the store's write transaction
                conn.execute(delete(table).where(table.c[key] == row[key]))
                conn.execute(table.insert(), [row])
        except SQLAlchemyError as exc:
            raise self._fail(f"save the watch state of {row[key]}", exc) from exc

    # ---------------------------------------------------------------- feeds

    def feed(self, source: str) -> FeedState:
        """The stored state of ``source`` (a fresh one for a new feed)."""
        c = watch_feeds.c
        try:
            with self.engine.connect() as conn:
                row = conn.execute(select(watch_feeds).where(c.source == source)).mappings().first()
        except SQLAlchemyError as exc:
            raise self._fail(f"read the watch state of {source}", exc) from exc
        if row is None:
            return FeedState(source)
        return FeedState(source, row["etag"], row["last_modified"], row["failures"],
                         _utc(row["retry_at"]), row["last_error"])

    def feed_ok(self, state: FeedState, now: datetime) -> None:
        """A successful poll: keep the validators, forget the failures."""
        self._upsert(watch_feeds, "source", {
            "source": state.source, "etag": state.etag, "last_modified": state.last_modified,
            "failures": 0, "retry_at": None, "last_error": None, "polled_at": now})

    def feed_failed(self, state: FeedState, error: str, now: datetime, base: float,
                    ceiling: float) -> float:
        """A failed poll: the next try waits ``base`` × 2^(failures-1) seconds (at most
        ``ceiling``); returns that delay."""
        failures = state.failures + 1
        delay = min(base * 2 ** (failures - 1), ceiling)
        self._upsert(watch_feeds, "source", {
            "source": state.source, "etag": state.etag, "last_modified": state.last_modified,
            "failures": failures, "retry_at": now + timedelta(seconds=delay), "last_error": error,
            "polled_at": now})
        return delay

    # ---------------------------------------------------------------- items

    def seen_keys(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` (URLs, ``file:`` paths) not to fetch again: coded, or failed
        ``MAX_ITEM_ATTEMPTS`` times."""
        c = watch_items.c
        found: set[str] = set()
        wanted = list(dict.fromkeys(keys))
        try:
            with self.engine.connect() as conn:
                for chunk in _chunks(wanted):
                    stmt = select(c.key).where(c.key.in_(chunk), (c.text_hash.is_not(None))
                                               | (c.attempts >= MAX_ITEM_ATTEMPTS))
                    found.update(conn.execute(stmt).scalars())
        except SQLAlchemyError as exc:
            raise self._fail("read the watched items", exc) from exc
        return found

    def seen_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of the text ``hashes`` already coded (under any key)."""
        c = watch_items.c
        found: set[str] = set()
        try:
            with self.engine.connect() as conn:
                for chunk in _chunks(list(dict.fromkeys(hashes))):
                    found.update(conn.execute(select(c.text_hash).where(c.text_hash.in_(chunk))).scalars())
        except SQLAlchemyError as exc:
            raise self._fail("read the watched items", exc) from exc
        return found

    def mark_seen(self, items: Iterable[tuple[str, str]], now: datetime) -> None:
        """Record (key, text hash) pairs as coded, in one transaction."""
        rows = {key: {"key": key, "text_hash": h, "attempts": 0, "seen_at": now} for key, h in items}
        if not rows:
            return
        try:
            with self.store._write() as conn:  # noqa: SLF001
                for chunk in _chunks(list(rows)):
                    conn.execute(delete(watch_items).where(watch_items.c.key.in_(chunk)))
                conn.execute(watch_items.insert(), list(rows.values()))
        except SQLAlchemyError as exc:
            raise self._fail(f"record {len(rows)} watched item(s)", exc) from exc

    def item_failed(self, key: str, now: datetime) -> int:
        """One more failed fetch of ``key``; returns its failures so far."""
        c = watch_items.c
        try:
            with self.store._write() as conn:  # noqa: SLF001
                row = conn.execute(select(c.attempts, c.text_hash).where(c.key == key)).first()
                if row is None:
                    conn.execute(watch_items.insert(), [{"key": key, "text_hash": None, "attempts": 1,
                                                         "seen_at": now}])
                    return 1
                if row.text_hash is not None:
                    return 0
                conn.execute(update(watch_items).where(c.key == key).values(attempts=row.attempts + 1))
                return int(row.attempts) + 1
        except SQLAlchemyError as exc:
            raise self._fail(f"record a failure of {key}", exc) from exc
