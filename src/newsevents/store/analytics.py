"""Dashboard queries: events per day per PLOVER type, dyad counts, cooperation versus
conflict over time, event locations and actor counts.

Every function takes a ``Store`` and the same event filters as ``Store.iter_events``
(``date_from``, ``date_to``, ``actor``, ``country`` ...; bad ones raise ``ValueError``
/ ``TypeError``). All statements are SQLAlchemy Core and run on SQLite and PostgreSQL.

They read the rollup tables (``store/rollups.py``, kept exact by ``Store.save()``)
when the filters are ones the rollup has -- ``rollup_daily``: dates, PLOVER type,
CAMEO root, modality; dyads, places and actors: no event filter -- and the
``events`` table otherwise. ``use_rollups=False`` forces the events table; both give
the same results (tests/store/test_rollups.py).

The indexes these queries use are made by migration 0003; ``ensure_indexes`` is
kept, doing nothing, for callers of the earlier runtime version.
"""
from __future__ import annotations

import sqlite3
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from .db import Store, daily_conditions, event_conditions, has_filters
from .rollups import COOPERATION
from .schema import (
    events,
    rollup_actors,
    rollup_daily,
    rollup_day_type,
    rollup_dyads,
    rollup_places,
)

INTERVALS = ("day", "month", "year")
_INTERVAL_LEN = {"day": 10, "month": 7, "year": 4}

Q_TOTAL_CAP = 1000
"""Counts of a ``q`` text search stop here (the API reports ``total`` = this and
``total_is_lower_bound``): the search scans sentences, no index serves it."""

_e = events.c


def ensure_indexes(store: Store) -> None:
    """Nothing to do: the dashboard's indexes come with the schema (migration 0003,
    applied by ``Store()``). Kept for callers of the earlier runtime version."""


def _conds(filters: Mapping[str, Any]) -> list:
    return event_conditions({k: v for k, v in filters.items() if v is not None})


def _daily(filters: Mapping[str, Any], use_rollups: bool):
    """(rollup table, its conditions) for the filters -- the smaller
    ``rollup_day_type`` when it has them, else ``rollup_daily`` -- or (None, None):
    use ``events``."""
    f = {k: v for k, v in filters.items() if v is not None}
    if not use_rollups:
        _conds(f)
        return None, None
    for table in (rollup_day_type, rollup_daily):
        conds = daily_conditions(f, table)
        if conds is not None:
            return table.c, conds
    return None, None


def _no_filters(filters: Mapping[str, Any], use_rollups: bool) -> bool:
    """True when the unfiltered rollups answer (validates the filters either way)."""
    return not has_filters({k: v for k, v in filters.items() if v is not None}) and use_rollups


def _run(store: Store, action: str, stmt) -> list:
    try:
        with store.engine.connect() as conn:
            return list(conn.execute(stmt))
    except SQLAlchemyError as exc:
        raise store._error(action, exc) from exc


def per_day_per_type(store: Store, use_rollups: bool = True,
                     **filters: Any) -> list[dict[str, Any]]:
    """``[{"date", "plover_type", "events"}]`` by date then type; undated events left out.

    ``plover_type`` is null for events without a PLOVER counterpart.
    """
    _d, daily = _daily(filters, use_rollups)
    if daily is not None and _d is rollup_day_type.c:
        # One row per (date, plover_type) already: no GROUP BY.
        stmt = (
            select(_d.date, _d.plover_type, _d.n)
            .where(_d.date.is_not(None), _d.n > 0, *daily)
            .order_by(_d.date, _d.plover_type)
        )
    elif daily is not None:
        n = func.sum(_d.n)
        stmt = (
            select(_d.date, _d.plover_type, n.label("n"))
            .where(_d.date.is_not(None), _d.n > 0, *daily)
            .group_by(_d.date, _d.plover_type)
            .order_by(_d.date, _d.plover_type)
        )
    else:
        stmt = (
            select(_e.date, _e.plover_type, func.count().label("n"))
            .where(_e.date.is_not(None), *_conds(filters))
            .group_by(_e.date, _e.plover_type)
            .order_by(_e.date, _e.plover_type)
        )
    rows = _run(store, "count events per day", stmt)
    return [{"date": d, "plover_type": t, "events": int(n)} for d, t, n in rows]


def _is_coop(col=_e.plover_type):
    return col.in_(sorted(COOPERATION))


def dyads(store: Store, limit: int = 50, use_rollups: bool = True,
          **filters: Any) -> list[dict[str, Any]]:
    """The most frequent source → target pairs of canonical actor names:
    ``[{"source", "target", "events", "cooperation", "conflict"}]``, most events first.

    Events with an unnamed source or target are left out; ``cooperation`` and
    ``conflict`` count the pair's events by PLOVER type (events without one count in
    neither). Without filters: from ``rollup_dyads``.
    """
    if _no_filters(filters, use_rollups):
        y = rollup_dyads.c
        stmt = (
            select(y.source_name, y.target_name, y.n, y.cooperation, y.conflict)
            .where(y.n > 0)
            .order_by(y.n.desc(), y.source_name, y.target_name)
            .limit(int(limit))
        )
    else:
        coop = func.sum(case((_is_coop(), 1), else_=0))
        conflict = func.sum(case((and_(_e.plover_type.is_not(None), ~_is_coop()), 1),
                                 else_=0))
        n = func.count()
        stmt = (
            select(_e.source_name, _e.target_name, n.label("n"), coop.label("c"),
                   conflict.label("x"))
            .where(_e.source_name.is_not(None), _e.target_name.is_not(None),
                   *_conds(filters))
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


def cooperation_conflict(store: Store, interval: str = "month", use_rollups: bool = True,
                         **filters: Any) -> list[dict[str, Any]]:
    """``[{"period", "cooperation", "conflict"}]`` over time; ``interval`` day|month|year
    (periods are ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``). Cooperation = PLOVER AGREE
    CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT; conflict = the other PLOVER types.
    Undated events and events without a PLOVER type are left out."""
    if interval not in INTERVALS:
        raise ValueError(f"interval: expected one of {', '.join(INTERVALS)}, got {interval!r}")
    _d, daily = _daily(filters, use_rollups)
    if daily is not None:
        period = func.substr(_d.date, 1, _INTERVAL_LEN[interval])
        coop = func.sum(case((_is_coop(_d.plover_type), _d.n), else_=0))
        conflict = func.sum(case((_is_coop(_d.plover_type), 0), else_=_d.n))
        stmt = (
            select(period.label("p"), coop.label("c"), conflict.label("x"))
            .where(_d.date.is_not(None), _d.plover_type.is_not(None), _d.n > 0, *daily)
            .group_by(period)
            .order_by(period)
        )
    else:
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


def locations(store: Store, limit: int = 500, use_rollups: bool = True,
              **filters: Any) -> list[dict[str, Any]]:
    """Event places with coordinates, most events first (then by name, country,
    lat, lon): ``[{"name", "country", "lat", "lon", "events"}]``. Without filters:
    from ``rollup_places``."""
    if _no_filters(filters, use_rollups):
        p = rollup_places.c
        stmt = (
            select(p.name, p.country, p.lat, p.lon, p.n)
            .where(p.n > 0)
            .order_by(p.n.desc(), p.name, p.country, p.lat, p.lon)
            .limit(int(limit))
        )
    else:
        n = func.count()
        stmt = (
            select(_e.location_name, _e.location_country, _e.location_lat, _e.location_lon,
                   n.label("n"))
            .where(_e.location_lat.is_not(None), _e.location_lon.is_not(None),
                   *_conds(filters))
            .group_by(_e.location_name, _e.location_country, _e.location_lat,
                      _e.location_lon)
            .order_by(n.desc(), _e.location_name, _e.location_country, _e.location_lat,
                      _e.location_lon)
            .limit(int(limit))
        )
    rows = _run(store, "count event places", stmt)
    return [{"name": a, "country": c, "lat": float(la), "lon": float(lo), "events": int(k)}
            for a, c, la, lo, k in rows]


_KEYS = ("name", "country", "sector", "code")


def actor_counts(store: Store, limit: int = 100, offset: int = 0, *, q: str | None = None,
                 country: str | None = None,
                 use_rollups: bool = True) -> tuple[list[dict[str, Any]], int]:
    """One page of actors with their event counts, most frequent first (then by
    name, country, sector, code), and how many actors match:
    ``([{"name", "country", "sector", "code", "events"}], total)``.

    The same numbers as ``Store.actors`` / ``Store.count_actors`` (an actor is a
    (name, country, sector, code) identity with a name or a code; an event whose source
    and target are the same actor counts once), read from ``rollup_actors``
    (``use_rollups=False``: computed by ``Store.actors``). ``q``: substring of name or
    code (case-insensitive); ``country``: ISO code.
    """
    if use_rollups:
        a = rollup_actors.c
        found = [(tuple(r[:4]), int(r[4])) for r in _run(
            store, "count actors",
            select(a.name, a.country, a.sector, a.code, a.n).where(a.n > 0))]
    else:
        found = [(tuple(r[k] or "" for k in _KEYS), r["events"])
                 for r in store.actors(limit=None)]
    needle = (q or "").lower()
    want_country = str(country).strip().upper() if country else None
    rows = [
        (ident, n) for ident, n in found
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
    "Q_TOTAL_CAP",
    "actor_counts",
    "cooperation_conflict",
    "dyads",
    "ensure_indexes",
    "locations",
    "per_day_per_type",
]


COARSE_PRECISIONS = ("month", "year")


def coarse_dates(store: Store, dates: list[str], use_rollups: bool = True,
                 **filters: Any) -> list[dict[str, Any]]:
    """Of the events on ``dates`` (the per-day rows' dates that may stand for a whole
    month or year: ``YYYY-MM-01``), those known only to the month or year:
    ``[{"date", "precision", "plover_type", "events"}]``. The timeline draws them over
    their whole period instead of on their first day. Served by ``ix_events_date``
    (an ``IN`` list of first days), so a million-event table stays fast."""
    candidates = sorted({d for d in dates if d and (len(d) < 10 or d.endswith("-01"))})
    if not candidates:
        _conds(filters)  # still validates the filters
        return []
    n = func.count()
    stmt = (
        select(_e.date, _e.date_precision, _e.plover_type, n.label("n"))
        .where(_e.date.in_(candidates), _e.date_precision.in_(COARSE_PRECISIONS),
               *_conds(filters))
        .group_by(_e.date, _e.date_precision, _e.plover_type)
        .order_by(_e.date, _e.date_precision, _e.plover_type)
    )
    rows = _run(store, "count events dated to a month or year", stmt)
    return [{"date": d, "precision": p, "plover_type": t, "events": int(k)}
            for d, p, t, k in rows]


FACETS = ("country", "sector")
FACET_SAMPLE = 5000
"""Filtered facets count at most this many matching events (the first in table order;
a text search: ``Q_TOTAL_CAP``): a broad filter over a million events would otherwise
scan them all (seconds)."""


def _sample_side_counts(store: Store, filters: Mapping[str, Any],
                        cap: int) -> tuple[dict[str, Counter[str]], int, bool]:
    """Per facet, events with each value on either side (counted once), over at most
    ``cap`` matching events; how many were counted; whether more match."""
    cols = [_e[f"{side}_{field}"] for field in FACETS for side in ("source", "target")]
    rows = _run(store, "count facet values", select(*cols).where(*_conds(filters)).limit(int(cap) + 1))
    counts: dict[str, Counter[str]] = {field: Counter() for field in FACETS}
    for row in rows[:cap]:
        for i, field in enumerate(FACETS):
            for value in {row[2 * i], row[2 * i + 1]} - {None, ""}:
                counts[field][value] += 1
    return counts, min(len(rows), cap), len(rows) > cap


def _rollup_side_counts(store: Store, field: str, limit: int) -> list:
    """(value, actor-events) per country or sector from ``rollup_actors``: unfiltered."""
    a = rollup_actors.c
    col = a[field]
    n = func.sum(a.n)
    stmt = (select(col, n).where(a.n > 0, col != "").group_by(col)
            .order_by(n.desc(), col).limit(int(limit)))
    return _run(store, f"count actors per {field}", stmt)


def facets(store: Store, limit: int = 10, use_rollups: bool = True,
           **filters: Any) -> dict[str, Any]:
    """The most frequent countries and sectors of the (filtered) events' sources and
    targets: ``{"country": [{"value", "events"}], "sector": [...], "counted": N,
    "complete": bool}``, most first.

    Filtered: events with the value on either side, counted once, over the first
    ``FACET_SAMPLE`` matching events (``complete`` false when more match). Without
    filters: from ``rollup_actors`` (each actor of an event counted, so a value on both
    sides counts twice; ``counted`` None).
    """
    if _no_filters(filters, use_rollups):
        out: dict[str, Any] = {field: [{"value": v, "events": int(k)}
                                       for v, k in _rollup_side_counts(store, field, limit)]
                               for field in FACETS}
        return out | {"counted": None, "complete": True}
    cap = Q_TOTAL_CAP if filters.get("q") else FACET_SAMPLE
    counts, n, more = _sample_side_counts(store, filters, cap)
    top = {field: [{"value": v, "events": k}
                   for v, k in sorted(counts[field].items(), key=lambda x: (-x[1], x[0]))[:limit]]
           for field in FACETS}
    return top | {"counted": n, "complete": not more}
