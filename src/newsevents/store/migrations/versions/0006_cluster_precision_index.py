"""Index events(cluster_key, date_precision, date): saving an article clusters its new
reports against the stored reports of their blocks that are dated only by the month or
the year of a new report's date (``store/clusters.py``, ``_reach``); the index finds
them without reading the block's other reports of that month or year.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_cluster_precision", "events",
                    ["cluster_key", "date_precision", "date"])


def downgrade() -> None:
    op.drop_index("ix_events_cluster_precision", table_name="events")
