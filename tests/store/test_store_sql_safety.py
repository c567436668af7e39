"""No hand-formatted SQL in the store, and its DDL renders for PostgreSQL."""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

import newsevents.store as store_pkg
from newsevents.store.schema import metadata

STORE_DIR = Path(store_pkg.__file__).parent

_SQL = re.compile(
    r"\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b", re.I
)
_STR = r"(?P<q>\"\"\"|'''|\"|')(?P<body>(?:\\.|(?!(?P=q))[\s\S])*?)(?P=q)"
_FSTRING = re.compile(r"\b[rRbB]?[fF][rRbB]?" + _STR)
_FORMATTED = re.compile(_STR + r"\s*(?:%|\.format\s*\()")
_CONCAT = re.compile(_STR + r"\s*\+\s*\w")


def formatted_sql(source: str) -> list[str]:
    hits = []
    for rx in (_FSTRING, _FORMATTED, _CONCAT):
        for m in rx.finditer(source):
            if _SQL.search(m.group("body")):
                hits.append(m.group(0))
    return hits


def test_the_detector_catches_formatted_sql():
    bad = [
        'q = f"SELECT * FROM events WHERE id = {x}"',
        "q = 'DELETE FROM events WHERE id = %s' % x",
        'q = "INSERT INTO actors VALUES ({})".format(x)',
        'q = """UPDATE events SET x = 1 WHERE id = """ + x',
        'q = f"""\nselect x\nfrom events where a = {a}"""',
    ]
    for line in bad:
        assert formatted_sql(line), line
    ok = [
        'raise StoreError(f"cannot save a batch of {n} articles")',
        'msg = f"select one of: {names}"',
        'conn.exec_driver_sql("PRAGMA foreign_keys = ON")',
    ]
    for line in ok:
        assert not formatted_sql(line), line


def test_store_has_no_formatted_sql():
    files = sorted(STORE_DIR.rglob("*.py"))
    assert files
    found = {str(p): hits for p in files if (hits := formatted_sql(p.read_text("utf-8")))}
    assert not found, f"SQL built by string formatting: {found}"


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
