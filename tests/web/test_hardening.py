"""Issue 18 on the web side: items 10 (the API codes as the command line does), 11 (offsets,
export failures before streaming), 15 (headers, Host, messages, NUL, CSV formulas) and 7
(coding off the event loop, reads never starve)."""
from __future__ import annotations

import shutil
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from newsevents.web import create_app
from newsevents.web.security import host_names

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday."


def _error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()["error"]["message"]


# ------------------------------------------------------------------------ 15. headers, Host


def test_security_headers_on_every_answer(http):
    for path in ("/", "/api/events", "/docs", "/no/such/page", "/static/app.js"):
        r = http.get(path)
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["x-frame-options"] == "DENY", path
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert ("'unsafe-inline'" in csp.split("script-src", 1)[1].split(";")[0]) == (path == "/docs")


def test_only_the_bound_host_names_are_answered(base_db, make_server):
    assert host_names("127.0.0.1") == ["127.0.0.1", "localhost", "::1"]
    assert host_names("0.0.0.0") == ["*"]
    url = make_server(allowed_hosts=host_names("127.0.0.1"))
    port = url.rsplit(":", 1)[1]
    assert httpx.get(f"{url}/api/events", headers={"Host": f"localhost:{port}"}).status_code == 200
    assert httpx.get(f"{url}/api/events").status_code == 200
    msg = _error(httpx.get(f"{url}/api/events", headers={"Host": f"rebind.attacker.example:{port}"}), 400)
    assert "invalid Host header 'rebind.attacker.example'" in msg


def test_allowed_hosts_from_the_environment(base_db, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_ALLOWED_HOSTS", "events.example.org")
    with TestClient(create_app(str(base_db)), base_url="http://events.example.org") as client:
        assert client.get("/api/events").status_code == 200
        assert client.get("/api/events", headers={"Host": "other.example"}).status_code == 400


# ----------------------------------------------------------------- 11. offsets, 15. NUL in q


@pytest.mark.parametrize("path", ["/api/events", "/api/events/export", "/api/actors"])
def test_an_offset_past_what_a_database_takes_is_422(http, path):
    msg = _error(http.get(path, params={"offset": 2**63}), 422)
    assert "offset" in msg
    assert http.get(path, params={"offset": 2**63 - 1}).status_code == 200


@pytest.mark.parametrize("params", [{"q": "\x00"}, {"actor": "a\x00"}, {"country": "\x00"}])
def test_a_nul_in_a_filter_is_422(http, params):
    assert "NUL" in _error(http.get("/api/events", params=params), 422)
    assert http.get("/api/actors", params={"q": "\x00"}).status_code == 422


# --------------------------------------- 11. export fails before streaming, 15. no paths in 503


@pytest.fixture
def broken(base_db, tmp_path):
    """A client over a copy of the fixture database whose events table is then taken away."""
    db = tmp_path / "secret-folder" / "events.db"
    db.parent.mkdir()
    shutil.copy(base_db, db)
    client = TestClient(create_app(str(db)), raise_server_exceptions=False)
    with client:
        con = sqlite3.connect(db)
        con.execute("ALTER TABLE events RENAME TO events_gone")
        con.commit()
        con.close()
        yield client, db


def test_export_from_a_failing_database_is_503_not_a_cut_200(broken):
    client, _ = broken
    for fmt in ("jsonl", "csv", "parquet"):
        r = client.get("/api/events/export", params={"format": fmt})
        assert r.status_code == 503, (fmt, r.status_code, r.text[:200])


def test_a_database_failure_does_not_reveal_where_the_database_is(broken):
    client, db = broken
    msg = _error(client.get("/api/events"), 503)
    assert "secret-folder" not in msg and str(db) not in msg and "events_gone" not in msg
    assert "try again later" in msg


# ------------------------------------------------------------------ 15. CSV formulas via the API


def test_api_csv_quotes_cells_a_spreadsheet_would_run(base_db, tmp_path):
    from newsevents.models import Article
    from newsevents.store import Store

    db = tmp_path / "f.db"
    shutil.copy(base_db, db)
    with Store(str(db)) as store:
        rec = dict(next(store.iter_events()))
        rec["sentence"] = '=HYPERLINK("http://attacker.example","click")'
        store.save([(Article(id=rec["article_id"], text=rec["sentence"]), [rec])])
    with TestClient(create_app(str(db))) as client:
        body = client.get("/api/events/export", params={"format": "csv", "article_id": rec["article_id"]}).text
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body and '"=HYPERLINK' not in body


# ---------------------------------------------- 10. coding as the CLI does; 1. a failing article


def test_posted_articles_are_coded_without_the_learned_check(make_server, monkeypatch):
    from newsevents import pipeline

    asked = []
    real_get = pipeline.Coder.get

    def get(model=None, learned=False):
        asked.append(learned)
        return real_get(model, learned)

    monkeypatch.setattr(pipeline.Coder, "get", staticmethod(get))
    url = make_server(token=TOKEN)
    r = httpx.post(f"{url}/api/articles", headers=AUTH, json={"text": ARTICLE}, timeout=120)
    assert r.status_code == 201, r.text
    assert asked == [False]


def test_learned_without_weights_is_refused_with_what_to_do(base_db, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_CLASSIFIER", str(tmp_path / "none.npz"))
    with pytest.raises(ValueError, match="make train"):
        create_app(str(base_db), learned=True)


@pytest.mark.slow
def test_an_article_whose_coding_fails_is_an_error_for_it_alone(make_server, monkeypatch):
    from newsevents.coding.events import EventCoder

    orig = EventCoder.code_doc

    def code_doc(self, article, doc):
        if "Zyxwvut" in article.text:
            raise RuntimeError("injected failure")
        return orig(self, article, doc)

    monkeypatch.setattr(EventCoder, "code_doc", code_doc)
    url = make_server(token=TOKEN)
    msg = _error(httpx.post(f"{url}/api/articles", headers=AUTH, timeout=120,
                            json={"id": "bad", "text": "Israel attacked Zyxwvut Gaza."}), 500)
    assert "could not be coded" in msg and "injected failure" in msg
    assert httpx.get(f"{url}/api/articles/bad").status_code == 404
    assert httpx.post(f"{url}/api/articles", headers=AUTH, timeout=120,
                      json={"id": "good", "text": ARTICLE}).status_code == 201


# ------------------------------------------------------- 7. reads never starve behind coding


def test_reads_are_answered_while_posted_articles_wait_for_the_coder(make_server, monkeypatch):
    """50 posts wait for a coder that is busy (held here): more than the 40 threads of the
    pool that serves the reads. The reads are answered all the same, the queue is bounded
    (503 with Retry-After beyond it), and the posts held are coded once the coder is free."""
    from newsevents import pipeline

    release = threading.Event()
    started = threading.Event()
    real = pipeline.Coder.code_article

    def slow_code_article(self, article):
        started.set()
        release.wait(60)
        return real(self, article)

    monkeypatch.setattr(pipeline.Coder, "code_article", slow_code_article)
    url = make_server(token=TOKEN)
    with ThreadPoolExecutor(50) as pool:
        posts = [pool.submit(httpx.post, f"{url}/api/articles", headers=AUTH, timeout=120,
                             json={"id": f"p{i}", "text": ARTICLE}) for i in range(50)]
        assert started.wait(60)
        try:
            for _ in range(3):
                assert httpx.get(f"{url}/api/stats", timeout=15).status_code == 200
            busy = [f.result() for f in posts if f.done()]
        finally:
            release.set()
        statuses = [f.result().status_code for f in posts]
    assert busy and all(r.status_code == 503 and r.headers["retry-after"] for r in busy)
    assert statuses.count(201) == 9 and statuses.count(503) == 41, statuses
