"""The database tables (SQLAlchemy Core), portable between SQLite and PostgreSQL.

``events`` holds one row per public event record (``docs/event-schema.md``) with the
nested objects flattened into columns (``source_name``, ``plover_type``,
``trigger_start``, ``location_lat`` ...). Lists (actor members, PLOVER context) are
JSON text. A null actor / place / PLOVER object is recognised on the way back by a
null marker column (``source_text``, ``target_text``, ``location_name``,
``plover_context``), which is never null when the object is present.

String columns carry no length: PostgreSQL's unbounded ``VARCHAR`` costs nothing
and never rejects a long actor code or name.
"""
from __future__ import annotations

import logging

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    inspect,
    select,
)

log = logging.getLogger("newsevents.store")

STORE_VERSION = "1"
"""Family of this table layout. Changes within it are Alembic revisions
(``store/migrations/versions``), applied by ``Store`` on open; change a table here
only together with a new revision there."""

SCHEMA_REVISION = "0006"
"""The newest Alembic revision in ``store/migrations/versions`` (a test checks that Alembic
agrees): a database stamped with it opens without importing Alembic."""

metadata = MetaData()

alembic_version = Table(
    "alembic_version",
    MetaData(),  # Alembic's own table (as its ``stamp`` makes it), not part of the layout
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)

PG_LOCK_KEY = 0x6E657773  # "news": pg_advisory_xact_lock key for schema changes


def lock_schema(conn: Connection) -> None:
    """PostgreSQL: serialise schema changes (a transaction-scoped advisory lock); SQLite's
    ``BEGIN IMMEDIATE`` already does."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(PG_LOCK_KEY)))


def create_if_empty(conn: Connection, display: str) -> bool:
    """In a database with neither newsevents tables nor ``alembic_version`` (inside a write
    transaction, ``lock_schema`` taken): create the tables and stamp them at
    ``SCHEMA_REVISION``, as Alembic's ``stamp`` would, without importing Alembic. False (and
    nothing done) for any other database."""
    if set(inspect(conn).get_table_names()) & {"articles", "events", alembic_version.name}:
        return False
    metadata.create_all(conn)
    alembic_version.create(conn)
    conn.execute(insert(alembic_version).values(version_num=SCHEMA_REVISION))
    log.info("created the newsevents tables in %s (schema revision %s)", display, SCHEMA_REVISION)
    return True

schema_info = Table(
    "schema_info",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("published", String),
    Column("retrieved", String),
    Column("url", Text),
    Column("source", String),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("content_hash", String, nullable=False),
    Column("coded_at", DateTime(timezone=True), nullable=False),
)


def _actor_columns(prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}_text", Text),  # null marker: the whole actor is null
        Column(f"{prefix}_start", Integer),
        Column(f"{prefix}_end", Integer),
        Column(f"{prefix}_name", String),
        Column(f"{prefix}_country", String),
        Column(f"{prefix}_sector", String),
        Column(f"{prefix}_code", String),
        Column(f"{prefix}_members", Text),  # JSON list of strings
    ]


events = Table(
    "events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column(
        "article_id",
        String,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("schema_version", String, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("date", String),
    Column("date_precision", String),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("cameo", String, nullable=False),
    Column("cameo_root", String, nullable=False),
    Column("plover_type", String),
    Column("plover_mode", String),
    Column("plover_context", Text),  # JSON list; null marker: plover is null
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("location_name", Text),  # null marker: location is null
    Column("location_country", String),
    Column("location_lat", Double),
    Column("location_lon", Double),
    Column("location_geonameid", Integer),
    Column("negated", Boolean, nullable=False),
    Column("modality", String),
    Column("confidence", Double),
    Column("rule", Text),
    Column("trace", Text),  # JSON list of strings (schema "2"; migration 0004)
    Column("cluster_id", String),  # store/clusters.py (migration 0004)
    Column("cluster_key", String),  # the clustering block: dyad + action (store/clusters.py)
    # article_id leads this index, so it also serves the foreign key look-ups.
    Index("ix_events_order", "article_id", "sentence_index", "trigger_start"),
    Index("ix_events_date", "date"),
    Index("ix_events_date_type", "date", "plover_type"),  # migration 0002
    Index("ix_events_plover_type", "plover_type"),
    Index("ix_events_cameo_root", "cameo_root"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_target_country", "target_country"),
    Index("ix_events_location_country", "location_country"),
    Index("ix_events_source_name", "source_name"),
    Index("ix_events_target_name", "target_name"),
    # migration 0003: filters by PLOVER type + date range (+ source or target
    # country) answered from the index alone.
    Index("ix_events_type_date_countries", "plover_type", "date", "source_country",
          "target_country"),
    Index("ix_events_cluster_id", "cluster_id"),  # migration 0004
    Index("ix_events_cluster_key", "cluster_key", "date"),  # migration 0004
    # migration 0006: a block's reports dated only by a month or a year (store/clusters.py)
    Index("ix_events_cluster_precision", "cluster_key", "date_precision", "date"),
)

_e = events.c
# migration 0003: the events page sorted by date (Store's ORDER BY: nulls last, then
# article order). These were created at run time by ``analytics.ensure_indexes``.
Index("ix_events_sort_date_desc", _e.date.is_(None), _e.date.desc(), _e.article_id,
      _e.sentence_index, _e.trigger_start, _e.event_id)
Index("ix_events_sort_date_asc", _e.date.is_(None), _e.date, _e.article_id,
      _e.sentence_index, _e.trigger_start, _e.event_id)

# Distinct actor identities seen in saved events. Unknown parts are stored as ""
# (not NULL) so that the unique constraint really makes them unique on every
# database (NULLs are distinct in a SQL unique constraint).
actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String, nullable=False, default=""),
    Column("country", String, nullable=False, default=""),
    Column("sector", String, nullable=False, default=""),
    Column("code", String, nullable=False, default=""),
    UniqueConstraint("name", "country", "sector", "code", name="uq_actors_identity"),
)


# ------------------------------------------------------------------ rollups (0003)
# Summary tables kept exact by ``Store.save()`` in its own transaction
# (``store/rollups.py``): each row counts the events with the same values of its
# dimension columns. ``k`` is the row's identity: ``repr`` of the tuple of its
# dimension values (so NULL and "" stay distinct on every database, which a unique constraint
# over nullable columns would not do). ``n`` may be 0 after re-saves; readers skip it.

rollup_daily = Table(
    "rollup_daily",
    metadata,
    Column("k", String, primary_key=True),
    Column("date", String),
    Column("plover_type", String),
    Column("cameo_root", String),
    Column("modality", String),
    Column("n", Integer, nullable=False),
    # Covers every query on the table (index-only scans); in the order of the
    # ``Store.stats`` breakdown's GROUP BY (per-day charts read rollup_day_type).
    Index("ix_rollup_daily_dims", "plover_type", "cameo_root", "modality", "date", "n"),
)

# The same at the grain of the events-per-day chart (a fifth of the rows): per day
# per PLOVER type and cooperation vs conflict, filtered by dates and PLOVER type.
rollup_day_type = Table(
    "rollup_day_type",
    metadata,
    Column("k", String, primary_key=True),
    Column("date", String),
    Column("plover_type", String),
    Column("n", Integer, nullable=False),
    Index("ix_rollup_day_type_dims", "date", "plover_type", "n"),
)

rollup_dyads = Table(
    "rollup_dyads",
    metadata,
    Column("k", String, primary_key=True),
    Column("source_name", String),
    Column("target_name", String),
    Column("n", Integer, nullable=False),
    Column("cooperation", Integer, nullable=False),
    Column("conflict", Integer, nullable=False),
)

rollup_actors = Table(
    "rollup_actors",
    metadata,
    Column("k", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("country", String, nullable=False),
    Column("sector", String, nullable=False),
    Column("code", String, nullable=False),
    Column("n", Integer, nullable=False),
)

rollup_places = Table(
    "rollup_places",
    metadata,
    Column("k", String, primary_key=True),
    Column("name", Text),
    Column("country", String),
    Column("lat", Double),
    Column("lon", Double),
    Column("n", Integer, nullable=False),
)

# ------------------------------------------------------------------ clusters (0004)
# One row per event cluster (``store/clusters.py``): the reports of one real-world event.
# Kept exact by ``Store.save()`` in its own transaction.
clusters = Table(
    "clusters",
    metadata,
    Column("cluster_id", String, primary_key=True),
    Column("cluster_key", String, nullable=False),  # the block: dyad + CAMEO root
    Column("date", String),  # the event's date: the earliest date of its reports (ISO)
    Column("first_seen", String),  # first report: earliest publication (else coding) date
    Column("last_seen", String),  # last report: latest publication (else coding) date
    Column("reports", Integer, nullable=False),  # events (reports) in the cluster
    Column("articles", Integer, nullable=False),  # distinct articles (by URL, else id)
    Column("sources", Integer, nullable=False),  # distinct publishers (source, else URL host)
    Column("cameo", String),  # the most reported CAMEO code (ties: the smallest)
    Index("ix_clusters_key", "cluster_key"),
)

ROLLUP_TABLES = (rollup_daily, rollup_day_type, rollup_dyads, rollup_actors, rollup_places)


# ------------------------------------------------------------------ watch state (0005)
# ``newsevents watch`` (``watch.py``, ``store/watch_state.py``): what it has seen, so that a
# restarted watch codes only what is new, and how each feed answered last time.

watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("source", String, primary_key=True),  # the feed's URL or path
    Column("etag", String),  # validators for the next conditional request
    Column("last_modified", String),
    Column("failures", Integer, nullable=False),  # in a row; 0 after a success
    Column("retry_at", DateTime(timezone=True)),  # backing off until then
    Column("last_error", Text),
    Column("polled_at", DateTime(timezone=True)),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("key", String, primary_key=True),  # the item's URL, or "file:" + path in a watched folder
    Column("text_hash", String),  # of the article's text; null while its page fails
    Column("attempts", Integer, nullable=False),  # failed fetches (0 once coded)
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Index("ix_watch_items_text_hash", "text_hash"),
)
