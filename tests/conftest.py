"""Session-wide fixtures: the shared folder beside the repository, and the real coder."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    """The real pipeline (spaCy model + dictionaries), loaded once per test session."""
    from newsevents.pipeline import Coder

    return Coder.get(None)


@pytest.fixture(scope="session")
def code(coder):
    """code(text, published="2021-02-05", all_modalities=False) -> list of public event records
    (``all_modalities=True`` keeps what did not happen: negated and hypothetical acts)."""
    from newsevents.models import Article

    def _code(text: str, published: str | None = "2021-02-05", all_modalities: bool = False) -> list[dict]:
        art = Article(id="t", text=text, published=published)
        return [e.to_dict() for e in coder.code_article(art, all_modalities=all_modalities)]

    return _code


# ------------------------------------------------------------------ PostgreSQL

PG_ENV = "NEWSEVENTS_TEST_PG_URL"


def _load_pg_service():
    import importlib.util

    spec = importlib.util.spec_from_file_location("newsevents_pg_service", REPO / "tools" / "pg_service.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def pg_url():
    """URL of a scratch PostgreSQL database for the whole session.

    ``$NEWSEVENTS_TEST_PG_URL`` when set; otherwise a throwaway cluster started here
    (tools/pg_service.py: initdb in a temp folder, a free loopback port, installing
    Debian's postgresql when missing and we are root), ``$NEWSEVENTS_TEST_PG_URL`` set
    to it for the session, stopped and removed at the end. Skips (with the reason)
    only when there is no driver or PostgreSQL cannot be started.
    """
    import importlib.util
    import os

    if not (importlib.util.find_spec("psycopg") or importlib.util.find_spec("psycopg2")):
        pytest.skip("no PostgreSQL driver installed (pip install 'psycopg[binary]')")
    given = os.environ.get(PG_ENV)
    if given:
        yield given
        return
    svc_mod = _load_pg_service()
    try:
        svc = svc_mod.PgService.start()
    except svc_mod.PgUnavailable as exc:
        pytest.skip(f"PostgreSQL is not available: {exc}")
    try:
        url = svc.create_database("newsevents_test")
        os.environ[PG_ENV] = url
        yield url
    finally:
        os.environ.pop(PG_ENV, None)
        svc.stop()


def reset_pg(url: str) -> None:
    """Empty the database: drop and recreate its ``public`` schema (every table,
    index and ``alembic_version`` with it)."""
    from sqlalchemy import create_engine, text

    from newsevents.store import normalize_url

    engine = create_engine(normalize_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture
def fresh_pg_url(pg_url):
    """``pg_url``, emptied before the test."""
    reset_pg(pg_url)
    return pg_url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database URL on each backend: an SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return "sqlite:///" + (tmp_path / "events.db").as_posix()
    return request.getfixturevalue("fresh_pg_url")
