"""Rollup tables (store/rollups.py): kept exact by Store.save() through random saves and
re-saves (also concurrent ones), equal to a rebuild from the events table, and the
dashboard answers the same from them as from the events table -- on SQLite and on
PostgreSQL (the ``store`` fixture)."""
from __future__ import annotations

import random
import threading

import pytest
from sqlalchemy import select

from newsevents.errors import StoreError
from newsevents.models import Article
from newsevents.store import analytics, rollups
from newsevents.store.schema import ROLLUP_TABLES

TYPES = ["AGREE", "CONSULT", "AID", "ASSAULT", "PROTEST", "REJECT", "COERCE", None]
DATES = ["2021-01-03", "2021-01-04", "2021-02-10", "2021-02", "2022-07-30", "2022-12-31",
         "2023", "", None]
NAMES = ["Alpha", "Beta", "Gamma", "", None]
COUNTRIES = ["RUS", "UKR", "", None]
MODALITIES = ["asserted", "reported", "intended", None]


def _actor(rng: random.Random):
    r = rng.random()
    if r < 0.15:
        return None
    return {"text": "someone", "start": 0, "end": 7, "name": rng.choice(NAMES),
            "country": rng.choice(COUNTRIES), "sector": rng.choice(["GOV", "MIL", None]),
            "code": rng.choice(["RUSGOV", "UKRMIL", "", None]), "members": []}


def _record(rng: random.Random, aid: str, i: int, version: int) -> dict:
    ptype = rng.choice(TYPES)
    src = _actor(rng)
    tgt = dict(src) if src is not None and rng.random() < 0.15 else _actor(rng)
    loc = None
    if rng.random() < 0.6:
        loc = {"name": rng.choice(["Kyiv", "Moscow", ""]), "country": rng.choice(COUNTRIES),
               "lat": rng.choice([50, 50.45, 55.75, None]), "lon": rng.choice([30.52, 37, None]),
               "geonameid": None}
    return {
        "schema_version": "1.0", "event_id": f"{aid}-v{version}-{i}", "article_id": aid,
        "sentence_index": i, "sentence": f"sentence {i} of {aid}", "date": rng.choice(DATES),
        "date_precision": "day", "source": src, "target": tgt,
        "cameo": rng.choice(["042", "043", "125", "145", "190", "193"]),
        "plover": {"type": ptype, "mode": None, "context": []} if ptype else None,
        "trigger": {"text": "x", "start": 0, "end": 1}, "location": loc,
        "negated": rng.random() < 0.1, "modality": rng.choice(MODALITIES),
        "confidence": 0.5, "rule": "R",
    }


def _batch(rng: random.Random, ids: list[str], version: int):
    return [(Article(id=aid, text=f"text {aid} {version}"),
             [_record(rng, aid, i, version) for i in range(rng.randrange(0, 6))])
            for aid in ids]


def _snapshot(store) -> dict[str, dict]:
    out = {}
    with store.engine.connect() as conn:
        for table in ROLLUP_TABLES:
            dims, values = rollups.LAYOUT[table]
            rows = conn.execute(select(table)).mappings()
            out[table.name] = {r["k"]: tuple(r[c] for c in (*dims, *values))
                               for r in rows if any(r[v] for v in values)}
    return out


def _rebuilt(store) -> dict[str, dict]:
    with store._write() as conn:
        rollups.rebuild(conn)
    return _snapshot(store)


FILTERS = [
    {},
    {"date_from": "2021-02"},
    {"date_to": "2021-12-31"},
    {"date_from": "2021-01-04", "date_to": "2022"},
    {"plover_type": "ASSAULT"},
    {"plover_type": ["AGREE", "REJECT"], "date_from": "2021"},
    {"cameo_root": "19"},
    {"cameo_root": ["04", "12"], "modality": "reported"},
    {"modality": ["asserted", "intended"], "date_to": "2022-07"},
    {"country": "RUS"},  # not in the rollup: both read events
    {"negated": True, "plover_type": "AID"},
]


def _dashboard(store, use_rollups: bool) -> dict:
    out = {}
    for i, f in enumerate(FILTERS):
        out[i, "per_day"] = analytics.per_day_per_type(store, use_rollups=use_rollups, **f)
        for interval in analytics.INTERVALS:
            out[i, interval] = analytics.cooperation_conflict(
                store, interval, use_rollups=use_rollups, **f)
        stats = store.stats(use_rollups=use_rollups, **f)
        out[i, "stats"] = stats
        out[i, "stats order"] = [list(stats[k]) for k in stats if k.startswith("by_")]
        out[i, "dyads"] = analytics.dyads(store, limit=1000, use_rollups=use_rollups, **f)
        out[i, "dyads3"] = analytics.dyads(store, limit=3, use_rollups=use_rollups, **f)
        out[i, "places"] = analytics.locations(store, limit=1000, use_rollups=use_rollups, **f)
        out[i, "places2"] = analytics.locations(store, limit=2, use_rollups=use_rollups, **f)
    for params in ({}, {"q": "a"}, {"country": "rus"}, {"limit": 2, "offset": 1}):
        out["actors", str(params)] = analytics.actor_counts(store, use_rollups=use_rollups,
                                                            **params)
    return out


def _check(store) -> None:
    snap = _snapshot(store)
    assert snap == _rebuilt(store)
    assert _dashboard(store, True) == _dashboard(store, False)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_saves_and_resaves_keep_the_rollups_exact(store, seed):
    rng = random.Random(seed)
    pool = [f"art-{i}" for i in range(12)]
    for version in range(8):
        ids = rng.sample(pool, rng.randrange(1, 6))
        store.save(_batch(rng, ids, version))
        if version % 3 == 2:
            _check(store)
    _check(store)
    assert store.count_events() > 0
    # an article re-saved with no events any more: its contributions are gone
    store.save([(Article(id=aid, text="empty"), []) for aid in pool])
    assert store.count_events() == 0
    assert _snapshot(store) == {t.name: {} for t in ROLLUP_TABLES}
    _check(store)


def test_a_failed_save_leaves_the_rollups_as_they_were(store):
    rng = random.Random(9)
    store.save(_batch(rng, ["a", "b"], 0))
    before = _snapshot(store)
    bad = _batch(rng, ["a", "c"], 1)
    bad[1][1].append(dict(bad[1][1][0]) if bad[1][1] else _record(rng, "c", 0, 1))
    bad[1][1].append(dict(bad[1][1][-1]))  # the same event_id twice: the batch fails
    with pytest.raises(StoreError):
        store.save(bad)
    assert _snapshot(store) == before
    _check(store)


def test_concurrent_saves_keep_the_rollups_exact(store):
    """Threads re-saving overlapping articles at once (PostgreSQL: really concurrent
    transactions, row locks on shared rollup rows; SQLite: queued writers). A save
    may fail (a deadlock or a conflict the database detects); whatever commits, the
    rollups equal the events."""
    pool = [f"art-{i}" for i in range(8)]
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        rng = random.Random(seed)
        for version in range(6):
            try:
                store.save(_batch(rng, sorted(rng.sample(pool, 3)), seed * 100 + version))
            except StoreError:
                pass
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.count_events() > 0
    _check(store)


def test_the_dashboard_reads_the_rollups(store, monkeypatch):
    """Covered filters never touch the events table (the rollup answers alone)."""
    store.save(_batch(random.Random(4), ["a", "b", "c"], 0))
    want = _dashboard(store, False)
    from newsevents.store import schema

    with store._write() as conn:  # events gone behind the Store's back ...
        conn.execute(schema.events.delete())
    covered = {k: v for k, v in _dashboard(store, True).items()
               if k[0] == "actors" or FILTERS[k[0]] == {}
               or (k[1] not in ("dyads", "dyads3", "places", "places2")
                   and set(FILTERS[k[0]]) <= {"date_from", "date_to", "plover_type",
                                               "cameo_root", "modality"})}
    assert covered  # ... and every covered answer is still there, from the rollups
    assert covered == {k: want[k] for k in covered}
    assert _rebuilt(store) == {t.name: {} for t in ROLLUP_TABLES}
