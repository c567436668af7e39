"""Event record schema "2": ``events.trace`` and ``events.cluster_id``; event clusters.

* ``events.trace`` (JSON list, null read as ``[]``), ``events.cluster_id`` and
  ``events.cluster_key`` (the clustering block, ``store/clusters.py``), with their indexes;
* the ``clusters`` table (first/last seen, reports, articles, distinct sources);
* backfill: every stored event gets its block and cluster (``clusters.rebuild``), and the
  stored records are marked schema "2" (they now carry both new keys).

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_events = sa.table("events", sa.column("schema_version", sa.String))
_info = sa.table("schema_info", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("events", sa.Column("trace", sa.Text))
    op.add_column("events", sa.Column("cluster_id", sa.String))
    op.add_column("events", sa.Column("cluster_key", sa.String))
    op.create_index("ix_events_cluster_id", "events", ["cluster_id"])
    op.create_index("ix_events_cluster_key", "events", ["cluster_key", "date"])
    op.create_table(
        "clusters",
        sa.Column("cluster_id", sa.String, primary_key=True),
        sa.Column("cluster_key", sa.String, nullable=False),
        sa.Column("date", sa.String),
        sa.Column("first_seen", sa.String),
        sa.Column("last_seen", sa.String),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("cameo", sa.String),
    )
    op.create_index("ix_clusters_key", "clusters", ["cluster_key"])
    bind.execute(sa.update(_events).values(schema_version="2"))
    bind.execute(sa.update(_info).where(_info.c.key == "schema_version").values(value="2"))

    from newsevents.store import clusters  # the same backfill as ``rebuild()``

    clusters.rebuild(bind)


def downgrade() -> None:
    op.drop_index("ix_clusters_key", table_name="clusters")
    op.drop_table("clusters")
    op.drop_index("ix_events_cluster_key", table_name="events")
    op.drop_index("ix_events_cluster_id", table_name="events")
    op.drop_column("events", "cluster_key")
    op.drop_column("events", "cluster_id")
    op.drop_column("events", "trace")
    bind = op.get_bind()
    bind.execute(sa.update(_events).values(schema_version="1"))
    bind.execute(sa.update(_info).where(_info.c.key == "schema_version").values(value="1"))
