"""Summary (rollup) tables of the events, kept exact inside ``Store.save()``.

Five tables (``schema.py``), each row counting the events that share its values:

* ``rollup_daily`` (date, plover_type, cameo_root, modality) -> n: events per day per
  PLOVER type, cooperation vs conflict per day/month/year and ``Store.stats``, for
  filters on dates, PLOVER type, CAMEO root and modality;
* ``rollup_day_type`` (date, plover_type) -> n: the same at the grain of the
  events-per-day chart, for filters on dates and PLOVER type only;
* ``rollup_dyads`` (source_name, target_name) -> n, cooperation, conflict: events
  whose source and target both have a canonical name;
* ``rollup_actors`` (name, country, sector, code) -> n: events with the actor as
  source or target (once when it is both); only identities with a name or a code,
  unknown parts stored as "" as in the ``actors`` table;
* ``rollup_places`` (name, country, lat, lon) -> n: events with coordinates.

How they stay exact: ``Store.save()`` deletes an article's old events with
``DELETE ... RETURNING`` their rollup columns and inserts the new ones, then adds,
in the same transaction, (+1 per inserted event, -1 per deleted one) to each touched
row by an upsert ``n = n + excluded.n`` (``INSERT ... ON CONFLICT DO UPDATE``). What
is subtracted is exactly what that transaction deleted, and the upsert increments
the committed row under its row lock, so concurrent saves (PostgreSQL) or queued ones
(SQLite, ``BEGIN IMMEDIATE``) compose: after every commit each rollup equals the
aggregate of the events table. Keys are applied sorted, so two transactions lock
rollup rows in the same order (no deadlock). A row that falls to 0 stays (readers
skip ``n = 0``).

Anything that writes ``events`` by other means than ``Store.save()`` (bulk loads,
hand edits) must call ``rebuild(conn)`` afterwards; migration 0003 uses it to fill
the tables of an existing database.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..ontology import classes as cameo_classes
from .schema import (
    events,
    rollup_actors,
    rollup_daily,
    rollup_day_type,
    rollup_dyads,
    rollup_places,
)

COOPERATION = frozenset(cameo_classes.codes("cooperation"))
"""PLOVER types counted as cooperation; every other PLOVER type is conflict (ontology/cameo_classes.tsv)."""

_e = events.c
_ACTOR_KEYS = ("name", "country", "sector", "code")

# The events columns the rollups are made of (what a deleted row must give back).
SOURCE_COLUMNS = (
    _e.date, _e.plover_type, _e.cameo_root, _e.modality,
    *(_e[f"source_{k}"] for k in _ACTOR_KEYS),
    *(_e[f"target_{k}"] for k in _ACTOR_KEYS),
    _e.location_name, _e.location_country, _e.location_lat, _e.location_lon,
)

# table -> (dimension columns, value columns), in the order locks are taken.
LAYOUT = {
    rollup_daily: (("date", "plover_type", "cameo_root", "modality"), ("n",)),
    rollup_day_type: (("date", "plover_type"), ("n",)),
    rollup_dyads: (("source_name", "target_name"), ("n", "cooperation", "conflict")),
    rollup_actors: (_ACTOR_KEYS, ("n",)),
    rollup_places: (("name", "country", "lat", "lon"), ("n",)),
}
_FLOAT_DIMS = {"lat", "lon"}
_CHUNK = 1000


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


_key = repr
"""A row's identity ``k``: ``repr`` of its dimension tuple -- exact (None and "" and
"None" differ, floats round-trip), deterministic, and always valid text."""


Deltas = dict[Any, dict[tuple, list[int]]]


def new_deltas() -> Deltas:
    return {t: {} for t in LAYOUT}


_NAMES = tuple(c.name for c in SOURCE_COLUMNS)


def add(deltas: Deltas, rows: Iterable[Mapping[str, Any]], sign: int) -> None:
    """Add (sign=+1) or subtract (-1) the contributions of event rows (mappings with
    the ``events`` column names of ``SOURCE_COLUMNS``)."""
    daily, day_type, dyads, actors, places = (deltas[t] for t in LAYOUT)
    coop_types = COOPERATION

    def bump(table: dict, dims: tuple, values: tuple[int, ...]) -> None:
        cur = table.get(dims)
        if cur is None:
            table[dims] = [sign * v for v in values]
        else:
            for i, v in enumerate(values):
                cur[i] += sign * v

    one = (1,)
    for r in rows:
        (date, ptype, root, modality, sn, sc, ss, sk, tn, tc, ts, tk, lname, lcountry,
         lat, lon) = (v if v is None or v.__class__ is str else str(v)
                      for v in (r[k] for k in _NAMES))
        bump(daily, (date, ptype, root, modality), one)
        bump(day_type, (date, ptype), one)
        if sn is not None and tn is not None:
            coop = ptype in coop_types
            bump(dyads, (sn, tn), (1, int(coop), int(ptype is not None and not coop)))
        src = (sn or "", sc or "", ss or "", sk or "") if (sn or sk) else None
        tgt = (tn or "", tc or "", ts or "", tk or "") if (tn or tk) else None
        if src is not None:
            bump(actors, src, one)
        if tgt is not None and tgt != src:
            bump(actors, tgt, one)
        lat, lon = r["location_lat"], r["location_lon"]
        if lat is not None and lon is not None:
            bump(places, (lname, lcountry, float(lat), float(lon)), one)


def _upsert(conn: Connection, table, rows: list[dict], values: tuple[str, ...]) -> None:
    name = conn.dialect.name
    if name not in ("sqlite", "postgresql"):  # pragma: no cover - other databases
        raise NotImplementedError(f"rollups need SQLite or PostgreSQL, not {name}")
    ins = (sqlite_dialect if name == "sqlite" else pg_dialect).insert(table)
    stmt = ins.on_conflict_do_update(
        index_elements=["k"], set_={v: table.c[v] + ins.excluded[v] for v in values})
    for i in range(0, len(rows), _CHUNK):
        conn.execute(stmt, rows[i:i + _CHUNK])


def apply(conn: Connection, deltas: Deltas) -> None:
    """Add the deltas to the rollup tables (in the caller's transaction)."""
    for table, (dims, values) in LAYOUT.items():
        rows = []
        for d, vals in deltas[table].items():
            if not any(vals):
                continue
            row: dict[str, Any] = {"k": _key(d)}
            row.update(zip(dims, d))
            row.update(zip(values, vals))
            rows.append(row)
        if rows:
            rows.sort(key=lambda r: r["k"])  # one lock order for every writer
            _upsert(conn, table, rows, values)


# --------------------------------------------------------------------- rebuild


def _is_coop(col):
    return col.in_(sorted(COOPERATION))


def _grouped(conn: Connection) -> Iterable[tuple[Any, tuple, list[int]]]:
    """(table, dims, values) of every rollup row, aggregated from ``events`` in SQL."""
    n = func.count()
    dims = (_e.date, _e.plover_type, _e.cameo_root, _e.modality)
    day_type: dict[tuple, int] = {}
    for *raw, k in conn.execute(select(*dims, n).group_by(*dims)):
        d = tuple(_str(v) for v in raw)
        yield rollup_daily, d, [int(k)]
        day_type[d[:2]] = day_type.get(d[:2], 0) + int(k)
    for dt, k in day_type.items():
        yield rollup_day_type, dt, [k]

    coop = func.sum(case((_is_coop(_e.plover_type), 1), else_=0))
    conflict = func.sum(case((and_(_e.plover_type.is_not(None),
                                   ~_is_coop(_e.plover_type)), 1), else_=0))
    stmt = (select(_e.source_name, _e.target_name, n, coop, conflict)
            .where(_e.source_name.is_not(None), _e.target_name.is_not(None))
            .group_by(_e.source_name, _e.target_name))
    for s, t, k, c, x in conn.execute(stmt):
        yield rollup_dyads, (_str(s), _str(t)), [int(k), int(c or 0), int(x or 0)]

    def ident(prefix: str) -> list:
        return [func.coalesce(_e[f"{prefix}_{k}"], "") for k in _ACTOR_KEYS]

    def named(prefix: str):
        return or_(_e[f"{prefix}_name"] != "", _e[f"{prefix}_code"] != "")

    counts: dict[tuple, int] = {}
    for prefix in ("source", "target"):
        cols = ident(prefix)
        for *raw, k in conn.execute(select(*cols, n).where(named(prefix)).group_by(*cols)):
            key = tuple(_str(v) for v in raw)
            counts[key] = counts.get(key, 0) + int(k)
    src, tgt = ident("source"), ident("target")
    same = and_(*(a == b for a, b in zip(src, tgt)))
    for *raw, k in conn.execute(select(*src, n).where(named("source"), same).group_by(*src)):
        key = tuple(_str(v) for v in raw)
        counts[key] -= int(k)  # the event was counted on both sides
    for key, k in counts.items():
        yield rollup_actors, key, [k]

    pdims = (_e.location_name, _e.location_country, _e.location_lat, _e.location_lon)
    stmt = (select(*pdims, n)
            .where(_e.location_lat.is_not(None), _e.location_lon.is_not(None))
            .group_by(*pdims))
    for name, country, lat, lon, k in conn.execute(stmt):
        yield rollup_places, (_str(name), _str(country), float(lat), float(lon)), [int(k)]


def rebuild(conn: Connection) -> dict[str, int]:
    """Empty the rollup tables and fill them again from ``events`` (in the caller's
    transaction). Returns the number of rows per table."""
    for table in LAYOUT:
        conn.execute(delete(table))
    batches: dict[Any, list[dict]] = {t: [] for t in LAYOUT}
    made = {t.name: 0 for t in LAYOUT}

    def flush(table) -> None:
        if batches[table]:
            conn.execute(insert(table), batches[table])
            made[table.name] += len(batches[table])
            batches[table] = []

    for table, d, vals in _grouped(conn):
        if not any(vals):
            continue
        dims, values = LAYOUT[table]
        row: dict[str, Any] = {"k": _key(d)}
        row.update(zip(dims, d))
        row.update(zip(values, vals))
        batches[table].append(row)
        if len(batches[table]) >= 5 * _CHUNK:
            flush(table)
    for table in LAYOUT:
        flush(table)
    return made


__all__ = ["COOPERATION", "LAYOUT", "SOURCE_COLUMNS", "add", "apply", "new_deltas", "rebuild"]
