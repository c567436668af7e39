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

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

STORE_VERSION = "1"
"""Family of this table layout. Changes within it are Alembic revisions
(``store/migrations/versions``), applied by ``Store`` on open; change a table here
only together with a new revision there."""

metadata = MetaData()

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
)

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
