"""Index events(date, plover_type): date-range queries grouped or filtered by PLOVER
type (``Store.stats(date_from=..., date_to=...)``, the dashboard's timelines) are
answered from the index alone. Named as the dashboard's ``ix_events_date_type``
(``store/analytics.py``), so its ``CREATE INDEX IF NOT EXISTS`` finds it there.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_date_type", "events", ["date", "plover_type"])


def downgrade() -> None:
    op.drop_index("ix_events_date_type", table_name="events")
