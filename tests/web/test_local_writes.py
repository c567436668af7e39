"""Writing from a loopback server's own page: the local token is handed only to this
computer asking for a loopback host, and accepted only from it; elsewhere a token is
still needed."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsevents.web import create_app, is_loopback


def _client(app, client_ip: str, host: str = "127.0.0.1:8000") -> TestClient:
    """A client at ``client_ip`` asking for ``host`` (a synchronous client: the browser
    tests' Playwright holds an event loop in this thread)."""
    return TestClient(app, base_url=f"http://{host}", client=(client_ip, 50000))


@pytest.fixture
def local_app(base_db):
    return create_app(str(base_db), token=None, local_writes=True)


def _session_and_post(app, ip: str, host: str = "127.0.0.1:8000"):
    with _client(app, ip, host) as c:
        info = c.get("/api/session").json()
        headers = {"Authorization": f"Bearer {info['local_token']}"} if info["local_token"] else {}
        # an empty JSON object: past the token check it is refused as invalid (422)
        resp = c.post("/api/articles", content=b"{}", headers=headers)
        return info, resp


def test_the_local_page_gets_a_token_and_may_write(local_app):
    info, resp = _session_and_post(local_app, "127.0.0.1")
    assert info["writable"] and not info["token_required"] and info["local_token"]
    assert resp.status_code == 422  # the token passed; only the empty body is refused


def test_another_machine_gets_no_token_and_cannot_write(local_app):
    info, resp = _session_and_post(local_app, "192.168.1.20")
    assert not info["writable"] and info["local_token"] is None
    assert "NEWSEVENTS_TOKEN" in info["how"]
    assert resp.status_code == 403


def test_a_rebound_host_name_gets_no_token(local_app):
    info, _ = _session_and_post(local_app, "127.0.0.1", host="evil.example:8000")
    assert info["local_token"] is None and not info["writable"]


def test_the_local_token_is_refused_from_another_machine(local_app):
    with _client(local_app, "127.0.0.1") as c:
        token = c.get("/api/session").json()["local_token"]
    with _client(local_app, "10.0.0.9") as c:
        resp = c.post("/api/articles", content=b"{}",
                      headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 403


def test_without_local_writes_the_page_is_told_how_to_turn_writing_on(base_db):
    app = create_app(str(base_db), token=None)
    info, resp = _session_and_post(app, "127.0.0.1")
    assert not info["writable"] and "NEWSEVENTS_TOKEN" in info["how"]
    assert resp.status_code == 403 and "NEWSEVENTS_TOKEN" in resp.json()["error"]["message"]


def test_an_operator_token_wins_over_local_writes(base_db):
    app = create_app(str(base_db), token="s3cret", local_writes=True)
    info, resp = _session_and_post(app, "127.0.0.1")
    assert info["token_required"] and info["local_token"] is None
    assert resp.status_code == 401


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("[::1]") and is_loopback("127.0.1.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("::")
