"""Schema migrations (Alembic), run by ``Store`` when it opens a database.

The revisions live in ``versions/`` beside this file; Alembic is configured here,
in code (no ``alembic.ini``), so it works from an installed package:

* a new, empty database gets the current tables (``metadata.create_all``) and is
  stamped with the head revision;
* a database made before migrations existed (tables, no ``alembic_version``) has
  the baseline layout ``0001``: it is stamped ``0001``, then upgraded;
* an older database is upgraded in place to the head, in the caller's transaction
  (SQLite and PostgreSQL both have transactional DDL: a failed upgrade leaves the
  database as it was), and the upgrade is logged;
* a database at a revision this newsevents does not know (made by a newer one) is
  refused with a ``StoreError``.

On PostgreSQL a transaction-scoped advisory lock serialises concurrent openers (two
``newsevents code`` processes starting on the same new database); on SQLite the
caller's ``BEGIN IMMEDIATE`` does.

To write a new revision: add ``versions/NNNN_what.py`` (``revision = "NNNN"``,
``down_revision`` = the previous one) and make the same change in ``schema.py``;
``tests/reliability/test_migrations.py`` checks that both agree.
From a checkout, ``alembic -c src/newsevents/store/migrations/alembic.ini ...`` also
works (``-x url=...`` names the database).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, inspect

from ...errors import StoreError
from ..schema import create_if_empty, lock_schema

log = logging.getLogger("newsevents.store")

MIGRATIONS_DIR = Path(__file__).resolve().parent
BASELINE = "0001"
"""The first schema: what newsevents created before it had migrations."""


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic ``Config`` for these migrations, on ``connection`` or ``url``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision this newsevents knows."""
    rev = script_directory().get_current_head()
    assert rev is not None
    return rev


def current_revision(conn: Connection) -> str | None:
    """The database's revision (None: no ``alembic_version`` table or row)."""
    return MigrationContext.configure(conn).get_current_revision()


def _stamp(conn: Connection, revision: str) -> None:
    MigrationContext.configure(conn).stamp(script_directory(), revision)


def upgrade(conn: Connection, display: str, target: str | None = None) -> str | None:
    """Bring the database on ``conn`` (inside a write transaction) to ``target``
    (default: the head). Returns "created", "upgraded" or None (nothing to do)."""
    lock_schema(conn)
    script = script_directory()
    target = target or head()
    if target == head() and create_if_empty(conn, display):
        return "created"
    current = current_revision(conn)
    if current == target:
        return None
    if current is None:
        tables = set(inspect(conn).get_table_names())
        if tables & {"articles", "events"}:
            # Made by a newsevents from before migrations: that is the baseline layout.
            _stamp(conn, BASELINE)
            current = BASELINE
            if current == target:
                return "upgraded"
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise StoreError(
                f"database {display} has schema revision {current!r}, unknown to this "
                f"newsevents (newest known: {head()}); it was probably made by a newer "
                f"newsevents: upgrade newsevents to use it"
            ) from None
    log.warning("upgrading the schema of database %s from revision %s to %s",
                display, current or "(empty)", target)
    command.upgrade(alembic_config(connection=conn), target)
    return "upgraded"
