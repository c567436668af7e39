"""Every event filter, paging and sorting; count_events agrees with iter_events."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.dialects import postgresql

from newsevents.store import EVENT_FILTERS

from .store_samples import (
    article,
    bare_statement,
    hamas_rejects,
    protest_negated,
    putin_meets_biden,
    sanction_hypothetical,
)

PUTIN = putin_meets_biden("a1").event_id
HAMAS = hamas_rejects("a1").event_id
PROTEST = protest_negated("b1").event_id
SANCTION = sanction_hypothetical("b1").event_id
BARE = bare_statement("c1").event_id
ALL = {PUTIN, HAMAS, PROTEST, SANCTION, BARE}


def ids(store, **filters):
    got = [r["event_id"] for r in store.iter_events(**filters)]
    assert store.count_events(**filters) == len(got) or "limit" in filters or "offset" in filters
    return set(got)


CASES = [
    ({}, ALL),
    ({"date_from": "2022-01-01"}, {PROTEST, SANCTION}),
    ({"date_from": "2021-06-17"}, {HAMAS, PROTEST, SANCTION}),
    ({"date_to": "2021-06-16"}, {PUTIN}),
    ({"date_from": "2021-06-16", "date_to": "2021-06-17"}, {PUTIN, HAMAS}),
    ({"date_from": date(2021, 6, 17), "date_to": datetime(2022, 1, 5, 12, 0)}, {HAMAS, PROTEST}),
    ({"date_from": "2021", "date_to": "2021"}, {PUTIN, HAMAS}),
    ({"date_to": "2021-06"}, {PUTIN, HAMAS}),
    ({"actor": "putin"}, {PUTIN}),  # source name
    ({"actor": "BIDEN"}, {PUTIN}),  # target name
    ({"actor": "president"}, {PUTIN}),  # mention text only
    ({"actor": "protesters"}, {PROTEST}),  # text of an actor without a name
    ({"actor": "hamas"}, {HAMAS}),
    ({"actor": "%"}, set()),  # LIKE wildcards are literal
    ({"actor": "_"}, set()),
    ({"source": "putin"}, {PUTIN}),  # a role each: a source → target pair
    ({"source": "biden"}, set()),
    ({"target": "BIDEN"}, {PUTIN}),
    ({"source": "PSEREB"}, {HAMAS}),  # the CAMEO code too
    ({"source": "putin", "target": "biden"}, {PUTIN}),
    ({"country": "RUS"}, {PUTIN, SANCTION}),  # source or target
    ({"country": "usa"}, {PUTIN}),
    ({"country": ["ISR", "UKR"]}, {HAMAS, PROTEST, SANCTION}),
    ({"sector": "GOV"}, {PUTIN, HAMAS, SANCTION}),
    ({"sector": "cop"}, {PROTEST}),
    ({"plover_type": "CONSULT"}, {PUTIN}),
    ({"plover_type": "protest"}, {PROTEST}),
    ({"cameo_root": "04"}, {PUTIN}),
    ({"cameo_root": "16"}, {SANCTION}),
    ({"cameo_root": 1}, {BARE}),
    ({"cameo_root": ["12", "14"]}, {HAMAS, PROTEST}),
    ({"location_country": "CHE"}, {PUTIN}),
    ({"location_country": "ukr"}, {PROTEST}),
    ({"negated": True}, {PROTEST}),
    ({"negated": False}, ALL - {PROTEST}),
    ({"negated": "true"}, {PROTEST}),
    ({"modality": "reported"}, {HAMAS}),
    ({"modality": "Hypothetical"}, {SANCTION}),
    ({"modality": "asserted"}, {PUTIN, PROTEST, BARE}),
    ({"q": "geneva"}, {PUTIN}),
    ({"q": "100%"}, {SANCTION}),  # % is literal
    ({"q": "time_"}, {SANCTION}),
    ({"q": "CAFÉ"[:3]}, {BARE}),
    ({"article_id": "b1"}, {PROTEST, SANCTION}),
    ({"article_id": ["a1", "c1"]}, {PUTIN, HAMAS, BARE}),
    ({"article_id": "B1"}, set()),  # ids are exact
    ({"country": "RUS", "sector": "BUS"}, {SANCTION}),  # filters combine with AND
    ({"country": "UKR", "negated": False, "date_from": "2022-01-10"}, {SANCTION}),
    ({"actor": None, "country": "", "q": None}, ALL),  # None / "" are ignored
]


@pytest.mark.parametrize("filters,want", CASES, ids=[repr(c[0]) for c in CASES])
def test_filter(filled, filters, want):
    assert ids(filled, **filters) == want


def test_every_filter_is_covered():
    used = {k for f, _ in CASES for k in f}
    assert used == set(EVENT_FILTERS)


def test_default_order(filled):
    got = [(r["article_id"], r["sentence_index"]) for r in filled.iter_events()]
    assert got == [("a1", 0), ("a1", 1), ("b1", 0), ("b1", 1), ("c1", 0)]


def test_order_by_trigger_start_within_a_sentence(store):
    late = putin_meets_biden("s1")
    early = putin_meets_biden("s1")
    early.trigger = {"text": "Russian", "start": 0, "end": 7}
    store.save([(article("s1"), [late, early])])
    assert [r["trigger"]["start"] for r in store.iter_events()] == [0, 33]


def test_limit_offset(filled):
    everything = [r["event_id"] for r in filled.iter_events()]
    assert [r["event_id"] for r in filled.iter_events(limit=2)] == everything[:2]
    assert [r["event_id"] for r in filled.iter_events(limit=2, offset=2)] == everything[2:4]
    assert [r["event_id"] for r in filled.iter_events(offset=4)] == everything[4:]
    assert list(filled.iter_events(limit=0)) == []
    assert filled.count_events(limit=1, offset=3, sort="-date") == 5  # paging ignored


def test_sort(filled):
    dates = [r["date"] for r in filled.iter_events(sort="date")]
    assert dates == ["2021-06-16", "2021-06-17", "2022-01-05", "2022-02", None]  # nulls last
    dates = [r["date"] for r in filled.iter_events(sort="-date")]
    assert dates == ["2022-02", "2022-01-05", "2021-06-17", "2021-06-16", None]
    conf = [r["confidence"] for r in filled.iter_events(sort="-confidence")]
    assert conf == sorted(conf, reverse=True)
    two = [r["event_id"] for r in filled.iter_events(sort="modality,-confidence")]
    assert two == [PUTIN, BARE, PROTEST, SANCTION, HAMAS]  # asserted by confidence, ...
    assert [r["event_id"] for r in filled.iter_events(sort=["modality", "-confidence"])] == two


@pytest.mark.parametrize(
    "filters,exc",
    [
        ({"sort": "sentence; DROP TABLE events"}, ValueError),
        ({"sort": "text"}, ValueError),
        ({"cameo_root": "4"}, ValueError),
        ({"cameo_root": "abc"}, ValueError),
        ({"date_from": "June 2021"}, ValueError),
        ({"date_to": "2021-02-30"}, ValueError),
        ({"negated": "maybe"}, ValueError),
        ({"limit": -1}, ValueError),
        ({"offset": "x"}, ValueError),
        ({"colour": "red"}, TypeError),
    ],
)
def test_bad_filters_fail_before_iterating(filled, filters, exc):
    with pytest.raises(exc):
        filled.iter_events(**filters)  # raised at the call, not at the first next()
    if not set(filters) & {"sort", "limit", "offset"}:  # count_events ignores paging
        with pytest.raises(exc):
            filled.count_events(**filters)


def test_filters_compile_for_postgresql(filled):
    """The same statement renders on PostgreSQL: nothing SQLite-only in the queries."""
    stmt = filled.select_events(
        date_from="2021", date_to="2022-02", actor="x", country=["RUS", "USA"], sector="GOV",
        plover_type="CONSULT", cameo_root="04", location_country="CHE", negated=False,
        modality="asserted", q="met", article_id="a1", limit=10, offset=5, sort="-date",
    )
    sql = str(stmt.compile(dialect=postgresql.dialect()))
    assert "ILIKE" in sql and "LIMIT" in sql and "OFFSET" in sql
