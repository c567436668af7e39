"""A real HTTP server on the loopback address serving feeds and pages (no other network)."""
from __future__ import annotations

import pytest

from .helpers import start_server


@pytest.fixture
def http_server():
    """A ``Server`` on 127.0.0.1 and a free port; ``set(path, body, ...)`` adds a route."""
    state, httpd = start_server()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
