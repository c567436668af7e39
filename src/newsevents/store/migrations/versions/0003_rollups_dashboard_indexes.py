"""Rollup tables for the dashboard, filled from the existing events; the dashboard's
events indexes, created here instead of at run time by ``analytics.ensure_indexes``.

* ``rollup_daily``, ``rollup_day_type``, ``rollup_dyads``, ``rollup_actors``, ``rollup_places``
  (``schema.py``, kept exact by ``Store.save()``: ``store/rollups.py``), backfilled
  with ``rollups.rebuild`` -- one GROUP BY per table over ``events``;
* ``ix_events_sort_date_desc`` / ``_asc`` (the events page sorted by date) and
  ``ix_events_type_date_countries`` (PLOVER type + dates + countries, index only);
  ``IF NOT EXISTS``: a database the web app opened already has the first two;
* the runtime indexes the rollups made useless are dropped when present
  (``ix_events_dyad``, ``ix_events_src_actor``, ``ix_events_tgt_actor``,
  ``ix_events_self_dyad``; ``ix_events_type_date`` is replaced by the
  ``_countries`` one): every index costs each save.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import CreateIndex, DropIndex

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_events = sa.Table(
    "events", sa.MetaData(),
    *(sa.Column(c, sa.String) for c in (
        "event_id", "article_id", "date", "plover_type", "source_country", "target_country",
        "source_name", "target_name")),
    sa.Column("sentence_index", sa.Integer),
    sa.Column("trigger_start", sa.Integer),
)
_e = _events.c

NEW_INDEXES = (
    sa.Index("ix_events_sort_date_desc", _e.date.is_(None), _e.date.desc(), _e.article_id,
             _e.sentence_index, _e.trigger_start, _e.event_id),
    sa.Index("ix_events_sort_date_asc", _e.date.is_(None), _e.date, _e.article_id,
             _e.sentence_index, _e.trigger_start, _e.event_id),
    sa.Index("ix_events_type_date_countries", _e.plover_type, _e.date, _e.source_country,
             _e.target_country),
)
OBSOLETE_INDEXES = ("ix_events_dyad", "ix_events_src_actor", "ix_events_tgt_actor",
                    "ix_events_self_dyad", "ix_events_type_date")


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "rollup_daily",
        sa.Column("k", sa.String, primary_key=True),
        sa.Column("date", sa.String),
        sa.Column("plover_type", sa.String),
        sa.Column("cameo_root", sa.String),
        sa.Column("modality", sa.String),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_index("ix_rollup_daily_dims", "rollup_daily",
                    ["plover_type", "cameo_root", "modality", "date", "n"])
    op.create_table(
        "rollup_day_type",
        sa.Column("k", sa.String, primary_key=True),
        sa.Column("date", sa.String),
        sa.Column("plover_type", sa.String),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_index("ix_rollup_day_type_dims", "rollup_day_type", ["date", "plover_type", "n"])
    op.create_table(
        "rollup_dyads",
        sa.Column("k", sa.String, primary_key=True),
        sa.Column("source_name", sa.String),
        sa.Column("target_name", sa.String),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("cooperation", sa.Integer, nullable=False),
        sa.Column("conflict", sa.Integer, nullable=False),
    )
    op.create_table(
        "rollup_actors",
        sa.Column("k", sa.String, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("country", sa.String, nullable=False),
        sa.Column("sector", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_table(
        "rollup_places",
        sa.Column("k", sa.String, primary_key=True),
        sa.Column("name", sa.Text),
        sa.Column("country", sa.String),
        sa.Column("lat", sa.Double),
        sa.Column("lon", sa.Double),
        sa.Column("n", sa.Integer, nullable=False),
    )
    for name in OBSOLETE_INDEXES:
        bind.execute(DropIndex(sa.Index(name, _e.date), if_exists=True))
    for ix in NEW_INDEXES:
        bind.execute(CreateIndex(ix, if_not_exists=True))

    from newsevents.store import rollups  # the same backfill as ``rebuild()``

    rollups.rebuild(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for ix in NEW_INDEXES:
        bind.execute(DropIndex(ix, if_exists=True))
    for name in ("rollup_places", "rollup_actors", "rollup_dyads", "rollup_day_type",
                 "rollup_daily"):
        op.drop_table(name)
