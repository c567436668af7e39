"""The state of ``newsevents watch``: ``watch_feeds`` (validators, failures and back-off per
feed) and ``watch_items`` (every item seen, by URL and by text hash), as in ``schema.py``.

Revision ID: 0005
Revises: 0004 (the event clusters)
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_feeds",
        sa.Column("source", sa.String, primary_key=True),
        sa.Column("etag", sa.String),
        sa.Column("last_modified", sa.String),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("retry_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("polled_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "watch_items",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("text_hash", sa.String),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_watch_items_text_hash", "watch_items", ["text_hash"])


def downgrade() -> None:
    op.drop_index("ix_watch_items_text_hash", table_name="watch_items")
    op.drop_table("watch_items")
    op.drop_table("watch_feeds")
