"""The event database: ``Store(url)`` over SQLite or PostgreSQL (SQLAlchemy 2.x)."""
from __future__ import annotations

from .db import EVENT_FILTERS, SORT_COLUMNS, Store, normalize_url

__all__ = ["EVENT_FILTERS", "SORT_COLUMNS", "Store", "normalize_url"]
