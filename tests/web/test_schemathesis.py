"""The API against its own OpenAPI description (schemathesis, in-process over ASGI).

Every operation of ``/openapi.json`` gets generated requests (valid and invalid ones)
against a real SQLite database filled like the other web tests (``base_db``). No request
may get a 5xx, and every response must conform to the description (status code
documented, content type, response body schema, headers). ``POST /api/articles`` runs on
its own copies of the database: with ``NEWSEVENTS_TOKEN`` set (and the bearer token sent,
so articles are really coded and stored) and without it (writing disabled: 403).

The number of generated requests per operation is printed in the terminal summary.
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from contextlib import contextmanager

import httpx
import pytest

schemathesis = pytest.importorskip(
    "schemathesis", reason="pip install 'schemathesis>=4' for the schema-based API tests")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsevents.web import create_app  # noqa: E402
from newsevents.web.auth import TOKEN_ENV  # noqa: E402

from .conftest import TOKEN, XSS_ID  # noqa: E402

MAX_EXAMPLES = 60
POST_EXAMPLES = 40
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
SETTINGS = dict(deadline=None, database=None, derandomize=os.environ.get("ST_RANDOM") is None,
                suppress_health_check=list(HealthCheck))

# (variant, "METHOD /path") -> generated requests sent
REQUESTS: Counter[tuple[str, str]] = Counter()
SERVER_ERRORS: list[str] = []
# (variant, "METHOD /path") -> Counter of response status codes
STATUSES: dict[tuple[str, str], Counter[int]] = {}


class _Summary:
    """pytest plugin: the request counts in the terminal summary."""

    def pytest_terminal_summary(self, terminalreporter):
        if not REQUESTS:
            return
        tr = terminalreporter
        tr.section("schemathesis: generated requests per operation")
        for (variant, label), n in sorted(REQUESTS.items(), key=lambda kv: kv[0][1]):
            codes = STATUSES.get((variant, label), Counter())
            shown = ", ".join(f"{c}: {k}" for c, k in sorted(codes.items()))
            tr.write_line(f"{n:5d}  {label}  [{variant}]  (status {shown})")
        tr.write_line(f"{sum(REQUESTS.values()):5d}  in all; 5xx responses: {len(SERVER_ERRORS)}")
        for line in SERVER_ERRORS:
            tr.write_line(f"  5xx: {line}")


@pytest.fixture(scope="module", autouse=True)
def _report(request):
    pm = request.config.pluginmanager
    if not pm.has_plugin("newsevents-schemathesis-summary"):
        pm.register(_Summary(), "newsevents-schemathesis-summary")
    yield


@contextmanager
def _env(name: str, value: str | None):
    old = os.environ.get(name)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def _load(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return schema


@contextmanager
def _app(db, token_env: str | None, **kwargs):
    # The token comes from the environment variable, as in production (create_app reads
    # it when token= is not given).
    with _env(TOKEN_ENV, token_env):
        app = create_app(str(db), **kwargs)
    try:
        yield app
    finally:
        app.state.cache.close()
        app.state.store.close()


@pytest.fixture(scope="module")
def read_schema(base_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("st-read") / "events.db"
    shutil.copy(base_db, db)
    with _app(db, None) as app:
        yield _load(app)


@pytest.fixture(scope="module")
def token_schema(base_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("st-token") / "events.db"
    shutil.copy(base_db, db)
    # a small article limit keeps the coding fast and lets the 413 path be generated too
    with _app(db, TOKEN, max_article_bytes=4000) as app:
        yield _load(app)


@pytest.fixture(scope="module")
def no_token_schema(base_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("st-notoken") / "events.db"
    shutil.copy(base_db, db)
    with _app(db, None) as app:
        yield _load(app)


def _run(case, variant: str, **kwargs):
    key = (variant, f"{case.method.upper()} {case.path}")
    REQUESTS[key] += 1
    response = case.call(**kwargs)
    STATUSES.setdefault(key, Counter())[response.status_code] += 1
    if response.status_code >= 500:
        SERVER_ERRORS.append(f"[{variant}] {response.status_code} on "
                             f"{case.as_curl_command()} -> {response.text[:300]}")
    assert response.status_code < 500, (
        f"{response.status_code} on {case.as_curl_command()}: {response.text[:500]}")
    case.validate_response(response, checks=CHECKS)
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code, body
    return response


# The operations of /openapi.json (test_every_operation_is_covered keeps this list honest).
READ_OPERATIONS = [
    ("GET", "/api/events"),
    ("GET", "/api/events/export"),
    ("GET", "/api/events/{event_id}"),
    ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/actors"),
    ("GET", "/api/stats"),
    ("GET", "/api/facets"),
    ("GET", "/api/session"),
]
POST = ("POST", "/api/articles")


def _fuzz(schema, method: str, path: str, max_examples: int, check,
          path_values: dict[str, list[str]] | None = None) -> None:
    """Run ``check(case)`` on generated valid and invalid requests of one operation.

    (schemathesis.pytest.from_fixture / schema.parametrize are not usable here: schemathesis
    4.32 sets ``Function._nodeid``, which pytest 9 no longer has. The strategies are the same.)
    """
    op = schema[path][method]
    strategies = [op.as_strategy(GenerationMode.POSITIVE), op.as_strategy(GenerationMode.NEGATIVE)]
    # and ids that exist (generated ones are always 404)
    for name, values in (path_values or {}).items():
        if "{" + name + "}" in path:
            strategies += [op.as_strategy(GenerationMode.POSITIVE, path_parameters={name: v})
                           for v in values]
    cases = st.one_of(*strategies)

    @given(case=cases)
    @settings(max_examples=max_examples, **SETTINGS)
    def run(case):
        check(case)

    run()


def test_every_operation_is_covered(read_schema):
    ops = {(r.ok().method.upper(), r.ok().path) for r in read_schema.get_all_operations()}
    assert ops == set(READ_OPERATIONS) | {POST}


@pytest.mark.parametrize("method, path", READ_OPERATIONS, ids=[p for _, p in READ_OPERATIONS])
def test_read_operation(read_schema, corpus, method, path):
    events = [e for _, evs in corpus for e in evs]
    real = {"event_id": [events[0].event_id, events[-1].event_id],
            "article_id": [corpus[0][0].id, XSS_ID]}
    _fuzz(read_schema, method, path, MAX_EXAMPLES, lambda case: _run(case, "read"), real)


def test_post_with_token(token_schema):
    def check(case):
        r = _run(case, f"{TOKEN_ENV} set, bearer sent",
                 headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code in (201, 413, 422), r.text

    _fuzz(token_schema, *POST, POST_EXAMPLES, check)


def test_post_with_token_but_no_bearer(token_schema):
    def check(case):
        assert _run(case, f"{TOKEN_ENV} set, no bearer").status_code == 401

    _fuzz(token_schema, *POST, 15, check)


def test_post_without_token(no_token_schema):
    def check(case):
        r = _run(case, f"{TOKEN_ENV} unset", headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403, r.text

    _fuzz(no_token_schema, *POST, 15, check)


@pytest.mark.parametrize("published", ["0.1.0", "2024-05", "yesterday-ish", "2024-13-45"])
def test_post_with_a_bad_published_date_is_422_not_500(make_server, published):
    """Found by the generated requests above: ``published`` reached the coder unchecked and
    a value that is not YYYY-MM-DD crashed it (ValueError -> 500)."""
    body = {"id": "0.1.0", "text": "0.1.0", "source": "0.1.0", "published": published}
    r = httpx.post(f"{make_server(token=TOKEN)}/api/articles", json=body, timeout=120,
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (201, 422), r.text
    if r.status_code == 422:
        assert r.json()["error"]["message"].startswith("published:")
    else:
        assert len(r.json()["published"]) == 10
