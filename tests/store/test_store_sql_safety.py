"""The store runs literal SQL only to set up SQLite connections, and its DDL renders for PostgreSQL.

(No SQL built by string formatting anywhere: tests/reliability/test_no_formatted_sql.py.)
"""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

import newsevents.store as store_pkg
from newsevents.store.schema import metadata

STORE_DIR = Path(store_pkg.__file__).parent

_STR = r"(?P<q>\"\"\"|'''|\"|')(?P<body>(?:\\.|(?!(?P=q))[\s\S])*?)(?P=q)"


def test_store_runs_no_literal_dml():
    """Literal SQL is limited to SQLite connection set-up (PRAGMA / BEGIN)."""
    for p in STORE_DIR.rglob("*.py"):
        for m in re.finditer(r"(?:exec_driver_sql|text|execute)\(\s*(?:[rfRF]?)" + _STR,
                             p.read_text("utf-8")):
            assert re.match(r"\s*(PRAGMA|BEGIN)\b", m.group("body")), (p, m.group(0))


def test_schema_renders_for_postgresql():
    dialect = postgresql.dialect()
    for table in metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "CREATE TABLE" in ddl
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=dialect))
    events_ddl = str(CreateTable(metadata.tables["events"]).compile(dialect=dialect))
    assert "DOUBLE PRECISION" in events_ddl and "BOOLEAN" in events_ddl
