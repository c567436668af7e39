"""Baseline: the first newsevents schema (schema_info, articles, events, actors).

Frozen copy of ``schema.py`` as it was when migrations were introduced (store
layout version 1): later changes go into new revisions, never here.

Revision ID: 0001
Revises: (none)
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _actor_columns(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_text", sa.Text),
        sa.Column(f"{prefix}_start", sa.Integer),
        sa.Column(f"{prefix}_end", sa.Integer),
        sa.Column(f"{prefix}_name", sa.String),
        sa.Column(f"{prefix}_country", sa.String),
        sa.Column(f"{prefix}_sector", sa.String),
        sa.Column(f"{prefix}_code", sa.String),
        sa.Column(f"{prefix}_members", sa.Text),
    ]


EVENT_INDEXES = {
    "ix_events_order": ["article_id", "sentence_index", "trigger_start"],
    "ix_events_date": ["date"],
    "ix_events_plover_type": ["plover_type"],
    "ix_events_cameo_root": ["cameo_root"],
    "ix_events_source_country": ["source_country"],
    "ix_events_target_country": ["target_country"],
    "ix_events_location_country": ["location_country"],
    "ix_events_source_name": ["source_name"],
    "ix_events_target_name": ["target_name"],
}


def upgrade() -> None:
    op.create_table(
        "schema_info",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String),
        sa.Column("retrieved", sa.String),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.String),
        sa.Column("origin", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("coded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String, primary_key=True),
        sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("schema_version", sa.String, nullable=False),
        sa.Column("sentence_index", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("date", sa.String),
        sa.Column("date_precision", sa.String),
        *_actor_columns("source"),
        *_actor_columns("target"),
        sa.Column("cameo", sa.String, nullable=False),
        sa.Column("cameo_root", sa.String, nullable=False),
        sa.Column("plover_type", sa.String),
        sa.Column("plover_mode", sa.String),
        sa.Column("plover_context", sa.Text),
        sa.Column("trigger_text", sa.Text),
        sa.Column("trigger_start", sa.Integer),
        sa.Column("trigger_end", sa.Integer),
        sa.Column("location_name", sa.Text),
        sa.Column("location_country", sa.String),
        sa.Column("location_lat", sa.Double),
        sa.Column("location_lon", sa.Double),
        sa.Column("location_geonameid", sa.Integer),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String),
        sa.Column("confidence", sa.Double),
        sa.Column("rule", sa.Text),
    )
    for name, cols in EVENT_INDEXES.items():
        op.create_index(name, "events", cols)
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("country", sa.String, nullable=False),
        sa.Column("sector", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.UniqueConstraint("name", "country", "sector", "code", name="uq_actors_identity"),
    )


def downgrade() -> None:
    op.drop_table("actors")
    for name in EVENT_INDEXES:
        op.drop_index(name, table_name="events")
    op.drop_table("events")
    op.drop_table("articles")
    op.drop_table("schema_info")
