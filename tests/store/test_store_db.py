"""Store: opening, round trips, idempotent re-coding, atomic batches, hashes, actors."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import inspect, select

from newsevents.errors import StoreError
from newsevents.models import EVENT_FIELDS, Actor, Event, Place
from newsevents.store import Store, normalize_url
from newsevents.store.schema import STORE_VERSION, actors

from .store_samples import (
    article,
    bare_statement,
    corpus,
    hamas_rejects,
    protest_negated,
    putin_meets_biden,
    sanction_hypothetical,
)

# ------------------------------------------------------------------ opening


def test_bare_path_and_url_open_the_same_sqlite_file(tmp_path):
    path = tmp_path / "sub" / "dir" / "e.db"  # parents are created
    with Store(str(path)) as s:
        s.save([(article("a1"), [putin_meets_biden("a1")])])
    assert path.exists()
    with Store(f"sqlite:///{path}") as s:
        assert s.count_events() == 1
    assert normalize_url(str(path)) == f"sqlite:///{path}"


def test_tables_indexes_and_sqlite_settings(db_path):
    store = Store(str(db_path))
    insp = inspect(store.engine)
    assert {"articles", "events", "actors", "schema_info"} <= set(insp.get_table_names())
    indexed = {tuple(ix["column_names"]) for ix in insp.get_indexes("events")}
    for col in ("date", "plover_type", "cameo_root", "source_country", "target_country",
                "location_country", "source_name", "target_name"):
        assert (col,) in indexed, col
    assert ("article_id", "sentence_index", "trigger_start") in indexed
    fks = insp.get_foreign_keys("events")
    assert fks and fks[0]["referred_table"] == "articles"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    raw = sqlite3.connect(db_path)
    assert dict(raw.execute("select key, value from schema_info"))["store_version"] == STORE_VERSION
    raw.close()
    store.close()


def test_reopening_keeps_data_and_a_foreign_layout_version_is_refused(db_path):
    with Store(str(db_path)) as s:
        s.save(corpus())
    with Store(str(db_path)) as s:
        assert s.count_events() == 5
    raw = sqlite3.connect(db_path)
    raw.execute("update schema_info set value = '999' where key = 'store_version'")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="999"):
        Store(str(db_path))


def test_unopenable_database_is_a_store_error(tmp_path):
    (tmp_path / "adir").mkdir()
    with pytest.raises(StoreError):
        Store(str(tmp_path / "adir"))
    with pytest.raises(StoreError):
        Store("")


# --------------------------------------------------------------- round trips


@pytest.mark.parametrize(
    "make",
    [putin_meets_biden, hamas_rejects, protest_negated, sanction_hypothetical, bare_statement],
)
def test_round_trip_is_exact(store, make):
    ev = make("x1")
    store.save([(article("x1"), [ev])])
    want = ev.to_dict()
    got = store.get_event(ev.event_id)
    assert got["cluster_id"].startswith("c-")  # the store clusters what it saves
    want["cluster_id"] = got["cluster_id"]
    assert got == want
    assert list(got) == list(want) == list(EVENT_FIELDS)
    for key in ("source", "target", "plover", "location", "trigger"):
        if want[key] is not None:
            assert list(got[key]) == list(want[key])
    assert [r for r in store.iter_events()] == [want]
    assert store.get_article("x1")["events"] == [want]


def test_nulls_stay_null_and_empty_values_stay_empty(store):
    ev = Event(
        article_id="n1",
        sentence_index=4,
        sentence="",
        cameo="0",  # odd but must survive
        trigger={"text": "", "start": 0, "end": 0},
        source=Actor("", 0, 0),  # present actor with empty text and nothing resolved
        target=None,
        plover={"type": None, "mode": None, "context": []},
        location=Place("", None, None, None, None),
        confidence=1,
        rule="",
    )
    store.save([(article("n1"), [ev])])
    got = store.get_event(ev.event_id)
    assert got == {**ev.to_dict(), "cluster_id": got["cluster_id"]}
    assert got["source"] == {"text": "", "start": 0, "end": 0, "name": None, "country": None,
                             "sector": None, "code": None, "members": []}
    assert got["target"] is None
    assert got["plover"] == {"type": None, "mode": None, "context": []}
    assert got["location"]["name"] == "" and got["location"]["lat"] is None
    assert got["date"] is None and got["negated"] is False
    assert isinstance(got["confidence"], float)

    bare = bare_statement("n1")
    store.save([(article("n1"), [bare])])
    got = store.get_event(bare.event_id)
    assert got["source"] is None and got["target"] is None
    assert got["plover"] is None and got["location"] is None


def test_unicode_and_dict_records_round_trip(store):
    ev = putin_meets_biden("u1")
    ev.sentence = "Путин встретился с Байденом в Женеве — 🇨🇭."
    ev.source.members = ["Владимир Путин", "O'Brien \"quoted\""]
    rec = ev.to_dict()
    store.save([(article("u1"), [rec])])  # records are accepted as well as Events
    got = store.get_event(ev.event_id)
    assert got == {**rec, "cluster_id": got["cluster_id"]}


def test_get_missing_is_none(store):
    assert store.get_event("nope") is None
    assert store.get_article("nope") is None


def test_get_article_fields_and_ordered_events(filled):
    a = filled.get_article("a1")
    src = corpus()[0][0]
    for key in ("id", "title", "published", "retrieved", "url", "source", "origin", "text"):
        assert a[key] == getattr(src, key)
    assert a["content_hash"] == src.content_hash
    assert a["coded_at"].endswith("+00:00")
    assert [e["sentence_index"] for e in a["events"]] == [0, 1]


# ---------------------------------------------------------- idempotent saves


def test_saving_twice_counts_once_with_stable_ids(store):
    store.save(corpus())
    first = [r["event_id"] for r in store.iter_events()]
    store.save(corpus())
    second = [r["event_id"] for r in store.iter_events()]
    assert store.count_events() == 5
    assert first == second and len(set(first)) == 5
    assert store.count_articles() == 3


def test_recoding_replaces_the_articles_events(store):
    store.save(corpus())
    new = putin_meets_biden("a1")
    new.cameo = "043"  # a different event of the same article
    store.save([(article("a1", title="Geneva summit, updated"), [new])])
    a = store.get_article("a1")
    assert a["title"] == "Geneva summit, updated"
    assert [e["event_id"] for e in a["events"]] == [new.event_id]
    assert store.count_events() == 4  # b1's and c1's events untouched
    store.save([(article("a1"), [])])  # coded to nothing: its events go
    assert store.count_events(article_id="a1") == 0
    assert store.get_article("a1") is not None


def test_an_article_twice_in_one_batch_last_wins(store):
    store.save([
        (article("a1", title="one"), [putin_meets_biden("a1")]),
        (article("a1", title="two"), [hamas_rejects("a1")]),
    ])
    a = store.get_article("a1")
    assert a["title"] == "two"
    assert [e["event_id"] for e in a["events"]] == [hamas_rejects("a1").event_id]


def test_empty_batch_is_a_no_op(store):
    store.save([])
    assert store.count_events() == 0


# ------------------------------------------------------------ atomic batches


def _snapshot(store):
    return (sorted(store.known_hashes().items()), [r for r in store.iter_events()],
            store.actors(limit=None))


def test_failing_batch_duplicate_event_id_leaves_nothing(store):
    store.save(corpus())
    before = _snapshot(store)
    dup = protest_negated("d1")
    batch = [
        (article("a1", title="changed"), [hamas_rejects("a1")]),  # would replace a1's events
        (article("d1"), [dup, protest_negated("d1")]),  # same event twice: same event_id
    ]
    with pytest.raises(StoreError, match=dup.event_id):
        store.save(batch)
    assert _snapshot(store) == before
    assert store.get_article("d1") is None
    assert store.get_article("a1")["title"] == "Geneva summit"


def test_failure_after_the_events_are_written_rolls_back(store, monkeypatch):
    store.save(corpus())
    before = _snapshot(store)

    def boom(self, conn, identities):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "_insert_actors", boom)
    new = putin_meets_biden("a1")
    new.cameo = "040"
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save([(article("a1", title="new"), [new]), (article("z9"), [bare_statement("z9")])])
    monkeypatch.undo()
    assert _snapshot(store) == before
    assert store.get_article("z9") is None


def test_event_of_another_article_is_refused_before_writing(store):
    with pytest.raises(StoreError, match="belongs to article"):
        store.save([(article("a1"), [putin_meets_biden("a1")]), (article("b1"), [hamas_rejects("a1")])])
    assert store.count_articles() == 0


# --------------------------------------------------------------- known hashes


def test_known_hashes(store):
    arts = corpus()
    store.save(arts)
    want = {a.id: a.content_hash for a, _ in arts}
    assert store.known_hashes() == want
    assert store.known_hashes(["a1", "zz"]) == {"a1": want["a1"]}
    assert store.known_hashes([]) == {}
    assert store.known_hashes(iter(["c1", "c1"])) == {"c1": want["c1"]}
    changed = article("a1", text="new text")
    store.save([(changed, [])])
    assert store.known_hashes(["a1"]) == {"a1": changed.content_hash} != {"a1": want["a1"]}
    many = [f"id{i}" for i in range(1200)] + ["b1"]  # more than one IN (...) chunk
    assert store.known_hashes(many) == {"b1": want["b1"]}


# --------------------------------------------------------------------- actors


def test_actor_counts(store):
    store.save(corpus())
    extra = hamas_rejects("e1")  # Hamas again, in a second article
    self_ref = Event(article_id="e1", sentence_index=3, sentence="Hamas and Hamas.", cameo="010",
                     trigger={"text": "and", "start": 6, "end": 9},
                     source=Actor("Hamas", 0, 5, "Hamas", "PSE", "REB", "PSEREB"),
                     target=Actor("Hamas", 10, 15, "Hamas", "PSE", "REB", "PSEREB"))
    store.save([(article("e1"), [extra, self_ref])])
    rows = store.actors(limit=None)
    by_name = {(r["name"], r["code"]): r for r in rows}
    assert by_name[("Hamas", "PSEREB")] == {"name": "Hamas", "country": "PSE", "sector": "REB",
                                           "code": "PSEREB", "events": 3}
    assert by_name[("Israel", "ISRGOV")]["events"] == 2
    assert by_name[("Vladimir Putin", "RUSGOV")]["events"] == 1
    # "Protesters" has no name but a code: an identity with null name/country
    assert by_name[(None, "CVL")] == {"name": None, "country": None, "sector": "CVL",
                                      "code": "CVL", "events": 1}
    assert rows[0]["name"] == "Hamas"  # most frequent first
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)
    assert store.count_actors() == len(rows) == 8
    assert store.actors(limit=2, offset=1) == rows[1:3]
    assert [r["name"] for r in store.actors(q="bid")] == ["Joe Biden"]
    assert {r["name"] for r in store.actors(country="rus")} == {"Vladimir Putin", "Russian banks"}
    assert store.count_actors(country="RUS") == 2

    # re-coding e1 and a1 away: Hamas drops to its remaining event, Putin disappears
    store.save([(article("e1"), []), (article("a1"), [])])
    names = {r["name"]: r["events"] for r in store.actors(limit=None)}
    assert "Hamas" not in names and "Vladimir Putin" not in names
    assert store.stats()["actors"] == 8  # identities stay registered in the actors table


def test_actors_table_is_unique_even_with_null_parts(store):
    store.save(corpus())
    store.save(corpus())
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(actors.c.name, actors.c.country,
                                                       actors.c.sector, actors.c.code))]
    assert len(rows) == len(set(rows)) == 8


# ---------------------------------------------------------------------- stats


def test_stats_minimal(filled):
    st = filled.stats()
    assert st["articles"] == 3 and st["events"] == 5
    assert st["date_min"] == "2021-06-16" and st["date_max"] == "2022-02"
    assert st["by_plover_type"]["CONSULT"] == 1 and st["by_plover_type"][None] == 1
    assert st["by_cameo_root"] == {"04": 1, "12": 1, "14": 1, "16": 1, "01": 1}
    assert filled.stats(country="RUS")["events"] == 2


# ------------------------------------------------------- two writer processes


def test_two_processes_write_the_same_file(db_path, tmp_path):
    Store(str(db_path)).close()
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[3])
        from store_samples import article, putin_meets_biden, hamas_rejects
        from newsevents.store import Store
        s = Store(sys.argv[1])
        tag = sys.argv[2]
        for i in range(25):
            aid = f"{tag}{i}"
            s.save([(article(aid), [putin_meets_biden(aid), hamas_rejects(aid)])])
            s.known_hashes([aid])
        s.close()
        """
    )
    here = str(__import__("pathlib").Path(__file__).parent)
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db_path), tag, here],
                         stderr=subprocess.PIPE, text=True)
        for tag in ("p", "q")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store(str(db_path)) as s:
        assert s.count_articles() == 50
        assert s.count_events() == 100
