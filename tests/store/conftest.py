"""Fixtures for the store tests: a fresh store, and one filled with the samples.

``store`` runs on a SQLite file, and also on PostgreSQL when
``NEWSEVENTS_TEST_PG_URL`` names a scratch database (its newsevents tables are
dropped before each test) and a driver is installed.
"""
from __future__ import annotations

import importlib.util
import os

import pytest

from newsevents.store import Store
from .store_samples import corpus


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "events.db"


PG_URL = os.environ.get("NEWSEVENTS_TEST_PG_URL")


def _pg_driver() -> bool:
    return bool(importlib.util.find_spec("psycopg2") or importlib.util.find_spec("psycopg"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, db_path):
    if request.param == "sqlite":
        s = Store(str(db_path))
    else:
        if not PG_URL:
            pytest.skip("set NEWSEVENTS_TEST_PG_URL to a scratch PostgreSQL database")
        if not _pg_driver():
            pytest.skip("no PostgreSQL driver (psycopg2 / psycopg) installed")
        from newsevents.store.db import _make_engine, normalize_url
        from newsevents.store.schema import metadata

        engine = _make_engine(normalize_url(PG_URL))
        metadata.drop_all(engine)
        engine.dispose()
        s = Store(PG_URL)
    yield s
    s.close()


@pytest.fixture
def filled(store):
    store.save(corpus())
    return store
