"""Fixtures for the store tests: a fresh store, and one filled with the samples.

``store`` runs on a SQLite file, and also on PostgreSQL: ``$NEWSEVENTS_TEST_PG_URL``
when it names a scratch database (emptied before each test), else a throwaway
server started for the session by ``pg_url`` in tests/conftest.py.
"""
from __future__ import annotations

import pytest

from newsevents.store import Store

from .store_samples import corpus


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "events.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, db_path):
    """A fresh Store on an SQLite file, then on PostgreSQL (the session's ``pg_url``
    from tests/conftest.py: $NEWSEVENTS_TEST_PG_URL or a throwaway local server)."""
    if request.param == "sqlite":
        s = Store(str(db_path))
    else:
        s = Store(request.getfixturevalue("fresh_pg_url"))
    yield s
    s.close()


@pytest.fixture
def filled(store):
    store.save(corpus())
    return store
