"""Schema migrations (Alembic, ``newsevents.store.migrations``) on SQLite and PostgreSQL.

A database made by an older newsevents -- at the baseline revision 0001, or from
before migrations existed (no ``alembic_version``) -- is upgraded in place by
``Store()`` and keeps its data; new databases are stamped at the head; the
migrations from an empty database give exactly the tables of ``schema.py``.
"""
from __future__ import annotations

import importlib.util
import logging
from datetime import datetime, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    column,
    create_engine,
    func,
    insert,
    inspect,
    select,
    table,
    update,
)
from sqlalchemy.schema import CreateIndex

from newsevents.errors import StoreError
from newsevents.store import Store, analytics, migrations, normalize_url, rollups
from newsevents.store.records import actor_identity, article_to_row, as_record, record_to_row
from newsevents.store.schema import (
    ROLLUP_TABLES,
    SCHEMA_REVISION,
    STORE_VERSION,
    actors,
    articles,
    clusters,
    events,
    metadata,
    schema_info,
)

_spec = importlib.util.spec_from_file_location(
    "reliability_store_samples", Path(__file__).resolve().parents[1] / "store" / "store_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)

NEW_INDEX = "ix_events_date_type"

# What ``analytics.ensure_indexes`` created at run time before revision 0003.
_old = Table("events", MetaData(), *(Column(c, String) for c in (
    "event_id", "article_id", "date", "plover_type", "source_name", "source_country",
    "source_sector", "source_code", "target_name", "target_country", "target_sector",
    "target_code")), Column("sentence_index", Integer), Column("trigger_start", Integer))
_o = _old.c
RUNTIME_INDEXES = (
    Index("ix_events_date_type", _o.date, _o.plover_type),
    Index("ix_events_dyad", _o.source_name, _o.target_name, _o.plover_type),
    Index("ix_events_src_actor", _o.source_name, _o.source_country, _o.source_sector,
          _o.source_code),
    Index("ix_events_tgt_actor", _o.target_name, _o.target_country, _o.target_sector,
          _o.target_code),
    Index("ix_events_type_date", _o.plover_type, _o.date),
    Index("ix_events_self_dyad", _o.source_name, _o.source_country, _o.source_sector,
          _o.source_code, _o.target_country, _o.target_sector, _o.target_code,
          sqlite_where=_o.source_name == _o.target_name,
          postgresql_where=_o.source_name == _o.target_name),
    Index("ix_events_sort_date_desc", _o.date.is_(None), _o.date.desc(), _o.article_id,
          _o.sentence_index, _o.trigger_start, _o.event_id),
    Index("ix_events_sort_date_asc", _o.date.is_(None), _o.date, _o.article_id,
          _o.sentence_index, _o.trigger_start, _o.event_id),
)
OBSOLETE = {"ix_events_dyad", "ix_events_src_actor", "ix_events_tgt_actor",
            "ix_events_self_dyad", "ix_events_type_date"}
ADDED_0003 = {"ix_events_sort_date_desc", "ix_events_sort_date_asc",
              "ix_events_type_date_countries"}


def _index_names(url: str) -> set[str]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return _index_names_on(conn)
    finally:
        engine.dispose()


def _rollups(url: str) -> dict[str, dict]:
    """The rollup tables' rows (k -> values), rows counting nothing left out."""
    engine = _engine(url)
    try:
        out = {}
        with engine.connect() as conn:
            for table in ROLLUP_TABLES:
                dims, values = rollups.LAYOUT[table]
                out[table.name] = {
                    r["k"]: tuple(r[c] for c in (*dims, *values))
                    for r in conn.execute(select(table)).mappings() if any(r[v] for v in values)}
        return out
    finally:
        engine.dispose()


def _rollups_of_a_fresh_save(tmp_path, extra=()) -> dict[str, dict]:
    """The rollups Store.save() keeps for the sample corpus (+ ``extra``)."""
    url = "sqlite:///" + (tmp_path / "fresh-save.db").as_posix()
    (tmp_path / "fresh-save.db").unlink(missing_ok=True)
    with Store(url) as s:
        s.save(samples.corpus())
        if extra:
            s.save(extra)
    return _rollups(url)


def _old_row(conn, row: dict) -> dict:
    """An events row with only the columns the table has at the database's revision."""
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    return {k: v for k, v in row.items() if k in have}


def _clusters(url: str) -> tuple[dict, dict]:
    """(event_id -> cluster_id, the clusters table's rows without first/last seen)."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            ids = dict(conn.execute(select(events.c.event_id, events.c.cluster_id)).all())
            rows = {r["cluster_id"]: {k: r[k] for k in ("cluster_key", "date", "reports",
                                                          "articles", "sources", "cameo")}
                    for r in conn.execute(select(clusters)).mappings()}
        return ids, rows
    finally:
        engine.dispose()


def _clusters_of_a_fresh_save(tmp_path) -> tuple[dict, dict]:
    url = "sqlite:///" + (tmp_path / "fresh-clusters.db").as_posix()
    (tmp_path / "fresh-clusters.db").unlink(missing_ok=True)
    with Store(url) as s:
        s.save(samples.corpus())
    return _clusters(url)


def _engine(url: str):
    return create_engine(normalize_url(url))


def _revision(url: str) -> str | None:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return migrations.current_revision(conn)
    finally:
        engine.dispose()


def _event_indexes(url: str) -> dict[str, tuple[str, ...]]:
    engine = _engine(url)
    try:
        return {ix["name"]: tuple(ix["column_names"]) for ix in inspect(engine).get_indexes("events")}
    finally:
        engine.dispose()


def _make_old_database(url: str, *, legacy: bool, revision: str = "0001",
                       runtime_indexes: bool = False) -> list[dict]:
    """A database as newsevents made it at ``revision`` (``legacy``: 0001 from
    before migrations existed, so without ``alembic_version``; ``runtime_indexes``:
    with the indexes the web app of that time added at run time), filled with the
    sample corpus through plain inserts. Returns the raw event rows."""
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            command.upgrade(migrations.alembic_config(connection=conn), revision)
            if runtime_indexes:
                for ix in RUNTIME_INDEXES:
                    conn.execute(CreateIndex(ix, if_not_exists=True))
            if legacy:
                conn.exec_driver_sql("DROP TABLE alembic_version")
            conn.execute(insert(schema_info), [
                {"key": "store_version", "value": STORE_VERSION},
                {"key": "schema_version", "value": "1"},
            ])
            now = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
            corpus = samples.corpus()
            conn.execute(insert(articles), [article_to_row(a, now) for a, _ in corpus])
            recs = [as_record(e) for _, evs in corpus for e in evs]
            conn.execute(insert(events), [_old_row(conn, record_to_row(r)) for r in recs])
            idents = sorted({i for r in recs for side in ("source", "target")
                             if (i := actor_identity(r.get(side))) is not None})
            conn.execute(insert(actors), [dict(zip(("name", "country", "sector", "code"), i))
                                          for i in idents])
        with engine.connect() as conn:
            have = [events.c[c["name"]] for c in inspect(conn).get_columns("events")]
            return [dict(r) for r in
                    conn.execute(select(*have).order_by(events.c.event_id)).mappings()]
    finally:
        engine.dispose()


def test_a_new_database_is_created_at_the_head(db_url):
    with Store(db_url) as s:
        assert s.count_events() == 0
    assert _revision(db_url) == migrations.head() == SCHEMA_REVISION
    assert _event_indexes(db_url)[NEW_INDEX] == ("date", "plover_type")


def test_schema_revision_is_alembics_head():
    """``Store`` opens a database at ``SCHEMA_REVISION`` without Alembic: it must be the head."""
    assert SCHEMA_REVISION == migrations.head()


def test_new_and_current_databases_open_without_alembic(tmp_path):
    """Creating a database and opening one at the head import no Alembic; the version table
    is the one Alembic's own ``stamp`` makes."""
    import sqlite3
    import subprocess
    import sys

    path = tmp_path / "events.db"
    code = ("import sys; from newsevents.store import Store; Store(sys.argv[1]).close(); "
            "print('alembic' in sys.modules)")
    for _ in ("new", "current"):
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "False"
    by_alembic = tmp_path / "alembic.db"
    engine = _engine(str(by_alembic))
    try:
        with engine.begin() as conn:
            command.stamp(migrations.alembic_config(connection=conn), "head")
    finally:
        engine.dispose()

    def version_table(db: Path) -> str:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'").fetchone()[0]

    assert version_table(path) == version_table(by_alembic)
    assert _revision(str(path)) == migrations.head()


def test_the_migrations_give_exactly_the_tables_of_schema_py(db_url):
    """Upgrading an empty database revision by revision == ``metadata.create_all``."""
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(migrations.alembic_config(connection=conn), "head")
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, metadata)
    finally:
        engine.dispose()
    assert diff == []
    assert _revision(db_url) == SCHEMA_REVISION


@pytest.mark.parametrize("legacy", [False, True], ids=["at-0001", "before-alembic"])
def test_an_old_database_is_upgraded_in_place_and_keeps_its_data(db_url, legacy, caplog,
                                                                 tmp_path):
    before = _make_old_database(db_url, legacy=legacy)
    assert len(before) == 5
    assert _revision(db_url) == (None if legacy else "0001")
    assert NEW_INDEX not in _event_indexes(db_url)

    with caplog.at_level(logging.INFO, logger="newsevents.store"):
        store = Store(db_url)
    try:
        assert any("upgrading the schema" in r.getMessage() and f"to {SCHEMA_REVISION}" in r.getMessage()
                   for r in caplog.records), caplog.text
        assert _revision(db_url) == SCHEMA_REVISION
        assert _event_indexes(db_url)[NEW_INDEX] == ("date", "plover_type")
        assert _rollups(db_url) == _rollups_of_a_fresh_save(tmp_path)  # 0003 backfilled
        # every stored value survived, and the store reads and writes as usual
        engine = _engine(db_url)
        with engine.connect() as conn:
            after = [dict(r) for r in
                     conn.execute(select(events).order_by(events.c.event_id)).mappings()]
        engine.dispose()
        # 0004: the old columns keep their values; the records are schema "2", clustered
        assert [{k: r[k] for k in b if k != "schema_version"} for r, b in zip(after, before)] \
            == [{k: v for k, v in b.items() if k != "schema_version"} for b in before]
        assert {r["schema_version"] for r in after} == {"2"}
        assert all(r["cluster_id"].startswith("c-") and r["cluster_key"] for r in after)
        expected = sorted((as_record(e) for _, evs in samples.corpus() for e in evs),
                          key=lambda r: r["event_id"])
        got = sorted(store.iter_events(), key=lambda r: r["event_id"])
        assert got == [{**e, "cluster_id": g["cluster_id"]} for e, g in zip(expected, got)]
        assert _clusters(db_url) == _clusters_of_a_fresh_save(tmp_path)  # 0004 backfilled
        assert store.count_articles() == 3
        assert store.stats(date_from="2021-01-01", date_to="2021-12-31")["events"] >= 1
        store.save([(samples.article("new1"), [samples.putin_meets_biden("new1")])])
        assert store.count_events(article_id="new1") == 1
    finally:
        store.close()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="newsevents.store"):
        Store(db_url).close()  # already at the head: nothing to do, nothing logged
    assert not [r for r in caplog.records if "upgrading" in r.getMessage()]


def test_downgrade_to_the_baseline_and_back_keeps_the_data(db_url):
    with Store(db_url) as s:
        s.save(samples.corpus())
        before = sorted(s.iter_events(), key=lambda r: r["event_id"])
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(connection=conn), "0001")
    finally:
        engine.dispose()
    assert NEW_INDEX not in _event_indexes(db_url)
    with Store(db_url) as s:  # upgrades again
        assert sorted(s.iter_events(), key=lambda r: r["event_id"]) == before
    assert _revision(db_url) == SCHEMA_REVISION


def test_a_database_from_a_newer_newsevents_is_refused(db_url):
    Store(db_url).close()
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(update(migrations_table()).values(version_num="9999"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="9999.*newer newsevents"):
        Store(db_url)


def test_a_failed_upgrade_leaves_the_old_database_untouched(db_url, monkeypatch):
    before = _make_old_database(db_url, legacy=False)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    # Fail after the baseline check, in the middle of the upgrade.
    monkeypatch.setattr(migrations.command, "upgrade", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        Store(db_url)
    monkeypatch.undo()
    assert _revision(db_url) == "0001"
    assert NEW_INDEX not in _event_indexes(db_url)
    with Store(db_url) as s:
        assert s.count_events() == len(before)


def test_0003_on_a_database_of_the_runtime_indexes_era(db_url, tmp_path):
    """A 0002 database the web app had opened (runtime indexes present, filled):
    0003 keeps the events, drops the indexes the rollups replaced, has the new
    ones, and backfills the rollups exactly as Store.save() keeps them."""
    before = _make_old_database(db_url, legacy=False, revision="0002", runtime_indexes=True)
    assert OBSOLETE | {"ix_events_sort_date_desc"} <= _index_names(db_url)
    with Store(db_url) as s:
        assert _revision(db_url) == SCHEMA_REVISION
        names = _index_names(db_url)
        assert not names & OBSOLETE and ADDED_0003 <= names and NEW_INDEX in names
        assert _rollups(db_url) == _rollups_of_a_fresh_save(tmp_path)
        assert len(list(s.iter_events())) == len(before)
        for f in ({}, {"date_from": "2021-06-17"}, {"plover_type": ["CONSULT", "REJECT"]}):
            assert s.stats(**f) == s.stats(use_rollups=False, **f)
            assert analytics.per_day_per_type(s, **f) == \
                analytics.per_day_per_type(s, use_rollups=False, **f)
        assert analytics.dyads(s) == analytics.dyads(s, use_rollups=False)
        assert analytics.locations(s) == analytics.locations(s, use_rollups=False)
        assert analytics.actor_counts(s) == analytics.actor_counts(s, use_rollups=False)
        # and from here on Store.save() keeps them
        extra = [(samples.article("new1"), [samples.putin_meets_biden("new1")])]
        s.save(extra)
    assert _rollups(db_url) == _rollups_of_a_fresh_save(tmp_path, extra)


def test_0003_downgrade_and_upgrade_again_refills_the_rollups(db_url, tmp_path):
    """Down to 0002 (rollup tables and 0003's indexes gone), events written meanwhile
    without them, up again: the backfill counts every event."""
    with Store(db_url) as s:
        s.save(samples.corpus())
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(connection=conn), "0002")
            assert not set(inspect(conn).get_table_names()) & {t.name for t in ROLLUP_TABLES}
            assert not _index_names_on(conn) & ADDED_0003
            rec = as_record(samples.hamas_rejects("new1"))
            conn.execute(insert(articles), [article_to_row(samples.article("new1"),
                                                           datetime.now(timezone.utc))])
            conn.execute(insert(events), [_old_row(conn, record_to_row(rec))])
    finally:
        engine.dispose()
    Store(db_url).close()
    assert _revision(db_url) == SCHEMA_REVISION and ADDED_0003 <= _index_names(db_url)
    extra = [(samples.article("new1"), [samples.hamas_rejects("new1")])]
    assert _rollups(db_url) == _rollups_of_a_fresh_save(tmp_path, extra)


def _index_names_on(conn) -> set[str]:
    """Names of the events table's indexes, expression indexes included (which the
    SQLite inspector leaves out), from the database's catalog."""
    if conn.dialect.name == "sqlite":
        cat = table("sqlite_master", column("name"), column("type"), column("tbl_name"))
        stmt = select(cat.c.name).where(cat.c.type == "index", cat.c.tbl_name == "events")
    else:
        cat = table("pg_indexes", column("indexname"), column("tablename"),
                    column("schemaname"))
        stmt = select(cat.c.indexname).where(cat.c.tablename == "events",
                                             cat.c.schemaname == func.current_schema())
    return set(conn.execute(stmt).scalars())


def migrations_table():
    from sqlalchemy import Column, MetaData, String, Table

    return Table("alembic_version", MetaData(), Column("version_num", String, primary_key=True))
