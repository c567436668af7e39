"""Dashboard queries over the ``events`` table: events per day per PLOVER type, dyad
counts, cooperation versus conflict over time, event locations and fast actor counts.

Every function takes a ``Store`` and the same event filters as ``Store.iter_events``
(``date_from``, ``date_to``, ``actor``, ``country`` ...; bad ones raise ``ValueError``
/ ``TypeError``). All statements are SQLAlchemy Core and run on SQLite and PostgreSQL.

``ensure_indexes(store)`` adds covering indexes for these queries (idempotent,
``CREATE INDEX IF NOT EXISTS``); nothing here needs them to be correct, only to be fast.
"""
from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Index, and_, case, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateIndex

from .db import Store, event_conditions
from .schema import events

COOPERATION = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
)
"""PLOVER types counted as cooperation; every other PLOVER type is conflict."""

INTERVALS = ("day", "month", "year")
_INTERVAL_LEN = {"day": 10, "month": 7, "year": 4}

_e = events.c

# Covering indexes for the dashboard's GROUP BYs and its default sort.
EXTRA_INDEXES = (
    Index("ix_events_date_type", _e.date, _e.plover_type),
    Index("ix_events_dyad", _e.source_name, _e.target_name, _e.plover_type),
    Index("ix_events_src_actor", _e.source_name, _e.source_country, _e.source_sector,
          _e.source_code),
    Index("ix_events_tgt_actor", _e.target_name, _e.target_country, _e.target_sector,
          _e.target_code),
    Index("ix_events_type_date", _e.plover_type, _e.date),
    # Events whose source and target share a name (actor counts count them once).
    Index("ix_events_self_dyad", _e.source_name, _e.source_country, _e.source_sector,
          _e.source_code, _e.target_country, _e.target_sector, _e.target_code,
          sqlite_where=_e.source_name == _e.target_name,
          postgresql_where=_e.source_name == _e.target_name),
    # The events page sorted by date (Store's ORDER BY: nulls last, then article order).
    Index("ix_events_sort_date_desc", _e.date.is_(None), _e.date.desc(), _e.article_id,
          _e.sentence_index, _e.trigger_start, _e.event_id),
    Index("ix_events_sort_date_asc", _e.date.is_(None), _e.date, _e.article_id,
          _e.sentence_index, _e.trigger_start, _e.event_id),
)
# An Index on a table's columns attaches itself to the table: detach these, so that the
# store's own ``create_all`` (schema.py) stays exactly as its owners wrote it.
for _ix in EXTRA_INDEXES:
    events.indexes.discard(_ix)


def ensure_indexes(store: Store) -> None:
    """Create the dashboard's extra indexes when missing (safe to call on every start)."""
    try:
        with store.engine.connect() as conn:
            with conn.begin():
                for ix in EXTRA_INDEXES:
                    conn.execute(CreateIndex(ix, if_not_exists=True))
    except SQLAlchemyError as exc:  # pragma: no cover - read-only database etc.
        raise store._error("create the dashboard indexes", exc) from exc


def _conds(filters: Mapping[str, Any]) -> list:
    return event_conditions({k: v for k, v in filters.items() if v is not None})


def _run(store: Store, action: str, stmt) -> list:
    try:
        with store.engine.connect() as conn:
            return list(conn.execute(stmt))
    except SQLAlchemyError as exc:
        raise store._error(action, exc) from exc


def per_day_per_type(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """``[{"date", "plover_type", "events"}]`` by date then type; undated events left out.

    ``plover_type`` is null for events without a PLOVER counterpart.
    """
    stmt = (
        select(_e.date, _e.plover_type, func.count().label("n"))
        .where(_e.date.is_not(None), *_conds(filters))
        .group_by(_e.date, _e.plover_type)
        .order_by(_e.date, _e.plover_type)
    )
    rows = _run(store, "count events per day", stmt)
    return [{"date": d, "plover_type": t, "events": int(n)} for d, t, n in rows]


def _is_coop():
    return _e.plover_type.in_(sorted(COOPERATION))


def dyads(store: Store, limit: int = 50, **filters: Any) -> list[dict[str, Any]]:
    """The most frequent source → target pairs of canonical actor names:
    ``[{"source", "target", "events", "cooperation", "conflict"}]``, most events first.

    Events with an unnamed source or target are left out; ``cooperation`` and
    ``conflict`` count the pair's events by PLOVER type (events without one count in
    neither).
    """
    coop = func.sum(case((_is_coop(), 1), else_=0))
    conflict = func.sum(case((and_(_e.plover_type.is_not(None), ~_is_coop()), 1), else_=0))
    n = func.count()
    stmt = (
        select(_e.source_name, _e.target_name, n.label("n"), coop.label("c"),
               conflict.label("x"))
        .where(_e.source_name.is_not(None), _e.target_name.is_not(None), *_conds(filters))
        .group_by(_e.source_name, _e.target_name)
        .order_by(n.desc(), _e.source_name, _e.target_name)
        .limit(int(limit))
    )
    rows = _run(store, "count dyads", stmt)
    return [
        {"source": s, "target": t, "events": int(n), "cooperation": int(c or 0),
         "conflict": int(x or 0)}
        for s, t, n, c, x in rows
    ]


def cooperation_conflict(store: Store, interval: str = "month",
                         **filters: Any) -> list[dict[str, Any]]:
    """``[{"period", "cooperation", "conflict"}]`` over time; ``interval`` day|month|year
    (periods are ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``). Cooperation = PLOVER AGREE
    CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT; conflict = the other PLOVER types.
    Undated events and events without a PLOVER type are left out."""
    if interval not in INTERVALS:
        raise ValueError(f"interval: expected one of {', '.join(INTERVALS)}, got {interval!r}")
    period = func.substr(_e.date, 1, _INTERVAL_LEN[interval])
    coop = func.sum(case((_is_coop(), 1), else_=0))
    conflict = func.sum(case((_is_coop(), 0), else_=1))
    stmt = (
        select(period.label("p"), coop.label("c"), conflict.label("x"))
        .where(_e.date.is_not(None), _e.plover_type.is_not(None), *_conds(filters))
        .group_by(period)
        .order_by(period)
    )
    rows = _run(store, "count cooperation and conflict", stmt)
    return [{"period": p, "cooperation": int(c or 0), "conflict": int(x or 0)}
            for p, c, x in rows]


def locations(store: Store, limit: int = 500, **filters: Any) -> list[dict[str, Any]]:
    """Event places with coordinates, most events first:
    ``[{"name", "country", "lat", "lon", "events"}]``."""
    n = func.count()
    stmt = (
        select(_e.location_name, _e.location_country, _e.location_lat, _e.location_lon,
               n.label("n"))
        .where(_e.location_lat.is_not(None), _e.location_lon.is_not(None), *_conds(filters))
        .group_by(_e.location_name, _e.location_country, _e.location_lat, _e.location_lon)
        .order_by(n.desc(), _e.location_name)
        .limit(int(limit))
    )
    rows = _run(store, "count event places", stmt)
    return [{"name": a, "country": c, "lat": float(la), "lon": float(lo), "events": int(k)}
            for a, c, la, lo, k in rows]


_KEYS = ("name", "country", "sector", "code")


def _side_counts(conn, prefix: str) -> list:
    cols = [_e[f"{prefix}_{k}"] for k in _KEYS]
    return list(conn.execute(select(*cols, func.count()).group_by(*cols)))


def actor_counts(store: Store, limit: int = 100, offset: int = 0, *, q: str | None = None,
                 country: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of actors with their event counts, most frequent first, and how many
    actors match: ``([{"name", "country", "sector", "code", "events"}], total)``.

    The same numbers as ``Store.actors`` / ``Store.count_actors`` (an actor is a
    (name, country, sector, code) identity with a name or a code; an event whose source
    and target are the same actor counts once), computed from two index-only GROUP BYs
    (``ix_events_src_actor``, ``ix_events_tgt_actor``) and a partial index of the
    events whose source and target share a name, instead of a DISTINCT over every
    mention. ``q``: substring of name or code (case-insensitive); ``country``: ISO code.
    """
    counts: dict[tuple[str, ...], int] = {}
    same = _e.source_name == _e.target_name
    self_cols = [_e[f"{side}_{k}"] for side in ("source", "target") for k in _KEYS]
    try:
        with store.engine.connect() as conn:
            for prefix in ("source", "target"):
                for *ident, n in _side_counts(conn, prefix):
                    key = tuple(v or "" for v in ident)
                    counts[key] = counts.get(key, 0) + int(n)
            for *cols, n in conn.execute(select(*self_cols, func.count()).where(same)
                                         .group_by(*self_cols)):
                src = tuple(v or "" for v in cols[:4])
                if src == tuple(v or "" for v in cols[4:]):
                    counts[src] -= int(n)
    except SQLAlchemyError as exc:
        raise store._error("count actors", exc) from exc
    needle = (q or "").lower()
    want_country = str(country).strip().upper() if country else None
    rows = [
        (ident, n) for ident, n in counts.items()
        if (ident[0] or ident[3]) and n > 0
        and (not needle or needle in ident[0].lower() or needle in ident[3].lower())
        and (want_country is None or ident[1] == want_country)
    ]
    rows.sort(key=lambda r: (-r[1], r[0]))
    page = rows[int(offset): int(offset) + int(limit)] if limit is not None else rows[int(offset):]
    items = [dict(zip(_KEYS, (v or None for v in ident))) | {"events": n} for ident, n in page]
    return items, len(rows)


class QueryCache:
    """Results of expensive dashboard queries, kept until the database changes.

    On SQLite a change is seen through ``PRAGMA data_version`` on a connection of its
    own (it changes when any other connection or process commits), which costs
    microseconds; on other databases through the number of events and articles.
    In-memory SQLite databases are not cached.
    """

    def __init__(self, store: Store, max_entries: int = 256) -> None:
        self.store = store
        self.max_entries = max_entries
        self._entries: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._version: Any = None
        self._con: sqlite3.Connection | None = None
        self.enabled = True
        url = make_url(store.url)
        if url.get_backend_name() == "sqlite":
            if url.database in (None, "", ":memory:"):
                self.enabled = False
            else:
                self._con = sqlite3.connect(url.database, check_same_thread=False,
                                            timeout=30)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _data_version(self) -> Any:
        if self._con is not None:
            return self._con.execute("PRAGMA data_version").fetchone()[0]
        try:
            with self.store.engine.connect() as conn:
                return (conn.execute(select(func.count()).select_from(events)).scalar_one(),
                        self.store.count_articles())
        except SQLAlchemyError as exc:
            raise self.store._error("check for new events", exc) from exc

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``'s result for ``key`` (hashable), from the cache while the data
        is unchanged."""
        if not self.enabled:
            return compute()
        with self._lock:
            version = self._data_version()
            if version != self._version:
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            if self._version == version:
                self._entries[key] = value
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return value


def cache_key(name: str, **params: Any) -> tuple:
    """A hashable key for a query and its parameters (lists become tuples)."""
    return (name, *sorted((k, tuple(v) if isinstance(v, list) else v)
                          for k, v in params.items() if v is not None))


__all__ = [
    "QueryCache",
    "cache_key",
    "COOPERATION",
    "INTERVALS",
    "actor_counts",
    "cooperation_conflict",
    "dyads",
    "ensure_indexes",
    "locations",
    "per_day_per_type",
]
