"""Alembic environment: runs on the connection handed over by ``newsevents.store``
(``config.attributes["connection"]``), or on ``sqlalchemy.url`` / ``-x url=...``."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from newsevents.store.db import normalize_url
from newsevents.store.schema import metadata

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if url is None:  # (as online; it went on with a database named "None")
        raise SystemExit("name the database: alembic ... -x url=events.db (or postgresql://...)")
    context.configure(url=normalize_url(url), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("name the database: alembic ... -x url=events.db (or postgresql://...)")
    engine = create_engine(normalize_url(url))
    try:
        with engine.connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
