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
from sqlalchemy import create_engine, insert, inspect, select, update

from newsevents.errors import StoreError
from newsevents.models import SCHEMA_VERSION
from newsevents.store import Store, migrations, normalize_url
from newsevents.store.records import actor_identity, article_to_row, as_record, record_to_row
from newsevents.store.schema import STORE_VERSION, actors, articles, events, metadata, schema_info

_spec = importlib.util.spec_from_file_location(
    "reliability_store_samples", Path(__file__).resolve().parents[1] / "store" / "store_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)

NEW_INDEX = "ix_events_date_type"


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


def _make_old_database(url: str, *, legacy: bool) -> list[dict]:
    """A database as newsevents made it at revision 0001 (``legacy``: before
    migrations existed, so without ``alembic_version``), filled with the sample
    corpus through plain inserts. Returns the raw event rows."""
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            command.upgrade(migrations.alembic_config(connection=conn), "0001")
            if legacy:
                conn.exec_driver_sql("DROP TABLE alembic_version")
            conn.execute(insert(schema_info), [
                {"key": "store_version", "value": STORE_VERSION},
                {"key": "schema_version", "value": SCHEMA_VERSION},
            ])
            now = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
            corpus = samples.corpus()
            conn.execute(insert(articles), [article_to_row(a, now) for a, _ in corpus])
            recs = [as_record(e) for _, evs in corpus for e in evs]
            conn.execute(insert(events), [record_to_row(r) for r in recs])
            idents = sorted({i for r in recs for side in ("source", "target")
                             if (i := actor_identity(r.get(side))) is not None})
            conn.execute(insert(actors), [dict(zip(("name", "country", "sector", "code"), i))
                                          for i in idents])
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(events).order_by(events.c.event_id)).mappings()]
    finally:
        engine.dispose()


def test_a_new_database_is_created_at_the_head(db_url):
    with Store(db_url) as s:
        assert s.count_events() == 0
    assert _revision(db_url) == migrations.head() == "0002"
    assert _event_indexes(db_url)[NEW_INDEX] == ("date", "plover_type")


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
    assert _revision(db_url) == "0002"


@pytest.mark.parametrize("legacy", [False, True], ids=["at-0001", "before-alembic"])
def test_an_old_database_is_upgraded_in_place_and_keeps_its_data(db_url, legacy, caplog):
    before = _make_old_database(db_url, legacy=legacy)
    assert len(before) == 5
    assert _revision(db_url) == (None if legacy else "0001")
    assert NEW_INDEX not in _event_indexes(db_url)

    with caplog.at_level(logging.INFO, logger="newsevents.store"):
        store = Store(db_url)
    try:
        assert any("upgrading the schema" in r.getMessage() and "to 0002" in r.getMessage()
                   for r in caplog.records), caplog.text
        assert _revision(db_url) == "0002"
        assert _event_indexes(db_url)[NEW_INDEX] == ("date", "plover_type")
        # every stored value survived, and the store reads and writes as usual
        engine = _engine(db_url)
        with engine.connect() as conn:
            after = [dict(r) for r in
                     conn.execute(select(events).order_by(events.c.event_id)).mappings()]
        engine.dispose()
        assert after == before
        expected = sorted((as_record(e) for _, evs in samples.corpus() for e in evs),
                          key=lambda r: r["event_id"])
        assert sorted(store.iter_events(), key=lambda r: r["event_id"]) == expected
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
    assert _revision(db_url) == "0002"


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


def migrations_table():
    from sqlalchemy import Column, MetaData, String, Table

    return Table("alembic_version", MetaData(), Column("version_num", String, primary_key=True))
